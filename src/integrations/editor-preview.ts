/**
 * Tells the pages and the content loader whether this is `astro dev`, the
 * editor's preview: Astro hands the command to this hook. Not
 * `import.meta.env.DEV`, which on the server side can come from the
 * environment (a variable `DEV=1` set by a test runner or a CI would put the
 * preview into a built site).
 */
import type { AstroIntegration } from 'astro';
import { recordAstroCommand } from '../build/state.ts';

export default function editorPreview(): AstroIntegration {
  return {
    name: 'editor-preview',
    hooks: {
      'astro:config:setup': ({ command }) => {
        recordAstroCommand(command);
      },
    },
  };
}
