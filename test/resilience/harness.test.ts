/**
 * The checks the resilience tests rely on can fail: each place the leak check watches, and
 * the page guard, catch a planted secret or error; a session's `until()` fails when what it
 * waits for does not come. (Harness tests: they test the tests' own tools.)
 */
import { expect } from '@open-wc/testing';
import { expectNoLeaks, openSession, page, secret, type SeenEvent } from './harness.js';

function leaks(plant: (s: string) => { events?: SeenEvent[]; errors?: unknown[]; el?: Element } | void): boolean {
  const s = secret('planted-');
  const where = plant(s) ?? {};
  try {
    expectNoLeaks([s], { events: [], ...where });
    return false;
  } catch {
    return true;
  }
}

describe('resilience harness', () => {
  it('finds a secret in each place it watches', () => {
    const consoleBefore = page.console.length;
    expect(leaks((s) => ({ events: [{ type: 'x', detail: { nested: [s] } }] })), 'event detail').to.equal(true);
    expect(leaks((s) => ({ errors: [new Error(`oops ${s}`)] })), 'error message').to.equal(true);
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<input>';
    document.body.append(host);
    try {
      expect(leaks((s) => void host.shadowRoot!.querySelector('input')!.setAttribute('data-x', s)), 'attribute in a shadow tree').to.equal(true);
      expect(leaks((s) => void (host.shadowRoot!.querySelector('input')!.value = s)), 'input value').to.equal(true);
      expect(leaks((s) => ({ el: Object.assign(document.createElement('p'), { textContent: s }) })), 'element text').to.equal(true);
    } finally {
      host.remove();
    }
    page.quiet = true;
    try {
      expect(leaks((s) => void console.debug(s)), 'console').to.equal(true);
    } finally {
      page.quiet = false;
      page.console.length = consoleBefore;
    }
    expect(leaks((s) => void localStorage.setItem('k', s)), 'localStorage').to.equal(true);
    localStorage.clear();
    expect(leaks((s) => void sessionStorage.setItem('k', s)), 'sessionStorage').to.equal(true);
    sessionStorage.clear();
    expect(leaks((s) => void (document.cookie = `k=${s}`)), 'document.cookie').to.equal(true);
    document.cookie = 'k=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(leaks(() => undefined), 'nothing planted').to.equal(false);
  });

  it('records unhandled rejections', () => {
    const before = page.errors.length;
    // The event the browser fires for a rejection nobody handled. Its promise is not the
    // rejected one, which the test runner would catch and log as an error outside a test.
    const reason = new Error('planted');
    window.dispatchEvent(new PromiseRejectionEvent('unhandledrejection', { promise: Promise.resolve(), reason }));
    expect(page.errors.slice(before).join(' ')).to.include('planted');
    page.errors.length = before;
  });

  it("a session's until() fails when what it waits for does not come, and says what the servers saw", async () => {
    const session = await openSession();
    try {
      const waited = await session.until((s) => s.tokenRequests === 0, 'no token request', 100);
      expect(waited.apiRequests).to.equal(0);
      let error: Error | undefined;
      try {
        await session.until((s) => s.apiRequests === 1, 'one API request', 100);
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).to.match(/^timed out after 100 ms waiting for one API request; the servers saw \{.*"apiRequests":0/);
    } finally {
      await session.close();
    }
  });
});
