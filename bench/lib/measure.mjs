// The browser measurements: upload overhead, token requests, memory, start-up.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

export const PDF_SIZE = 9 * 1024 * 1024; // 9 MiB, under the 10 MiB limit of the API
const SMALL_PDF_SIZE = 16 * 1024; // the token measurement counts requests, not bytes

/**
 * A 95% bootstrap interval of `statistic(pick)`, where `pick(values)` resamples `values` with
 * replacement. A fixed seed per statistic makes a run reproducible from its data.
 */
function bootstrap(statistic, seed, rounds = 2000) {
  const rand = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const pick = (v) => v.map(() => v[Math.floor(rand() * v.length)]);
  const stats = [];
  for (let r = 0; r < rounds; r++) stats.push(statistic(pick));
  stats.sort((p, q) => p - q);
  return [stats[Math.floor(rounds * 0.025)], stats[Math.floor(rounds * 0.975)]];
}

/** A 95% bootstrap interval of the median. */
export function medianInterval(values, rounds = 2000) {
  return bootstrap((pick) => median(pick(values)), 0x9e3779b9, rounds);
}

/** A 95% bootstrap interval of median(a) / median(b), a and b resampled independently. */
export function ratioInterval(a, b, rounds = 2000) {
  return bootstrap((pick) => median(pick(a)) / median(pick(b)), 0x85ebca6b, rounds);
}

/** Rejects when `promise` has not settled within `ms`: no step of the run waits forever. */
function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** The median of `values` with their range and count: how the figures of issue 28's rows are shown. */
export function spread(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return { median: median(v), min: v.length ? Math.min(...v) : null, max: v.length ? Math.max(...v) : null, n: v.length };
}

/** `list` turned by `k` places: the order of the kinds in the k-th sample, so each goes first in turn. */
export const rotate = (list, k) => list.map((_, i) => list[(i + k) % list.length]);

export async function openPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  /** Throws when the page reported an error: a measurement of a broken page is not one. */
  const noErrors = () => {
    if (errors.length) throw new Error(`page error at ${url}: ${errors[0]}`);
  };
  return { context, page, noErrors };
}

export async function readyUploadPage(page, size) {
  await page.waitForFunction(() => window.bench && customElements.get('cas-upload'));
  await page.evaluate(async (size) => {
    window.__file = window.bench.makePdf(size);
    window.__els = [...document.querySelectorAll('cas-upload')];
    await Promise.all(window.__els.map((el) => el.updateComplete));
  }, size);
}

/**
 * Main-thread CPU time of a page so far, from the DevTools Performance domain in thread time
 * (`timeDomain: threadTicks`): every task (`TaskDuration`) and the JavaScript in them
 * (`ScriptDuration`), in ms. Other processes on the machine disturb it far less than wall time.
 */
export async function mainThreadCpu(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

/**
 * (2) The same 9 MiB upload through the element and through a bare XHR, alternating, with the
 * wall time and the main-thread CPU time of each. `throttle` (bytes per second) makes the
 * server read the body at that rate, as a link of that speed would deliver it (0: loopback).
 */
export async function measureUpload(browser, server, { pairs, throttle = 0, control = false }) {
  server.resetCounts();
  server.state.tokenExpiresIn = 3600;
  const { context, page, noErrors } = await openPage(browser, `${server.origin}/upload.html`);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await readyUploadPage(page, PDF_SIZE);
    const apiUrl = `${server.origin}/v4/smart/parse`;
    await page.evaluate(async () => {
      window.__token = await window.bench.token();
      window.bench.watchRenders(window.__els[0]);
    });
    server.state.throttle = throttle;
    const run = async (kind) => {
      // Each element upload starts from the form, as a visitor's does (not from the success
      // view of the upload before, which the next success would leave unchanged): reset, drawn,
      // before the measurement starts.
      if (kind !== 'xhr') {
        await page.evaluate(async (i) => {
          window.__els[i].reset();
          await window.__els[i].updateComplete;
          for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(r));
        }, kind === 'hidden' ? 1 : 0);
      }
      const before = await mainThreadCpu(cdp);
      const s = await (kind === 'xhr'
        ? page.evaluate((url) => window.bench.viaXhr(url, window.__token, window.__file), apiUrl)
        : page.evaluate((i) => window.bench.viaElement(window.__els[i], window.__file), kind === 'hidden' ? 1 : 0));
      // Everything the run drew is counted in it: the element's last render and the frames that
      // show it come after its promise settles (the same wait for the bare XHR).
      await page.evaluate(async (i) => {
        if (i >= 0) await window.__els[i].updateComplete;
        for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(r));
      }, kind === 'xhr' ? -1 : kind === 'hidden' ? 1 : 0);
      const after = await mainThreadCpu(cdp);
      return { ...s, cpu: after.task - before.task, cpuScript: after.script - before.script };
    };
    // Warm-up, not counted: the element's first upload also fetches its token.
    await run('element');
    await run('xhr');
    if (control) await run('hidden');
    const rows = [];
    for (let i = 0; i < pairs; i++) {
      const order = i % 2 ? ['xhr', 'element'] : ['element', 'xhr'];
      const row = { order: order.join(' → ') };
      for (const kind of order) {
        const s = await run(kind);
        row[kind] = s.ms;
        row[`${kind}Cpu`] = s.cpu;
        row[`${kind}CpuScript`] = s.cpuScript;
        row[`${kind}Own`] = s.before + s.after;
        row[`${kind}Before`] = s.before;
        row[`${kind}After`] = s.after;
        row[`${kind}Wire`] = s.wire;
        if (kind === 'element') {
          row.renders = s.renders;
          row.renderMs = s.renderMs;
        }
      }
      row.ratio = row.element / row.xhr;
      row.cpuExtra = row.elementCpu - row.xhrCpu;
      // The control, after the pair: the same element hidden does all its work but draws nothing.
      if (control) row.hiddenExtra = (await run('hidden')).cpu - row.xhrCpu;
      rows.push(row);
    }
    const bytes = server.state.parseBytes;
    const med = (key) => median(rows.map((r) => r[key]));
    noErrors();
    return {
      throttle,
      pairs: rows,
      medianRatio: median(rows.map((r) => r.ratio)),
      ratioInterval: medianInterval(rows.map((r) => r.ratio)),
      wireRatio: median(rows.map((r) => r.elementWire / r.xhrWire)),
      wire: { element: med('elementWire'), xhr: med('xhrWire') },
      renders: { n: med('renders'), ms: med('renderMs') },
      cpu: {
        element: med('elementCpu'),
        xhr: med('xhrCpu'),
        extra: med('cpuExtra'),
        extraInterval: medianInterval(rows.map((r) => r.cpuExtra)),
        hiddenExtra: control ? med('hiddenExtra') : undefined,
      },
      cpuScript: { element: med('elementCpuScript'), xhr: med('xhrCpuScript') },
      medianElement: med('element'),
      medianXhr: med('xhr'),
      minElement: Math.min(...rows.map((r) => r.element)),
      minXhr: Math.min(...rows.map((r) => r.xhr)),
      own: {
        element: { total: med('elementOwn'), before: med('elementBefore'), after: med('elementAfter') },
        xhr: { total: med('xhrOwn'), before: med('xhrBefore'), after: med('xhrAfter') },
      },
      requestBytes: { min: Math.min(...bytes), max: Math.max(...bytes) },
      badRequests: server.state.badParseRequests,
    };
  } finally {
    server.state.throttle = 0;
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

/** (3) 10 elements × 10 uploads on a cold cache, then again once the token has expired. */
export async function measureTokens(browser, server, { expiresIn }) {
  server.resetCounts();
  server.state.tokenExpiresIn = expiresIn;
  const { context, page, noErrors } = await openPage(browser, `${server.origin}/tokens.html`);
  try {
    await page.waitForFunction(() => window.clearTokenCache);
    await readyUploadPage(page, SMALL_PDF_SIZE);
    const round = async (label) => {
      server.resetCounts();
      const started = Date.now();
      const out = await page.evaluate(async () => {
        const settled = await Promise.all(
          window.__els.map(async (el) => {
            let ok = 0;
            const errors = [];
            for (let i = 0; i < 10; i++) {
              try {
                await el.upload(window.__file, '');
                ok++;
              } catch (e) {
                errors.push(e && e.code ? e.code : String(e));
              }
            }
            return { ok, errors };
          }),
        );
        return {
          ok: settled.reduce((n, s) => n + s.ok, 0),
          errors: settled.flatMap((s) => s.errors),
        };
      });
      return {
        label,
        uploads: 100,
        succeeded: out.ok,
        errors: [...new Set(out.errors)],
        tokenRequests: server.state.tokenRequests,
        parseRequests: server.state.parseRequests,
        naive: 100,
        ms: Date.now() - started,
      };
    };
    await page.evaluate(() => window.clearTokenCache());
    const cold = await round('cold cache');
    // Wait until the token has really expired (its stated lifetime, plus a margin).
    const waitMs = server.state.lastTokenAt + expiresIn * 1000 + 500 - Date.now();
    if (waitMs > 0) await sleep(waitMs);
    const expired = await round(`after expiry (expires_in ${expiresIn} s, waited)`);
    noErrors();
    return { rounds: [cold, expired], expiresIn, coldWithinLifetime: cold.ms < expiresIn * 900 };
  } finally {
    await context.close();
  }
}

/**
 * (4) JS heap while the 9 MiB file is uploaded, through the Chrome DevTools Protocol. The
 * server reads the body slowly, so that "during" is a real moment: half the bytes received,
 * then all of them with the answer held back. Each point is taken after two full GCs.
 */
export async function measureMemory(browser, server, { reps, throttle }) {
  server.resetCounts();
  server.state.tokenExpiresIn = 3600;
  const { context, page, noErrors } = await openPage(browser, `${server.origin}/upload.html`);
  const cdp = await context.newCDPSession(page);
  const apiUrl = `${server.origin}/v4/smart/parse`;
  let backingReported = true;
  const heap = async () => {
    const u = await cdp.send('Runtime.getHeapUsage');
    if (typeof u.backingStorageSize !== 'number') backingReported = false;
    return { used: u.usedSize, backing: u.backingStorageSize ?? 0 };
  };
  const gc = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  };
  const growth = (a, b) => ({ used: b.used - a.used, backing: b.backing - a.backing, total: b.used + b.backing - a.used - a.backing });
  try {
    await cdp.send('Runtime.enable');
    await cdp.send('HeapProfiler.enable');
    await readyUploadPage(page, PDF_SIZE);
    await page.evaluate(async () => {
      window.__token = await window.bench.token();
    });
    // Warm-up of both paths (compiles the code, fetches the element's token).
    await page.evaluate(() => window.bench.viaElement(window.__els[0], window.__file));
    await page.evaluate((url) => window.bench.viaXhr(url, window.__token, window.__file), apiUrl);

    const samples = { element: [], xhr: [] };
    for (let i = 0; i < reps; i++) {
      for (const kind of i % 2 ? ['xhr', 'element'] : ['element', 'xhr']) {
        await gc();
        const before = await heap();
        server.state.throttle = throttle;
        server.state.hold = true;
        const half = once(server.events, 'half');
        const received = once(server.events, 'received');
        await page.evaluate(
          ({ kind, url }) => {
            window.__err = null;
            window.__p = (kind === 'element'
              ? window.bench.viaElement(window.__els[0], window.__file)
              : window.bench.viaXhr(url, window.__token, window.__file)
            ).catch((e) => {
              window.__err = String(e);
            });
          },
          { kind, url: apiUrl },
        );
        // Un-collected peak while the bytes go out (garbage included), sampled every 10 ms.
        let polling = true;
        let peak = 0;
        const poller = (async () => {
          while (polling) {
            const h = await heap();
            peak = Math.max(peak, h.used + h.backing - before.used - before.backing);
            await sleep(10);
          }
        })();
        await within(half, 60000, 'memory: half of the upload');
        await gc();
        const mid = await heap();
        await within(received, 60000, 'memory: end of the upload');
        polling = false;
        await poller;
        await gc();
        const sent = await heap();
        server.state.hold = false;
        server.state.throttle = 0;
        server.release();
        const err = await page.evaluate(async () => {
          await window.__p;
          return window.__err;
        });
        if (err) throw new Error(`memory: ${kind} upload failed: ${err}`);
        await gc();
        const after = await heap();
        samples[kind].push({
          mid: growth(before, mid),
          sent: growth(before, sent),
          after: growth(before, after),
          peak,
          during: Math.max(growth(before, mid).total, growth(before, sent).total),
        });
      }
    }
    // Control: the method must see a copy of the file when there is one.
    await gc();
    const beforeCopy = await heap();
    await page.evaluate(async () => {
      window.__copy = await window.__file.arrayBuffer();
    });
    await gc();
    const control = growth(beforeCopy, await heap()).total;
    await page.evaluate(() => {
      window.__copy = null;
    });
    const summary = (list) => ({
      during: median(list.map((s) => s.during)),
      duringMax: Math.max(...list.map((s) => s.during)),
      mid: median(list.map((s) => s.mid.total)),
      sent: median(list.map((s) => s.sent.total)),
      after: median(list.map((s) => s.after.total)),
      peak: median(list.map((s) => s.peak)),
      usedDuring: median(list.map((s) => Math.max(s.mid.used, s.sent.used))),
      backingDuring: median(list.map((s) => Math.max(s.mid.backing, s.sent.backing))),
    });
    noErrors();
    return {
      reps,
      throttle,
      backingReported,
      control,
      element: summary(samples.element),
      xhr: summary(samples.xhr),
      samples,
      badRequests: server.state.badParseRequests,
    };
  } finally {
    server.state.hold = false;
    server.state.throttle = 0;
    server.release();
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

/**
 * (5) Script load to first paint (first-contentful-paint: the element's first rendered pixels,
 * as nothing else on the page paints), cas-upload against the minimal Lit element, a fresh
 * browser context for each load.
 */
export async function measureStartup(browser, server, { loads }) {
  const kinds = {
    'cas-upload': `${server.origin}/start-cas.html`,
    floor: `${server.origin}/start-floor.html`,
  };
  const loadOnce = async (url) => {
    // Main-thread CPU time (thread clock) from the DevTools Performance domain, enabled before
    // the page loads; the wall-clock figures are taken in the page.
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url);
    try {
      await page.waitForFunction(() => window.__startup, null, { timeout: 20000 });
      const s = await page.evaluate(async () => {
        const get = () => performance.getEntriesByName('first-contentful-paint')[0];
        const fcp = await new Promise((resolve) => {
          if (get()) return resolve(get().startTime);
          const obs = new PerformanceObserver(() => {
            if (get()) {
              obs.disconnect();
              resolve(get().startTime);
            }
          });
          obs.observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 5000);
        });
        return { ...window.__startup, fcp };
      });
      // Read once the page has painted, so the CPU of the first paint is in.
      const { metrics } = await cdp.send('Performance.getMetrics');
      const cpu = Object.fromEntries(metrics.map((m) => [m.name, m.value * 1000]));
      if (!s.rendered) throw new Error(`start-up: nothing rendered at ${url}`);
      if (errors.length) throw new Error(`start-up: page error at ${url}: ${errors[0]}`);
      if (s.fcp == null) throw new Error(`start-up: no first-contentful-paint at ${url}`);
      return {
        paintFromLoaded: s.fcp - s.responseEnd,
        fromLoaded: s.render - s.responseEnd,
        fromRequest: s.render - s.fetchStart,
        fcpFromRequest: s.fcp == null ? null : s.fcp - s.fetchStart,
        run: s.ran - s.responseEnd,
        update: s.updated - s.ran,
        frame: s.render - s.updated,
        cpuScript: cpu.ScriptDuration,
        cpuStyle: cpu.RecalcStyleDuration,
        cpuLayout: cpu.LayoutDuration,
        cpuThread: cpu.ThreadTime,
      };
    } finally {
      await context.close();
    }
  };
  // One load of each first, not counted (the browser's own first-use costs).
  await loadOnce(kinds['cas-upload']);
  await loadOnce(kinds.floor);
  const samples = { 'cas-upload': [], floor: [] };
  for (let i = 0; i < loads; i++) {
    for (const kind of i % 2 ? ['floor', 'cas-upload'] : ['cas-upload', 'floor']) {
      samples[kind].push(await loadOnce(kinds[kind]));
    }
  }
  const med = (kind, key) => median(samples[kind].map((s) => s[key]));
  const out = { loads, samples };
  for (const key of ['paintFromLoaded', 'fromLoaded', 'fromRequest', 'fcpFromRequest', 'run', 'update', 'frame', 'cpuScript', 'cpuStyle', 'cpuLayout', 'cpuThread']) {
    const a = med('cas-upload', key);
    const b = med('floor', key);
    const lo = (kind) => Math.min(...samples[kind].map((s) => s[key]).filter((v) => v != null));
    out[key] = {
      cas: a,
      floor: b,
      ratio: a != null && b ? a / b : null,
      minCas: lo('cas-upload'),
      minFloor: lo('floor'),
      minRatio: lo('cas-upload') / lo('floor'),
      interval: ratioInterval(
        samples['cas-upload'].map((s) => s[key]).filter((v) => v != null),
        samples.floor.map((s) => s[key]).filter((v) => v != null),
      ),
    };
  }
  return out;
}
