import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { TokenCache, MAX_TOKEN_AGE, type TokenSource, type TokenResponse } from '../src/core/token-cache.js';
import { CasUploadError } from '../src/core/errors.js';
import type { Clock } from '../src/core/clock.js';
import { TOKEN_URL, createHandlers, createMockState, resetMockState } from './mocks/handlers.js';
import { rejectionOf } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Helpers: a fake clock (no sleeping), a scriptable fake fetch, and small promise tools.
// ---------------------------------------------------------------------------------------------

/** Whole seconds, so that epoch-seconds expiries are exact. */
const T0 = 1_767_225_600_000; // 2026-01-01T00:00:00Z

class FakeClock implements Clock {
  t = T0;
  now(): number {
    return this.t;
  }
  sleep(_ms: number, signal?: AbortSignal): Promise<void> {
    return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(at: number): void {
    this.t = at;
  }
}

interface FetchCall {
  url: string;
  init: RequestInit;
  headers: Headers;
}

type Responder = (call: FetchCall, n: number) => Response | Promise<Response>;

/** A fetch that records its calls and answers with `responder` (default: `at_<n>`, no expiry). */
function fakeFetch(responder: Responder = (_c, n) => json({ access_token: `at_${n}` })) {
  const calls: FetchCall[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init, headers: new Headers(init.headers) };
    calls.push(call);
    return responder(call, calls.length);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending microtasks and promise chains run. */
const flush = () => new Promise((r) => setTimeout(r, 0));

const SRC: TokenSource = { url: 'https://host.example/api/casparser/token' };

/** A cache whose source answers `response` on the n-th call (n from 1). */
function cacheAnswering(response: (n: number) => Partial<TokenResponse> & Record<string, unknown>) {
  const clock = new FakeClock();
  const f = fakeFetch((_c, n) => json(response(n)));
  const cache = new TokenCache({ fetch: f.fetch, clock });
  return { clock, cache, calls: f.calls };
}

// ---------------------------------------------------------------------------------------------
// msw for the tests that go through the real fetch and a real (mocked) endpoint.
// ---------------------------------------------------------------------------------------------

const state = createMockState();
const worker = setupWorker(...createHandlers(state));

before(async () => {
  await worker.start({ onUnhandledRequest: 'error', quiet: true });
});
after(() => worker.stop());
beforeEach(() => resetMockState(state));
afterEach(() => worker.resetHandlers());

// ---------------------------------------------------------------------------------------------

describe('TokenCache: expiry (CONTRACT section 3)', () => {
  it('expires_in 3600: reused until 30 s before expiry, then fetched again', async () => {
    const { clock, cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 3600 }));
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 3600_000 - 30_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    expect(calls).to.have.length(1);
    clock.set(T0 + 3600_000 - 30_000);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });

  it('expires_in 100: the skew is 10% of the lifetime (10 s) when that is under 30 s', async () => {
    const { clock, cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 100 }));
    await cache.get(SRC);
    clock.set(T0 + 90_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 90_000);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });

  it('expires_in 300: 10% equals 30 s, so the skew is exactly 30 s', async () => {
    const { clock, cache } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 300 }));
    await cache.get(SRC);
    clock.set(T0 + 270_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 270_000);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('the expiry is counted from the new token, not the first one', async () => {
    const { clock, cache } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 100 }));
    await cache.get(SRC);
    clock.set(T0 + 90_000);
    expect(await cache.get(SRC)).to.equal('at_2');
    clock.set(T0 + 90_000 + 89_999);
    expect(await cache.get(SRC)).to.equal('at_2');
    clock.set(T0 + 180_000);
    expect(await cache.get(SRC)).to.equal('at_3');
  });

  it('expires_at as an ISO 8601 string', async () => {
    const at = new Date(T0 + 600_000).toISOString();
    const { clock, cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_at: at }));
    await cache.get(SRC);
    clock.set(T0 + 570_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 570_000);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });

  it('expires_at as an ISO 8601 string with an offset, short lifetime (10% skew)', async () => {
    // T0 + 200 s, written in India Standard Time.
    const at = new Date(T0 + 200_000 + 5.5 * 3600_000).toISOString().replace('Z', '+05:30');
    const { clock, cache } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_at: at }));
    await cache.get(SRC);
    clock.set(T0 + 180_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 180_000);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('expires_at as epoch seconds (number)', async () => {
    const { clock, cache } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_at: (T0 + 600_000) / 1000 }));
    await cache.get(SRC);
    clock.set(T0 + 570_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 570_000);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('expires_at as epoch seconds in a string', async () => {
    const { clock, cache } = cacheAnswering((n) => ({
      access_token: `at_${n}`,
      expires_at: String((T0 + 600_000) / 1000),
    }));
    await cache.get(SRC);
    clock.set(T0 + 570_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 570_000);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('expires_at as epoch milliseconds', async () => {
    const { clock, cache } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_at: T0 + 600_000 }));
    await cache.get(SRC);
    clock.set(T0 + 570_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 570_000);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('with no expiry, a token is kept for at most 60 minutes', async () => {
    const { clock, cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, token_type: 'api_key' }));
    expect(MAX_TOKEN_AGE).to.equal(60 * 60 * 1000);
    await cache.get(SRC);
    clock.set(T0 + 50 * 60_000);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 60 * 60_000);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });

  it('an unparseable expires_at counts as no expiry (60-minute cap)', async () => {
    const { clock, cache } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_at: 'next tuesday' }));
    await cache.get(SRC);
    clock.set(T0 + 50 * 60_000);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 60 * 60_000);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('an expires_in beyond 60 minutes is capped at 60 minutes', async () => {
    const { clock, cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 7200 }));
    await cache.get(SRC);
    clock.set(T0 + 60 * 60_000 - 1);
    expect(await cache.get(SRC)).to.equal('at_1');
    clock.set(T0 + 60 * 60_000);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });

  it('an expires_at in 2099 is capped at 60 minutes', async () => {
    const { clock, cache } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_at: '2099-01-01T00:00:00Z' }));
    await cache.get(SRC);
    clock.set(T0 + 3 * 60 * 60_000);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('a token that is already expired is not reused', async () => {
    const { cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_at: T0 - 1000 }));
    expect(await cache.get(SRC)).to.equal('at_1');
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });
});

describe('TokenCache: sharing', () => {
  it('one request in flight for N concurrent callers, all get the same token', async () => {
    const gate = deferred<void>();
    const f = fakeFetch(async (_c, n) => {
      await gate.promise;
      return json({ access_token: `at_${n}`, expires_in: 3600 });
    });
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const waiters = Array.from({ length: 10 }, () => cache.get(SRC));
    await flush();
    expect(f.calls).to.have.length(1);
    gate.resolve();
    const tokens = await Promise.all(waiters);
    expect(new Set(tokens)).to.deep.equal(new Set(['at_1']));
    expect(await cache.get(SRC)).to.equal('at_1');
    expect(f.calls).to.have.length(1);
  });

  it('a later caller reuses the cached token without a request', async () => {
    const { cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 3600 }));
    await cache.get(SRC);
    await cache.get(SRC);
    await cache.get(SRC);
    expect(calls).to.have.length(1);
  });

  it('two caches do not share tokens', async () => {
    const f = fakeFetch();
    const a = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const b = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const [ta, tb] = await Promise.all([a.get(SRC), b.get(SRC)]);
    expect(f.calls).to.have.length(2);
    expect(ta).to.not.equal(tb);
  });

  it('two token URLs in one cache do not share tokens', async () => {
    const f = fakeFetch((call, n) => json({ access_token: `at_${n}_${new URL(call.url).pathname.split('/').pop()}` }));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const one = { url: 'https://host.example/token-one' };
    const two = { url: 'https://host.example/token-two' };
    const [t1, t2] = await Promise.all([cache.get(one), cache.get(two)]);
    expect(f.calls.map((c) => c.url).sort()).to.deep.equal([one.url, two.url]);
    expect(t1).to.match(/token-one$/);
    expect(t2).to.match(/token-two$/);
    expect(await cache.get(one)).to.equal(t1);
    expect(await cache.get(two)).to.equal(t2);
    expect(f.calls).to.have.length(2);
  });

  it('GET and POST on the same URL are different sources', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    await cache.get({ url: SRC.url, method: 'GET' });
    await cache.get({ url: SRC.url, method: 'POST' });
    expect(f.calls.map((c) => c.init.method)).to.deep.equal(['GET', 'POST']);
  });

  it('two providers in one cache do not share tokens', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    let a = 0;
    let b = 0;
    const pa = { provider: async () => `at_a${++a}` };
    const pb = { provider: async () => `at_b${++b}` };
    expect(await cache.get(pa)).to.equal('at_a1');
    expect(await cache.get(pb)).to.equal('at_b1');
    expect(await cache.get(pa)).to.equal('at_a1');
    expect([a, b]).to.deep.equal([1, 1]);
  });

  it('two source objects with the same URL, method and init share the token (same token source)', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const init = () => ({ headers: { 'X-CSRF-Token': 'abc', accept: 'application/json' }, credentials: 'include' as const });
    expect(await cache.get({ url: SRC.url, init: init() })).to.equal('at_1');
    // The same headers in another order, case and shape are the same request.
    const again = { headers: [['accept', 'application/json'], ['x-csrf-token', 'abc']] as [string, string][], credentials: 'include' as const };
    expect(await cache.get({ url: SRC.url, init: again })).to.equal('at_1');
    expect(f.calls).to.have.length(1);
  });

  it('the same URL with other headers, credentials or POST body is another source (two accounts on one page)', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const a = { url: SRC.url, init: { headers: { 'x-account': 'a' } } };
    const b = { url: SRC.url, init: { headers: { 'x-account': 'b' } } };
    const [ta, tb] = await Promise.all([cache.get(a), cache.get(b)]);
    expect(ta).to.not.equal(tb);
    expect(await cache.get(a)).to.equal(ta);
    expect(await cache.get(b)).to.equal(tb);
    const post = (body: string) => ({ url: SRC.url, method: 'POST' as const, init: { body } });
    const [p1, p2] = await Promise.all([cache.get(post('{"account":1}')), cache.get(post('{"account":2}'))]);
    expect(p1).to.not.equal(p2);
    expect(await cache.get(post('{"account":1}'))).to.equal(p1);
    const withCookies = await cache.get({ url: SRC.url, init: { credentials: 'include' } });
    expect(withCookies).to.not.equal(await cache.get(SRC));
    expect(f.calls).to.have.length(6);
  });

  it('a relative and an absolute token URL of the same endpoint share one token', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const absolute = new URL('/api/casparser/token', location.href).href;
    expect(await cache.get({ url: '/api/casparser/token' })).to.equal('at_1');
    expect(await cache.get({ url: absolute })).to.equal('at_1');
    expect(await cache.get({ url: absolute, method: 'GET', init: {} })).to.equal('at_1');
    expect(f.calls).to.have.length(1);
  });

  it('a provider source with a key shares the token of that key (a new function costs nothing)', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    let calls = 0;
    const first = async () => `at_${++calls}`;
    expect(await cache.get({ provider: first })).to.equal('at_1');
    for (let i = 0; i < 200; i++) expect(await cache.get({ provider: async () => `at_${++calls}`, key: first })).to.equal('at_1');
    expect(calls).to.equal(1);
  });
});

describe('TokenCache: a token source that never answers', () => {
  it('a provider that never settles → token-error after the timeout, and the next call asks again', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    let calls = 0;
    const provider = () => (++calls === 1 ? new Promise<string>(() => {}) : Promise.resolve('at_ok'));
    const [one, two] = await Promise.all([rejectionOf(cache.get({ provider }, undefined, 30)), rejectionOf(cache.get({ provider }, undefined, 30))]);
    expect([one.code, two.code]).to.deep.equal(['token-error', 'token-error']);
    expect(one.retryable).to.equal(true);
    expect(await cache.get({ provider })).to.equal('at_ok');
    expect(calls).to.equal(2);
  });

  it('a token request that every caller gave up waiting for is ended and dropped: the next call asks again', async () => {
    const signals: AbortSignal[] = [];
    const f = fakeFetch((call, n) =>
      n === 1
        ? new Promise<Response>(() => signals.push(call.init.signal!))
        : json({ access_token: `at_${n}` }),
    );
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const a = new AbortController();
    const b = new AbortController();
    const waits = [rejectionOf(cache.get(SRC, a.signal)), rejectionOf(cache.get(SRC, b.signal))];
    await flush();
    a.abort();
    await flush();
    expect(signals[0].aborted, 'still awaited by one caller').to.equal(false);
    b.abort();
    expect((await Promise.all(waits)).map((e) => e.code)).to.deep.equal(['aborted', 'aborted']);
    expect(signals[0].aborted, 'the abandoned request is ended').to.equal(true);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('a hung provider that every caller abandoned is dropped: the next call asks again', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    let calls = 0;
    const provider = () => (++calls === 1 ? new Promise<string>(() => {}) : Promise.resolve('at_ok'));
    const a = new AbortController();
    const waiting = rejectionOf(cache.get({ provider }, a.signal));
    await flush();
    a.abort();
    expect((await waiting).code).to.equal('aborted');
    expect(await cache.get({ provider })).to.equal('at_ok');
    expect(calls).to.equal(2);
  });

  it('a timeout of 2^31 ms or more does not fire at once', async () => {
    const gate = deferred<void>();
    const f = fakeFetch(async () => (await gate.promise, json({ access_token: 'at_late' })));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const got = cache.get(SRC, undefined, 2 ** 31);
    await new Promise((r) => setTimeout(r, 20));
    gate.resolve();
    expect(await got).to.equal('at_late');
  });
});

describe('TokenCache: failures are never cached', () => {
  it('after a failed request the next call fetches again', async () => {
    const f = fakeFetch((_c, n) => (n === 1 ? json({ detail: 'boom' }, 500) : json({ access_token: 'at_ok' })));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const err = await rejectionOf(cache.get(SRC));
    expect(err.code).to.equal('token-error');
    expect(await cache.get(SRC)).to.equal('at_ok');
    expect(f.calls).to.have.length(2);
  });

  it('every concurrent waiter of a failed request gets token-error, and the next call fetches again', async () => {
    const gate = deferred<void>();
    const f = fakeFetch(async (_c, n) => {
      if (n === 1) {
        await gate.promise;
        return json({}, 503);
      }
      return json({ access_token: 'at_second' });
    });
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const waiters = Array.from({ length: 5 }, () => rejectionOf(cache.get(SRC)));
    await flush();
    gate.resolve();
    const errors = await Promise.all(waiters);
    expect(errors.map((e) => e.code)).to.deep.equal(Array(5).fill('token-error'));
    expect(f.calls).to.have.length(1);
    expect(await cache.get(SRC)).to.equal('at_second');
    expect(f.calls).to.have.length(2);
  });

  it('a refused sk_ key is not cached either', async () => {
    const f = fakeFetch((_c, n) => json({ access_token: n === 1 ? 'sk_live_abc' : 'at_fine' }));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    expect((await rejectionOf(cache.get(SRC))).code).to.equal('token-error');
    expect(await cache.get(SRC)).to.equal('at_fine');
  });

  it('a throwing provider is not cached', async () => {
    let n = 0;
    const source = {
      provider: async () => {
        n += 1;
        if (n === 1) throw new Error('backend down');
        return 'at_recovered';
      },
    };
    const cache = new TokenCache({ clock: new FakeClock() });
    expect((await rejectionOf(cache.get(source))).code).to.equal('token-error');
    expect(await cache.get(source)).to.equal('at_recovered');
    expect(n).to.equal(2);
  });
});

describe('TokenCache: invalidate', () => {
  it('drops the token it was given, so the next call fetches a new one', async () => {
    const { cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 3600 }));
    const t = await cache.get(SRC);
    cache.invalidate(SRC, t);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });

  it('does nothing when the cache holds a different token', async () => {
    const { cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 3600 }));
    await cache.get(SRC);
    cache.invalidate(SRC, 'at_someone_else');
    expect(await cache.get(SRC)).to.equal('at_1');
    expect(calls).to.have.length(1);
  });

  it('a late invalidate of the old token does not drop the refreshed one', async () => {
    const { cache, calls } = cacheAnswering((n) => ({ access_token: `at_${n}`, expires_in: 3600 }));
    const old = await cache.get(SRC);
    cache.invalidate(SRC, old);
    expect(await cache.get(SRC)).to.equal('at_2');
    cache.invalidate(SRC, old);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(calls).to.have.length(2);
  });

  it('only drops the token of the given source', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const other = { url: 'https://host.example/other-token' };
    const t1 = await cache.get(SRC);
    const t2 = await cache.get(other);
    cache.invalidate(other, t1);
    expect(await cache.get(SRC)).to.equal(t1);
    expect(await cache.get(other)).to.equal(t2);
    expect(f.calls).to.have.length(2);
  });

  it('20 concurrent uploads that saw the same 403 cause exactly one refresh', async () => {
    const gate = deferred<void>();
    const f = fakeFetch(async (_c, n) => {
      if (n > 1) await gate.promise;
      return json({ access_token: `at_${n}`, expires_in: 3600 });
    });
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const used = await cache.get(SRC);
    // Each "upload" got a 403 with `used`, drops it and asks for a fresh one, at slightly
    // different moments (some before the refresh started, some while it is in flight).
    const uploads = Array.from({ length: 20 }, async (_, i) => {
      for (let k = 0; k < i % 4; k++) await Promise.resolve();
      cache.invalidate(SRC, used);
      return cache.get(SRC);
    });
    await flush();
    gate.resolve();
    const tokens = await Promise.all(uploads);
    expect(f.calls).to.have.length(2);
    expect(new Set(tokens)).to.deep.equal(new Set(['at_2']));
    // And invalidations that arrive after the refresh finished change nothing.
    cache.invalidate(SRC, used);
    expect(await cache.get(SRC)).to.equal('at_2');
    expect(f.calls).to.have.length(2);
  });
});

describe('TokenCache: the token response', () => {
  it('refuses an sk_ secret key with token-error', async () => {
    const { cache } = cacheAnswering(() => ({ access_token: 'sk_live_0123456789abcdef' }));
    const err = await rejectionOf(cache.get(SRC));
    expect(err.code).to.equal('token-error');
  });

  it('refuses an sk_ key from a tokenProvider with token-error', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    const err = await rejectionOf(cache.get({ provider: async () => 'sk_test_secret' }));
    expect(err.code).to.equal('token-error');
  });

  it('a non-2xx answer → token-error with its status', async () => {
    for (const status of [400, 401, 403, 404, 500, 503]) {
      const f = fakeFetch(() => json({ detail: 'Not signed in' }, status));
      const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
      const err = await rejectionOf(cache.get(SRC));
      expect(err.code, String(status)).to.equal('token-error');
      expect(err.status, String(status)).to.equal(status);
    }
  });

  it('a 402 (cas-upload/server: the quota is exhausted) → quota-exceeded, not retryable, with its message; never cached', async () => {
    const message = 'The CAS Parser API key has no credits left until 2027-01-01T00:00:00Z; a new access token would not help.';
    const f = fakeFetch(() => json({ error: 'quota-exceeded', message }, 402));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const err = await rejectionOf(cache.get(SRC));
    expect(err).to.be.instanceOf(CasUploadError);
    expect(err.code).to.equal('quota-exceeded');
    expect(err.status).to.equal(402);
    expect(err.apiMessage).to.equal(message);
    expect(err.retryable).to.equal(false);
    await rejectionOf(cache.get(SRC));
    expect(f.calls).to.have.length(2);
  });

  it('a 503 store-unavailable (cas-upload/server: its store did not answer in time) → a retryable token-error; the next call asks again', async () => {
    const message = 'The token store did not answer within 10000 ms; try again shortly.';
    const f = fakeFetch((_c, n) => (n === 1 ? json({ error: 'store-unavailable', message }, 503) : json({ access_token: 'at_2' })));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const err = await rejectionOf(cache.get(SRC));
    expect(err.code).to.equal('token-error');
    expect(err.status).to.equal(503);
    expect(err.apiMessage).to.equal(message);
    expect(err.retryable).to.equal(true);
    expect(await cache.get(SRC)).to.equal('at_2');
  });

  it('a non-2xx JSON answer keeps its message as apiMessage ({message} from the server helper, {detail}, {msg})', async () => {
    const bodies = [
      [{ error: 'upstream-error', message: 'The API answered HTTP 500 to the token request.' }, 'The API answered HTTP 500 to the token request.'],
      [{ detail: 'Not signed in' }, 'Not signed in'],
      [{ status: 'failed', msg: 'Denied' }, 'Denied'],
    ] as const;
    for (const [body, message] of bodies) {
      const cache = new TokenCache({ fetch: fakeFetch(() => json(body, 502)).fetch, clock: new FakeClock() });
      const err = await rejectionOf(cache.get(SRC));
      expect(err.code).to.equal('token-error');
      expect(err.apiMessage).to.equal(message);
    }
  });

  it('a non-2xx HTML answer (a login page sent with 401) → token-error', async () => {
    const f = fakeFetch(() => new Response('<html>login</html>', { status: 401, headers: { 'content-type': 'text/html' } }));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    expect((await rejectionOf(cache.get(SRC))).code).to.equal('token-error');
  });

  it('an HTML body (a login page answered with 200) → token-error', async () => {
    const f = fakeFetch(
      () => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    expect((await rejectionOf(cache.get(SRC))).code).to.equal('token-error');
  });

  it('JSON without a usable access_token → token-error', async () => {
    const bodies: unknown[] = [
      {},
      { token: 'at_wrong_field' },
      { access_token: '' },
      { access_token: '   ' },
      { access_token: 42 },
      { access_token: null },
      [],
      null,
      true,
    ];
    const outcomes: string[] = [];
    for (const body of bodies) {
      const f = fakeFetch(() => json(body));
      const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
      const outcome = await cache.get(SRC).then(
        (t) => `resolved ${t}`,
        (e: CasUploadError) => e.code,
      );
      outcomes.push(`${JSON.stringify(body)} → ${outcome}`);
    }
    expect(outcomes).to.deep.equal(bodies.map((b) => `${JSON.stringify(b)} → token-error`));
  });

  // Regression: a bare JSON string used to be accepted from the endpoint (the shortcut is
  // meant for tokenProvider only). CONTRACT section 3: the endpoint answers a JSON object.
  it('a token endpoint answering a bare JSON string (no access_token field) → token-error', async () => {
    const f = fakeFetch(() => json('at_plain_string_body'));
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const err = await rejectionOf(cache.get(SRC));
    expect(err.code).to.equal('token-error');
  });

  it('a network failure → token-error', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const cache = new TokenCache({ fetch, clock: new FakeClock() });
    const err = await rejectionOf(cache.get(SRC));
    expect(err.code).to.equal('token-error');
    expect(err.status).to.equal(null);
  });

  it('a token endpoint that never answers → token-error after the timeout', async () => {
    const fetch = ((_: RequestInfo | URL, init: RequestInit = {}) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      })) as typeof globalThis.fetch;
    const cache = new TokenCache({ fetch, clock: new FakeClock() });
    const err = await rejectionOf(cache.get(SRC, undefined, 50));
    expect(err.code).to.equal('token-error');
  });

  it('ignores token_type and other extra fields', async () => {
    const { cache } = cacheAnswering(() => ({
      access_token: 'at_with_extras',
      token_type: 'api_key',
      expires_in: 3600,
      scope: 'parse',
    }));
    expect(await cache.get(SRC)).to.equal('at_with_extras');
  });
});

describe('TokenCache: the token request', () => {
  it('is a GET by default, with Accept: application/json and credentials: same-origin', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    await cache.get(SRC);
    const [call] = f.calls;
    expect(call.url).to.equal(SRC.url);
    expect((call.init.method ?? 'GET').toUpperCase()).to.equal('GET');
    expect(call.headers.get('accept')).to.equal('application/json');
    expect(call.init.credentials).to.equal('same-origin');
  });

  it('is a POST when method is POST', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    await cache.get({ url: SRC.url, method: 'POST' });
    expect(f.calls[0].init.method).to.equal('POST');
  });

  it('merges tokenRequestInit headers with the default Accept', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    await cache.get({ url: SRC.url, method: 'POST', init: { headers: { 'X-CSRF-Token': 'csrf-123' } } });
    const { headers, init } = f.calls[0];
    expect(headers.get('x-csrf-token')).to.equal('csrf-123');
    expect(headers.get('accept')).to.equal('application/json');
    expect(init.method).to.equal('POST');
    expect(init.credentials).to.equal('same-origin');
  });

  it('merges tokenRequestInit headers given as a Headers object or as entries', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    await cache.get({ url: 'https://host.example/a', init: { headers: new Headers({ 'X-One': '1' }) } });
    await cache.get({ url: 'https://host.example/b', init: { headers: [['X-Two', '2']] } });
    expect(f.calls[0].headers.get('x-one')).to.equal('1');
    expect(f.calls[0].headers.get('accept')).to.equal('application/json');
    expect(f.calls[1].headers.get('x-two')).to.equal('2');
    expect(f.calls[1].headers.get('accept')).to.equal('application/json');
  });

  it('lets tokenRequestInit override Accept and credentials', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    await cache.get({
      url: SRC.url,
      init: { credentials: 'include', headers: { Accept: 'application/vnd.host+json' } },
    });
    expect(f.calls[0].init.credentials).to.equal('include');
    expect(f.calls[0].headers.get('accept')).to.equal('application/vnd.host+json');
  });

  it('sends a tokenRequestInit body with a POST', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    await cache.get({ url: SRC.url, method: 'POST', init: { body: '{"expiry_minutes":15}' } });
    expect(f.calls[0].init.body).to.equal('{"expiry_minutes":15}');
  });
});

describe('TokenCache: tokenProvider', () => {
  it('accepts a provider that returns a string', async () => {
    let calls = 0;
    const source = { provider: async () => `at_from_provider_${++calls}` };
    const cache = new TokenCache({ clock: new FakeClock() });
    const tokens = await Promise.all([cache.get(source), cache.get(source), cache.get(source)]);
    expect(tokens).to.deep.equal(Array(3).fill('at_from_provider_1'));
    expect(calls).to.equal(1);
  });

  it('a string from a provider is kept at most 60 minutes', async () => {
    let calls = 0;
    const source = { provider: async () => `at_p${++calls}` };
    const clock = new FakeClock();
    const cache = new TokenCache({ clock });
    await cache.get(source);
    clock.set(T0 + 59 * 60_000);
    expect(await cache.get(source)).to.equal('at_p1');
    clock.set(T0 + 60 * 60_000);
    expect(await cache.get(source)).to.equal('at_p2');
  });

  it('accepts a provider that returns a TokenResponse, and honours its expires_in', async () => {
    let calls = 0;
    const source = {
      provider: async (): Promise<TokenResponse> => ({ access_token: `at_resp_${++calls}`, expires_in: 100 }),
    };
    const clock = new FakeClock();
    const cache = new TokenCache({ clock });
    expect(await cache.get(source)).to.equal('at_resp_1');
    clock.set(T0 + 89_999);
    expect(await cache.get(source)).to.equal('at_resp_1');
    clock.set(T0 + 90_000);
    expect(await cache.get(source)).to.equal('at_resp_2');
  });

  it('a throwing provider → token-error', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    const err = await rejectionOf(
      cache.get({
        provider: async () => {
          throw new Error('401 from /api/token');
        },
      }),
    );
    expect(err.code).to.equal('token-error');
  });

  it('a provider returning an object without access_token → token-error', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    const err = await rejectionOf(cache.get({ provider: async () => ({ token: 'at_x' }) as unknown as TokenResponse }));
    expect(err.code).to.equal('token-error');
  });
});

describe('TokenCache: abort', () => {
  it('an abort signal stops one waiter without killing the shared request', async () => {
    const gate = deferred<void>();
    let requestSignal: AbortSignal | null | undefined;
    const f = fakeFetch(async (call) => {
      requestSignal = call.init.signal;
      await gate.promise;
      return json({ access_token: 'at_shared', expires_in: 3600 });
    });
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const controller = new AbortController();
    const aborted = rejectionOf(cache.get(SRC, controller.signal));
    const other = cache.get(SRC);
    await flush();
    controller.abort();
    const err = await aborted;
    expect(err.code).to.equal('aborted');
    expect(requestSignal?.aborted, 'the shared request was not aborted').to.equal(false);
    gate.resolve();
    expect(await other).to.equal('at_shared');
    expect(await cache.get(SRC)).to.equal('at_shared');
    expect(f.calls).to.have.length(1);
  });

  it('an already-aborted signal rejects at once, and the token is still fetched for others', async () => {
    const f = fakeFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: new FakeClock() });
    const controller = new AbortController();
    controller.abort();
    expect((await rejectionOf(cache.get(SRC, controller.signal))).code).to.equal('aborted');
    expect(await cache.get(SRC)).to.equal('at_1');
    expect(f.calls).to.have.length(1);
  });
});

describe('TokenCache: secrets stay out of errors', () => {
  it('an sk_ key never appears in the error', async () => {
    const secret = 'sk_live_DO_NOT_LEAK_0123456789';
    const { cache } = cacheAnswering(() => ({ access_token: secret }));
    const err = await rejectionOf(cache.get(SRC));
    expect(err.message).to.not.contain(secret);
    expect(String(err)).to.not.contain(secret);
    expect(String(err.apiMessage)).to.not.contain(secret);
    expect(JSON.stringify(err)).to.not.contain(secret);
  });

  it('an unusable token (with spaces or control characters) never appears in the error', async () => {
    const bad = 'at_DO_NOT_LEAK\nX-Injected: 1';
    const { cache } = cacheAnswering(() => ({ access_token: bad }));
    const err = await rejectionOf(cache.get(SRC));
    expect(err.code).to.equal('token-error');
    expect(err.message).to.not.contain('DO_NOT_LEAK');
  });

  it('a token from a provider never appears in the error when the provider returns sk_', async () => {
    const cache = new TokenCache({ clock: new FakeClock() });
    const err = await rejectionOf(cache.get({ provider: async () => 'sk_test_DO_NOT_LEAK' }));
    expect(err.message).to.not.contain('DO_NOT_LEAK');
  });
});

describe('TokenCache against the mocked token endpoint (msw, real fetch)', () => {
  const source: TokenSource = { url: TOKEN_URL };

  it('GETs the endpoint with Accept: application/json and credentials: same-origin', async () => {
    const cache = new TokenCache();
    expect(await cache.get(source)).to.equal('at_demo_1');
    expect(state.tokenRequests).to.equal(1);
    expect(state.lastTokenRequest?.method).to.equal('GET');
    expect(state.lastTokenRequest?.headers.accept).to.equal('application/json');
    expect(state.lastTokenRequest?.credentials).to.equal('same-origin');
  });

  it('POSTs with the tokenRequestInit headers merged', async () => {
    const cache = new TokenCache();
    await cache.get({ url: TOKEN_URL, method: 'POST', init: { headers: { 'X-CSRF-Token': 'csrf-abc' } } });
    expect(state.lastTokenRequest?.method).to.equal('POST');
    expect(state.lastTokenRequest?.headers['x-csrf-token']).to.equal('csrf-abc');
    expect(state.lastTokenRequest?.headers.accept).to.equal('application/json');
  });

  it('fetches once for concurrent callers, and caches the token for its expires_in', async () => {
    const cache = new TokenCache();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => cache.get(source)));
    expect(new Set(tokens)).to.deep.equal(new Set(['at_demo_1']));
    expect(await cache.get(source)).to.equal('at_demo_1');
    expect(state.tokenRequests).to.equal(1);
  });

  it('a 401 from the endpoint → token-error, then a retry fetches again', async () => {
    worker.use(http.get(TOKEN_URL, () => HttpResponse.json({ detail: 'Not signed in' }, { status: 401 }), { once: true }));
    const cache = new TokenCache();
    const err = await rejectionOf(cache.get(source));
    expect(err.code).to.equal('token-error');
    expect(err.status).to.equal(401);
    expect(await cache.get(source)).to.equal('at_demo_1');
  });

  it('an HTML page from the endpoint → token-error', async () => {
    worker.use(http.get(TOKEN_URL, () => HttpResponse.html('<!doctype html><p>Please sign in</p>')));
    const err = await rejectionOf(new TokenCache().get(source));
    expect(err.code).to.equal('token-error');
  });

  it('JSON without access_token from the endpoint → token-error', async () => {
    worker.use(http.get(TOKEN_URL, () => HttpResponse.json({ token_type: 'api_key', expires_in: 3600 })));
    const err = await rejectionOf(new TokenCache().get(source));
    expect(err.code).to.equal('token-error');
  });

  it('an sk_ key from the endpoint → token-error, and the key is not in the message', async () => {
    worker.use(http.get(TOKEN_URL, () => HttpResponse.json({ access_token: 'sk_live_LEAKED_KEY', expires_in: 3600 })));
    const err = await rejectionOf(new TokenCache().get(source));
    expect(err.code).to.equal('token-error');
    expect(err.message).to.not.contain('LEAKED_KEY');
  });

  it('a network failure → token-error', async () => {
    worker.use(http.get(TOKEN_URL, () => HttpResponse.error()));
    const err = await rejectionOf(new TokenCache().get(source));
    expect(err.code).to.equal('token-error');
  });
});
