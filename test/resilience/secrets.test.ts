/**
 * What leaves the page, against the real local servers, where the browser behaves as with the
 * real API: upload progress events fire (no service worker in between) and cookies are sent
 * as the browser decides.
 */
import { expect } from '@open-wc/testing';
import '../../src/entries/index.js';
import { CasUploadElement, clearTokenCache } from '../../src/entries/index.js';
import { openSession, pdf, record, settle, secret, expectNoLeaks, expectNoPageErrors, type Session } from './harness.js';

const PASSWORD_MSG = 'Invalid PDF file or password.';

function makeElement(session: Session, extra: Record<string, string> = {}): CasUploadElement {
  const el = document.createElement('cas-upload') as CasUploadElement;
  for (const [k, v] of Object.entries({ 'token-url': session.tokenUrl, 'api-base': session.apiBase, 'retry-delay': '0', ...extra })) {
    el.setAttribute(k, v);
  }
  document.body.append(el);
  return el;
}

describe('what leaves the page (real local servers)', () => {
  let session: Session | undefined;
  let el: CasUploadElement | undefined;
  beforeEach(() => clearTokenCache());
  afterEach(async () => {
    el?.remove();
    await session?.close();
    session = el = undefined;
    expectNoPageErrors();
  });

  it('the password and the tokens appear in no event (progress events included), attribute, text, console or storage', async () => {
    // A success, then the API refuses the password: both outcomes, with their progress.
    session = await openSession({ api: [{}, { status: 400, body: { status: 'failed', msg: PASSWORD_MSG } }] });
    el = makeElement(session);
    await el.updateComplete;
    const events = record(el);
    const password = secret('pw-');
    const errors: unknown[] = [];
    for (const expected of ['success', 'error']) {
      el.password = password;
      const outcome = await settle(el.upload(pdf('cas.pdf', 3 * 1024 * 1024)));
      if (outcome.error) errors.push(outcome.error);
      expect(el.state).to.equal(expected);
    }
    const stats = await session.stats();
    expect(stats.apiRequests).to.equal(2);
    const sending = events.filter((e) => e.type === 'cas-upload-progress' && (e.detail as { phase: string }).phase === 'upload');
    // The start event's own 0 % aside, the browser's upload progress events.
    expect(sending.filter((e) => (e.detail as { loaded: number }).loaded > 0).length, 'upload progress events from the browser').to.be.greaterThan(1);
    expect(events.map((e) => e.type)).to.include.members(['cas-upload-success', 'cas-upload-error']);
    expectNoLeaks([password, ...stats.tokens], { events, errors, el });
    expect(el.hasAttribute('password')).to.equal(false);
  });

  it("the parse request carries no cookie of the page's site; the token request, on the host's own origin, does", async () => {
    session = await openSession();
    const name = `cas_probe_${Math.random().toString(36).slice(2, 10)}`;
    document.cookie = `${name}=1; path=/; SameSite=Lax`;
    try {
      // On `localhost`, the page's own site: the cookie would go with a request made with credentials.
      el = makeElement(session, { 'api-base': session.sameSiteApiBase });
      await el.updateComplete;
      expect((await settle(el.upload(pdf(), secret('pw-')))).error).to.equal(undefined);
      const stats = await session.stats();
      expect(stats.tokenCookies[0] ?? '', 'the browser holds the cookie and sends it to the same origin').to.include(`${name}=1`);
      expect(stats.requests.map((r) => [r.complete, r.cookie]), 'the parse request, without Cookie').to.deep.equal([[true, null]]);
    } finally {
      document.cookie = `${name}=; path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
    }
  });
});
