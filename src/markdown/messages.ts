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
  /**
   * Reports `reason` at the place `where` gives (called only for messages
   * that are kept), with what a tool reading the messages needs: the form
   * found, the forms expected, and the fix to write.
   */
  (reason: string, where: () => Point | Position | undefined, details?: MessageDetails): void;
  /** Adds the count of the messages left out, if any: call once, after the tree is read. */
  finish(): void;
}

/** vfile-message's own fields for what was found, what was expected and how to fix it. */
export interface MessageDetails {
  actual?: string | undefined;
  expected?: string[] | undefined;
  note?: string | undefined;
}

export function ruleReporter(
  file: VFile,
  ruleId: string,
  { fatal, limit = maxMessagesPerRule }: { fatal: boolean; limit?: number },
): RuleReporter {
  let count = 0;
  let lastPlace: Point | Position | undefined;
  const report = ((reason, where, details) => {
    count += 1;
    if (count > limit) return;
    lastPlace = where();
    const message = file.message(reason, { place: lastPlace, ruleId, source: 'guoji' });
    message.fatal = fatal;
    if (details?.actual !== undefined) message.actual = details.actual;
    if (details?.expected !== undefined) message.expected = details.expected;
    if (details?.note !== undefined) message.note = details.note;
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
