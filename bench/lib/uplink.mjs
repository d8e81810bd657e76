// Issue 28, row 1: the element's extra main-thread CPU per upload over a bare XMLHttpRequest on
// a 10 Mbit/s uplink as Chromium emulates it (its own network throttling, which fires upload
// progress events as a slow link does), at 1, 5 and 9 MiB; the peer is the same request by hand
// with a <progress> bar set at every progress event; the floor, the bare request with an upload
// progress listener that does nothing (the cost of being told of progress at all).
import { openPage, readyUploadPage, mainThreadCpu, spread, rotate } from './measure.mjs';
import { emulate, UPLINK_10M } from './emulation.mjs';

export const UPLINK_SIZES = [1, 5, 9];
const KINDS = ['element', 'xhr', 'peer', 'listen'];

/**
 * `n` samples at each size; a sample is one upload of each kind, their order turning from sample
 * to sample, the sizes taken in turn (so slow moments of the machine fall on every kind and size
 * alike). The CPU figure of a run is read after its last render and two frames.
 */
export async function measureUplink(browser, server, { n = 10, sizes = UPLINK_SIZES, network = UPLINK_10M } = {}) {
  server.resetCounts();
  server.state.tokenExpiresIn = 3600;
  const { context, page, noErrors } = await openPage(browser, `${server.origin}/upload.html`);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await readyUploadPage(page, 1024);
    await page.evaluate(async (sizes) => {
      window.__files = Object.fromEntries(sizes.map((mib) => [mib, window.bench.makePdf(mib * 1024 * 1024)]));
      window.__token = await window.bench.token();
      window.bench.watchRenders(window.__els[0]);
    }, sizes);
    await emulate(cdp, { network });
    const apiUrl = `${server.origin}/v4/smart/parse`;
    const run = async (kind, mib) => {
      if (kind === 'element') {
        // From the form, as a visitor's upload (reset and drawn before the measurement).
        await page.evaluate(async () => {
          window.__els[0].reset();
          await window.__els[0].updateComplete;
          for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(r));
        });
      }
      const before = await mainThreadCpu(cdp);
      const s = await page.evaluate(
        ({ kind, url, mib }) => {
          const file = window.__files[mib];
          if (kind === 'element') return window.bench.viaElement(window.__els[0], file);
          if (kind === 'peer') return window.bench.viaPeer(url, window.__token, file);
          return window.bench.viaXhr(url, window.__token, file, kind === 'listen');
        },
        { kind, url: apiUrl, mib },
      );
      await page.evaluate(async (el) => {
        if (el) await window.__els[0].updateComplete;
        for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(r));
      }, kind === 'element');
      const after = await mainThreadCpu(cdp);
      return { ...s, cpu: after.task - before.task };
    };
    // Warm-up, not counted: compiles every path once.
    for (const kind of KINDS) await run(kind, sizes[0]);
    const samples = Object.fromEntries(sizes.map((mib) => [mib, []]));
    for (let i = 0; i < n; i++) {
      for (const mib of rotate(sizes, i)) {
        const sample = {};
        for (const kind of rotate(KINDS, i)) sample[kind] = await run(kind, mib);
        samples[mib].push(sample);
      }
    }
    noErrors();
    const bySize = {};
    for (const mib of sizes) {
      const list = samples[mib];
      const pick = (f) => spread(list.map(f));
      bySize[mib] = {
        extra: pick((s) => s.element.cpu - s.xhr.cpu),
        peerExtra: pick((s) => s.peer.cpu - s.xhr.cpu),
        listenExtra: pick((s) => s.listen.cpu - s.xhr.cpu),
        element: pick((s) => s.element.cpu),
        xhr: pick((s) => s.xhr.cpu),
        peer: pick((s) => s.peer.cpu),
        events: pick((s) => s.element.events),
        peerEvents: pick((s) => s.peer.events),
        renders: pick((s) => s.element.renders),
        renderMs: pick((s) => s.element.renderMs),
        wallRatio: pick((s) => s.element.ms / s.xhr.ms),
        wall: pick((s) => s.xhr.ms),
      };
    }
    return { n, sizes, network, bySize, badRequests: server.state.badParseRequests };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}
