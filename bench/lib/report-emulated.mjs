// The rows of issue 28 in BENCHMARKS.md: each figure beside its aim, then how it was measured.
import { describe, UPLINK_10M, FAST_3G, PHONE_CPU } from './emulation.mjs';

const n0 = (v) => (v == null ? '—' : Math.round(v).toLocaleString('en'));
const ms = (v) => (v == null ? '—' : `${v.toFixed(Math.abs(v) >= 100 ? 0 : 1)} ms`);
const signed = (v) => (v == null ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(Math.abs(v) >= 100 ? 0 : 1)} ms`);
const x = (v) => (v == null ? '—' : `${v.toFixed(2)}×`);
const kb = (b) => (b == null ? '—' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(0)} KB`);
const B = (b) => `${n0(b)} B`;
const yes = (ok) => (ok == null ? '—' : ok ? 'yes' : 'NO');
/** A median with its range: `12.3 ms (10.1–15.0)`. */
const withRange = (s, f) => {
  if (s?.median == null) return '—';
  const [m, lo, hi] = [s.median, s.min, s.max].map(f);
  const unit = / ?(ms|KB|MB|B|×)$/.exec(m)?.[0];
  // The unit once, after the median, when the range is in the same unit.
  const bare = (t) => (unit && t.endsWith(unit) ? t.slice(0, -unit.length) : t);
  return unit && lo.endsWith(unit) && hi.endsWith(unit) ? `${m} (${bare(lo)}–${bare(hi)})` : `${m} (${lo}–${hi})`;
};
const sizes = (list) => list.map((v) => v.toLocaleString('en')).join(' / ');

/** The rows of the table at the top: measure, now, floor or peer, aim, met. */
export function issueRows(r) {
  const rows = [];
  const u = r.uplink;
  if (u) {
    const each = (f) => u.sizes.map((mib) => f(u.bySize[mib])).join(' / ');
    rows.push([
      `extra main-thread CPU per upload over bare XHR, emulated ${UPLINK_10M.name} uplink, ${u.sizes.join(' / ')} MiB`,
      `${each((b) => withRange(b.extra, signed))}; ${each((b) => n0(b.events.median))} progress events, ${each((b) => n0(b.renders.median))} renders`,
      `a hand-made XHR with a \`<progress>\` bar: ${each((b) => withRange(b.peerExtra, signed))}` +
        (u.bySize[u.sizes[0]].listenExtra ? `; an upload progress listener that does nothing: ${each((b) => withRange(b.listenExtra, signed))}` : ''),
      '≤ +10 ms at every size',
      yes(u.sizes.every((mib) => u.bySize[mib].extra.median <= 10)),
    ]);
  }
  const p = r.phone;
  if (p) {
    const s = p.samples;
    const ratio = p.ratios['connect/upload'];
    rows.push([
      `first paint on ${FAST_3G.name} (${FAST_3G.latency} ms RTT, ${(FAST_3G.downloadThroughput * 8) / 1e6} Mbit/s) with ${PHONE_CPU}× CPU: \`cas-upload.js\` / \`cas-connect.js\``,
      `${withRange(s.upload.fcp, ms)} / ${withRange(s.connect.fcp, ms)}: connect ${withRange(ratio, x)} upload`,
      `Lit floor ${withRange(s.floor.fcp, ms)} (${x(p.ratios['floor/upload'].median)} upload); connect with its flows named in \`<link rel="modulepreload">\`: ${withRange(s['connect-preload'].fcp, ms)} (${x(p.ratios['connect-preload/upload'].median)} upload)`,
      'connect ≤ 1.05× upload',
      yes(ratio.median <= 1.05),
    ]);
  }
  const c = r.connect;
  if (c) {
    const a = c['at once'];
    const b = c['once ready'];
    rows.push([
      `a way clicked → the flow drawn (${FAST_3G.name}, ${PHONE_CPU}× CPU): clicked as soon as the choice is drawn / once the flows are defined`,
      `${withRange(a.ms, ms)} (flows defined at the click in ${a.readyAtClick} of ${a.ms.n}) / ${withRange(b.ms, ms)}`,
      c['at once, flows preloaded'] ? `at once with the flows in \`<link rel="modulepreload">\`: ${withRange(c['at once, flows preloaded'].ms, ms)}` : '',
      '≤ 120 ms either way',
      yes(a.ms.median <= 120 && b.ms.median <= 120),
    ]);
  }
  const by = r.bytes;
  if (by) {
    rows.push([
      '`cas-connect.js` + `cas-portfolio.js` on one page, before any flow loads (gzip -9)',
      `${B(by.gzip)} (${by.rows.map((f) => `${f.file} ${n0(f.gzip)}`).join(' + ')})`,
      `each alone: ${by.alone.map((a) => `${a.entry} ${B(a.gzip)}`).join(', ')}`,
      '≤ 19,500 B',
      yes(by.gzip <= 19500),
    ]);
  }
  const pf = r.portfolio;
  if (pf?.bySize) {
    const list = pf.sizes;
    const each = (f) => list.map((n) => f(pf.bySize[n])).join(' / ');
    rows.push([
      `\`<cas-portfolio>\` "Show all" of ${sizes(list)} schemes (main-thread CPU / one plain table of the same rows)`,
      each((b) => withRange(b.showAll.ratio, x)),
      `plain table 1.00× (${each((b) => ms(b.showAll.plain.median))})`,
      `≤ 1.0× at ${sizes(list)}`,
      yes(list.every((n) => pf.bySize[n].showAll.ratio.median <= 1)),
    ]);
    rows.push([
      `\`<cas-portfolio>\` re-sort with all ${sizes(list)} shown (the same)`,
      each((b) => withRange(b.sort.ratio, x)),
      `plain table 1.00× (${each((b) => ms(b.sort.plain.median))})`,
      `≤ 1.0× at ${sizes(list)}`,
      yes(list.every((n) => pf.bySize[n].sort.ratio.median <= 1)),
    ]);
    // The issue sets the heap aim at 2,000 and 20,000 schemes; 200 is shown beside them.
    const aimed = list.filter((n) => n >= 2000);
    rows.push([
      `\`<cas-portfolio>\` JS heap added, ${sizes(list)} schemes, all shown`,
      `${each((b) => kb(b.heap.element.median))} (${each((b) => x(b.heap.ratio.median))} the plain table)`,
      `plain table ${each((b) => kb(b.heap.plain.median))}`,
      `≤ 3× the plain table${aimed.length ? ` at ${sizes(aimed)}` : ''}`,
      yes(aimed.length ? aimed.every((n) => pf.bySize[n].heap.ratio.median <= 3) : null),
    ]);
  }
  return rows;
}

export const ISSUE_HEADERS = ['measure', 'now: median (range)', 'floor / peer', 'aim', 'met'];

/** How the rows of the table at the top were measured. */
export function issueHow(r) {
  const n = r.uplink?.n ?? r.phone?.n ?? r.connect?.n ?? r.portfolio?.runs;
  return [
    `How: each row is the median of ${n} samples with their range (lowest–highest), the kinds it compares measured in`,
    'turn within each sample (their order turning from one sample to the next) in this one run, and a ratio is',
    'the median of the ratios of each sample. Chromium emulates the network and the CPU itself, through the',
    'DevTools protocol on the page (playwright-core\'s `page.context().newCDPSession(page)`):',
    `\`Network.emulateNetworkConditions\` (the uplink: ${describe(UPLINK_10M)}; the phone:`,
    `${describe(FAST_3G)}) and \`Emulation.setCPUThrottlingRate\` (${PHONE_CPU}, the phone only).`,
    'Main-thread CPU is thread time (`Performance.getMetrics`, `TaskDuration` with `timeDomain: threadTicks`).',
    'The sections below say what each row measures.',
  ];
}

/** "## 7. Upload overhead on an emulated 10 Mbit/s uplink": every figure per size, and how. */
export function uplinkSection(md, u, mdTable) {
  md.push(`## 7. Upload overhead on an emulated ${UPLINK_10M.name} uplink (issue 28)`, '');
  md.push(
    mdTable(
      ['median (range) of ' + u.n, ...u.sizes.map((mib) => `${mib} MiB`)],
      [
        ['element: extra main-thread CPU over bare XHR', (b) => withRange(b.extra, signed)],
        ['hand-made XHR with a `<progress>` bar: extra over bare XHR', (b) => withRange(b.peerExtra, signed)],
        ['bare XHR with an upload progress listener that does nothing: extra over bare XHR', (b) => (b.listenExtra ? withRange(b.listenExtra, signed) : '—')],
        ['element: main-thread CPU of the upload', (b) => withRange(b.element, ms)],
        ['hand-made `<progress>`: main-thread CPU', (b) => withRange(b.peer, ms)],
        ['bare XHR: main-thread CPU', (b) => withRange(b.xhr, ms)],
        ['upload progress events (element / hand-made)', (b) => `${n0(b.events.median)} / ${n0(b.peerEvents.median)}`],
        ["the element's renders, and their time", (b) => `${n0(b.renders.median)}, ${ms(b.renderMs.median)}`],
        ['wall time of the bare XHR', (b) => withRange(b.wall, ms)],
        ['wall time, element / bare XHR', (b) => withRange(b.wallRatio, x)],
      ].map(([label, f]) => [label, ...u.sizes.map((mib) => f(u.bySize[mib]))]),
    ),
    '',
    `How: one page with a \`<cas-upload>\`, PDFs of ${u.sizes.join(', ')} MiB made in it, and Chromium's`,
    `network emulation (${describe(UPLINK_10M)}) set on the page after its load; the server reads at`,
    'full speed, so the uplink is Chromium\'s, which fires upload progress events as a slow link does.',
    'A sample is three uploads of one size: `await el.upload(file, \'\')` from the form (reset and',
    'drawn before, not counted), a bare `XMLHttpRequest` with the same `FormData` and headers and no',
    'progress listener, and the peer: the same request with an `upload.onprogress` that sets a',
    '`<progress>` bar\'s value at every event. The CPU of each is read after its last render and',
    'two animation frames, so the drawing is counted. Their order turns from sample to sample and',
    'the sizes are taken in turn; one upload of each first is not counted.',
    `Unexpected requests: ${u.badRequests}.`,
    '',
  );
}

/** "## 8. On a phone": first paint, and a way clicked. */
export function phoneSection(md, r, mdTable) {
  if (!r.phone && !r.connect) return;
  md.push(`## 8. On a phone: ${FAST_3G.name} with ${PHONE_CPU}× CPU slowdown (issue 28)`, '');
  const p = r.phone;
  if (p) {
    const label = {
      upload: '`cas-upload.js`',
      connect: '`cas-connect.js`',
      'connect-preload': '`cas-connect.js`, its flows in `<link rel="modulepreload">`',
      floor: 'minimal Lit element (floor)',
    };
    md.push(
      mdTable(
        [`first paint, median (range) of ${p.n} loads`, 'first-contentful-paint', '/ cas-upload.js', 'last script loaded', 'scripts'],
        Object.keys(label).map((id) => [
          label[id],
          withRange(p.samples[id].fcp, ms),
          id === 'upload' ? '1.00×' : withRange(p.ratios[`${id}/upload`], x),
          ms(p.samples[id].lastScript.median),
          n0(p.samples[id].requests.median),
        ]),
      ),
      '',
      'How: a page that holds only the element and its `<script type="module">` (`<cas-upload',
      'token-url>`, `<cas-connect token-url>`, the floor bundle of section 1 with `<min-element>`),',
      `each load in a new browser context (nothing cached; the server sends \`no-store\`) with ${FAST_3G.name}`,
      `and ${PHONE_CPU}× CPU slowdown set before it navigates. The figure is the page's first-contentful-paint`,
      'from the start of the navigation: the page, the script and what it imports over the emulated',
      'network, then its parse, run and the element\'s first frame (nothing else on the page paints).',
      `The preloaded row names the flows that \`cas-connect.js\` loads after its first render (${(p.preload ?? []).map((f) => `\`${f.replace(/^\/cdn\//, '')}\``).join(', ') || 'nothing'})`,
      'in `<link rel="modulepreload">` before the script, as a host may.',
      '',
    );
  }
  const c = r.connect;
  if (c) {
    md.push(
      mdTable(
        [`a way clicked → its flow drawn, median (range) of ${c.n}`, 'pointerdown → flow painted', 'choice drawn → pointerdown', 'flows defined at the click'],
        ['at once', 'once ready', 'at once, flows preloaded'].filter((when) => c[when]).map((when) => [
          {
            'at once': 'clicked as soon as the choice is drawn',
            'once ready': 'clicked once every flow is defined',
            'at once, flows preloaded': 'clicked as soon as the choice is drawn, the flows named in `<link rel="modulepreload">`',
          }[when],
          withRange(c[when].ms, ms),
          withRange(c[when].choiceToClick, ms),
          `${c[when].readyAtClick} of ${c[when].ms.n}`,
        ]),
      ),
      '',
      'How: `<cas-connect token-url>` from `cas-connect.js`, each load in a new context on the phone as',
      'above. The page notes when the choice was first painted; the bench then clicks "Upload the PDF"',
      'with the mouse (`page.mouse.click`: pointerdown, mousedown, pointerup, mouseup, click) at once,',
      'or once `<cas-upload>`, `<cas-cdsl-fetch>`, `<cas-mailback>` and `<cas-inbox>` are defined and two',
      'frames have passed. The figure runs from the pointerdown\'s event time to the end of the first frame',
      'that shows the upload flow\'s form (a message posted in that frame\'s `requestAnimationFrame`',
      'callback, which arrives once it is painted).',
      '',
    );
  }
}

/** "## 9. Bytes of a page with <cas-connect> and <cas-portfolio>". */
export function bytesSection(md, by, mdTable) {
  md.push('## 9. A page with `<cas-connect>` and `<cas-portfolio>` (issue 28)', '');
  md.push(
    mdTable(
      ['file', 'min', 'gzip -9', 'brotli'],
      [...by.rows.map((f) => [f.file, B(f.min), B(f.gzip), B(f.brotli)]), ['all, before any flow loads', '', B(by.gzip), B(by.rows.reduce((s, f) => s + f.brotli, 0))]],
    ),
    '',
    `Each alone: ${by.alone.map((a) => `\`${a.entry}\` ${B(a.gzip)} (${a.files.join(', ')})`).join('; ')}.`,
    '',
    'How: the script files of `dist/cdn` that Chromium fetches for a page with both script tags',
    'until both elements are defined (each counted once, as the browser fetches each once; alone:',
    'a page with one of them); `cas-connect.js`\'s flows (loaded after its first render), Hindi and',
    'the success summary are loaded later or never, and are not counted.',
    '',
  );
}

/** The "Show all", re-sort and heap table of section 6. */
export function portfolioSizes(md, pf, mdTable) {
  const list = pf.sizes;
  md.push(
    mdTable(
      [`one folio, all rows shown: median (range) of ${pf.runs}`, ...list.map((n) => `${n.toLocaleString('en')} schemes`)],
      [
        ['"Show all": `<cas-portfolio>` / plain table', (b) => withRange(b.showAll.ratio, x)],
        ['"Show all": `<cas-portfolio>`', (b) => withRange(b.showAll.element, ms)],
        ['plain table of the same rows', (b) => withRange(b.showAll.plain, ms)],
        ['re-sort by value: `<cas-portfolio>` / plain table', (b) => withRange(b.sort.ratio, x)],
        ['re-sort: `<cas-portfolio>`', (b) => withRange(b.sort.element, ms)],
        ['re-sort: plain table (its rows moved)', (b) => withRange(b.sort.plain, ms)],
        ['JS heap added: `<cas-portfolio>` / plain table (of the medians)', (b) => x(b.heap.ratio.median)],
        ['JS heap added: `<cas-portfolio>`', (b) => withRange(b.heap.element, kb)],
        ['JS heap added: plain table', (b) => withRange(b.heap.plain, kb)],
      ].map(([label, f]) => [label, ...list.map((n) => f(pf.bySize[n]))]),
    ),
    '',
    `How ("Show all", re-sort, heap): one folio of ${sizes(list)} schemes made in the page. "Show all":`,
    'in a new page each time, `result` set on a connected `<cas-portfolio>` and its "Show all" clicked',
    'at once, timed until every row is in the table and two frames are drawn, against the plain',
    'table of the same rows built in a new page, the two in turn. The heap figure is the growth of',
    '`Runtime.getHeapUsage` `usedSize`, each read after two `HeapProfiler.collectGarbage`, from just',
    'before to just after that measurement (the statement is made before, so it is not counted in',
    'either); its ratio is that of the medians. Re-sort: the element with every row shown and the plain table open side by side, a',
    'click on the Value header of each in turn (ascending, then the other way), the plain table',
    'sorting its kept `[value, row]` pairs and appending its rows in the new order; one of each first',
    'is not counted; after each the bench checks that every row is there and in order.',
    '',
  );
}
