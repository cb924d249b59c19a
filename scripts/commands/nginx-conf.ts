/**
 * `npm run nginx-conf`: prints the nginx `server` block for a build
 * (src/serving/nginx-conf.ts). docs/nginx.conf is its output with no options.
 *
 * Usage: node scripts/nginx-conf.ts [--base /guoji/] [--root /srv/www] [--listen 80] [--server-name news.example.org]
 */
import { parseArgs } from 'node:util';
import { readToolSettings } from '../../src/build/options.ts';
import { defaultNginxOptions, nginxConf } from '../../src/serving/nginx-conf.ts';

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: readToolSettings().base },
    root: { type: 'string', default: defaultNginxOptions.root },
    listen: { type: 'string', default: defaultNginxOptions.listen },
    'server-name': { type: 'string', default: defaultNginxOptions.serverName },
  },
});

try {
  process.stdout.write(
    nginxConf({ base: values.base, root: values.root, listen: values.listen, serverName: values['server-name'] }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
