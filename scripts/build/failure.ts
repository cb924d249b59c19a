/** A build's failure as the build command prints it. */

/** A failure already described for a person, in Astro's process (`render-site.ts`): printed as it is. */
export class DescribedFailure extends Error {
  override name = 'DescribedFailure';
}

/**
 * What went wrong, for a person. The content's and the publish checks'
 * errors are written for editors and print alone; anything else may be a
 * bug, and prints its stack trace under DEBUG=1.
 */
export function describeFailure(error: unknown, debug: boolean): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof DescribedFailure) return error.message;
  if (error.name === 'ContentError' || error.name === 'BuildError' || error.message.startsWith('The build stopped'))
    return error.message;
  return debug ? String(error.stack) : `${error.message}\n(set DEBUG=1 for the stack trace)`;
}
