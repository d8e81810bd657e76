/** Small helpers shared by the browser tests. */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { CasUploadError } from '../src/core/errors.js';
import { clearTokenCache } from '../src/core/token-cache.js';
import type { CasUploadElement } from '../src/upload/element.js';
import { watchSpec } from './mocks/spec-check.js';

/** A PDF by its header, `size` more bytes after it. */
export const pdf = (name = 'cas.pdf', size = 0) =>
  new File(['%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n', new Uint8Array(size)], name, { type: 'application/pdf' });

/** A `<cas-upload retries="0" retry-delay="0">` on the page (with `attrs`), its tokens from a provider that answers `token`. */
export async function makeUpload(token: string, attrs = ''): Promise<CasUploadElement> {
  const host = document.createElement('div');
  host.innerHTML = `<cas-upload retries="0" retry-delay="0" ${attrs}></cas-upload>`;
  const el = await fixture<CasUploadElement>(host.firstElementChild as CasUploadElement);
  el.tokenProvider = async () => token;
  return el;
}

/** The rejection of `p`, which must be a `CasUploadError`; fails the test when `p` resolves. */
export async function rejectionOf(p: Promise<unknown>): Promise<CasUploadError> {
  try {
    await p;
  } catch (err) {
    expect(err, 'rejects with a CasUploadError').to.be.instanceOf(CasUploadError);
    return err as CasUploadError;
  }
  throw new Error('expected a rejection, but it resolved');
}

/** The element's shadow part `name`, or `null` while it is not shown. */
export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Every text the status region (aria-live) of `el` says from now on, in order. */
export function announcements(el: Element): string[] {
  const said: string[] = [];
  const status = part(el, 'status')!;
  new MutationObserver(() => {
    const now = status.textContent!.trim();
    if (now && now !== said.at(-1)) said.push(now);
  }).observe(status, { subtree: true, characterData: true, childList: true });
  return said;
}

/** Picks a file through the real `<input type="file">` and waits for the element's verdict. */
export async function choose(el: CasUploadElement, file: File): Promise<void> {
  const input = part(el, 'file-input') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  const verdict = Promise.race([oneEvent(el, 'cas-upload-select'), oneEvent(el, 'cas-upload-error')]);
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await verdict;
  await el.updateComplete;
}

/**
 * The hooks of a suite whose API and token endpoint msw's service worker answers: the worker
 * started once, and before each test `reset` (the mocks' own state) and an empty token cache,
 * after each the handlers a test added dropped. Call it where the hooks belong (top level or
 * inside a `describe`).
 */
export function serveMocks(worker: SetupWorker, reset: () => void): void {
  // Every answer of the mocks, and every request body sent to them, follows the specification
  // (test/mocks/spec-check.ts): a test after which one did not fails, naming what broke it.
  const spec = watchSpec(worker);
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'error' }));
  after(() => worker.stop());
  beforeEach(async () => {
    await spec.settle(); // what an earlier suite left in flight is not this test's
    reset();
    clearTokenCache();
  });
  afterEach(async () => {
    worker.resetHandlers();
    const broken = await spec.settle();
    if (broken.length) throw new Error(`the mocks broke the specification:\n  ${broken.join('\n  ')}`);
  });
}
