// `node scripts/nginx-conf.mjs`: prints the nginx server block for a build (scripts/commands/nginx-conf.ts).
// Plain JavaScript, so that an old Node says what to do before it meets TypeScript.
import './check-runtime.mjs';
await import('./commands/nginx-conf.ts');
