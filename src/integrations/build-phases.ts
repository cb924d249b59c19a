/**
 * Times the part of the build Astro does itself, for `npm run bench`: from
 * the start of the build (after the content is synced) to the last page
 * written, bundling the scripts and styles included (`render`).
 */
import type { AstroIntegration } from 'astro';
import { addTime } from '../build/timing.ts';

export default function buildPhases(): AstroIntegration {
  let started = 0;
  return {
    name: 'build-phases',
    hooks: {
      'astro:build:start': () => {
        started = performance.now();
      },
      'astro:build:generated': () => {
        addTime('render', performance.now() - started);
      },
    },
  };
}
