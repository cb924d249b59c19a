/** Writes `_headers` (CSP, security and cache headers) into the build output. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildOptions } from '../build/options.ts';
import { headersFile } from '../serving/security.ts';

export default function securityHeaders({ base }: Pick<BuildOptions, 'base'>): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(fileURLToPath(new URL('_headers', dir)), headersFile(base));
      },
    },
  };
}
