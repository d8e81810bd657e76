/**
 * Token cache races against the real token endpoint: what happens while a token request is
 * still in flight.
 */
import { expect, aTimeout } from '@open-wc/testing';
import { TokenCache, CasUploadError } from '../../src/core/index.js';
import { openSession, settle, expectNoPageErrors, type Session } from './harness.js';

describe('token cache races (real token endpoint)', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
    expectNoPageErrors();
  });

  it('a request that fails after clear() does not drop the newer token', async () => {
    // 1st request: fails after 100 ms. 2nd: a token after 200 ms.
    session = await openSession({ token: [{ status: 500, delayMs: 100 }, { delayMs: 200 }] });
    const cache = new TokenCache();
    const source = { url: session.tokenUrl };
    const first = settle(cache.get(source));
    await session.until((s) => s.tokenRequests === 1);
    cache.clear(); // the user signed out while the first request was in flight
    const second = settle(cache.get(source));
    expect((await first).error).to.be.instanceOf(CasUploadError);
    const { value: token } = await second;
    expect(token).to.match(/^at_/);
    // The newer token stays cached.
    expect(await cache.get(source)).to.equal(token);
    expect((await session.stats()).tokenRequests).to.equal(2);
  });

  it('a token that arrives after clear() is not cached', async () => {
    session = await openSession({ token: [{ delayMs: 100 }] });
    const cache = new TokenCache();
    const source = { url: session.tokenUrl };
    const first = cache.get(source);
    await session.until((s) => s.tokenRequests === 1);
    cache.clear();
    const old = await first;
    await aTimeout(10);
    const next = await cache.get(source);
    expect(next, 'a fresh token after clear()').to.not.equal(old);
    expect((await session.stats()).tokenRequests).to.equal(2);
  });

  it('an upload that gives up waiting does not cancel the shared request', async () => {
    session = await openSession({ token: [{ delayMs: 100 }] });
    const cache = new TokenCache();
    const source = { url: session.tokenUrl };
    const controller = new AbortController();
    const leaving = settle(cache.get(source, controller.signal));
    const staying = cache.get(source);
    controller.abort();
    expect((await leaving).error?.code).to.equal('aborted');
    expect(await staying).to.match(/^at_/);
    const stats = await session.stats();
    expect([stats.tokenRequests, stats.tokenAborted]).to.deep.equal([1, 0]);
  });
});
