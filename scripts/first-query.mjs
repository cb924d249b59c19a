// `node scripts/first-query.mjs --site <built site>`: what the first search costs on it (scripts/commands/first-query.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/first-query.ts');
