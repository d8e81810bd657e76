// The token request after a 401/403 names the refused token (`x-cas-rejected-token`, or
// `{ rejected }` for a provider), so a backend that reuses tokens mints a new one; and no token
// request is ever answered from the browser's HTTP cache.
import { expect } from '@open-wc/testing';
import { TokenCache, type TokenSource } from '../src/core/token-cache.js';
import { systemClock } from '../src/core/clock.js';
import { rejectionOf } from './helpers.js';

const SRC: TokenSource = { url: 'https://host.example/api/casparser/token' };

/** A fetch that records each request's init and answers `at_<n>`, or fails the n-th in `failing`. */
function recordingFetch(failing: number[] = []) {
  const inits: RequestInit[] = [];
  const fetch = (async (_url: RequestInfo | URL, init: RequestInit = {}) => {
    inits.push(init);
    const n = inits.length;
    if (failing.includes(n)) return new Response('{}', { status: 502 });
    return Response.json({ access_token: `at_${n}`, expires_in: 3600 });
  }) as typeof globalThis.fetch;
  const rejected = () => inits.map((init) => new Headers(init.headers).get('x-cas-rejected-token'));
  return { fetch, inits, rejected };
}

describe('TokenCache: the refresh names the rejected token', () => {
  it('only the request after invalidate carries x-cas-rejected-token, with the token dropped', async () => {
    const f = recordingFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: systemClock });
    const first = await cache.get(SRC);
    cache.invalidate(SRC, first);
    expect(await cache.get(SRC)).to.equal('at_2');
    cache.invalidate(SRC, 'at_2');
    expect(await cache.get(SRC)).to.equal('at_3');
    cache.clear();
    expect(await cache.get(SRC)).to.equal('at_4');
    expect(f.rejected()).to.deep.equal([null, 'at_1', 'at_2', null]);
  });

  it('an invalidate of a token no longer held names nothing', async () => {
    const f = recordingFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: systemClock });
    await cache.get(SRC);
    cache.invalidate(SRC, 'at_someone_else');
    cache.invalidate({ url: 'https://host.example/other' }, 'at_1');
    await cache.get(SRC);
    expect(f.inits).to.have.length(1);
    cache.clear();
    await cache.get(SRC);
    expect(f.rejected()).to.deep.equal([null, null]);
  });

  it('a failed refresh keeps naming the rejected token on the next try', async () => {
    const f = recordingFetch([2]);
    const cache = new TokenCache({ fetch: f.fetch, clock: systemClock });
    cache.invalidate(SRC, await cache.get(SRC));
    expect((await rejectionOf(cache.get(SRC))).code).to.equal('token-error');
    expect(await cache.get(SRC)).to.equal('at_3');
    expect(f.rejected()).to.deep.equal([null, 'at_1', 'at_1']);
  });

  it('a tokenProvider gets no argument, then { rejected } on the refresh', async () => {
    const calls: unknown[][] = [];
    const source = { provider: async (...args: unknown[]) => (calls.push(args), `at_p${calls.length}`) };
    const cache = new TokenCache({ clock: systemClock });
    cache.invalidate(source, await cache.get(source));
    expect(await cache.get(source)).to.equal('at_p2');
    expect(calls).to.deep.equal([[], [{ rejected: 'at_p1' }]]);
  });
});

describe('TokenCache: no HTTP cache', () => {
  it("asks with cache: 'no-store', unless tokenRequestInit sets cache", async () => {
    const f = recordingFetch();
    const cache = new TokenCache({ fetch: f.fetch, clock: systemClock });
    await cache.get(SRC);
    await cache.get({ url: 'https://host.example/other', init: { cache: 'no-cache' } });
    expect(f.inits.map((init) => init.cache)).to.deep.equal(['no-store', 'no-cache']);
  });
});
