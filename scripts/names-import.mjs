// `node scripts/names-import.mjs <folder>`: the names table's imported part (scripts/commands/names-import.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/names-import.ts');
