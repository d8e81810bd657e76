/**
 * The checks the resilience tests rely on can fail: each place the leak check watches, and
 * the page guard, catch a planted secret or error.
 */
import { expect, aTimeout } from '@open-wc/testing';
import { expectNoLeaks, page, secret, type SeenEvent } from './harness.js';

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
    expect(leaks((s) => void console.debug(s)), 'console').to.equal(true);
    page.console.length = consoleBefore;
    expect(leaks((s) => void localStorage.setItem('k', s)), 'localStorage').to.equal(true);
    localStorage.clear();
    expect(leaks((s) => void sessionStorage.setItem('k', s)), 'sessionStorage').to.equal(true);
    sessionStorage.clear();
    expect(leaks((s) => void (document.cookie = `k=${s}`)), 'document.cookie').to.equal(true);
    document.cookie = 'k=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(leaks(() => undefined), 'nothing planted').to.equal(false);
  });

  it('records unhandled rejections', async () => {
    const before = page.errors.length;
    // (The runner logs it too: "Error: planted".)
    void Promise.reject(new Error('planted'));
    await aTimeout(20);
    expect(page.errors.slice(before).join(' ')).to.include('planted');
    page.errors.length = before;
  });
});
