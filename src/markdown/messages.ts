/**
 * Messages of one check plugin, at most `maxMessagesPerRule` per file: a
 * paragraph of a thousand ASCII commas is one mistake made a thousand
 * times, and working out the place of each of them would cost more than the
 * rest of the article. Past the limit, one last message says how many more
 * there are; their places are never computed.
 */
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

export const maxMessagesPerRule = 100;

export interface RuleReporter {
  /** Reports `reason` at the place `where` gives (called only for messages that are kept). */
  (reason: string, where: () => Point | Position | undefined): void;
  /** Adds the count of the messages left out, if any: call once, after the tree is read. */
  finish(): void;
}

export function ruleReporter(
  file: VFile,
  ruleId: string,
  { fatal, limit = maxMessagesPerRule }: { fatal: boolean; limit?: number },
): RuleReporter {
  let count = 0;
  let lastPlace: Point | Position | undefined;
  const report = ((reason, where) => {
    count += 1;
    if (count > limit) return;
    lastPlace = where();
    const message = file.message(reason, { place: lastPlace, ruleId, source: 'guoji' });
    message.fatal = fatal;
  }) as RuleReporter;
  report.finish = () => {
    if (count <= limit) return;
    const message = file.message(`and ${count - limit} more like the ones above (${ruleId})`, {
      place: lastPlace,
      ruleId,
      source: 'guoji',
    });
    message.fatal = fatal;
  };
  return report;
}
