/**
 * `npm run serve`: serves `dist/` on localhost the way the documented nginx
 * configuration does (scripts/static-server.ts): folders as `index.html`, the
 * nearest `404.html`, the headers of src/serving/security.ts, the `.br`/`.gz`
 * files written by the build, and the site under its base path.
 *
 * Usage: node scripts/serve.mjs [--dir dist] [--port 4321 | PORT=4321] [--base / | SITE_BASE=/news/]
 */
import { parseArgs } from 'node:util';
import { OptionsError, readToolSettings } from '../../src/build/options.ts';
import { createStaticServer } from '../static-server.ts';

let tools: ReturnType<typeof readToolSettings>;
try {
  tools = readToolSettings();
} catch (error) {
  console.error(error instanceof OptionsError ? error.message : String(error));
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: String(tools.port) },
    base: { type: 'string', default: tools.base },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: --port (or PORT) must be a port number, not "${values.port}"`);
  process.exit(1);
}

try {
  const server = await createStaticServer({ dir: values.dir, base: values.base });
  server.listen(port, '127.0.0.1', () => {
    const base = values.base.replace(/^\/?/, '/').replace(/\/?$/, '/');
    console.log(`Serving ${values.dir} at http://localhost:${port}${base}  (Ctrl+C to stop)`);
  });
  server.on('error', (error) => {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  });
} catch (error) {
  console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
