/**
 * What the browser does itself, under the element (docs/failures.md, "Sent twice by the
 * browser"): a request on a kept-alive connection that drops before any answer is sent again
 * by Chromium, once, without the page knowing. For the OTP request, the mailback request and
 * the OTP verify, that is a second SMS, a second e-mail or a second use of the OTP from one
 * `fetch()` of the element: nothing in a page can stop it. Each test counts the element's own
 * `fetch()` calls beside what the fake API received.
 */
import { expect } from '@open-wc/testing';
import { requestMailback, requestCdslOtp, verifyCdslOtp, type ApiOptions } from '../../src/core/index.js';
import { openSession, expectNoPageErrors, type Session } from './harness.js';

const KEEP = { connection: 'keep-alive' };
const DETAILS = { pan: 'ABCDE1234F', boId: '1208160000000001', dob: '1990-01-15' };
const MAILBACK = { email: 'investor@example.com', fromDate: '2025-01-01', toDate: '2025-02-01', password: 'Remember2025' };

describe('sent twice by the browser: a kept-alive connection dropped before the answer', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
    expectNoPageErrors();
  });

  /** Options whose `fetch` counts the calls. */
  function counted(s: Session): { options: ApiOptions; fetches: () => number } {
    let n = 0;
    const fetch = ((...args: Parameters<typeof globalThis.fetch>) => (n++, globalThis.fetch(...args))) as typeof globalThis.fetch;
    return { options: { token: { url: s.tokenUrl }, apiBase: s.apiBase, fetch, retries: 2, retryDelay: 0 }, fetches: () => n };
  }

  for (const [what, path, first, call] of [
    ['the OTP request (an SMS each)', '/v4/cdsl/fetch', { status: 'success', session_id: 's1', msg: 'OTP sent' }, (o: ApiOptions) => requestCdslOtp(DETAILS, o)],
    ['the mailback request (an e-mail each)', '/v4/generate', { status: 'success', msg: 'CAS request submitted' }, (o: ApiOptions) => requestMailback(MAILBACK, o)],
    ['the OTP verify (the OTP used twice)', '/v4/cdsl/fetch/s1/verify', undefined, (o: ApiOptions) => verifyCdslOtp('s1', '123456', o)],
  ] as const) {
    it(`${what}: one fetch() of the element, two requests on the wire`, async () => {
      // The first answer keeps its connection open; the second request, on it, is dropped once
      // the server has read its first bytes; the browser sends it again on a new connection.
      session = await openSession({ api: [{ headers: KEEP, body: first }, { drop: true }, { body: first }] });
      const { options, fetches } = counted(session);
      await call(options);
      expect(fetches()).to.equal(1);
      await call(options);
      expect(fetches(), 'the element sent it once (it never repeats it)').to.equal(2);
      const seen = (await session.stats()).requests.filter((r) => r.path === path);
      expect(seen.map((r) => r.complete), 'the server saw it twice: the browser sent it again').to.deep.equal([true, false, true]);
    });
  }
});
