import { expect, fixture, html, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse, delay } from 'msw';
import { createHandlers, createMockState, resetMockState, setScenario, TOKEN_URL, PARSE_RESPONSE } from './mocks/handlers.js';
import '../src/entries/index.js';
import { CasUploadElement, clearTokenCache, registerStrings } from '../src/entries/index.js';
import type { CasUploadErrorDetail } from '../src/shared/events.js';
import { rejectionOf, choose, part, serveMocks } from './helpers.js';
import { excuseRequests, offSpec } from './mocks/spec-check.js';

const state = createMockState({ slowMs: 3000 });
const worker = setupWorker(...createHandlers(state));

const PASSWORD = 'ABCDE1234F';
const pdf = (name = 'cas.pdf', body = '%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n') =>
  new File([body], name, { type: 'application/pdf' });

async function make(attrs = `token-url="${TOKEN_URL}" retry-delay="0"`): Promise<CasUploadElement> {
  const container = document.createElement('div');
  container.innerHTML = `<cas-upload ${attrs}></cas-upload>`;
  const el = await fixture<CasUploadElement>(container.firstElementChild as CasUploadElement);
  return el;
}

/** Records every event the element fires, in order. */
function record(el: HTMLElement): { type: string; detail: unknown; cancelable: boolean }[] {
  const seen: { type: string; detail: unknown; cancelable: boolean }[] = [];
  for (const type of ['select', 'start', 'progress', 'success', 'error', 'cancel']) {
    el.addEventListener(`cas-upload-${type}`, (e) => {
      const ev = e as CustomEvent;
      expect(ev.bubbles, `${type} bubbles`).to.equal(true);
      expect(ev.composed, `${type} composed`).to.equal(true);
      seen.push({ type: ev.type, detail: ev.detail, cancelable: ev.cancelable });
    });
  }
  return seen;
}



/** Resolves once the upload request is in flight (the start event fired and the request left). */
async function inFlight(el: CasUploadElement) {
  await oneEvent(el, 'cas-upload-start');
  for (let i = 0; i < 100 && state.parseRequests === 0; i++) await aTimeout(10);
  expect(state.parseRequests, 'request in flight').to.equal(1);
}

/** Everything the page could see of the element: attributes (host and shadow) and event details. */
function visibleText(el: CasUploadElement, events: { detail: unknown }[]): string {
  const attrs = [el, ...el.shadowRoot!.querySelectorAll('*')]
    .flatMap((n) => [...n.attributes].map((a) => `${a.name}=${a.value}`))
    .join(' ');
  const details = JSON.stringify(events.map((e) => e.detail));
  return `${attrs} ${details} ${el.outerHTML}`;
}

/** How long the API takes in the test of durationMs. */
const SLOW_MS = 150;

describe('<cas-upload>', () => {
  serveMocks(worker, () => {
    resetMockState(state);
  });

  describe('registration and defaults', () => {
    it('is defined as cas-upload and a second define does not throw', () => {
      expect(customElements.get('cas-upload')).to.equal(CasUploadElement);
      expect(() => CasUploadElement.define()).not.to.throw();
      expect(() => CasUploadElement.define('cas-upload')).not.to.throw();
    });

    it('can be registered under another tag', async () => {
      CasUploadElement.define('my-cas-upload');
      const el = document.createElement('my-cas-upload');
      expect(el).to.be.instanceOf(CasUploadElement);
    });

    it('has the documented defaults and reflects state="idle"', async () => {
      const el = await make('');
      expect(el.tokenMethod).to.equal('GET');
      expect(el.apiBase).to.equal('https://api.casparser.in');
      expect(el.parser).to.equal('smart');
      expect(el.fileField).to.equal('pdf_file');
      expect(el.maxSize).to.equal(10485760);
      expect(el.timeout).to.equal(60000);
      expect(el.retries).to.equal(2);
      expect(el.retryDelay).to.equal(1000);
      expect(el.disabled).to.equal(false);
      expect(el.password).to.equal('');
      expect(el.state).to.equal('idle');
      expect(el.getAttribute('state')).to.equal('idle');
    });

    it('has every public property on a new element, so frameworks set properties, not attributes', () => {
      const el = document.createElement('cas-upload');
      for (const name of ['tokenUrl', 'tokenMethod', 'tokenRequestInit', 'tokenProvider', 'apiBase', 'parser', 'fileField', 'maxSize', 'timeout', 'retries', 'retryDelay', 'disabled', 'password', 'strings', 'state']) {
        expect(name in el, name).to.equal(true);
      }
    });

    it('maps attributes to properties', async () => {
      const el = await make(
        'token-url="/t" token-method="POST" api-base="http://localhost:9" parser="cdsl" file-field="file" max-size="5" timeout="7" retries="0" retry-delay="3" disabled',
      );
      expect([el.tokenUrl, el.tokenMethod, el.apiBase, el.parser, el.fileField]).to.deep.equal([
        '/t',
        'POST',
        'http://localhost:9',
        'cdsl',
        'file',
      ]);
      expect([el.maxSize, el.timeout, el.retries, el.retryDelay, el.disabled]).to.deep.equal([5, 7, 0, 3, true]);
    });

    it('renders the parts of an idle element', async () => {
      const el = await make();
      for (const name of ['dropzone', 'file-input', 'password-input', 'submit', 'status']) {
        expect(part(el, name), name).to.exist;
      }
      const input = part(el, 'file-input') as HTMLInputElement;
      expect(input.type).to.equal('file');
      expect(input.accept).to.equal('application/pdf,.pdf');
      expect(part(el, 'status')!.getAttribute('aria-live')).to.equal('polite');
    });
  });

  describe('a successful upload', () => {
    it('posts the file and password with the token and fires start, progress and success', async () => {
      const el = await make();
      const events = record(el);
      const file = pdf('my-cas.pdf');
      // The API takes SLOW_MS: durationMs is at least that, and at most the whole call.
      state.scenario = 'slow';
      state.slowMs = SLOW_MS;
      const t0 = Date.now();
      const result = await el.upload(file, PASSWORD);
      const took = Date.now() - t0;

      expect(result).to.deep.equal(PARSE_RESPONSE);
      expect(el.state).to.equal('success');
      expect(el.getAttribute('state')).to.equal('success');
      const req = state.lastParseRequest!;
      expect(req.url).to.equal('https://api.casparser.in/v4/smart/parse');
      expect(req.headers['x-api-key']).to.equal('at_demo_1');
      expect(req.headers['content-type']).to.match(/^multipart\/form-data; boundary=/);
      expect(req.fields.password).to.equal(PASSWORD);
      expect(req.fields.pdf_file).to.deep.include({ name: 'my-cas.pdf', size: file.size });
      expect(Object.keys(req.fields).sort()).to.deep.equal(['password', 'pdf_file']);

      const types = events.map((e) => e.type);
      expect(types[0]).to.equal('cas-upload-start');
      expect(types.at(-1)).to.equal('cas-upload-success');
      expect(types).to.include('cas-upload-progress');
      expect(events[0].cancelable).to.equal(true);
      expect(events[0].detail).to.deep.equal({ file, parser: 'smart' });
      const parse = events.find((e) => e.type === 'cas-upload-progress' && (e.detail as { phase: string }).phase === 'parse');
      expect(parse?.detail).to.deep.equal({ phase: 'parse', loaded: file.size, total: file.size });

      const success = events.at(-1)!.detail as Record<string, unknown>;
      expect(Object.keys(success).sort()).to.deep.equal(['durationMs', 'file', 'parser', 'requestId', 'result', 'source']);
      expect(success.source).to.equal('upload');
      expect(success.result).to.deep.equal(PARSE_RESPONSE);
      expect(success.file).to.deep.equal({ name: 'my-cas.pdf', size: file.size });
      expect(success.parser).to.equal('smart');
      expect(success.requestId).to.match(/^req_/);
      expect(success.durationMs, 'the time of the upload').to.be.a('number').and.be.within(SLOW_MS, took);
    });

    it('shows a summary: investor, period, total value in rupees, accounts and folios', async () => {
      const el = await make();
      await el.upload(pdf(), PASSWORD);
      await el.updateComplete;
      const summary = part(el, 'summary')!;
      const text = summary.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('ANANYA RAO');
      expect(text).to.contain('₹17,08,126.56');
      expect(text).to.match(/1 Jun 2026 – 30 Jun 2026/);
      expect(text).to.match(/Demat accounts\s*2/);
      expect(text).to.match(/Mutual fund folios\s*3/);
    });

    it('uploads the file and password chosen in the UI when Upload is pressed', async () => {
      const el = await make();
      const events = record(el);
      const selected = oneEvent(el, 'cas-upload-select');
      const file = pdf('picked.pdf');
      await choose(el, file);
      expect((await selected).detail).to.deep.equal({ file });
      expect(el.state).to.equal('ready');
      const pw = part(el, 'password-input') as HTMLInputElement;
      pw.value = PASSWORD;
      pw.dispatchEvent(new Event('input'));
      const done = oneEvent(el, 'cas-upload-success');
      (part(el, 'submit') as HTMLButtonElement).click();
      await done;
      expect(state.lastParseRequest!.fields.password).to.equal(PASSWORD);
      expect(state.lastParseRequest!.fields.pdf_file).to.deep.include({ name: 'picked.pdf' });
      expect(events.map((e) => e.type)[0]).to.equal('cas-upload-select');
    });

    it('reset() empties the password typed and the show-password box, at once and after a file was chosen', async () => {
      const el = await make();
      const inputs = () => [...el.shadowRoot!.querySelectorAll('input:not([type=file])')].map((i) => (i as HTMLInputElement).type === 'checkbox' ? (i as HTMLInputElement).checked : (i as HTMLInputElement).value);
      for (const file of [null, pdf()]) {
        if (file) await choose(el, file);
        const pw = part(el, 'password-input') as HTMLInputElement;
        pw.value = PASSWORD;
        pw.dispatchEvent(new Event('input'));
        (el.shadowRoot!.querySelector('[part=show-password] input') as HTMLInputElement).click();
        await el.updateComplete;
        el.reset();
        await el.updateComplete;
        expect(inputs(), file ? 'after a file' : 'idle').to.deep.equal(['', false]);
      }
    });

    it('submits with Enter in the password field', async () => {
      const el = await make();
      await choose(el, pdf());
      await el.updateComplete;
      const pw = part(el, 'password-input') as HTMLInputElement;
      pw.value = PASSWORD;
      pw.dispatchEvent(new Event('input'));
      const done = oneEvent(el, 'cas-upload-success');
      pw.form!.requestSubmit();
      await done;
      expect(state.parseRequests).to.equal(1);
    });

    it('sends an empty password when none was given, honours parser and file-field', async () => {
      excuseRequests('file-field="file": the field is named as the host says, not pdf_file');
      const el = await make(`token-url="${TOKEN_URL}" parser="cams_kfintech" file-field="file"`);
      await el.upload(pdf());
      const req = state.lastParseRequest!;
      expect(req.url).to.equal('https://api.casparser.in/v4/cams_kfintech/parse');
      expect(req.fields.password).to.equal('');
      expect(req.fields.file).to.deep.include({ name: 'cas.pdf' });
    });

    it('clears the password after the upload', async () => {
      const el = await make();
      el.password = PASSWORD;
      await el.upload(pdf());
      expect(state.lastParseRequest!.fields.password).to.equal(PASSWORD);
      expect(el.password).to.equal('');
    });

    it('sends the token request with credentials same-origin and Accept JSON', async () => {
      const el = await make();
      await el.upload(pdf());
      const t = state.lastTokenRequest!;
      expect(t.method).to.equal('GET');
      expect(t.credentials).to.equal('same-origin');
      expect(t.headers.accept).to.equal('application/json');
    });

    it('uses POST and tokenRequestInit headers for the token request', async () => {
      const el = await make(`token-url="${TOKEN_URL}" token-method="POST"`);
      el.tokenRequestInit = { headers: { 'x-csrf-token': 'csrf-1' } };
      await el.upload(pdf());
      expect(state.lastTokenRequest!.method).to.equal('POST');
      expect(state.lastTokenRequest!.headers['x-csrf-token']).to.equal('csrf-1');
    });

    it('uses tokenProvider instead of token-url', async () => {
      const el = await make('');
      el.tokenProvider = async () => ({ access_token: 'at_from_provider', expires_in: 600 });
      await el.upload(pdf());
      expect(state.tokenRequests).to.equal(0);
      expect(state.lastParseRequest!.headers['x-api-key']).to.equal('at_from_provider');
    });

    it('shares one token between elements and concurrent uploads', async () => {
      const a = await make();
      const b = await make();
      await Promise.all([b.upload(pdf()), a.upload(pdf()), make().then((c) => c.upload(pdf()))]);
      await Promise.all([a.upload(pdf()), b.upload(pdf())]);
      expect(state.tokenRequests).to.equal(1);
    });
  });

  describe('the token source', () => {
    it('a new tokenProvider function with the same code on every render costs no token request', async () => {
      const el = await make('');
      let calls = 0;
      for (let render = 0; render < 20; render++) {
        // What `<CasUpload tokenProvider={async () => …} />` does on every render.
        el.tokenProvider = async () => (calls++, { access_token: 'at_inline', expires_in: 600 });
        await el.upload(pdf());
      }
      expect(calls).to.equal(1);
      // Another function (another account) is another source.
      el.tokenProvider = async () => 'at_other';
      await el.upload(pdf());
      expect(state.lastParseRequest!.headers['x-api-key']).to.equal('at_other');
    });

    it('fetches the token as soon as a chosen file passes the check, and the upload uses it (one request)', async () => {
      const el = await make();
      await choose(el, pdf());
      for (let i = 0; i < 50 && state.tokenRequests === 0; i++) await aTimeout(5);
      expect(state.tokenRequests, 'asked at selection').to.equal(1);
      expect(state.parseRequests).to.equal(0);
      await el.upload(undefined, PASSWORD);
      expect(state.tokenRequests).to.equal(1);
      // A file refused by the check asks for nothing.
      clearTokenCache();
      const other = await make();
      await choose(other, new File(['hello'], 'fake.pdf'));
      await aTimeout(20);
      expect(state.tokenRequests).to.equal(1);
    });

    it('reads the first bytes of a chosen file once: the upload reuses the check made at selection', async () => {
      const slice = Blob.prototype.slice;
      let reads = 0;
      // The header check reads bytes 0-1024 (the password check reads the end of the file, apart).
      Blob.prototype.slice = function (...args: Parameters<Blob['slice']>) {
        if (!args[0] && args[1] === 1024) reads++;
        return slice.apply(this, args);
      };
      try {
        const el = await make();
        await choose(el, pdf());
        expect(reads).to.equal(1);
        await el.upload(undefined, PASSWORD);
        expect(reads).to.equal(1);
      } finally {
        Blob.prototype.slice = slice;
      }
    });

    it('sends the upload request before it draws the "uploading" view', async () => {
      const send = XMLHttpRequest.prototype.send;
      const drawn: boolean[] = [];
      const el = await make('');
      el.tokenProvider = async () => 'at_fast';
      XMLHttpRequest.prototype.send = function (body) {
        drawn.push(part(el, 'progress') !== null);
        return send.call(this, body);
      };
      try {
        await el.upload(pdf(), PASSWORD);
      } finally {
        XMLHttpRequest.prototype.send = send;
      }
      expect(drawn).to.deep.equal([false]);
    });

    it('makes each number format once per locale and options, however many renders and uploads', async () => {
      const Original = Intl.NumberFormat;
      let made = 0;
      Intl.NumberFormat = new Proxy(Original, {
        construct: (target, args) => (made++, Reflect.construct(target, args)),
      });
      try {
        const el = await make();
        await el.upload(pdf(), PASSWORD);
        await el.updateComplete;
        const first = made;
        el.reset();
        await el.upload(pdf(), PASSWORD);
        await el.updateComplete;
        expect(made, 'the second upload makes none').to.equal(first);
      } finally {
        Intl.NumberFormat = Original;
      }
    });

    it('two elements with other tokenRequestInit headers on one token-url get their own tokens', async () => {
      const a = await make();
      const b = await make();
      a.tokenRequestInit = { headers: { 'x-account': 'a' } };
      b.tokenRequestInit = { headers: { 'x-account': 'b' } };
      await a.upload(pdf());
      await b.upload(pdf());
      await a.upload(pdf());
      expect(state.tokenRequests).to.equal(2);
    });

    it('a relative and an absolute token-url of one endpoint make one token request', async () => {
      const a = await make(`token-url="${new URL(TOKEN_URL, location.href).pathname}"`);
      const b = await make(`token-url="${new URL(TOKEN_URL, location.href).href}"`);
      await a.upload(pdf());
      await b.upload(pdf());
      expect(state.tokenRequests).to.equal(1);
    });

    it('a tokenProvider that never settles: cancel frees the page, a new upload asks again, another element times out', async () => {
      let calls = 0;
      const provider = () => (++calls === 1 ? new Promise<string>(() => {}) : Promise.resolve('at_second'));
      const el = await make('');
      el.tokenProvider = provider;
      const first = rejectionOf(el.upload(pdf()));
      await oneEvent(el, 'cas-upload-start');
      el.cancel();
      expect((await first).code).to.equal('aborted');
      await el.upload(pdf());
      expect(calls).to.equal(2);
      expect(state.lastParseRequest!.headers['x-api-key']).to.equal('at_second');
      // A provider hung for everyone: each upload ends after `timeout` with token-error.
      const other = await make('timeout="40"');
      other.tokenProvider = () => new Promise<string>(() => {});
      const errors = oneEvent(other, 'cas-upload-error');
      expect((await rejectionOf(other.upload(pdf()))).code).to.equal('token-error');
      expect((await errors).detail.code).to.equal('token-error');
      expect(state.parseRequests).to.equal(1);
    });
  });

  describe('bad input ends in its code before the network', () => {
    const cases: [string, string, () => File | undefined, string][] = [
      ['a text file renamed .pdf', 'invalid-file', () => new File(['hello'], 'fake.pdf'), ''],
      ['an empty file', 'invalid-file', () => new File([], 'empty.pdf'), ''],
      ['no file at all', 'invalid-file', () => undefined, ''],
      ['an 11 MB PDF', 'file-too-large', () => new File(['%PDF-1.7\n', new Uint8Array(11 * 1024 * 1024)], 'big.pdf'), ''],
      ['a missing token-url', 'config-error', () => pdf(), 'token-url=""'],
      ['an http: API base', 'config-error', () => pdf(), `token-url="${TOKEN_URL}" api-base="http://api.casparser.in"`],
      ['an API base with a user and password', 'config-error', () => pdf(), `token-url="${TOKEN_URL}" api-base="https://u:p@api.casparser.in"`],
      ['an API base with a query', 'config-error', () => pdf(), `token-url="${TOKEN_URL}" api-base="https://api.casparser.in/?a=1"`],
      ['an API base with a fragment', 'config-error', () => pdf(), `token-url="${TOKEN_URL}" api-base="https://api.casparser.in/#a"`],
      ['an unknown parser', 'config-error', () => pdf(), `token-url="${TOKEN_URL}" parser="zerodha"`],
    ];
    for (const [name, code, file, attrs] of cases) {
      it(`${name} → ${code}`, async () => {
        const el = await make(attrs || `token-url="${TOKEN_URL}"`);
        const events = record(el);
        const err = await rejectionOf(el.upload(file()));
        expect(err.code).to.equal(code);
        expect(el.state).to.equal('error');
        const errors = events.filter((e) => e.type === 'cas-upload-error');
        expect(errors).to.have.length(1);
        expect((errors[0].detail as CasUploadErrorDetail).code).to.equal(code);
        expect(events.some((e) => e.type === 'cas-upload-start')).to.equal(false);
        expect(state.tokenRequests + state.parseRequests).to.equal(0);
        await el.updateComplete;
        expect(part(el, 'error')!.textContent).to.equal(err.message);
      });
    }

    it('a non-PDF chosen in the UI fires cas-upload-error, not select', async () => {
      const el = await make();
      const events = record(el);
      const failed = oneEvent(el, 'cas-upload-error');
      await choose(el, new File(['<html>'], 'page.pdf'));
      expect((await failed).detail.code).to.equal('invalid-file');
      expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-error']);
    });

    it('rejects upload() on a disabled element without any request or event', async () => {
      const el = await make(`token-url="${TOKEN_URL}" disabled`);
      const events = record(el);
      const err = await rejectionOf(el.upload(pdf()));
      expect(err.code).to.equal('aborted');
      expect(events).to.have.length(0);
      expect(state.tokenRequests).to.equal(0);
    });
  });

  describe('the password, checked on the device (contract §19)', () => {
    // PDFs encrypted by qpdf at test time (scripts/test-pdfs.mjs): user ABCDE1234F, owner below.
    const OWNER = 'owner-Secret-9';
    const testPdf = async (name: string) =>
      new File([await (await fetch(`/test-pdfs/${name}.pdf`)).blob()], `${name}.pdf`, { type: 'application/pdf' });

    it('a wrong password → invalid-password with the code and message of the API\'s answer, and no request at all', async () => {
      const file = await testPdf('r6');
      // The API's answer to a wrong password, for comparison (an unencrypted file reaches it).
      setScenario(state, 'wrong-password');
      const api = await rejectionOf((await make()).upload(await testPdf('plain'), 'WRONG'));
      expect(state.parseRequests).to.equal(1);
      resetMockState(state);
      clearTokenCache();
      const el = await make();
      const events = record(el);
      const err = await rejectionOf(el.upload(file, 'ABCDE1234G'));
      expect([err.code, err.message]).to.deep.equal([api.code, api.message]);
      expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-error']);
      expect(events[0].detail).to.deep.equal({
        code: 'invalid-password',
        message: api.message,
        // No answer came: nothing of one to report.
        apiMessage: null,
        status: null,
        retryable: false,
        requestId: null,
      });
      expect([state.tokenRequests, state.parseRequests], 'msw saw no token request and no upload').to.deep.equal([0, 0]);
      await el.updateComplete;
      expect(el.state).to.equal('error');
      expect(part(el, 'password-input')!.getAttribute('aria-invalid')).to.equal('true');
      expect(part(el, 'check'), '"Check the password" offered').to.exist;
      // The file is kept: the right password then uploads it, once.
      await el.upload(undefined, PASSWORD);
      expect(el.state).to.equal('success');
      expect(state.parseRequests).to.equal(1);
    });

    it('chosen and submitted in the form: a wrong password sends nothing but the token fetched ahead at selection', async () => {
      const el = await make();
      await choose(el, await testPdf('r3'));
      // The token is fetched while the password is typed (contract §19 allows it); nothing else.
      for (let i = 0; i < 50 && state.tokenRequests === 0; i++) await aTimeout(5);
      expect(state.tokenRequests).to.equal(1);
      const failed = oneEvent(el, 'cas-upload-error');
      (part(el, 'password-input') as HTMLInputElement).value = 'ABCDE1234G';
      part(el, 'password-input')!.dispatchEvent(new Event('input'));
      part(el, 'submit')!.click();
      expect((await failed).detail.code).to.equal('invalid-password');
      expect([state.tokenRequests, state.parseRequests]).to.deep.equal([1, 0]);
    });

    const uploads: [string, string, string][] = [
      ['the user password', 'r2', PASSWORD],
      ['the owner password', 'r4', OWNER],
      ['the user password, trailer in a cross-reference stream', 'r6-xref-stream', PASSWORD],
      ['an unencrypted file, any password', 'plain', 'anything'],
      ['another security handler (unknown /Filter)', 'unknown-filter', 'ABCDE1234G'],
      ['a truncated file (the check cannot tell)', 'truncated', 'ABCDE1234G'],
    ];
    for (const [what, name, password] of uploads) {
      it(`${what} (${name}.pdf) → exactly one upload`, async () => {
        const el = await make();
        await el.upload(await testPdf(name), password);
        expect(el.state).to.equal('success');
        expect([state.tokenRequests, state.parseRequests]).to.deep.equal([1, 1]);
      });
    }

    it('the password is checked before cas-upload-start: a wrong one fires no start', async () => {
      const el = await make();
      let started = 0;
      el.addEventListener('cas-upload-start', () => started++);
      await rejectionOf(el.upload(await testPdf('r5'), ''));
      expect(started).to.equal(0);
      await el.upload(await testPdf('r5'), PASSWORD);
      expect(started).to.equal(1);
    });
  });

  describe('failures from the network', () => {
    it('a token endpoint that answers HTML → token-error and no API call', async () => {
      worker.use(http.get(TOKEN_URL, () => offSpec('a login page instead of a token', HttpResponse.html('<!doctype html><p>Login</p>'))));
      const el = await make();
      const err = await rejectionOf(el.upload(pdf()));
      expect(err.code).to.equal('token-error');
      expect(state.parseRequests).to.equal(0);
    });

    it('an sk_ key from the token endpoint is refused → token-error, no API call, key not shown', async () => {
      worker.use(http.get(TOKEN_URL, () => offSpec('a secret key instead of a token', HttpResponse.json({ access_token: 'sk_live_secret123' }))));
      const el = await make();
      const events = record(el);
      const err = await rejectionOf(el.upload(pdf()));
      expect(err.code).to.equal('token-error');
      expect(state.parseRequests).to.equal(0);
      expect(err.message).not.to.contain('sk_live_secret123');
      expect(visibleText(el, events)).not.to.contain('sk_live_secret123');
    });

    it('a wrong password → invalid-password, with the API message kept and the element usable again', async () => {
      setScenario(state, 'wrong-password');
      const el = await make();
      const failed = oneEvent(el, 'cas-upload-error');
      const err = await rejectionOf(el.upload(pdf(), 'WRONG'));
      const { detail } = await failed;
      expect(err.code).to.equal('invalid-password');
      expect(detail).to.deep.equal({
        code: 'invalid-password',
        message: err.message,
        apiMessage: 'Invalid PDF file or password.',
        status: 400,
        retryable: false,
        requestId: detail.requestId,
      });
      expect(detail.requestId).to.match(/^req_/);
      await el.updateComplete;
      expect(part(el, 'password-input')!.getAttribute('aria-invalid')).to.equal('true');
      setScenario(state, 'success');
      await el.upload(undefined, PASSWORD);
      expect(el.state).to.equal('success');
    });

    it('an unreadable PDF → parse-failed', async () => {
      setScenario(state, 'unreadable-pdf');
      const el = await make();
      expect((await rejectionOf(el.upload(pdf(), PASSWORD))).code).to.equal('parse-failed');
    });

    it('a 403 once → one token refresh, then success', async () => {
      setScenario(state, 'token-expired');
      const el = await make();
      await el.upload(pdf(), PASSWORD);
      expect(state.tokenRequests).to.equal(2);
      expect(state.parseRequests).to.equal(2);
      expect(el.state).to.equal('success');
    });

    it('a 500 → server-error after exactly one attempt, shown with Retry, and Retry resends with the same password', async () => {
      setScenario(state, 'server-error');
      const el = await make();
      const err = await rejectionOf(el.upload(pdf(), PASSWORD));
      expect(err.code).to.equal('server-error');
      expect(state.parseRequests).to.equal(1);
      await el.updateComplete;
      const retry = part(el, 'retry') as HTMLButtonElement;
      expect(retry).to.exist;
      setScenario(state, 'success');
      const done = oneEvent(el, 'cas-upload-success');
      retry.click();
      await done;
      expect(state.parseRequests).to.equal(2);
      expect(state.lastParseRequest!.fields.password).to.equal(PASSWORD);
    });

    it('a kept password is shown as kept, used for one Retry only, and dropped on reset() and on a new file', async () => {
      setScenario(state, 'server-error');
      const el = await make();
      await choose(el, pdf());
      el.password = PASSWORD;
      await el.updateComplete;
      (part(el, 'submit') as HTMLButtonElement).click();
      await oneEvent(el, 'cas-upload-error');
      await el.updateComplete;
      const pw = part(el, 'password-input') as HTMLInputElement;
      expect(pw.value).to.equal('');
      const note = () => el.shadowRoot!.getElementById('pn')?.textContent ?? null;
      expect(note()).to.equal('The password you typed is kept for Retry.');
      expect(pw.getAttribute('aria-describedby')).to.contain('pn');
      // The one Retry sends it; when that fails too, it is not kept again: the field asks.
      (part(el, 'retry') as HTMLButtonElement).click();
      await oneEvent(el, 'cas-upload-error');
      await el.updateComplete;
      expect(state.parseRequests).to.equal(2);
      expect(state.lastParseRequest!.fields.password).to.equal(PASSWORD);
      expect(note()).to.equal(null);
      (part(el, 'retry') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(state.parseRequests, 'no third request without a password').to.equal(2);
      expect(note()).to.equal("Type the statement's password first.");
      const field = part(el, 'password-input')!;
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(field);
      // reset() and a new file drop a kept password.
      for (const drop of [() => el.reset(), () => choose(el, pdf('other.pdf'))]) {
        el.password = PASSWORD;
        await rejectionOf(el.upload(pdf()));
        await el.updateComplete;
        expect(note()).to.equal('The password you typed is kept for Retry.');
        await drop();
        await el.updateComplete;
        expect(note()).to.equal(null);
        if (!part(el, 'file')) await choose(el, pdf());
        const before = state.parseRequests;
        (part(el, 'submit') as HTMLButtonElement).click();
        await el.updateComplete;
        expect(state.parseRequests, 'nothing sent without a password').to.equal(before);
      }
    });

    it('Upload with no password asks for one, unless allow-empty-password is set', async () => {
      const el = await make();
      await choose(el, pdf());
      (part(el, 'submit') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(state.parseRequests).to.equal(0);
      expect(el.state).to.equal('ready');
      expect(part(el, 'status')!.textContent).to.equal("Type the statement's password first.");
      el.allowEmptyPassword = true;
      await el.updateComplete;
      const done = oneEvent(el, 'cas-upload-success');
      (part(el, 'submit') as HTMLButtonElement).click();
      await done;
      expect(state.lastParseRequest!.fields.password).to.equal('');
      expect((await make(`token-url="${TOKEN_URL}" allow-empty-password`)).allowEmptyPassword).to.equal(true);
    });

    it('lets the file go after success', async () => {
      const el = await make();
      await el.upload(pdf(), PASSWORD);
      expect((await rejectionOf(el.upload())).code, 'no file is held any more').to.equal('invalid-file');
    });

    it('a 402 → quota-exceeded, not retryable', async () => {
      setScenario(state, 'quota-exhausted');
      const el = await make();
      const failed = oneEvent(el, 'cas-upload-error');
      await rejectionOf(el.upload(pdf()));
      const { detail } = await failed;
      expect([detail.code, detail.status, detail.retryable]).to.deep.equal(['quota-exceeded', 402, false]);
    });

    it('a timeout → timeout', async () => {
      worker.use(
        http.post('https://api.casparser.in/v4/smart/parse', async () => {
          await delay(2000);
          return HttpResponse.json(PARSE_RESPONSE);
        }),
      );
      const el = await make(`token-url="${TOKEN_URL}" timeout="200"`);
      expect((await rejectionOf(el.upload(pdf()))).code).to.equal('timeout');
    });
  });

  describe('start, cancel, reset', () => {
    it('preventDefault on cas-upload-start stops the upload: aborted, no request, no error event', async () => {
      const el = await make();
      const events = record(el);
      el.addEventListener('cas-upload-start', (e) => e.preventDefault());
      const err = await rejectionOf(el.upload(pdf()));
      expect(err.code).to.equal('aborted');
      expect(state.tokenRequests + state.parseRequests).to.equal(0);
      expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-start']);
      expect(el.state).to.equal('ready');
    });

    it('cancel() during parsing aborts the request and fires cas-upload-cancel', async () => {
      setScenario(state, 'slow');
      const el = await make();
      const events = record(el);
      const file = pdf('slow.pdf');
      const started = inFlight(el);
      const run = el.upload(file, PASSWORD);
      await started;
      expect(['uploading', 'parsing']).to.include(el.state);
      el.cancel();
      const err = await rejectionOf(run);
      expect(err.code).to.equal('aborted');
      expect(el.state).to.equal('ready');
      const cancel = events.find((e) => e.type === 'cas-upload-cancel');
      expect(cancel?.detail).to.deep.equal({ file: { name: 'slow.pdf', size: file.size } });
      expect(events.some((e) => e.type === 'cas-upload-error')).to.equal(false);
    });

    it('the Cancel button cancels', async () => {
      setScenario(state, 'slow');
      const el = await make();
      const started = inFlight(el);
      const run = el.upload(pdf(), PASSWORD);
      const cancelled = oneEvent(el, 'cas-upload-cancel');
      await started;
      await el.updateComplete;
      (part(el, 'cancel') as HTMLButtonElement).click();
      await cancelled;
      expect((await rejectionOf(run)).code).to.equal('aborted');
    });

    it('a second upload cancels the first, whose result never wins', async () => {
      setScenario(state, 'slow');
      state.slowMs = 400;
      const el = await make();
      const first = el.upload(pdf('first.pdf'));
      await aTimeout(20);
      const second = el.upload(pdf('second.pdf'));
      expect((await rejectionOf(first)).code).to.equal('aborted');
      await second;
      expect(el.state).to.equal('success');
      expect(state.lastParseRequest!.fields.pdf_file).to.deep.include({ name: 'second.pdf' });
    });

    it('reset() returns to idle and clears file, password, result and error', async () => {
      setScenario(state, 'wrong-password');
      const el = await make();
      await rejectionOf(el.upload(pdf(), 'x'));
      el.password = 'typed';
      el.reset();
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      expect(el.password).to.equal('');
      expect(part(el, 'error')).to.equal(null);
      expect(el.shadowRoot!.textContent).not.to.contain('cas.pdf');
      expect((await rejectionOf(el.upload())).code).to.equal('invalid-file');
    });

    it('removing the element mid-upload aborts the request', async () => {
      setScenario(state, 'slow');
      const el = await make();
      const started = inFlight(el);
      const run = el.upload(pdf(), PASSWORD);
      await started;
      el.remove();
      expect((await rejectionOf(run)).code).to.equal('aborted');
    });

    it('moving the element to another parent mid-upload keeps the upload', async () => {
      setScenario(state, 'slow');
      state.slowMs = 300;
      const el = await make();
      const started = inFlight(el);
      const run = el.upload(pdf(), PASSWORD);
      await started;
      const other = document.createElement('div');
      document.body.append(other);
      other.append(el);
      expect(await run).to.deep.equal(PARSE_RESPONSE);
      expect(el.state).to.equal('success');
      other.remove();
    });
  });

  describe('secrets and hostile content', () => {
    // The password and the token in no event, attribute or text: test/resilience/secrets.test.ts,
    // where upload progress events fire (through this file's service worker they do not).

    it('a result field shaped like a Lit template object is shown as text, and the summary still renders', async () => {
      const lit = { _$litType$: 1, strings: ['<img src=x onerror="window.__pwned=2">'], values: [] };
      worker.use(
        http.post('https://api.casparser.in/v4/:parser/parse', () =>
          offSpec(
            'a hostile answer: objects where the specification has strings and numbers',
            HttpResponse.json({ ...PARSE_RESPONSE, investor: { name: lit }, summary: { total_value: 5, accounts: { demat: { count: lit } } } }),
          ),
        ),
      );
      const el = await make();
      await el.upload(pdf());
      await el.updateComplete;
      expect(el.state).to.equal('success');
      expect(part(el, 'progress')).to.equal(null);
      const summary = part(el, 'summary')!;
      expect(summary.querySelector('img')).to.equal(null);
      expect(summary.textContent).to.contain('[object Object]');
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('shows a file name with HTML as text', async () => {
      const el = await make();
      const name = '<img src=x onerror="window.__pwned=1">.pdf';
      await choose(el, pdf(name));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.contain(name);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  });

  describe('robust settings and races', () => {
    it('keeps the state attribute read-only: a page that writes or removes it gets it back', async () => {
      const el = await make();
      el.setAttribute('state', 'success');
      expect(el.getAttribute('state')).to.equal('idle');
      el.removeAttribute('state');
      expect(el.getAttribute('state')).to.equal('idle');
      expect(el.state).to.equal('idle');
    });

    it('falls back to the defaults when max-size, api-base and parser are removed', async () => {
      const el = await make(`token-url="${TOKEN_URL}" max-size="5" api-base="https://api.casparser.in" parser="cdsl"`);
      el.removeAttribute('max-size');
      el.removeAttribute('api-base');
      el.removeAttribute('parser');
      await el.updateComplete;
      await el.upload(pdf());
      expect(state.lastParseRequest!.url).to.equal('https://api.casparser.in/v4/smart/parse');
    });

    it('takes its default timeout and max size when the attributes are malformed', async () => {
      const el = await make(`token-url="${TOKEN_URL}" timeout="abc" max-size="10MB"`);
      await el.upload(pdf());
      expect(el.state).to.equal('success');
      expect((await rejectionOf(el.upload(new File(['%PDF-1.7\n', new Uint8Array(11 * 1024 * 1024)], 'big.pdf')))).code).to.equal(
        'file-too-large',
      );
    });

    it('accepts token-method="post" in lower case', async () => {
      const el = await make(`token-url="${TOKEN_URL}" token-method="post"`);
      await el.upload(pdf());
      expect(state.lastTokenRequest!.method).to.equal('POST');
    });

    it('cancel() from a cas-upload-start listener leaves the element ready, with no request', async () => {
      const el = await make();
      const events = record(el);
      el.addEventListener('cas-upload-start', () => el.cancel());
      expect((await rejectionOf(el.upload(pdf()))).code).to.equal('aborted');
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expect(part(el, 'cancel')).to.equal(null);
      expect(state.tokenRequests + state.parseRequests).to.equal(0);
      expect(events.map((e) => e.type)).to.deep.equal(['cas-upload-start', 'cas-upload-cancel']);
    });

    it('a file that cannot be read is invalid-file, from upload() and from a drop', async () => {
      class Unreadable extends File {
        override slice(): Blob {
          return new (class extends Blob {
            override arrayBuffer(): Promise<ArrayBuffer> {
              return Promise.reject(new DOMException('gone', 'NotReadableError'));
            }
          })();
        }
      }
      const el = await make();
      expect((await rejectionOf(el.upload(new Unreadable(['%PDF-1.7'], 'x.pdf')))).code).to.equal('invalid-file');
      const failed = oneEvent(el, 'cas-upload-error');
      const dt = new DataTransfer();
      const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true, composed: true });
      Object.defineProperty(dt, 'files', { value: [new Unreadable(['%PDF-1.7'], 'y.pdf')] });
      part(el, 'dropzone')!.dispatchEvent(drop);
      expect((await failed).detail.code).to.equal('invalid-file');
    });

    it('finds lang across a shadow root', async () => {
      const host = document.createElement('div');
      host.lang = 'hi';
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = `<cas-upload token-url="${TOKEN_URL}"></cas-upload>`;
      const el = root.querySelector('cas-upload')!;
      await el.updateComplete;
      await aTimeout(0);
      await el.updateComplete;
      expect(part(el, 'submit')!.textContent!.trim()).to.equal('अपलोड करें');
      host.remove();
    });

    it('a programmatic upload does not move focus into the element', async () => {
      const el = await make();
      const outside = document.createElement('button');
      document.body.append(outside);
      outside.focus();
      await el.upload(pdf());
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
      outside.blur();
      await el.upload(pdf());
      await el.updateComplete;
      expect(el.matches(':focus-within')).to.equal(false);
      outside.remove();
    });
  });

  describe('language and strings', () => {
    it('speaks Hindi from the nearest lang and takes string overrides', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="hi"><cas-upload token-url=${TOKEN_URL}></cas-upload></div>`,
      );
      const el = wrapper.querySelector('cas-upload')!;
      await el.updateComplete;
      expect(part(el, 'submit')!.textContent!.trim()).to.equal('अपलोड करें');
      expect(el.shadowRoot!.querySelector('form')!.lang, 'screen readers read it as Hindi').to.equal('hi');
      el.strings = { submit: 'Send' };
      await el.updateComplete;
      expect(part(el, 'submit')!.textContent!.trim()).to.equal('Send');
      wrapper.lang = 'en';
      el.strings = {};
      await aTimeout(0);
      await el.updateComplete;
      expect(part(el, 'submit')!.textContent!.trim()).to.equal('Upload');
      expect(el.shadowRoot!.querySelector('form')!.lang).to.equal('en');
    });

    it('registerStrings adds a language for every element on the page; a text left out is English', async () => {
      registerStrings('ta', { submit: 'பதிவேற்று', heading: 'உங்கள் CAS' });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="ta-IN"><cas-upload token-url=${TOKEN_URL}></cas-upload><cas-upload token-url=${TOKEN_URL}></cas-upload></div>`,
      );
      for (const el of wrapper.querySelectorAll('cas-upload')) {
        await el.updateComplete;
        expect(part(el, 'submit')!.textContent!.trim()).to.equal('பதிவேற்று');
        expect(part(el, 'choose')!.textContent!.trim()).to.equal('Choose PDF');
        expect(el.shadowRoot!.querySelector('form')!.lang).to.equal('ta-IN');
      }
    });

    it('registerStrings takes a loader: called once, when an element first speaks the language', async () => {
      let loads = 0;
      registerStrings('mr', async () => (loads++, { submit: 'अपलोड करा' }));
      expect(loads).to.equal(0);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="mr"><cas-upload token-url=${TOKEN_URL}></cas-upload><cas-upload token-url=${TOKEN_URL}></cas-upload></div>`,
      );
      for (const el of wrapper.querySelectorAll('cas-upload')) {
        await el.updateComplete;
        expect(part(el, 'submit')!.textContent!.trim()).to.equal('अपलोड करा');
      }
      expect(loads).to.equal(1);
    });
  });

  describe('accessibility', () => {
    it('passes axe when idle', async () => {
      const el = await make();
      await expect(el).to.be.accessible();
    });

    it('passes axe with a file chosen', async () => {
      const el = await make();
      await choose(el, pdf());
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe in the error state', async () => {
      setScenario(state, 'wrong-password');
      const el = await make();
      await rejectionOf(el.upload(pdf()));
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('passes axe in the success state', async () => {
      const el = await make();
      await el.upload(pdf());
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });
});

describe('<cas-upload> in the form: no file, a wrong password (contract §18)', () => {
  serveMocks(worker, () => resetMockState(state));

  it('Upload with no file chosen says "Choose your CAS PDF first", keeps the Upload button, sends nothing', async () => {
    const el = await make();
    const events = record(el);
    part(el, 'submit')!.click();
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(part(el, 'dropzone')!.textContent).to.include('Choose your CAS PDF first.');
    expect(part(el, 'status')!.textContent).to.equal('Choose your CAS PDF first.');
    expect(part(el, 'submit'), 'the Upload button stays').to.exist;
    expect(part(el, 'error')).to.equal(null);
    expect(el.shadowRoot!.activeElement, 'focus on Choose PDF').to.equal(part(el, 'choose'));
    expect(events).to.deep.equal([]);
    expect(state.tokenRequests + state.parseRequests).to.equal(0);
    // A file chosen: the note goes, and the upload works.
    await choose(el, pdf());
    expect(part(el, 'dropzone')!.textContent).to.not.include('Choose your CAS PDF first.');
    // upload() from the page still rejects with invalid-file.
    el.reset();
    expect((await rejectionOf(el.upload())).code).to.equal('invalid-file');
  });

  it('"Check the password" puts the wrong password back in its field, focused and selected, so the visitor sees where to type', async () => {
    setScenario(state, 'wrong-password');
    const el = await make();
    await choose(el, pdf());
    const input = part(el, 'password-input') as HTMLInputElement;
    input.value = 'ABCDE1234G';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const failed = oneEvent(el, 'cas-upload-error');
    part(el, 'submit')!.click();
    expect((await failed).detail.code).to.equal('invalid-password');
    await el.updateComplete;
    const field = part(el, 'password-input') as HTMLInputElement;
    // Contract §2: the password is cleared after each upload.
    expect([field.value, el.password], 'cleared after the upload').to.deep.equal(['', '']);
    (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
    part(el, 'check')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement === field, 'the field focused');
    expect(field.value, 'the password tried, back for checking').to.equal('ABCDE1234G');
    expect(field.type, 'still hidden').to.equal('password');
    expect([field.selectionStart, field.selectionEnd], 'all of it selected').to.deep.equal([0, 10]);
    // Typed over, the right one uploads.
    setScenario(state, 'success');
    field.value = PASSWORD;
    field.dispatchEvent(new Event('input'));
    part(el, 'submit')!.click();
    await oneEvent(el, 'cas-upload-success');
    expect(state.lastParseRequest!.fields.password).to.equal(PASSWORD);
    expect(el.password).to.equal('');
  });
});
