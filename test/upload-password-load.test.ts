// <cas-upload> loads the password check (src/core/pdf-password.ts, a file of its own) only when a
// file is chosen, and uploads when that file cannot be loaded. A page of its own: once a module
// has loaded, the page keeps it.
import { expect, aTimeout } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse, passthrough } from 'msw';
import { createHandlers, createMockState, resetMockState, TOKEN_URL } from './mocks/handlers.js';
import '../src/entries/index.js';
import type { CasUploadElement } from '../src/entries/index.js';
import { choose, makeUpload, serveMocks } from './helpers.js';

const state = createMockState();
const worker = setupWorker(...createHandlers(state));

const testPdf = async (name: string) =>
  new File([await (await fetch(`/test-pdfs/${name}.pdf`)).blob()], `${name}.pdf`, { type: 'application/pdf' });

describe('<cas-upload>: the password check loads when a file is chosen, and its absence stops nothing', () => {
  serveMocks(worker, () => resetMockState(state));

  it('the first render, and a page that never gets a file, do not load it', async () => {
    let asked = 0;
    worker.use(http.get(/pdf-password/, () => (asked++, passthrough())));
    const el = await makeUpload('at_x', `token-url="${TOKEN_URL}"`);
    await el.updateComplete;
    el.password = 'typed';
    await el.updateComplete;
    await aTimeout(50);
    expect(asked).to.equal(0);
  });

  it('when its file fails to load, a wrong password is uploaded as before (the API judges it): exactly one upload', async () => {
    let asked = 0;
    worker.use(http.get(/pdf-password/, () => (asked++, HttpResponse.error())));
    const el: CasUploadElement = await makeUpload('at_x');
    // Chosen: asked for at once, before any upload.
    await choose(el, await testPdf('r6'));
    for (let i = 0; i < 100 && !asked; i++) await aTimeout(10);
    expect(asked, 'loaded at selection').to.equal(1);
    expect(state.parseRequests).to.equal(0);
    await el.upload(undefined, 'ABCDE1234G');
    expect(state.parseRequests).to.equal(1);
    expect(el.state).to.equal('success');
  });
});
