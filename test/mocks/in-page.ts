/**
 * The parse endpoint mocked inside the page (msw's in-page XHR interception, no service
 * worker), so that upload progress events really fire. Shared by the UX and accessibility
 * tests: set `api.answer` to choose the next answer; `held` keeps the parse phase open until
 * `api.release()`.
 */
import { http, HttpResponse } from 'msw';
import { defineNetwork, InterceptorSource } from 'msw/experimental';
import { XMLHttpRequestInterceptor } from '@mswjs/interceptors/XMLHttpRequest';
import RESULT from './smart-parse-response.json';

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
  sources: [new InterceptorSource({ interceptors: [new XMLHttpRequestInterceptor()] })],
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

/**
 * The next request ends with the XHR `timeout` event. In-page interception neither times a
 * request out nor ends a held one on `abort()`, so it steps aside for that request and the
 * event is fired here instead of sending.
 */
export async function timeOutNextRequest(): Promise<void> {
  await network.disable();
  const Xhr = window.XMLHttpRequest;
  window.XMLHttpRequest = class extends Xhr {
    override send(): void {
      window.XMLHttpRequest = Xhr;
      setTimeout(() => this.dispatchEvent(new ProgressEvent('timeout')));
      network.enable();
    }
  };
}
