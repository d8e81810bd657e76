// The pages the browser measurements load. Every page is served by bench/lib/server.mjs, on
// the same origin as the token endpoint and the fake API.

/** In-page helpers, loaded as a classic script before the measurements call them. */
export const HELPERS = `
// Timestamps of the last request, for the split of each upload into the element's own time
// (before send, after load) and the request itself. Patched the same for both paths.
(() => {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (...args) {
    // Registered before any onload the caller sets, so it fires first.
    this.addEventListener('load', () => (window.bench.last.loadAt = performance.now()));
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function (body) {
    window.bench.last.sentAt = performance.now();
    return send.call(this, body);
  };
})();
const split = (t0, t1) => {
  const { sentAt, loadAt } = window.bench.last;
  return { ms: t1 - t0, before: sentAt - t0, wire: loadAt - sentAt, after: t1 - loadAt };
};
window.bench = {
  last: { sentAt: 0, loadAt: 0 },
  /** A PDF by its header: '%PDF-1.7' and random bytes, built in the page, size bytes in all. */
  makePdf(size, name) {
    const header = new TextEncoder().encode('%PDF-1.7\\n');
    const parts = [header];
    let left = size - header.length;
    while (left > 0) {
      const n = Math.min(65536, left);
      const chunk = new Uint8Array(n);
      crypto.getRandomValues(chunk);
      parts.push(chunk);
      left -= n;
    }
    return new File(parts, name || 'statement.pdf', { type: 'application/pdf' });
  },
  renders: { n: 0, ms: 0 },
  /** Counts the element's renders (Lit's performUpdate, which includes its updated() hook). */
  watchRenders(el) {
    const own = el.performUpdate;
    el.performUpdate = function (...args) {
      const t = performance.now();
      try {
        return own.apply(this, args);
      } finally {
        window.bench.renders.n++;
        window.bench.renders.ms += performance.now() - t;
      }
    };
  },
  /** One upload through the element; resolves with its duration in ms, and its split. */
  async viaElement(el, file) {
    window.bench.renders = { n: 0, ms: 0 };
    let events = 0;
    const count = (e) => e.detail && e.detail.phase === 'upload' && events++;
    el.addEventListener('cas-upload-progress', count);
    const t0 = performance.now();
    let result;
    try {
      result = await el.upload(file, '');
    } finally {
      el.removeEventListener('cas-upload-progress', count);
    }
    const t1 = performance.now();
    if (!result || typeof result !== 'object') throw new Error('no result');
    // The renders of the run include the last one, which follows the promise.
    await el.updateComplete;
    return { ...split(t0, t1), renders: window.bench.renders.n, renderMs: window.bench.renders.ms, events };
  },
  /**
   * The peer: the same request by hand, with a <progress> bar (#peer) whose value is set
   * at every upload progress event, as a page without a widget would do it.
   */
  viaPeer(url, token, file) {
    const bar = document.getElementById('peer');
    bar.value = 0;
    let events = 0;
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const form = new FormData();
      form.append('pdf_file', file, file.name);
      form.append('password', '');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('x-api-key', token);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.onprogress = (e) => {
        events++;
        if (e.lengthComputable) bar.value = (e.loaded / e.total) * 100;
      };
      xhr.onload = () => {
        try {
          if (xhr.status !== 200) throw new Error('status ' + xhr.status);
          JSON.parse(xhr.responseText);
          bar.value = 100;
          resolve({ ...split(t0, performance.now()), events });
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = () => reject(new Error('network error'));
      xhr.timeout = 120000;
      xhr.ontimeout = () => reject(new Error('timeout'));
      xhr.send(form);
    });
  },
  /** The same request with a bare XMLHttpRequest and the same FormData; the same figures. */
  viaXhr(url, token, file, listen) {
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      const form = new FormData();
      form.append('pdf_file', file, file.name);
      form.append('password', '');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('x-api-key', token);
      xhr.setRequestHeader('accept', 'application/json');
      // The floor of any progress shown: a listener that does nothing still makes the browser
      // report each upload progress event to the page.
      if (listen) xhr.upload.onprogress = () => {};
      xhr.onload = () => {
        try {
          if (xhr.status !== 200) throw new Error('status ' + xhr.status);
          JSON.parse(xhr.responseText);
          resolve(split(t0, performance.now()));
        } catch (e) {
          reject(e);
        }
      };
      xhr.onerror = () => reject(new Error('network error'));
      xhr.timeout = 60000;
      xhr.ontimeout = () => reject(new Error('timeout'));
      xhr.send(form);
    });
  },
  async token() {
    const res = await fetch('/token', { headers: { accept: 'application/json' } });
    return (await res.json()).access_token;
  },
};
`;

const head = (extra = '') => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>cas-upload bench</title>
${extra}
</head>`;

/**
 * One element, for the upload and memory measurements, and the same element `hidden` (the
 * control of the upload measurement: its work without drawing anything).
 */
export const uploadPage = (origin) => `${head(`<script src="/bench-helpers.js"></script>
<script type="module" src="/cas-upload.js"></script>`)}
<body>
<cas-upload token-url="/token" api-base="${origin}" retries="0"></cas-upload>
<cas-upload hidden token-url="/token" api-base="${origin}" retries="0"></cas-upload>
<p><progress id="peer" max="100" value="0"></progress></p>
</body>
</html>`;

/** Ten elements sharing one token URL, for the token measurement. */
export const tokensPage = (origin) => `${head(`<script src="/bench-helpers.js"></script>
<script type="module">
  import { clearTokenCache } from '/cas-upload.js';
  window.clearTokenCache = clearTokenCache;
</script>`)}
<body>
${Array.from({ length: 10 }, () => `<cas-upload token-url="/token" api-base="${origin}" retries="0"></cas-upload>`).join('\n')}
</body>
</html>`;

/**
 * A start-up page: the script under test, then an inline module (which runs after it) that
 * waits for the element's first update and takes the time in the next animation frame.
 * Nothing else on the page paints, so first-contentful-paint is the element's first paint.
 * `preload`: files named in `<link rel="modulepreload">` before the script, as a host may.
 */
export const startupPage = (script, tag, attrs = '', preload = []) => `${head(`${preload.map((p) => `<link rel="modulepreload" href="${p}">\n`).join('')}<script type="module" src="${script}"></script>
<script type="module">
  const ran = performance.now(); // this module runs once the script under test has run
  await customElements.whenDefined('${tag}');
  const el = document.querySelector('${tag}');
  await el.updateComplete;
  const updated = performance.now();
  requestAnimationFrame(() => {
    const render = performance.now();
    const entry = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '${script}');
    window.__startup = {
      render,
      ran,
      updated,
      fetchStart: entry ? entry.startTime : null,
      responseEnd: entry ? entry.responseEnd : null,
      rendered: !!(el.shadowRoot && el.shadowRoot.childElementCount > 0),
    };
  });
</script>`)}
<body>
<${tag} ${attrs}></${tag}>
</body>
</html>`;

/**
 * `<cas-connect>` for the click measurement: the page notes when the choice was first drawn
 * (`__choice`), the first pointerdown (`__down`, its event time), and, once a way was clicked,
 * the end of the first frame that shows the flow drawn (`__drawn`). `preload`: files named in
 * `<link rel="modulepreload">` before the script, as a host may.
 */
export const connectPage = (script, preload = []) => `${head(`${preload.map((p) => `<link rel="modulepreload" href="${p}">\n`).join('')}<script type="module" src="${script}"></script>
<script type="module">
  const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => {
    // A message posted in the frame's callback arrives once that frame is painted.
    const c = new MessageChannel();
    c.port1.onmessage = () => resolve(performance.now());
    c.port2.postMessage(0);
  }));
  addEventListener('pointerdown', (e) => {
    if (window.__down) return;
    window.__down = { at: e.timeStamp, ready: !!customElements.get('cas-upload') };
    const el = document.querySelector('cas-connect');
    const drawn = () => {
      const flow = el.flow;
      return flow && flow.localName === 'cas-upload' && flow.shadowRoot && flow.shadowRoot.querySelector('input[type=file]');
    };
    const check = () => (drawn() ? afterFrame().then((t) => (window.__drawn = t)) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  }, true);
  await customElements.whenDefined('cas-connect');
  const el = document.querySelector('cas-connect');
  await el.updateComplete;
  window.__choice = await afterFrame();
</script>`)}
<body>
<cas-connect token-url="/token"></cas-connect>
</body>
</html>`;
