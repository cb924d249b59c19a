/**
 * `node scripts/system-packages.mjs` (the first step of `npm test`): makes
 * sure the programs the tests drive are on this machine, as `.ci/run` used
 * to: Debian's Chromium (browser tests), Java (the W3C Nu HTML checker), nginx
 * with its brotli_static module (serving tests) and the Noto CJK fonts (the
 * browser tests' screenshots and glyph measurements). What is missing is
 * installed with apt-get when this runs as root on Debian; otherwise it stops
 * at once with the one command to run. Programs found at the paths the
 * settings give (`CHROMIUM_PATH`, `NGINX_PATH`, `NGINX_BROTLI_MODULE`, see
 * src/build/options.ts) count as installed.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { readToolSettings } from '../../src/build/options.ts';

const tools = readToolSettings();

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Whether a command answers on the PATH. */
const answers = (command: string, ...args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

interface Requirement {
  /** The Debian package that provides it. */
  debian: string;
  what: string;
  present: () => boolean;
}

const requirements: Requirement[] = [
  { debian: 'chromium', what: 'Chromium, for the browser tests', present: () => executable(tools.chromiumPath) },
  { debian: 'default-jre-headless', what: 'Java, for the W3C Nu HTML checker', present: () => answers('java', '-version') },
  { debian: 'nginx', what: 'nginx, for the serving tests', present: () => executable(tools.nginxPath) },
  {
    debian: 'libnginx-mod-http-brotli-static',
    what: "nginx's brotli_static module",
    present: () => existsSync(tools.nginxBrotliModule),
  },
  {
    debian: 'fonts-noto-cjk',
    what: 'Noto CJK fonts, so the browser draws Chinese text as readers see it',
    present: () => answers('sh', '-c', 'fc-list :lang=zh family | grep -q "Noto Sans CJK"'),
  },
];

const missing = requirements.filter((requirement) => !requirement.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map(({ debian }) => debian);
const install = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
console.log(`Missing for the tests: ${missing.map(({ what }) => what).join('; ')}.`);
const root = process.getuid?.() === 0;
if (!root || !answers('apt-get', '--version')) {
  console.error(
    answers('apt-get', '--version')
      ? `Run, then try again:\n  sudo apt-get update && sudo ${install}`
      : `This is not a Debian machine: install ${packages.join(', ')} (or set CHROMIUM_PATH, NGINX_PATH and NGINX_BROTLI_MODULE to where they are), then try again.`,
  );
  process.exit(1);
}
console.log(`Installing them: apt-get update && ${install}`);
// `env` sets the one variable apt needs to ask nothing, for its process alone.
const run = (args: string[]): boolean =>
  spawnSync('env', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], { stdio: 'inherit' }).status === 0;
if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...packages])) {
  console.error(`apt-get failed: run it yourself, then try again:\n  apt-get update && ${install}`);
  process.exit(1);
}
const still = requirements.filter((requirement) => !requirement.present());
if (still.length > 0) {
  console.error(`Still missing after apt-get: ${still.map(({ debian }) => debian).join(', ')}`);
  process.exit(1);
}
