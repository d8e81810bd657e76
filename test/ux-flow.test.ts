// What a visitor sees and does with <cas-upload>: choosing or dropping a file, the password
// field, the two phases of progress, the outcomes and their actions, theming, and languages.
// The API is mocked in the page (msw's in-page interception), so upload progress is real.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import '../src/entries/index.js';
import { CasUploadElement, en } from '../src/entries/index.js';
import { api, endTimeOut, failed, held, network, success, timeOut, type Answer } from './mocks/in-page.js';
import { announcements, choose, makeUpload, part, pdf } from './helpers.js';
import { openSession } from './resilience/servers.js';
import { STALL_SIZE } from './resilience/matrix.js';

const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();

const make = (attrs = '') => makeUpload('at_ux', attrs);


function drop(el: CasUploadElement, file: File): void {
  const dt = new DataTransfer();
  dt.items.add(file);
  part(el, 'dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
}

describe('<cas-upload> for visitors', () => {
  before(() => network.enable());
  after(() => network.disable());
  beforeEach(() => {
    api.answer = success;
  });
  afterEach(async () => {
    api.release();
    CasUploadElement.now = () => Date.now();
    await endTimeOut();
  });

  describe('choosing a file', () => {
    it('shows a drag-over state while a file is dragged over the drop zone', async () => {
      const el = await make();
      const zone = part(el, 'dropzone')!;
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(zone.classList.contains('over')).to.equal(true);
      zone.dispatchEvent(new DragEvent('dragleave', { bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(zone.classList.contains('over')).to.equal(false);
    });

    it('takes a dropped PDF: shown with its name, size and a Remove button', async () => {
      const el = await make();
      const selected = oneEvent(el, 'cas-upload-select');
      drop(el, pdf('CAS_June.pdf', 1536 * 1024));
      await selected;
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expect(text(el, 'file')).to.equal('CAS_June.pdf 1.5 MB');
      expect(text(el, 'dropzone')).to.contain('Remove');
      expect(part(el, 'choose')).to.equal(null);
    });

    it('rejects a dropped file that is not a PDF, with a message and the chooser offered again', async () => {
      const el = await make();
      const failed = oneEvent(el, 'cas-upload-error');
      drop(el, new File(['GIF89a'], 'photo.gif', { type: 'image/gif' }));
      expect((await failed).detail.code).to.equal('invalid-file');
      await el.updateComplete;
      expect(text(el, 'error')).to.equal('This file is empty or not a PDF.');
      expect(text(el, 'choose')).to.equal('Choose another file');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
    });

    it('Remove clears the file and gives focus back to the choose button', async () => {
      const el = await make();
      await choose(el, pdf('a.pdf'));
      const remove = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=dropzone] button')!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove a.pdf');
      remove.click();
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      expect(part(el, 'file')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'choose'));
    });

    it('a file over max-size says how large a file may be, in the UI language', async () => {
      const el = await make('max-size="2097152"');
      await choose(el, pdf('big.pdf', 3 * 1024 * 1024));
      expect(text(el, 'error')).to.equal('This file is larger than 2 MB.');
    });
  });

  describe('the password', () => {
    it('is labelled, described by the hint, and can be shown and hidden', async () => {
      const el = await make();
      const pw = part(el, 'password-input') as HTMLInputElement;
      expect(el.shadowRoot!.querySelector(`label[for="${pw.id}"]`)!.textContent).to.equal('PDF password');
      expect(el.shadowRoot!.getElementById(pw.getAttribute('aria-describedby')!)!.textContent).to.contain(
        'your PAN in capitals',
      );
      expect(text(el, 'hint')).to.contain('CDSL and NSDL: the password from the statement e-mail');
      const show = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
      expect(show.closest('label')!.textContent!.trim()).to.equal('Show password');
      show.click();
      await el.updateComplete;
      expect(pw.type).to.equal('text');
      show.click();
      await el.updateComplete;
      expect(pw.type).to.equal('password');
    });

    it('after invalid-password offers "Check the password", which focuses the field', async () => {
      api.answer = failed(400, 'Invalid PDF file or password.');
      const el = await make();
      await el.upload(pdf(), 'WRONG').catch(() => {});
      await el.updateComplete;
      expect(part(el, 'retry')).to.equal(null);
      expect(text(el, 'submit')).to.equal('Upload');
      const check = part(el, 'check')!;
      expect(check.textContent).to.equal('Check the password');
      (document.activeElement as HTMLElement | null)?.blur();
      check.click();
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'password-input'));
    });
  });

  describe('progress in two phases', () => {
    it('"Reading your statement…" with the seconds it has taken, counted from when the API starts reading', async () => {
      let now = 1_000_000;
      CasUploadElement.now = () => now;
      api.answer = held;
      const el = await make();
      const phases: string[] = [];
      el.addEventListener('cas-upload-progress', (e) => {
        // Five seconds pass while the bytes go out.
        if (!phases.length) now += 5_000;
        phases.push(e.detail.phase);
      });
      const uploading = oneEvent(el, 'cas-upload-start');
      const run = el.upload(pdf('cas.pdf', 2 * 1024 * 1024), 'PW');
      await uploading;
      expect(el.state).to.equal('uploading');
      // (The percent while the bytes go out: the fault matrix's real slow upload.)
      const label = () => el.shadowRoot!.querySelector('#pl')!.textContent!.replace(/\s+/g, ' ').trim();

      await waitUntil(() => el.state === 'parsing', 'parse phase');
      await el.updateComplete;
      expect(phases[0]).to.equal('upload');
      expect(phases.at(-1)).to.equal('parse');
      // The seconds count from when the API started reading, not from the upload's start.
      expect(label()).to.equal('Reading your statement… 0s');
      expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('100');
      now += 12_000;
      el.requestUpdate();
      await el.updateComplete;
      expect(label()).to.equal('Reading your statement… 12s');
      expect(part(el, 'cancel')).to.exist;
      api.release();
      await run;
      expect(el.state).to.equal('success');
    });

    it('shows the seconds while nothing is reported sent yet (a slow token endpoint, a service worker in between)', async () => {
      let now = 1_000_000;
      CasUploadElement.now = () => now;
      const el = await make();
      el.tokenProvider = () => new Promise(() => {});
      const run = el.upload(pdf(), 'PW').catch((e) => e);
      await waitUntil(() => el.state === 'uploading');
      now += 4_000;
      el.requestUpdate();
      await el.updateComplete;
      const label = el.shadowRoot!.querySelector('#pl')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(label).to.equal('Uploading… 0% 4s');
      el.cancel();
      expect((await run).code).to.equal('aborted');
    });

    it('a progress listener that cancels ends the upload there: the element is ready again, not left reading', async () => {
      api.answer = held;
      const el = await make();
      let cancelled = false;
      el.addEventListener('cas-upload-progress', (e) => e.detail.phase === 'parse' && ((cancelled = true), el.cancel()));
      const run = el.upload(pdf(), 'PW').catch((e) => e);
      await waitUntil(() => cancelled, 'cancelled from the listener');
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expect(part(el, 'progress')).to.not.exist;
      api.release();
      expect((await run).code).to.equal('aborted');
    });

    it('a retry after the API answered 503 shows the bytes going out again, then reading again', async () => {
      let first = true;
      api.answer = () => (first ? ((first = false), failed(503, 'Busy')()) : success());
      const el = await make();
      el.retries = 1;
      // Each progress event's listener runs before the element handles it: it sees the state
      // the events before it left.
      const seen: string[] = [];
      el.addEventListener('cas-upload-progress', (e) => seen.push(`${e.detail.phase} after ${el.state}`));
      await el.upload(pdf(), 'PW');
      const parses = seen.filter((x) => x.startsWith('parse'));
      expect(parses, seen.join(', ')).to.deep.equal(['parse after uploading', 'parse after uploading']);
      expect(el.state).to.equal('success');
    });

    it('Cancel works in the parse phase', async () => {
      api.answer = held;
      const el = await make();
      const run = el.upload(pdf(), 'PW').catch((e) => e);
      await waitUntil(() => el.state === 'parsing', 'parse phase');
      await el.updateComplete;
      const cancelled = oneEvent(el, 'cas-upload-cancel');
      part(el, 'cancel')!.click();
      expect((await cancelled).detail.file.name).to.equal('cas.pdf');
      await el.updateComplete;
      expect(el.state).to.equal('ready');
      expect(text(el, 'file')).to.contain('cas.pdf');
      api.release();
      expect((await run).code).to.equal('aborted');
    });

    it('Cancel works in the upload phase, while the bytes go out (a real server that reads them slowly)', async function () {
      this.timeout(20000);
      // In-page interception steps aside: the upload goes to a real server that reads slowly and never answers.
      const s = await openSession({ api: [{ stall: true }] });
      await network.disable();
      try {
        const el = await make(`max-size="${2 * STALL_SIZE}"`);
        el.apiBase = s.apiBase;
        let sent = 0;
        el.addEventListener('cas-upload-progress', (e) => e.detail.phase === 'upload' && (sent = e.detail.loaded));
        const file = pdf('cas.pdf', STALL_SIZE);
        const run = el.upload(file, 'PW').catch((e) => e);
        await waitUntil(() => sent > 0 && part(el, 'cancel'), 'bytes going out, and Cancel shown', { timeout: 10000 });
        expect(el.state).to.equal('uploading');
        expect(sent, 'not all sent yet').to.be.below(file.size);
        const cancelled = oneEvent(el, 'cas-upload-cancel');
        part(el, 'cancel')!.click();
        expect((await cancelled).detail.file.name).to.equal('cas.pdf');
        expect((await run).code).to.equal('aborted');
        await el.updateComplete;
        expect(el.state).to.equal('ready');
        expect(text(el, 'status')).to.equal('Upload cancelled.');
        const stats = await s.until((st) => st.apiAborted === 1, 'the upload aborted on the wire', 5000);
        expect(stats.requests[0].complete, 'aborted before all bytes were read').to.equal(false);
      } finally {
        await s.close();
        network.enable();
      }
    });

    it('an upload answered within 100 ms goes straight from the form to its outcome: no progress view drawn', async () => {
      const el = await make();
      let drawn = false;
      new MutationObserver(() => (drawn ||= !!part(el, 'progress'))).observe(el.shadowRoot!, { subtree: true, childList: true });
      const said = announcements(el);
      await el.upload(pdf(), 'PW');
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 150));
      expect(drawn, 'a progress view appeared').to.equal(false);
      expect(el.state).to.equal('success');
      expect(said.at(-1)).to.equal('Your statement was read.');
    });
  });

  describe('outcomes', () => {
    it('success: a summary, focus on it, and "Upload another" back to the start', async () => {
      const el = await make();
      await el.upload(pdf(), 'PW');
      await el.updateComplete;
      expect(text(el, 'summary')).to.match(/^Your statement was read\./);
      const rows = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
      expect(rows).to.deep.equal([
        'Investor: ANANYA RAO',
        'Statement period: 1 Jun 2026 – 30 Jun 2026',
        'Total value: ₹17,08,126.56',
        'Demat accounts: 2',
        'Mutual fund folios: 3',
      ]);
      const another = part(el, 'another')!;
      expect(another.textContent).to.equal('Upload another');
      another.click();
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'choose'));
    });

    it('leaves out what the result does not have', async () => {
      api.answer = () => HttpResponse.json({ investor: { name: 'R K' }, summary: { total_value: 0 } });
      const el = await make();
      await el.upload(pdf(), 'PW');
      await el.updateComplete;
      const terms = [...el.shadowRoot!.querySelectorAll('dt')].map((d) => d.textContent);
      expect(terms).to.deep.equal(['Investor', 'Total value']);
      expect(text(el, 'summary')).to.contain('₹0.00');
    });

    it('a total that JSON reads as Infinity (1e999) is "—", not "₹∞"', async () => {
      api.answer = () => new HttpResponse('{"summary":{"total_value":1e999}}', { headers: { 'Content-Type': 'application/json' } });
      const el = await make();
      await el.upload(pdf(), 'PW');
      await el.updateComplete;
      const rows = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling!.textContent}`);
      expect(rows).to.deep.equal(['Total value: —']);
    });

    const cases: [string, Answer | null, string | null][] = [
      ['parse-failed', failed(400, 'Unable to detect CAS type'), 'Choose another file'],
      ['quota-exceeded', failed(402, 'Insufficient credits'), null],
      ['auth-failed', failed(401, 'Authentication failed'), null],
      ['rate-limited', failed(429, 'Slow down'), 'Retry'],
      ['server-error', failed(500, 'Internal server error'), 'Retry'],
      ['network-error', () => HttpResponse.error(), 'Retry'],
      ['timeout', null, 'Retry'],
    ];
    const sentences = new Set<string>();
    after(() => expect(sentences.size, 'one sentence per code').to.equal(cases.length));
    for (const [code, reply, action] of cases) {
      it(`${code}: its own sentence and ${action ? `"${action}"` : 'no action button'}`, async () => {
        if (reply) api.answer = reply;
        const el = await make();
        if (!reply) await timeOut(el);
        const err = await el.upload(pdf(), 'PW').catch((e) => e);
        expect(err.code).to.equal(code);
        await el.updateComplete;
        const sentence = text(el, 'error')!;
        expect(sentence).to.equal(en[code as keyof typeof en]);
        expect(sentence).to.not.contain('Internal server error'); // the API's own words stay in apiMessage
        sentences.add(sentence);
        const retry = part(el, 'retry');
        const choose = part(el, 'choose');
        if (action === 'Retry') {
          expect(retry!.textContent).to.equal('Retry');
          expect(choose).to.equal(null);
        } else if (action) {
          expect(retry).to.equal(null);
          expect(choose!.textContent).to.equal(action);
        } else {
          expect(retry).to.equal(null);
          expect(choose).to.equal(null);
        }
      });
    }

    it('the error message from the server is never shown as HTML', async () => {
      api.answer = failed(400, '<img src=x onerror="window.__pwned=1">');
      const el = await make();
      const err = await el.upload(pdf(), 'PW').catch((e) => e);
      expect(err.apiMessage).to.contain('<img');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  describe('theming', () => {
    it('exposes every part of the contract in the state where it is shown, and not in the others', async () => {
      const el = await make();
      const shown = () => [...new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((n) => n.getAttribute('part')!.split(/\s+/)))].sort();
      const seen: Record<string, string[]> = { idle: shown() };
      api.answer = held;
      const run = el.upload(pdf(), 'PW').catch(() => {});
      await waitUntil(() => el.state === 'parsing');
      await el.updateComplete;
      seen.parsing = shown();
      api.release();
      await run;
      await el.updateComplete;
      seen.success = shown();
      api.answer = failed(500, 'x');
      await el.upload(pdf(), 'PW').catch(() => {});
      await el.updateComplete;
      seen.error = shown();
      // base, heading and status in every state; each state's own parts there, and only there.
      const always = ['base', 'heading', 'status'];
      const form = ['dropzone', 'file-input', 'hint', 'password-input', 'password-label', 'show-password'];
      expect(seen).to.deep.equal({
        idle: [...always, ...form, 'choose', 'drop-hint', 'submit'].sort(),
        parsing: [...always, 'cancel', 'file', 'progress', 'progress-label'].sort(),
        success: [...always, 'another', 'summary', 'summary-list'].sort(),
        // The file is kept, with its Remove, for Retry.
        error: [...always, ...form, 'error', 'file', 'remove', 'retry'].sort(),
      });
    });

    it('takes --cas-upload-* custom properties and ::part rules from the page', async () => {
      const style = document.createElement('style');
      style.textContent = `
        .themed { --cas-upload-accent: rgb(200, 0, 100); --cas-upload-on-accent: rgb(1, 2, 3);
          --cas-upload-radius: 3px; --cas-upload-spacing: 7px; --cas-upload-background: rgb(250, 240, 230);
          --cas-upload-text: rgb(10, 20, 30); --cas-upload-border: rgb(9, 9, 9); --cas-upload-font: 700 20px/1 serif; }
        .themed::part(submit) { text-transform: uppercase; }
        cas-upload.themed[state='ready'] { outline: 5px solid rgb(0, 128, 0); }`;
      document.head.append(style);
      try {
        const el = await make('class="themed"');
        const submit = part(el, 'submit')!;
        const cs = getComputedStyle(submit);
        expect(cs.backgroundColor).to.equal('rgb(200, 0, 100)');
        expect(cs.color).to.equal('rgb(1, 2, 3)');
        expect(cs.textTransform).to.equal('uppercase');
        const host = getComputedStyle(el);
        expect(host.padding).to.equal('7px');
        expect(host.backgroundColor).to.equal('rgb(250, 240, 230)');
        expect(host.color).to.equal('rgb(10, 20, 30)');
        expect(host.borderTopColor).to.equal('rgb(9, 9, 9)');
        expect(host.fontFamily).to.equal('serif');
        expect(host.fontSize).to.equal('20px');
        expect(getComputedStyle(part(el, 'dropzone')!).borderTopLeftRadius).to.equal('3px');
        expect(host.outlineStyle).to.equal('none');
        await choose(el, pdf());
        expect(getComputedStyle(el).outlineStyle).to.equal('solid');
      } finally {
        style.remove();
      }
    });

    it('slots replace the heading and the hint', async () => {
      const el = await fixture<CasUploadElement>(
        html`<cas-upload><h2 slot="heading">Import your portfolio</h2><span slot="hint">Your PAN, in capitals.</span></cas-upload>`,
      );
      const heading = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=heading]')!;
      const hint = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=hint]')!;
      expect(heading.assignedElements()[0].textContent).to.equal('Import your portfolio');
      expect(hint.assignedElements()[0].textContent).to.equal('Your PAN, in capitals.');
    });
  });

  describe('languages', () => {
    it('speaks Hindi from its own lang attribute, and back in English when it changes', async () => {
      const el = await make('lang="hi"');
      expect(text(el, 'choose')).to.equal('PDF चुनें');
      expect(text(el, 'heading')).to.equal('अपना CAS स्टेटमेंट अपलोड करें');
      el.lang = 'en';
      await waitUntil(() => text(el, 'choose') === 'Choose PDF', 'English again');
    });

    it('follows a change of the nearest ancestor lang', async () => {
      const wrapper = await fixture<HTMLElement>(html`<section lang="en"><div><cas-upload></cas-upload></div></section>`);
      const el = wrapper.querySelector('cas-upload')!;
      await el.updateComplete;
      expect(text(el, 'submit')).to.equal('Upload');
      wrapper.lang = 'hi-IN';
      await waitUntil(() => text(el, 'submit') === 'अपलोड करें', 'Hindi');
    });

    it('formats sizes, numbers and dates for the language', async () => {
      const el = await make('lang="hi"');
      await el.upload(pdf(), 'PW');
      await el.updateComplete;
      const summary = text(el, 'summary')!;
      expect(summary).to.contain('आपका स्टेटमेंट पढ़ लिया गया।');
      expect(summary).to.contain('₹17,08,126.56');
      expect(summary).to.contain(
        `${new Date(Date.UTC(2026, 5, 1)).toLocaleDateString('hi-IN', { dateStyle: 'medium', timeZone: 'UTC' })} –`,
      );
      expect(summary).to.contain('जून');
    });

    it('a region in lang decides the number format', async () => {
      const el = await make('lang="en-US"');
      await el.upload(pdf(), 'PW');
      await el.updateComplete;
      expect(text(el, 'summary')).to.contain('₹1,708,126.56');
      expect(text(el, 'summary')).to.contain('Jun 1, 2026');
    });

    it('strings overrides any text, in any language', async () => {
      const el = await make('lang="hi"');
      el.strings = { choose: 'Pick a statement', passwordHint: 'Your PAN.', 'invalid-file': 'Not a PDF: {max}' };
      await el.updateComplete;
      expect(text(el, 'choose')).to.equal('Pick a statement');
      expect(text(el, 'hint')).to.equal('Your PAN.');
      expect(text(el, 'submit')).to.equal('अपलोड करें');
      await choose(el, new File(['x'], 'x.pdf'));
      expect(text(el, 'error')).to.match(/^Not a PDF: /);
    });
  });
});
