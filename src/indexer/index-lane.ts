/**
 * A child process of the indexer: one lane, with its own Pagefind service
 * (`pagefind-bundle.ts`), making the bundles it is sent one after another.
 * The indexer runs a lane per script, so two Pagefind binaries index at
 * once. A process, not a thread: a process reaps the service it started,
 * and when it ends, however it ends, the service's input closes and the
 * service ends with it. Run as plain Node, outside Astro.
 */
import { BundleFailure, makeBundle, stopService, type BundleOutcome, type BundleTask } from './pagefind-bundle.ts';

/** What the indexer sends a lane: a bundle to make, leave to build its index, or to close. */
export type LaneRequest = { kind: 'bundle'; task: BundleTask } | { kind: 'go' } | { kind: 'close' };

/**
 * What a lane sends the indexer: that it waits for leave to build an index
 * of `pages` pages, that it is done with that leave, or a bundle's outcome
 * (it answers a close by ending).
 */
export type LaneReply =
  { kind: 'turn'; pages: number } | { kind: 'turn-done'; pages: number } | { kind: 'bundle'; outcome: BundleOutcome };

/** The leave the lane waits for, if it waits. */
let leave: (() => void) | undefined;

const turn = (pages: number): Promise<() => void> =>
  new Promise((resolve) => {
    leave = () => resolve(() => reply({ kind: 'turn-done', pages }));
    reply({ kind: 'turn', pages });
  });

async function bundle(task: BundleTask): Promise<BundleOutcome> {
  try {
    return await makeBundle(task, turn);
  } catch (error) {
    if (error instanceof BundleFailure) return { kind: 'failed', title: error.title, problems: error.problems };
    // Not a page or a bundle of ours: Pagefind's service itself failed (it prints its own report above, if it has one).
    return {
      kind: 'failed',
      title: `The search index was not built: Pagefind failed while it made ${task.output}.`,
      problems: [
        error instanceof Error ? error.message : String(error),
        'If Pagefind did not start, reinstall it with `npm install`, or check PAGEFIND_BINARY_PATH.',
      ],
    };
  }
}

const send = process.send?.bind(process);
if (send === undefined) throw new Error('src/indexer/index-lane.ts runs as a child process of src/indexer/pagefind-index.ts');
const reply = (message: LaneReply): void => {
  if (process.connected) send(message);
};
// The indexer gone (it ended, or it closed this lane): the service stops with it.
process.on('disconnect', () => void stopService());
process.on('message', (request: LaneRequest) => {
  // Closing ends the process once its service is stopped: nothing else keeps it alive.
  if (request.kind === 'close') void stopService().finally(() => process.disconnect());
  else if (request.kind === 'go') leave?.();
  else void bundle(request.task).then((outcome) => reply({ kind: 'bundle', outcome }));
});
