/**
 * Stops the build once every page was made, if making an article's page or
 * feed item failed (`noteRenderFailure` in `src/build/state.ts`), naming each
 * article and what failed, once each, before the index and the checks spend
 * time on a site that will not be published.
 */
import type { AstroIntegration } from 'astro';
import { BuildError } from '../build/build-error.ts';
import { renderFailures } from '../build/state.ts';

export default function renderFailuresReport(): AstroIntegration {
  return {
    name: 'render-failures',
    hooks: {
      'astro:build:generated': () => {
        const failures = renderFailures();
        if (failures.length > 0)
          throw new BuildError(`The build stopped: ${failures.length} part(s) of articles could not be made.`, [
            ...failures,
            'The content checks passed these articles, so this is a fault of the build: report it with the article.',
          ]);
      },
    },
  };
}
