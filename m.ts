import { measureTree } from './scripts/bench/process-tree.ts';
const n = process.argv[2];
const r = await measureTree(
  process.execPath,
  ['scripts/build.ts', '--out', `/tmp/out-${n}`],
  {
    ...process.env,
    CONTENT_DIR: `/tmp/corpus-${n}`,
    ASTRO_CACHE_DIR: `/tmp/cache-${n}`,
    BUILD_TIMINGS: `/tmp/t${n}.json`,
    LOG_LEVEL: 'silent',
  },
  '/work/main',
);
console.log(
  JSON.stringify({
    status: r.status,
    wall: Math.round(r.wallMs),
    cpu: Math.round(r.cpuMs),
    peakMiB: Math.round(r.peakTreeRssKiB / 1024),
    byName: Object.fromEntries(Object.entries(r.peakByName).map(([k, v]) => [k, Math.round(v / 1024)])),
  }),
);
console.log(require_timings());
import { readFileSync } from 'node:fs';
function require_timings() {
  return readFileSync(`/tmp/t${n}.json`, 'utf8');
}
