// `node scripts/corpus.mjs`: writes a generated archive of articles (scripts/commands/corpus.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/corpus.ts');
