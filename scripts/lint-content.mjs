// `node scripts/lint-content.mjs`: every content check of the build, with the editors' lint (scripts/commands/lint-content.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/lint-content.ts');
