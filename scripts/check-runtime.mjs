// Stops early, with what to do, when a command runs on a Node.js too old for
// Astro 7. Plain JavaScript on purpose: it must run on any Node to say this.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    [
      `This project needs Node.js 22.12 or newer; this command ran on Node.js ${process.versions.node}.`,
      'The project pins Node.js 24 LTS as the npm package "node", which its npm scripts use.',
      'Run the commands through npm (npm start, npm test, npm run build) after `npm ci`;',
      'if `npm ci` skipped install scripts, run `npm rebuild node` or install Node.js 24 yourself.',
    ].join('\n'),
  );
  process.exit(1);
}
