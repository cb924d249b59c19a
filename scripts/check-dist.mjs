// `node scripts/check-dist.mjs`: links, feeds and the Nu HTML checker over a built site (scripts/commands/check-dist.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/check-dist.ts');
