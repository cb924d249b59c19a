/** A content error the editor can act on: printed as its message (one line per problem), without a stack. */
import { formatProblem, type ContentProblem } from './article-check.ts';

export class ContentError extends Error {
  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(`The build stopped: the content has ${count}.\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`);
    this.name = 'ContentError';
    this.stack = this.message;
  }
}
