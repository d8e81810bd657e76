// How <cas-upload> draws upload progress: in place (the bar moved by a transform, with no
// transition, the label and aria-valuenow written only when the percent shown changes), at most
// once every second however many progress events arrive, with no animation frame asked for and
// no render per progress event; announced in steps of 25 %. The network is a scripted
// XMLHttpRequest (the test decides when each upload progress event arrives); the element's
// clock and its timer for a later drawing are the test's.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/entries/index.js';
import { CasUploadElement } from '../src/entries/index.js';
import { announcements, part, pdf } from './helpers.js';
import { ScriptedXhr } from './scripted-xhr.js';

/** The time between two drawings (ms). */
const STEP = 1000;

describe('<cas-upload> progress drawing', () => {
  const realXhr = window.XMLHttpRequest;
  const realFrame = window.requestAnimationFrame;
  const realNow = CasUploadElement.now;
  const realLater = CasUploadElement.later;
  /** Animation frames asked for (none should be, for progress). */
  let frames = 0;
  /** The element's clock (ms). */
  let now = 0;
  /** The drawings it put off: when each is due. */
  let timers: { at: number; run: () => void }[];
  /** Moves the clock on by `ms`, running the drawings that fall due. */
  const pass = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.run();
  };

  beforeEach(() => {
    ScriptedXhr.last = undefined;
    frames = 0;
    now = 1e6;
    timers = [];
    window.XMLHttpRequest = ScriptedXhr as unknown as typeof XMLHttpRequest;
    CasUploadElement.now = () => now;
    CasUploadElement.later = (run, ms) => {
      const t = { at: now + ms, run };
      timers.push(t);
      return t as unknown as ReturnType<typeof setTimeout>;
    };
  });
  afterEach(() => {
    window.XMLHttpRequest = realXhr;
    window.requestAnimationFrame = realFrame;
    CasUploadElement.now = realNow;
    CasUploadElement.later = realLater;
  });

  const SIZE = 1000 * 1024;
  /** An element whose upload is under way, its progress view drawn. */
  async function uploading() {
    const el = await fixture<CasUploadElement>(html`<cas-upload retries="0"></cas-upload>`);
    el.tokenProvider = async () => 'at_draw';
    const run = el.upload(pdf('cas.pdf', SIZE), 'PW').catch((e) => e);
    await waitUntil(() => ScriptedXhr.last?.body, 'the request sent');
    const xhr = ScriptedXhr.last!;
    await waitUntil(() => part(el, 'progress'), 'the progress view drawn');
    await el.updateComplete;
    pass(STEP);
    // Lit's renders and the animation frames asked for from here on.
    let renders = 0;
    const update = (el as unknown as { update: (c: unknown) => void }).update;
    (el as unknown as { update: (c: unknown) => void }).update = function (c) {
      renders++;
      return update.call(this, c);
    };
    window.requestAnimationFrame = (f) => (frames++, realFrame(f));
    const at = (percent: number) => xhr.progress(Math.round((SIZE * percent) / 100), SIZE);
    const bar = part(el, 'progress')!;
    return { el, run, xhr, at, bar, fill: bar.firstElementChild as HTMLElement, renders: () => renders };
  }

  /** The DOM writes in the element's shadow root since the call, by kind. */
  function writes(el: Element) {
    const list: MutationRecord[] = [];
    const mo = new MutationObserver((r) => list.push(...r));
    mo.observe(el.shadowRoot!, { subtree: true, attributes: true, characterData: true, childList: true });
    return () => {
      list.push(...mo.takeRecords());
      return {
        all: list.length,
        text: list.filter((r) => r.type === 'characterData' || r.type === 'childList').length,
        transform: list.filter((r) => r.attributeName === 'style').length,
        value: list.filter((r) => r.attributeName === 'aria-valuenow').length,
      };
    };
  }

  const label = (el: Element) => part(el, 'progress-label')!.textContent!.replace(/\s+/g, ' ').trim();

  it('many progress events within a second: no render, no frame asked for, nothing written until the second is over, then one write of each', async () => {
    const { el, at, renders, bar, fill } = await uploading();
    // The 25 % step renders, and draws.
    at(26);
    await el.updateComplete;
    const before = renders();
    const seen = writes(el);
    for (let i = 0; i < 40; i++) (at(27 + i / 2), pass(STEP / 50));
    await el.updateComplete;
    expect(renders() - before, 'renders during 40 progress events').to.equal(0);
    expect(frames, 'animation frames asked for').to.equal(0);
    expect(seen().all, 'DOM writes within the second').to.equal(0);
    expect(timers.length, 'drawings put off').to.equal(1);
    pass(STEP);
    expect(seen()).to.deep.equal({ all: 3, text: 1, transform: 1, value: 1 });
    expect(label(el)).to.equal('Uploading… 47%');
    expect(bar.getAttribute('aria-valuenow')).to.equal('47');
    expect(fill.style.transform).to.equal('scaleX(0.465)');
    expect(renders() - before).to.equal(0);
    expect(frames).to.equal(0);
  });

  it('draws at once a progress event that comes a second or more after the last drawing; the lag of what is shown is at most a second', async () => {
    const { el, at, bar } = await uploading();
    at(30);
    await el.updateComplete;
    const seen = writes(el);
    pass(STEP);
    at(33);
    expect(seen(), 'drawn in the event itself').to.deep.equal({ all: 3, text: 1, transform: 1, value: 1 });
    expect(bar.getAttribute('aria-valuenow')).to.equal('33');
    // An event, then a pause: the latest bytes are shown a second after the last drawing.
    pass(STEP / 4);
    at(34);
    pass(STEP / 2);
    expect(bar.getAttribute('aria-valuenow'), 'within the second').to.equal('33');
    pass(STEP / 4);
    expect(bar.getAttribute('aria-valuenow'), 'a second after the last drawing').to.equal('34');
    expect(timers.length).to.equal(0);
    expect(frames).to.equal(0);
  });

  it('the bar steps by a transform (no width, no transition) at the full width of its track, from the inline start', async () => {
    const { at, bar, fill } = await uploading();
    pass(STEP);
    at(40);
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('100');
    expect(fill.style.width).to.equal('');
    expect(fill.getBoundingClientRect().height).to.be.greaterThan(0);
    const style = getComputedStyle(fill);
    expect(style.willChange).to.equal('transform');
    // Nothing runs between two drawings: no frames for the bar but the drawings' own.
    expect(style.transitionDuration).to.equal('0s');
    expect(style.animationName).to.equal('none');
    expect(new DOMMatrix(style.transform).a, 'at its value as soon as it is drawn').to.be.closeTo(0.4, 0.001);
    expect(fill.offsetWidth, 'laid out at full width: only the transform changes').to.equal(bar.clientWidth);
    expect(style.transformOrigin.split(' ')[0]).to.equal('0px');
    bar.closest('form')!.setAttribute('dir', 'rtl');
    expect(getComputedStyle(fill).transformOrigin.split(' ')[0]).to.equal(`${fill.offsetWidth}px`);
  });

  it('with reduced motion the bar moves in steps too: no animation, at its value as soon as it is drawn', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { at, fill } = await uploading();
      pass(STEP);
      at(60);
      expect(getComputedStyle(fill).transitionDuration).to.equal('0s');
      expect(getComputedStyle(fill).animationName).to.equal('none');
      expect(new DOMMatrix(getComputedStyle(fill).transform).a).to.be.closeTo(0.6, 0.001);
      pass(STEP);
      at(70);
      expect(new DOMMatrix(getComputedStyle(fill).transform).a).to.be.closeTo(0.7, 0.001);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('the label and aria-valuenow change only when the percent shown changes; the bar at every drawing', async () => {
    const { el, at, bar } = await uploading();
    at(30);
    await el.updateComplete;
    pass(STEP);
    const seen = writes(el);
    for (const p of [30.1, 30.2, 30.4]) (at(p), pass(STEP));
    expect(seen()).to.deep.equal({ all: 3, text: 0, transform: 3, value: 0 });
    at(31);
    pass(STEP);
    expect(seen()).to.deep.equal({ all: 6, text: 1, transform: 4, value: 1 });
    expect(label(el)).to.equal('Uploading… 31%');
    expect(bar.getAttribute('aria-valuenow')).to.equal('31');
  });

  it('announces in steps of 25 %, with a render at each step only', async () => {
    const { el, at, renders } = await uploading();
    const said = announcements(el);
    for (let p = 1; p <= 100; p++) {
      at(p);
      await el.updateComplete;
      pass(STEP / 10);
    }
    pass(STEP);
    await el.updateComplete;
    expect(said).to.deep.equal(['Uploading… 25%', 'Uploading… 50%', 'Uploading… 75%', 'Uploading… 100%']);
    expect(renders(), 'renders for 100 progress events').to.equal(4);
    expect(label(el)).to.equal('Uploading… 100%');
    expect(frames).to.equal(0);
  });

  it('a step reached between two drawings is announced and drawn at once, its render in the task of the drawing (one frame)', async () => {
    const { el, at, renders, bar } = await uploading();
    const said = announcements(el);
    pass(STEP);
    at(40);
    await el.updateComplete;
    const before = renders();
    pass(STEP / 4);
    at(51);
    expect(bar.getAttribute('aria-valuenow'), 'drawn in the event').to.equal('51');
    expect(el.isUpdatePending, 'the render asked for in the same task').to.equal(true);
    await el.updateComplete;
    expect(said).to.deep.equal(['Uploading… 25%', 'Uploading… 50%']);
    expect(renders() - before).to.equal(1);
    // The next drawing a second after that one.
    pass(STEP / 4);
    at(52);
    expect(bar.getAttribute('aria-valuenow')).to.equal('51');
    pass((STEP * 3) / 4);
    expect(bar.getAttribute('aria-valuenow')).to.equal('52');
    expect(frames).to.equal(0);
  });
});
