// `node scripts/bench.mjs`: the benchmark (scripts/commands/bench.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/bench.ts');
