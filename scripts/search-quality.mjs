// `node scripts/search-quality.mjs`: recall and precision of search on a built site (scripts/commands/search-quality.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/search-quality.ts');
