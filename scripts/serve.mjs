// `node scripts/serve.mjs`: serves a built site on localhost as nginx would (scripts/commands/serve.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/serve.ts');
