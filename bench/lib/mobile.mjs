// Issue 28, rows 2 and 3, on a phone as Chromium emulates one (Fast 3G and 4× CPU slowdown):
// the first paint of each script-tag file, and a way of <cas-connect> clicked → its flow drawn.
import { spread, rotate } from './measure.mjs';
import { emulate, FAST_3G, PHONE_CPU } from './emulation.mjs';

/** A new browser context (nothing cached) with the phone's network and CPU, and its page. */
async function phonePage(browser) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await emulate(cdp, { network: FAST_3G, cpu: PHONE_CPU });
  const check = (what) => {
    if (errors.length) throw new Error(`${what}: page error: ${errors[0]}`);
  };
  return { context, page, check };
}

/**
 * First paint (first-contentful-paint, from the start of the navigation: the page, the script and
 * what it imports, its run and the element's first frame) of each page of `kinds`
 * (`{ id: url }`), `n` loads of each, taken in turn; one load of each first is not counted.
 */
export async function measureFirstPaint(browser, server, { kinds, n = 10 }) {
  const ids = Object.keys(kinds);
  const once = async (id) => {
    const { context, page, check } = await phonePage(browser);
    try {
      await page.goto(server.origin + kinds[id]);
      await page.waitForFunction(() => window.__startup, null, { timeout: 60000 });
      const s = await page.evaluate(async () => {
        const get = () => performance.getEntriesByName('first-contentful-paint')[0];
        const fcp = await new Promise((resolve) => {
          if (get()) return resolve(get().startTime);
          new PerformanceObserver(() => get() && resolve(get().startTime)).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 10000);
        });
        const scripts = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'));
        return { ...window.__startup, fcp, requests: scripts.length, lastScript: Math.max(...scripts.map((e) => e.responseEnd)) };
      });
      check(kinds[id]);
      if (!s.rendered || s.fcp == null) throw new Error(`first paint: nothing painted at ${kinds[id]}`);
      return s;
    } finally {
      await context.close();
    }
  };
  for (const id of ids) await once(id);
  const samples = Object.fromEntries(ids.map((id) => [id, []]));
  for (let i = 0; i < n; i++) for (const id of rotate(ids, i)) samples[id].push(await once(id));
  const out = { n, samples: {} };
  for (const id of ids) {
    out.samples[id] = {
      fcp: spread(samples[id].map((s) => s.fcp)),
      lastScript: spread(samples[id].map((s) => s.lastScript)),
      requests: spread(samples[id].map((s) => s.requests)),
    };
  }
  /** Per sample, `a`'s first paint over `b`'s (loaded one after the other). */
  out.ratio = (a, b) => spread(samples[a].map((s, i) => s.fcp / samples[b][i].fcp));
  out.ratios = {};
  for (const a of ids) for (const b of ids) if (a !== b) out.ratios[`${a}/${b}`] = out.ratio(a, b);
  delete out.ratio;
  return out;
}

/**
 * `<cas-connect>`'s first way (upload) clicked with the mouse → the frame that shows its flow
 * painted, from the pointerdown's event time. `at once`: clicked as soon as the choice is drawn
 * (the flows may still be on their way); `once ready`: clicked after every flow is defined.
 * `at once, flows preloaded`: clicked at once on `preloadUrl`, whose page names the flows in
 * `<link rel="modulepreload">`. `n` of each, in turn, each in a new context.
 */
export async function measureConnectClick(browser, server, { url, preloadUrl, n = 10 }) {
  const cases = ['at once', 'once ready', ...(preloadUrl ? ['at once, flows preloaded'] : [])];
  const once = async (when) => {
    const { context, page, check } = await phonePage(browser);
    try {
      await page.goto(server.origin + (when === 'at once, flows preloaded' ? preloadUrl : url), { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__choice, null, { polling: 'raf', timeout: 60000 });
      if (when === 'once ready') {
        await page.waitForFunction(() => ['cas-upload', 'cas-cdsl-fetch', 'cas-mailback', 'cas-inbox'].every((t) => customElements.get(t)), null, { timeout: 60000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      const box = await page.evaluate(() => {
        const r = document.querySelector('cas-connect').shadowRoot.querySelector('[part=method-upload]').getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      await page.waitForFunction(() => window.__drawn, null, { timeout: 60000 });
      const s = await page.evaluate(() => ({ choice: window.__choice, down: window.__down.at, ready: window.__down.ready, drawn: window.__drawn }));
      check(url);
      return { ms: s.drawn - s.down, choiceToClick: s.down - s.choice, ready: s.ready };
    } finally {
      await context.close();
    }
  };
  await once('at once');
  const samples = Object.fromEntries(cases.map((when) => [when, []]));
  for (let i = 0; i < n; i++) for (const when of rotate(cases, i)) samples[when].push(await once(when));
  const out = { n };
  for (const when of cases) {
    out[when] = {
      ms: spread(samples[when].map((s) => s.ms)),
      choiceToClick: spread(samples[when].map((s) => s.choiceToClick)),
      readyAtClick: samples[when].filter((s) => s.ready).length,
    };
  }
  return out;
}
