/**
 * The middleware of the `during-render` integration: each prerendered
 * response's bytes are offered to be checked and compressed, and the
 * response goes on to be written with the same bytes.
 */
import type { MiddlewareHandler } from 'astro';
import { duringRender } from '../build/state.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const during = duringRender();
  if (during === undefined || !context.isPrerendered || response.status !== 200 || response.body === null) return response;
  const bytes = await response.arrayBuffer();
  // A copy goes to the worker thread; Astro writes these bytes.
  during.offer(context.url.pathname, bytes.slice(0));
  return new Response(bytes, response);
};
