/**
 * Token sharing under load, against the real local servers: however many uploads start at
 * once, the page makes one token request; after expiry, one more; after a 403, exactly one
 * refresh however many uploads saw it.
 */
import { expect, aTimeout } from '@open-wc/testing';
import '../../src/entries/index.js';
import { CasUploadElement, clearTokenCache } from '../../src/entries/index.js';
import { TokenCache, uploadCas, type Clock } from '../../src/core/index.js';
import {
  openSession,
  pdf,
  record,
  settle,
  secret,
  expectNoLeaks,
  expectNoPageErrors,
  type Session,
  type SeenEvent,
} from './harness.js';

const ELEMENTS = 20;
const UPLOADS_EACH = 3;

function elements(session: Session): CasUploadElement[] {
  return Array.from({ length: ELEMENTS }, () => {
    const el = document.createElement('cas-upload') as CasUploadElement;
    el.setAttribute('token-url', session.tokenUrl);
    el.setAttribute('api-base', session.apiBase);
    el.setAttribute('retry-delay', '0');
    el.setAttribute('timeout', '10000');
    document.body.append(el);
    return el;
  });
}

/**
 * Every element starts `UPLOADS_EACH` uploads at once. On one element a new upload cancels the
 * one in flight, so per element the last one runs and the others reject `aborted`.
 */
async function wave(els: CasUploadElement[], password: string) {
  const runs = els.map((el) =>
    Array.from({ length: UPLOADS_EACH }, (_, i) => settle(el.upload(pdf(`cas-${i}.pdf`), password))),
  );
  const outcomes = await Promise.all(runs.map((r) => Promise.all(r)));
  for (const perElement of outcomes) {
    expect(perElement.slice(0, -1).map((o) => o.error?.code)).to.deep.equal(Array(UPLOADS_EACH - 1).fill('aborted'));
    expect(perElement.at(-1)!.error, 'the last upload of each element succeeds').to.equal(undefined);
  }
  return outcomes.flat();
}

describe('token sharing under load (real local servers)', () => {
  let session: Session | undefined;
  let els: CasUploadElement[] = [];
  beforeEach(() => clearTokenCache());
  afterEach(async () => {
    for (const el of els) el.remove();
    els = [];
    await session?.close();
    session = undefined;
    expectNoPageErrors();
  });

  it(`${ELEMENTS} elements x ${UPLOADS_EACH} uploads: one token request on a cold cache, one more after expiry`, async function () {
    this.timeout(20000);
    // expires_in 1 s: stale 900 ms after it was fetched (10 % skew).
    session = await openSession({ token: [{ expiresIn: 1 }] });
    els = elements(session);
    const events: SeenEvent[] = [];
    for (const el of els) record(el, events);
    const password = secret('pw-');

    const first = await wave(els, password);
    let stats = await session.stats();
    expect(stats.tokenRequests, 'cold cache: one token request').to.equal(1);
    expect(stats.apiRequests, 'one request per element').to.equal(ELEMENTS);
    expect(stats.requests.every((r) => r.tokenIndex === 0)).to.equal(true);

    await aTimeout(1000);
    const second = await wave(els, password);
    stats = await session.stats();
    expect(stats.tokenRequests, 'expired: exactly one more token request').to.equal(2);
    expect(stats.apiRequests).to.equal(2 * ELEMENTS);
    expect(stats.requests.slice(ELEMENTS).every((r) => r.tokenIndex === 1), 'the new token is used').to.equal(true);
    expect(els.every((el) => el.state === 'success')).to.equal(true);
    expect(events.filter((e) => e.type === 'cas-upload-success').length).to.equal(2 * ELEMENTS);
    expectNoLeaks([password, ...stats.tokens], {
      events,
      errors: [...first, ...second].map((o) => o.error).filter(Boolean),
    });
  });

  it(`${ELEMENTS} elements x ${UPLOADS_EACH} uploads after a 403: exactly one refresh`, async function () {
    this.timeout(20000);
    session = await openSession({ revokeFirstToken: true });
    els = elements(session);
    const events: SeenEvent[] = [];
    for (const el of els) record(el, events);
    const password = secret('pw-');
    await wave(els, password);
    const stats = await session.stats();
    expect(stats.tokenRequests, 'one token, then one refresh').to.equal(2);
    expect(stats.requests.filter((r) => r.status === 403).length, 'every element saw the 403').to.equal(ELEMENTS);
    expect(stats.requests.filter((r) => r.status === 200 && r.tokenIndex === 1).length, 'then succeeded').to.equal(ELEMENTS);
    expect(stats.apiRequests).to.equal(2 * ELEMENTS);
    expect(events.filter((e) => e.type === 'cas-upload-success').length).to.equal(ELEMENTS);
    expect(events.filter((e) => e.type === 'cas-upload-error').length).to.equal(0);
    expectNoLeaks([password, ...stats.tokens], { events });
  });

  describe('cas-upload/core: 60 uploads at once on one TokenCache with an injected clock', () => {
    let now = Date.now();
    const clock: Clock = { now: () => now, sleep: (ms) => aTimeout(ms) };
    const uploads = (s: Session, cache: TokenCache, n: number) =>
      Promise.all(
        Array.from({ length: n }, () =>
          settle(
            uploadCas({
              file: pdf(),
              password: 'x',
              token: { url: s.tokenUrl },
              apiBase: s.apiBase,
              retryDelay: 0,
              timeout: 10000,
              tokenCache: cache,
            }),
          ),
        ),
      );

    it('one token request cold, none while fresh, one after expiry', async function () {
      this.timeout(20000);
      session = await openSession({ token: [{ expiresIn: 600 }] });
      const cache = new TokenCache({ clock });
      /** Every upload of a batch parsed: no error, the fake API's statement each. */
      const parsed = (results: Awaited<ReturnType<typeof uploads>>, what: string) => {
        expect(results.filter((r) => r.error), what).to.deep.equal([]);
        expect(results.map((r) => r.value?.result?.investor?.name), what).to.deep.equal(results.map(() => 'Test Investor'));
      };
      parsed(await uploads(session, cache, 60), 'cold');
      expect((await session.stats()).tokenRequests).to.equal(1);
      now += 500 * 1000; // 600 s lifetime, 30 s skew: still fresh at 500 s.
      parsed(await uploads(session, cache, 10), 'fresh');
      expect((await session.stats()).tokenRequests).to.equal(1);
      now += 100 * 1000; // 600 s: expired.
      parsed(await uploads(session, cache, 60), 'after expiry');
      const stats = await session.stats();
      expect(stats.tokenRequests).to.equal(2);
      expect(stats.apiRequests).to.equal(130);
    });

    it('60 uploads that all saw a 403 cause exactly one refresh', async function () {
      this.timeout(20000);
      session = await openSession({ revokeFirstToken: true });
      const results = await uploads(session, new TokenCache({ clock }), 60);
      expect(results.filter((r) => r.error)).to.deep.equal([]);
      const stats = await session.stats();
      expect(stats.tokenRequests).to.equal(2);
      expect(stats.requests.filter((r) => r.status === 403).length).to.equal(60);
      expect(stats.apiRequests).to.equal(120);
    });
  });
});
