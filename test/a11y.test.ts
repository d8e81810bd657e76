// Accessibility of <cas-upload> in every state: axe-core with no violations (light, dark,
// Hindi), focus that follows what appears, visible focus, reflow at 320 px and with doubled
// text, reduced motion and forced colours. The API is mocked in the page (msw's in-page
// interception), so the upload and parse phases both really happen.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { HttpResponse } from 'msw';
import '../src/entries/index.js';
import { en, type CasUploadElement, type CasUploadState } from '../src/entries/index.js';
import { api, endTimeOut, failed, held, network, success, timeOut } from './mocks/in-page.js';
import { choose, makeUpload, part, pdf } from './helpers.js';

/** Whether the running test changed the media features or the viewport (reset after it). */
let emulated = false;
let resized = false;
const media = (m: Parameters<typeof emulateMedia>[0]) => ((emulated = true), emulateMedia(m));
/** The page's `color-scheme` (the element follows it); `''` puts the default (light) back. */
const pageScheme = (value: string) => document.documentElement.style.setProperty('color-scheme', value);
const viewport = (width: number, height: number) => ((resized = true), setViewport({ width, height }));

const make = (attrs = '') => makeUpload('at_a11y', attrs);


/** Chooses a PDF, types the password and presses Enter, as a visitor would, and waits for `until`. */
async function submit(el: CasUploadElement, until: CasUploadState, file = pdf()): Promise<void> {
  await choose(el, file);
  part(el, 'password-input')!.focus();
  await sendKeys({ type: 'ABCDE1234F' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => el.state === until, `state ${until}`, { timeout: 5000 });
  await el.updateComplete;
}

/** Every error the visitor can meet, with how to cause it and the action the element offers. */
const errors: [code: string, arrange: (el: CasUploadElement) => unknown, file: File, action: string | null][] = [
  ['config-error', (el) => ((el as { parser: string }).parser = 'zerodha'), pdf(), null],
  ['invalid-file', () => {}, new File(['<html>'], 'page.pdf'), 'choose'],
  ['file-too-large', (el) => (el.maxSize = 1048576), new File(['%PDF-1.7\n', new Uint8Array(2097152)], 'big.pdf'), 'choose'],
  ['token-error', (el) => (el.tokenProvider = async () => Promise.reject(new Error('down'))), pdf(), 'retry'],
  ['invalid-password', () => (api.answer = failed(400, 'Invalid PDF file or password.')), pdf(), 'check'],
  ['parse-failed', () => (api.answer = failed(400, 'Unable to detect CAS type')), pdf(), 'choose'],
  ['quota-exceeded', () => (api.answer = failed(402, 'Insufficient credits.')), pdf(), null],
  ['auth-failed', () => (api.answer = failed(401, 'Authentication failed')), pdf(), null],
  ['rate-limited', () => (api.answer = failed(429, 'Rate limit exceeded.')), pdf(), 'retry'],
  ['server-error', () => (api.answer = failed(500, 'Internal server error')), pdf(), 'retry'],
  ['network-error', () => (api.answer = () => HttpResponse.error()), pdf(), 'retry'],
  ['timeout', (el) => timeOut(el), pdf(), 'retry'],
];

async function inError(code: string): Promise<CasUploadElement> {
  const [, arrange, file, action] = errors.find(([c]) => c === code)!;
  const el = await make();
  await arrange(el);
  if (file.size < 20 || code === 'file-too-large') {
    await choose(el, file);
  } else {
    await submit(el, 'error', file);
  }
  expect(el.state).to.equal('error');
  expect(part(el, 'error')!.textContent).to.equal(en[code as keyof typeof en].replace('{max}', '1 MB'));
  await el.updateComplete;
  for (const p of ['choose', 'retry', 'check']) expect(Boolean(part(el, p)), `${code} offers ${p}`).to.equal(p === action);
  return el;
}

/** Every state, reached through the UI. */
const states: [string, () => Promise<CasUploadElement>][] = [
  ['idle', () => make()],
  [
    'ready',
    async () => {
      const el = await make();
      await choose(el, pdf());
      return el;
    },
  ],
  [
    'uploading',
    async () => {
      const el = await make();
      el.tokenProvider = () => new Promise(() => {}); // the upload waits for its token
      await submit(el, 'uploading');
      return el;
    },
  ],
  [
    'parsing',
    async () => {
      api.answer = held;
      const el = await make();
      await submit(el, 'parsing');
      return el;
    },
  ],
  [
    'success',
    async () => {
      const el = await make();
      await submit(el, 'success');
      return el;
    },
  ],
  ['disabled', () => make('disabled')],
  ...errors.map(([code]) => [`error: ${code}`, () => inError(code)] as [string, () => Promise<CasUploadElement>]),
];

describe('accessibility', () => {
  before(() => network.enable());
  after(() => network.disable());
  beforeEach(() => {
    api.answer = success;
  });
  afterEach(async () => {
    api.release();
    await endTimeOut();
    if (emulated) await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', forcedColors: 'none' });
    if (resized) await setViewport({ width: 800, height: 600 });
    pageScheme('');
    emulated = resized = false;
  });

  describe('axe-core finds no violations', () => {
    for (const [name, reach] of states) {
      it(`when ${name}`, async () => {
        const el = await reach();
        await expect(el).to.be.accessible();
        el.cancel();
      });
    }

    for (const name of ['idle', 'success', 'error: invalid-password', 'error: server-error']) {
      it(`when ${name}, in dark mode`, async () => {
        pageScheme('light dark');
        await media({ colorScheme: 'dark' });
        const el = await states.find(([n]) => n === name)![1]();
        await expect(el).to.be.accessible();
      });
    }

    it('in Hindi, with a file chosen and after an error', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="hi"><cas-upload retries="0"></cas-upload></div>`);
      const el = wrapper.querySelector('cas-upload')!;
      el.tokenProvider = async () => 'at_a11y';
      await el.updateComplete;
      await choose(el, pdf());
      await expect(el).to.be.accessible();
      api.answer = failed(500, 'Internal server error');
      await el.upload().catch(() => {});
      await el.updateComplete;
      expect(part(el, 'retry')!.textContent).to.equal('फिर से कोशिश करें');
      await expect(el).to.be.accessible();
    });
  });

  describe('focus follows what appears', () => {
    it('moves to the error message when an error appears', async () => {
      const el = await inError('server-error');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
    });

    it('moves to the password field after invalid-password, which is marked invalid', async () => {
      const el = await inError('invalid-password');
      const pw = part(el, 'password-input') as HTMLInputElement;
      expect(el.shadowRoot!.activeElement).to.equal(pw);
      expect(pw.getAttribute('aria-invalid')).to.equal('true');
      // The error is still announced and shown.
      expect(part(el, 'status')!.textContent).to.equal(part(el, 'error')!.textContent);
    });

    it('moves to the summary on success', async () => {
      const el = await states.find(([n]) => n === 'success')![1]();
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'summary'));
    });

    it('moves to Cancel while busy, and to the password field after Cancel', async () => {
      const el = await states.find(([n]) => n === 'parsing')![1]();
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'cancel'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.state === 'ready');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'password-input'));
    });

    it('does not steal focus from elsewhere on the page for a programmatic upload', async () => {
      const outside = await fixture<HTMLInputElement>(html`<input aria-label="elsewhere" />`);
      const el = await make();
      outside.focus();
      await el.upload(pdf()).catch(() => {});
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
    });
  });

  describe('keyboard and visible focus', () => {
    it('reaches every control with Tab, and each shows a focus outline', async () => {
      const el = await make();
      await choose(el, pdf('chosen.pdf'));
      const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
      el.before(before);
      before.focus();
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        const active = el.shadowRoot!.activeElement as HTMLElement;
        expect(active, `Tab ${i + 1}`).to.exist;
        seen.push(active.getAttribute('part') ?? active.getAttribute('type') ?? active.tagName);
        const style = getComputedStyle(active);
        expect(style.outlineStyle, `${seen.at(-1)} outline`).to.equal('solid');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      }
      expect(seen).to.deep.equal(['remove', 'password-input', 'checkbox', 'submit']);
    });

    it('opens the file dialog from the keyboard: the choose button is a real button', async () => {
      const el = await make();
      const choose = part(el, 'choose') as HTMLButtonElement;
      expect(choose.tagName).to.equal('BUTTON');
      const input = part(el, 'file-input') as HTMLInputElement;
      let opened = 0;
      input.addEventListener('click', () => opened++);
      choose.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      expect(opened).to.equal(2);
    });
  });

  describe('reflow', () => {
    /** Nothing in the shadow root reaches past the host's right edge. */
    function overflow(el: CasUploadElement): string[] {
      const right = el.getBoundingClientRect().right + 0.5;
      return [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
        .filter((n) => n.getClientRects().length && n.getBoundingClientRect().right > right)
        .map((n) => n.getAttribute('part') ?? n.tagName);
    }

    for (const name of ['idle', 'ready', 'parsing', 'success', 'error: invalid-password']) {
      it(`fits 320 px, and a 640 px window with text at 200 %, without horizontal scrolling when ${name}`, async () => {
        await viewport(320, 640);
        const el = await states.find(([n]) => n === name)![1]();
        expect(el.getBoundingClientRect().width).to.be.at.most(320);
        expect(overflow(el)).to.deep.equal([]);
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await viewport(640, 800);
        document.documentElement.style.fontSize = '200%';
        try {
          await el.updateComplete;
          expect(overflow(el)).to.deep.equal([]);
          expect(document.documentElement.scrollWidth).to.be.at.most(640);
        } finally {
          document.documentElement.style.fontSize = '';
        }
      });
    }
  });

  describe('user preferences', () => {
    it('the parse phase pulses, and does not with prefers-reduced-motion', async () => {
      const el = await states.find(([n]) => n === 'parsing')![1]();
      const bar = part(el, 'progress')!;
      expect(getComputedStyle(bar).animationName).to.not.equal('none');
      await media({ reducedMotion: 'reduce' });
      expect(getComputedStyle(bar).animationName).to.equal('none');
    });

    it('keeps borders and a non-colour drag-over cue in forced colours', async () => {
      await media({ forcedColors: 'active' });
      const el = await make();
      const zone = part(el, 'dropzone')!;
      expect(getComputedStyle(zone).borderTopStyle).to.equal('dashed');
      expect(parseFloat(getComputedStyle(part(el, 'choose')!).borderTopWidth)).to.be.at.least(1);
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(getComputedStyle(zone).borderTopStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    });

    it("follows the page's color-scheme: light on a page that does not opt in, even on a dark system", async () => {
      const el = await make();
      await media({ colorScheme: 'dark' });
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(el).colorScheme).to.equal('normal');
      await expect(el).to.be.accessible();
    });

    it('follows prefers-color-scheme on a page that says color-scheme: light dark', async () => {
      pageScheme('light dark');
      const el = await make();
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
      await media({ colorScheme: 'dark' });
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(30, 33, 39)');
    });

    it('is dark where the page or the element says color-scheme: dark (the explicit dark theme)', async () => {
      const el = await make();
      el.style.colorScheme = 'dark';
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(30, 33, 39)');
      el.style.colorScheme = '';
      pageScheme('dark');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(30, 33, 39)');
      await expect(el).to.be.accessible();
    });

  });
});
