// How <cas-upload> draws upload progress: at most once an animation frame, in place (the bar
// moved by a transform, the label and aria-valuenow written only when the percent shown
// changes), with no render per progress event; announced in steps of 25 %. The network is a
// scripted XMLHttpRequest (the test decides when each upload progress event arrives) and
// animation frames are run by the test.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/entries/index.js';
import type { CasUploadElement } from '../src/entries/index.js';
import { announcements, part, pdf } from './helpers.js';
import { ScriptedXhr } from './scripted-xhr.js';

describe('<cas-upload> progress drawing', () => {
  const realXhr = window.XMLHttpRequest;
  const realFrame = window.requestAnimationFrame;
  const realCancel = window.cancelAnimationFrame;
  let frames: Map<number, FrameRequestCallback>;
  let next = 0;
  /** Runs the animation frames asked for so far. */
  const frame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const f of due) f(performance.now());
  };

  beforeEach(() => {
    ScriptedXhr.last = undefined;
    frames = new Map();
    window.XMLHttpRequest = ScriptedXhr as unknown as typeof XMLHttpRequest;
    window.requestAnimationFrame = (f) => (frames.set(++next, f), next);
    window.cancelAnimationFrame = (id) => void frames.delete(id);
  });
  afterEach(() => {
    window.XMLHttpRequest = realXhr;
    window.requestAnimationFrame = realFrame;
    window.cancelAnimationFrame = realCancel;
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
    frame();
    // Lit's renders from here on.
    let renders = 0;
    const update = (el as unknown as { update: (c: unknown) => void }).update;
    (el as unknown as { update: (c: unknown) => void }).update = function (c) {
      renders++;
      return update.call(this, c);
    };
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

  it('many progress events within one frame: no render, nothing written until the frame, then one write of each', async () => {
    const { el, at, renders, bar, fill } = await uploading();
    at(26);
    await el.updateComplete;
    frame();
    const before = renders();
    const seen = writes(el);
    for (let i = 0; i < 40; i++) at(27 + i / 2);
    await el.updateComplete;
    expect(renders() - before, 'renders during 40 progress events').to.equal(0);
    expect(frames.size, 'animation frames asked for').to.equal(1);
    expect(seen().all, 'DOM writes before the frame').to.equal(0);
    frame();
    expect(seen()).to.deep.equal({ all: 3, text: 1, transform: 1, value: 1 });
    expect(label(el)).to.equal('Uploading… 47%');
    expect(bar.getAttribute('aria-valuenow')).to.equal('47');
    expect(fill.style.transform).to.equal('scaleX(0.465)');
    expect(renders() - before).to.equal(0);
  });

  it('the bar moves by a transform (no width), at the full width of its track, from the inline start', async () => {
    const { at, bar, fill } = await uploading();
    at(40);
    frame();
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect(bar.getAttribute('aria-valuemin')).to.equal('0');
    expect(bar.getAttribute('aria-valuemax')).to.equal('100');
    expect(fill.style.width).to.equal('');
    expect(fill.getBoundingClientRect().height).to.be.greaterThan(0);
    const style = getComputedStyle(fill);
    expect(style.willChange).to.equal('transform');
    expect(new DOMMatrix(style.transform).a).to.be.closeTo(0.4, 0.001);
    expect(fill.offsetWidth, 'laid out at full width: only the transform changes').to.equal(bar.clientWidth);
    expect(style.transformOrigin.split(' ')[0]).to.equal('0px');
    bar.closest('form')!.setAttribute('dir', 'rtl');
    expect(getComputedStyle(fill).transformOrigin.split(' ')[0]).to.equal(`${fill.offsetWidth}px`);
  });

  it('the label and aria-valuenow change only when the percent shown changes; the bar at every frame', async () => {
    const { el, at, bar } = await uploading();
    at(30);
    await el.updateComplete;
    frame();
    const seen = writes(el);
    for (const p of [30.1, 30.2, 30.4]) (at(p), frame());
    expect(seen()).to.deep.equal({ all: 3, text: 0, transform: 3, value: 0 });
    at(31);
    frame();
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
      frame();
    }
    await el.updateComplete;
    expect(said).to.deep.equal(['Uploading… 25%', 'Uploading… 50%', 'Uploading… 75%', 'Uploading… 100%']);
    expect(renders(), 'renders for 100 progress events').to.equal(4);
    expect(label(el)).to.equal('Uploading… 100%');
  });
});
