/**
 * The middleware of the `during-render` integration: each prerendered page
 * the thread takes is read and handed to it, and the response goes on to be
 * written with the same bytes.
 */
import type { MiddlewareHandler } from 'astro';
import { duringRender } from '../build/state.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  const response = await next();
  const during = duringRender();
  if (during === undefined || !context.isPrerendered || response.status !== 200 || response.body === null) return response;
  // Asked before the body is read: most files, and every page while the thread is behind, are not read here.
  const hand = during.take(context.url.pathname);
  if (hand === undefined) return response;
  const bytes = await response.arrayBuffer();
  // A copy goes to the worker thread; Astro writes these bytes.
  hand(bytes.slice(0));
  return new Response(bytes, response);
};
