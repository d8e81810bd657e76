// Languages of every element: one registerLanguage() for all of them, from every entry, and a
// language with no texts shown as English throughout (the texts, `lang` and the digits).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import * as upload from '../src/entries/index.js';
import * as element from '../src/entries/element.js';
import * as cdslFetch from '../src/entries/cdsl-fetch.js';
import * as mailback from '../src/entries/mailback.js';
import * as inbox from '../src/entries/inbox.js';
import * as forward from '../src/entries/forward.js';
import * as connect from '../src/entries/connect.js';
import * as portfolio from '../src/entries/portfolio.js';
import * as cdnUpload from '../src/entries/cdn/cas-upload.js';
import * as cdnConnect from '../src/entries/cdn/cas-connect.js';
// cas-portfolio.js only chooses a built copy; this is the source of both.
import * as cdnPortfolio from '../src/entries/cdn/portfolio-alone.js';
import { en as uploadEn } from '../src/upload/en.js';
import { en as connectEn } from '../src/connect/en.js';
import { en as cdslEn } from '../src/cdsl-fetch/en.js';
import { en as portfolioEn } from '../src/portfolio/en.js';
import CAMS from './portfolio/cams.json';

const { registerLanguage, registerStrings } = upload;
const TAGS = ['cas-upload', 'cas-cdsl-fetch', 'cas-mailback', 'cas-inbox', 'cas-forward', 'cas-connect', 'cas-portfolio'] as const;

/** The element's rendered root that carries the language its texts are shown in. */
const shown = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[lang]')!;
/** The heading text of a form element, or of <cas-connect>. */
const heading = (el: Element) => el.shadowRoot!.querySelector('#h')!.textContent!.trim();
/** Digits of Devanagari (Marathi, Hindi) and Bengali. */
const NATIVE_DIGITS = /[\u0966-\u096F\u09E6-\u09EF]/;

async function make(tag: (typeof TAGS)[number], lang: string): Promise<HTMLElement> {
  await customElements.whenDefined(tag);
  const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown>; result?: unknown };
  el.setAttribute('lang', lang);
  el.setAttribute('token-url', '/token');
  el.setAttribute('redirect-url', '/cb.html');
  if (tag === 'cas-portfolio') el.result = CAMS;
  (await fixture(html`<div></div>`)).append(el);
  await el.updateComplete;
  return el;
}

describe('languages', () => {
  it('registerLanguage is one function, exported by every entry that registers an element and by the script-tag files', () => {
    expect(registerLanguage).to.be.a('function');
    // (cas-upload/react needs a bundler: test/dist/package.test.ts checks its exports.)
    for (const entry of [element, cdslFetch, mailback, inbox, forward, connect, portfolio, cdnUpload, cdnConnect, cdnPortfolio]) {
      expect((entry as { registerLanguage?: unknown }).registerLanguage).to.equal(registerLanguage);
    }
  });

  for (const lang of ['mr', 'bn']) {
    it(`lang="${lang}" with no texts: every element is English throughout (texts, lang, digits)`, async () => {
      for (const tag of TAGS) {
        const el = await make(tag, lang);
        expect(shown(el).getAttribute('lang'), tag).to.equal('en');
        expect(el.shadowRoot!.textContent, tag).not.to.match(NATIVE_DIGITS);
        el.remove();
      }
      const up = await make('cas-upload', lang);
      expect(heading(up)).to.equal(uploadEn.heading);
      const pf = await make('cas-portfolio', lang);
      expect(pf.shadowRoot!.textContent).to.include(portfolioEn.total);
      expect(pf.shadowRoot!.textContent).to.match(/₹[0-9,]+/);
    });
  }

  it('one call adds a language to several elements; an element it leaves out speaks English', async () => {
    registerLanguage('mr', {
      'cas-upload': { heading: 'तुमचा CAS', submit: 'अपलोड करा' },
      'cas-connect': { heading: 'तुमचा CAS आणा' },
    });
    const up = await make('cas-upload', 'mr-IN');
    expect(heading(up)).to.equal('तुमचा CAS');
    expect(up.shadowRoot!.querySelector('[part~=submit]')!.textContent!.trim()).to.equal('अपलोड करा');
    expect(up.shadowRoot!.querySelector('[part~=choose]')!.textContent!.trim(), 'a text left out').to.equal(uploadEn.choose);
    expect(shown(up).getAttribute('lang')).to.equal('mr-IN');
    const co = await make('cas-connect', 'mr');
    expect(heading(co)).to.equal('तुमचा CAS आणा');
    expect(shown(co).getAttribute('lang')).to.equal('mr');
    const cd = await make('cas-cdsl-fetch', 'mr');
    expect(heading(cd)).to.equal(cdslEn.heading);
    expect(shown(cd).getAttribute('lang'), 'no Marathi texts for it').to.equal('en');
    expect(connectEn.heading).not.to.equal('तुमचा CAS आणा');
  });

  it('a loader is called once, the first time an element speaks the language; until then English', async () => {
    let loads = 0;
    let release!: () => void;
    const arrived = new Promise<void>((r) => (release = r));
    registerLanguage('bn', async () => {
      loads++;
      await arrived;
      return { 'cas-upload': { heading: 'আপনার CAS' }, 'cas-cdsl-fetch': { heading: 'CDSL থেকে আনুন' } };
    });
    expect(loads, 'nothing loaded before an element speaks it').to.equal(0);
    const wrap = await fixture<HTMLDivElement>(html`<div lang="bn"><cas-upload></cas-upload><cas-cdsl-fetch></cas-cdsl-fetch></div>`);
    const [up, cd] = [wrap.children[0], wrap.children[1]] as HTMLElement[];
    await waitUntil(() => up.shadowRoot?.querySelector('#h'), 'rendered in English while it loads', { timeout: 3000 });
    expect(shown(up).getAttribute('lang')).to.equal('en');
    release();
    await waitUntil(() => heading(up) === 'আপনার CAS' && heading(cd) === 'CDSL থেকে আনুন', 'the texts once they arrive');
    expect(shown(up).getAttribute('lang')).to.equal('bn');
    expect(loads).to.equal(1);
  });

  it("registerStrings still adds <cas-upload>'s texts, and the later of the two wins", async () => {
    registerLanguage('gu', { 'cas-upload': { heading: 'A' }, 'cas-connect': { heading: 'B' } });
    registerStrings('gu', { heading: 'C' });
    const up = await make('cas-upload', 'gu');
    expect(heading(up)).to.equal('C');
    const co = await make('cas-connect', 'gu');
    expect(heading(co), 'the other elements keep the table').to.equal('B');
    registerLanguage('gu', { 'cas-upload': { heading: 'D' } });
    const again = await make('cas-upload', 'gu');
    expect(heading(again)).to.equal('D');
  });
});

describe('an error shown, then lang changes', () => {
  type El = HTMLElement & { updateComplete: Promise<unknown>; apiBase?: string; upload?: (f?: File) => Promise<unknown> };
  const root = (el: Element) => el.shadowRoot!;
  const press = (el: Element, selector: string) => root(el).querySelector<HTMLElement>(selector)!.click();
  const submit = (el: Element) => root(el).querySelector('form')!.requestSubmit();
  const typeIn = (el: Element, part: string, value: string) => {
    const input = root(el).querySelector<HTMLInputElement>(`[part~=${part}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  /** Each element's error that needs no network: the text of its code, of a key, or with texts as values. */
  const errors: [string, (typeof TAGS)[number], (el: El) => unknown][] = [
    ['cas-upload: invalid-file (its code)', 'cas-upload', (el) => el.upload!().catch(() => {})],
    ['cas-cdsl-fetch: the fields named by their labels', 'cas-cdsl-fetch', submit],
    ['cas-mailback: the fields named', 'cas-mailback', submit],
    ['cas-mailback: the passwords differ (a text of its own)', 'cas-mailback', (el) => (typeIn(el, 'password-input', 'a'), typeIn(el, 'confirm-input', 'b'), submit(el))],
    ['cas-inbox: config-error', 'cas-inbox', (el) => ((el.apiBase = 'http://api.example.in'), el.updateComplete.then(() => press(el, '[part~=connect]')))],
    ['cas-forward: config-error', 'cas-forward', (el) => ((el.apiBase = 'http://api.example.in'), el.updateComplete.then(() => press(el, '[part~=start]')))],
  ];
  const said = async (el: El, make: (el: El) => unknown) => {
    await make(el);
    await waitUntil(() => root(el).querySelector('[part=error]')?.textContent, 'the error shown');
    return root(el).querySelector('[part=error]')!.textContent!;
  };

  for (const [what, tag, cause] of errors) {
    it(`${what}: said again in the language shown`, async () => {
      const el = (await make(tag, 'en')) as El;
      const english = await said(el, cause);
      el.setAttribute('lang', 'hi');
      await waitUntil(() => shown(el).getAttribute('lang') === 'hi', 'Hindi shown');
      await el.updateComplete;
      const hindi = root(el).querySelector('[part=error]')!.textContent;
      const fresh = (await make(tag, 'hi')) as El;
      await waitUntil(() => shown(fresh).getAttribute('lang') === 'hi', 'Hindi shown');
      expect(hindi, 'as an element that spoke Hindi from the start says it').to.equal(await said(fresh, cause));
      expect(hindi).not.to.equal(english);
      el.setAttribute('lang', 'en');
      await waitUntil(() => shown(el).getAttribute('lang') === 'en', 'English again');
      await el.updateComplete;
      expect(root(el).querySelector('[part=error]')!.textContent, 'and back').to.equal(english);
      el.remove();
      fresh.remove();
    });
  }
});
