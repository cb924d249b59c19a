// `node scripts/system-packages.mjs`: installs the Debian packages the tests need, or says how (scripts/commands/system-packages.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/system-packages.ts');
