/**
 * Astro's part of the build, in a process of its own, started by the build
 * command (`scripts/commands/build.ts`) with the options it read and the
 * folder to build into: the content, the pages, the sitemap and the
 * incremental pages (`astro.config.ts`). It hands the build state the later
 * phases read to the build command (`handOff` in `src/build/state.ts`) and
 * exits, so that everything Astro held (its data store, its modules, the
 * heap they grew) is given back before the index, the checks and the twins
 * run: at 5,000 articles Astro's process still held 1.1 GB of memory, its
 * live heap 0.27 GB of it.
 */
import { disableAstroTelemetry, type BuildOptions } from '../../src/build/options.ts';
import { handOff, useBuildOptions, type RenderHandoff } from '../../src/build/state.ts';
import { describeFailure } from './failure.ts';

/** What the build command sends: the options it read, and the folder to build into. */
export interface RenderRequest {
  options: BuildOptions;
  outDir: string;
}

/** What this process answers: the state for the later phases and its peak memory, or what went wrong, said for a person. */
export type RenderReply = { handoff: RenderHandoff; peakRssKiB: number } | { failure: string };

const send = (reply: RenderReply): Promise<void> =>
  new Promise((done, fail) => process.send?.(reply, (error: Error | null) => (error ? fail(error) : done())));

let answered = false;
// Without the build command this process has nothing left to do: a killed build leaves no renderer behind.
process.on('disconnect', () => {
  if (!answered) process.exit(1);
});

process.once('message', (request: RenderRequest) => {
  void (async () => {
    useBuildOptions(request.options);
    disableAstroTelemetry();
    try {
      // Astro is loaded here, after the telemetry switch.
      const { build } = await import('astro');
      await build({ root: request.options.root, outDir: request.outDir, logLevel: request.options.quiet ? 'error' : 'info' });
      await send({ handoff: handOff(), peakRssKiB: process.resourceUsage().maxRSS });
    } catch (error) {
      await send({ failure: describeFailure(error, request.options.debug) });
    }
    answered = true;
    // Nothing else is asked of this process: it ends once Astro's work has.
    process.disconnect();
  })();
});
