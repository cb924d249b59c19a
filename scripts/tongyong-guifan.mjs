// `node scripts/tongyong-guifan.mjs`: writes src/conversion/data/tongyong-guifan.ts from Unihan (scripts/commands/tongyong-guifan.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/tongyong-guifan.ts');
