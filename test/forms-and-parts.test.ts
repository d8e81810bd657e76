// <cas-upload> as a page expects a form control and a themable element to behave: parts on
// every piece of text and control, logical CSS for right-to-left pages, form association.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createHandlers, createMockState, resetMockState, setScenario } from './mocks/handlers.js';
import '../src/entries/index.js';
import type { CasUploadElement } from '../src/entries/index.js';
import { choose, makeUpload, part, pdf, rejectionOf, serveMocks } from './helpers.js';

const state = createMockState();
const worker = setupWorker(...createHandlers(state));
const make = (attrs = '') => makeUpload('at_forms', attrs);

serveMocks(worker, () => {
  resetMockState(state);
});

describe('parts', () => {
  it('base, drop-hint, remove, password-label, show-password, progress-label and summary-list are parts', async () => {
    const el = await make();
    for (const name of ['base', 'drop-hint', 'password-label', 'show-password']) expect(part(el, name), name).to.exist;
    expect(part(el, 'base')!.tagName).to.equal('FORM');
    expect(part(el, 'password-label')!.textContent).to.equal('PDF password');
    expect(part(el, 'show-password')!.querySelector('[type=checkbox]')).to.exist;
    await choose(el, pdf());
    expect(part(el, 'remove')!.textContent).to.equal('Remove');
    // The progress view, while the upload waits for its token (it appears after 100 ms).
    const provider = el.tokenProvider;
    el.tokenProvider = () => new Promise(() => {});
    const started = oneEvent(el, 'cas-upload-start');
    const waiting = el.upload(undefined, 'ABCDE1234F').catch((e) => e);
    await started;
    await el.updateComplete;
    expect(part(el, 'progress-label')!.id).to.equal('pl');
    el.cancel();
    expect((await waiting).code).to.equal('aborted');
    el.tokenProvider = provider;
    await el.upload(undefined, 'ABCDE1234F');
    await el.updateComplete;
    expect(part(el, 'summary-list')!.tagName).to.equal('DL');
  });
});

describe('right to left', () => {
  it('dir="rtl" mirrors the layout: the error bar and the checkbox gap sit on the start (right) side', async () => {
    const ltr = await make();
    const rtlHost = await fixture<HTMLElement>(html`<div dir="rtl"><cas-upload retries="0"></cas-upload></div>`);
    const rtl = rtlHost.querySelector('cas-upload')!;
    rtl.tokenProvider = async () => 'at_forms';
    setScenario(state, 'server-error');
    for (const el of [ltr, rtl]) {
      await rejectionOf(el.upload(pdf()));
      await el.updateComplete;
    }
    const bar = (el: CasUploadElement) => getComputedStyle(part(el, 'error')!);
    expect([bar(ltr).borderLeftWidth, bar(ltr).borderRightWidth]).to.deep.equal(['4px', '0px']);
    expect([bar(rtl).borderLeftWidth, bar(rtl).borderRightWidth]).to.deep.equal(['0px', '4px']);
    expect(parseFloat(bar(rtl).paddingRight)).to.be.above(0);
    const box = (el: CasUploadElement) => getComputedStyle(part(el, 'show-password')!.querySelector('[type=checkbox]')!);
    expect(parseFloat(box(ltr).marginRight)).to.be.above(0);
    expect(parseFloat(box(rtl).marginLeft)).to.be.above(0);
    expect(parseFloat(box(rtl).marginRight)).to.equal(0);
  });
});

describe('focus and forms', () => {
  it('focus() moves focus to the first control inside (delegatesFocus)', async () => {
    const el = await make();
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'choose'));
    expect(el.matches(':focus')).to.equal(true);
  });

  it("autofocus works: a popover that opens focuses the element's first control", async () => {
    const popover = await fixture<HTMLElement>(html`<div popover><button>first</button><cas-upload autofocus></cas-upload></div>`);
    const el = popover.querySelector('cas-upload')!;
    await el.updateComplete;
    popover.showPopover();
    try {
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'choose'));
    } finally {
      popover.hidePopover();
    }
  });

  it('inside <fieldset disabled> its controls are disabled and nothing uploads; enabled again with the fieldset', async () => {
    const fieldset = await fixture<HTMLFieldSetElement>(html`<fieldset disabled><cas-upload></cas-upload></fieldset>`);
    const el = fieldset.querySelector('cas-upload')!;
    el.tokenProvider = async () => 'at_forms';
    await el.updateComplete;
    expect((part(el, 'choose') as HTMLButtonElement).matches(':disabled')).to.equal(true);
    expect((part(el, 'password-input') as HTMLInputElement).matches(':disabled')).to.equal(true);
    expect((await rejectionOf(el.upload(pdf(), 'ABCDE1234F'))).code).to.equal('aborted');
    expect(state.parseRequests).to.equal(0);
    fieldset.disabled = false;
    await el.updateComplete;
    expect((part(el, 'choose') as HTMLButtonElement).matches(':disabled')).to.equal(false);
    await el.upload(pdf(), 'ABCDE1234F');
    expect(state.parseRequests).to.equal(1);
  });

  it('a form reset resets the element', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><cas-upload></cas-upload></form>`);
    const el = form.querySelector('cas-upload')!;
    await el.updateComplete;
    await choose(el, pdf());
    expect(el.state).to.equal('ready');
    form.reset();
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(part(el, 'file')).to.equal(null);
  });

  it('required: the host form does not submit until a statement was read', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><cas-upload required></cas-upload><button>Next</button></form>`);
    const el = form.querySelector('cas-upload')!;
    el.tokenProvider = async () => 'at_forms';
    await el.updateComplete;
    let submitted = 0;
    form.addEventListener('submit', (e) => (e.preventDefault(), submitted++));
    expect(el.matches(':invalid')).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    form.requestSubmit();
    expect(submitted).to.equal(0);
    await el.upload(pdf(), 'ABCDE1234F');
    await el.updateComplete;
    expect(el.matches(':valid')).to.equal(true);
    form.requestSubmit();
    expect(submitted).to.equal(1);
    el.reset();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    // Not required: never in the way.
    el.required = false;
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
  });
});
