/**
 * An error the build reports to a person as a list of problems: printed as
 * its message alone, with no stack trace, by the build command (`scripts/commands/build.ts`).
 */
export class BuildError extends Error {
  constructor(title: string, problems: readonly string[]) {
    super(`${title}\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'BuildError';
    this.stack = this.message;
  }
}
