/**
 * The parse endpoint mocked inside the page (msw's in-page XHR interception, no service
 * worker), so that upload progress events really fire. Shared by the UX and accessibility
 * tests: set `api.answer` to choose the next answer; `held` keeps the parse phase open until
 * `api.release()`; `timeOut(el)` sends the element's next upload to a real server that never
 * answers.
 */
import { http, HttpResponse } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import type { Interceptor } from '@mswjs/interceptors';
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest';
import RESULT from './smart-parse-response.json';
import type { CasUploadElement } from '../../src/entries/index.js';
import { openSession, type Session } from '../resilience/servers.js';

/** The mocked endpoint. */
export const PARSE_URL = 'https://api.casparser.in/v4/smart/parse';

/** One answer of the API. */
export type Answer = () => Response | Promise<Response>;

/** The parsed statement, as the fixture has it. */
export const success: Answer = () => HttpResponse.json(RESULT);

/** The next answer, and how to end a held one. */
export const api: { answer: Answer; release: () => void } = { answer: success, release: () => {} };

/** Enable in `before`, disable in `after`. */
export const network = defineNetwork({
  // msw 2 types this list as HTTP and WebSocket interceptors at once; msw's own setup passes Interceptor<any>.
  sources: [new InterceptorSource({ interceptors: [new XMLHttpRequestInterceptor() as Interceptor<any>] })],
  handlers: [http.post(PARSE_URL, () => api.answer())],
  onUnhandledFrame: 'error',
  context: { quiet: true },
});

/** An API error body `{status: 'failed', msg}` with `status`. */
export const failed =
  (status: number, msg: string): Answer =>
  () =>
    HttpResponse.json({ status: 'failed', msg }, { status });

/**
 * The parse phase: the bytes are all received and the headers answered, but the body stays
 * open until `api.release()`, as while the API reads a statement.
 */
export const held: Answer = () =>
  new HttpResponse(
    new ReadableStream({
      start(controller) {
        api.release = () => {
          api.release = () => {};
          try {
            controller.enqueue(new TextEncoder().encode(JSON.stringify(RESULT)));
            controller.close();
          } catch {
            // The request was cancelled or timed out: the stream is gone already.
          }
        };
      },
    }),
    { headers: { 'content-type': 'application/json' } },
  );

/** The real hanging API of the element whose upload is to time out (see {@link timeOut}). */
let hanging: Session | undefined;

/**
 * Makes `el`'s next upload end in a real timeout, through the real transport: its API becomes
 * a real local server (scripts/fault-servers.mjs) that reads the request and never answers,
 * its `timeout` becomes `ms`, and in-page interception steps aside (it neither times a request
 * out nor lets one be aborted) until {@link endTimeOut}, which `afterEach` calls.
 */
export async function timeOut(el: CasUploadElement, ms = 300): Promise<void> {
  hanging = await openSession({ api: [{ hang: true }] });
  el.apiBase = hanging.apiBase;
  el.timeout = ms;
  await network.disable();
}

/** Closes the hanging API of {@link timeOut}, if any, and turns in-page interception back on. */
export async function endTimeOut(): Promise<void> {
  if (!hanging) return;
  await hanging.close();
  hanging = undefined;
  network.enable();
}
