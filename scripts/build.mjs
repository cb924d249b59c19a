// `node scripts/build.mjs`: the build: index, check and publish into dist/ (src/build/options.ts lists its flags) (scripts/commands/build.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/build.ts');
