// `node scripts/lighthouse.mjs`: Lighthouse scores of every page type (scripts/commands/lighthouse.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/lighthouse.ts');
