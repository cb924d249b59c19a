// `node scripts/compare-opencc.mjs`: our conversion against the reference OpenCC tool (scripts/commands/compare-opencc.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/compare-opencc.ts');
