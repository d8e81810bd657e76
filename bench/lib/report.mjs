// Turns the results of one run into the console table and BENCHMARKS.md.
import { REVISION_NAMES } from './password.mjs';
import { issueRows, issueHow, ISSUE_HEADERS, uplinkSection as uplinkPart, phoneSection, bytesSection, portfolioSizes } from './report-emulated.mjs';

const kB = (b) => (b == null ? '—' : `${(b / 1000).toFixed(1)} kB`);
const signedKB = (b) => (b == null ? '—' : `${b >= 0 ? '+' : '−'}${(Math.abs(b) / 1000).toFixed(1)} kB`);
const ms = (v) => (v == null ? '—' : `${v.toFixed(1)} ms`);
const signedMs = (v) => (v == null ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)} ms`);
const x = (v) => (v == null ? '—' : `${v.toFixed(3)}×`);
const yes = (ok) => (ok == null ? '—' : ok ? 'yes' : 'NO');

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function mdTable(headers, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** The summary: each figure, its aim, and whether it is met. */
function summaryRows(r) {
  const rows = [];
  if (r.size) {
    const own = r.size.rows.find((s) => s.id === 'cas-upload');
    const floor = r.size.rows.find((s) => s.id === 'lit-floor');
    rows.push([
      'size: dist/cdn/cas-upload.js, min+gzip -9',
      `${kB(own.total.gzip)} (floor ${kB(floor.total.gzip)}, ${signedKB(own.total.gzip - floor.total.gzip)} over it)`,
      'none set: compared with peers below',
      '—',
    ]);
  }
  const each = (rounds, text) => rounds.map((q, i) => `round ${i + 1}: ${text(q)}`).join('; ');
  if (r.uplink?.bySize[9]) {
    const w = r.uplink.bySize[9].wallRatio;
    rows.push([
      'upload time on the emulated 10 Mbit/s uplink: element / bare XHR, 9 MiB, median of ' + w.n + ' samples',
      `${x(w.median)} (range ${x(w.min)}–${x(w.max)})`,
      '≤ 1.01×',
      yes(w.median <= 1.01),
    ]);
  }
  const cpuRow = (where, rounds) => [
    `the element's extra main-thread CPU per 9 MiB upload over bare XHR ${where}, median of pair differences`,
    each(
      rounds,
      (u) =>
        `${signedMs(u.cpu.extra)} (${ms(u.cpu.element)} vs ${ms(u.cpu.xhr)})` +
        (u.cpu.hiddenExtra === undefined ? '' : `; the same element hidden: ${signedMs(u.cpu.hiddenExtra)}`),
    ),
    '≤ 3 ms',
    yes(rounds.every((u) => u.cpu.extra <= 3)),
  ];
  if (r.upload) {
    rows.push(cpuRow('on loopback (about 60 ms of upload: over before the progress view appears, at 100 ms)', r.upload.rounds));
    rows.push([
      'upload time on loopback: element / bare XHR, 9 MiB, median of pair ratios',
      each(r.upload.rounds, (u) => `${x(u.medianRatio)} (${x(u.ratioInterval[0])}–${x(u.ratioInterval[1])}, ${u.pairs.length} pairs)`),
      'none: a 60 ms request, where fixed costs weigh most (section 2)',
      '—',
    ]);
  }
  if (r.tokens) {
    for (const round of r.tokens.rounds) {
      rows.push([
        `token requests, 10 elements × 10 uploads, ${round.label.startsWith('cold') ? 'cold cache' : 'after expiry'}`,
        `${round.tokenRequests} (naive: ${round.naive}; ${round.succeeded}/${round.uploads} uploads succeeded)`,
        '1',
        yes(round.tokenRequests === 1 && round.succeeded === round.uploads),
      ]);
    }
  }
  if (r.memory) {
    rows.push([
      'memory: JS heap growth during the 9 MiB upload (after GC), worst of ' + r.memory.reps,
      `${signedKB(r.memory.element.duringMax)} (median ${signedKB(r.memory.element.during)}; bare XHR ${signedKB(r.memory.xhr.duringMax)}; a held copy of the file: ${signedKB(r.memory.control)})`,
      '< 500 kB (0.5 MB)',
      yes(r.memory.element.duringMax < 500_000),
    ]);
  }
  if (r.startup) {
    rows.push([
      'start-up: script loaded → first paint (first-contentful-paint), vs minimal Lit element, median',
      each(r.startup.rounds, (q) => `${x(q.paintFromLoaded.ratio)} (${x(q.paintFromLoaded.interval[0])}–${x(q.paintFromLoaded.interval[1])}; ${ms(q.paintFromLoaded.cas)} vs ${ms(q.paintFromLoaded.floor)}; main-thread JS CPU ${x(q.cpuScript.ratio)})`),
      '≤ 1.2×',
      yes(r.startup.rounds.every((q) => q.paintFromLoaded.ratio != null && q.paintFromLoaded.ratio <= 1.2)),
    ]);
  }
  if (r.portfolio?.render) {
    const pf = r.portfolio;
    const e = pf.render['element-50'];
    rows.push(
      [
        '`<cas-portfolio>`: first render, 2,000 schemes in 50 folios, main-thread ms, median of ' + pf.runs,
        `${ms(e.ms)} (95% interval ${ms(e.interval[0])}–${ms(e.interval[1])})`,
        '≤ 100 ms',
        yes(e.ms <= 100),
      ],
      [
        '`<cas-portfolio>`: that render / the same 2,000 rows as one plain DOM-built `<table>`',
        `${x(pf.ratio50.ratio)} (95% interval ${x(pf.ratio50.interval[0])}–${x(pf.ratio50.interval[1])}; plain ${ms(pf.render['plain-50'].ms)})`,
        '≤ 1.5×',
        yes(pf.ratio50.ratio <= 1.5),
      ],
      [
        '`<cas-portfolio>`: re-sort of the 2,000-scheme folio by value as first shown (100 rows), median of ' + pf.sortFirst.n,
        `${ms(pf.sortFirst.ms)} (slowest ${ms(pf.sortFirst.max)})`,
        '≤ 30 ms',
        yes(pf.sortFirst.ms <= 30),
      ],
    );
  }
  if (r.password) {
    const pw = r.password;
    for (const rev of [...new Set(pw.rows.map((q) => q.revision))]) {
      const [right, wrong] = ['right', 'wrong'].map((label) => pw.rows.find((q) => q.revision === rev && q.label === label));
      rows.push([
        `password check on the device, 9 MiB PDF, ${REVISION_NAMES[rev]}: right / wrong password, median of ${pw.runs} (slowest)`,
        `${ms(right.median)} (${ms(right.max)}) / ${ms(wrong.median)} (${ms(wrong.max)})`,
        '≤ 50 ms',
        yes(Math.max(right.median, wrong.median) <= 50),
      ]);
    }
    rows.push([
      'size: dist/cdn/cas-upload.password.js (the check, loaded when a file is chosen), min+gzip -9',
      `${kB(pw.chunk.gzip)} (${pw.chunk.gzip} B)`,
      '< 3 kB',
      yes(pw.chunk.gzip < 3000),
    ]);
  }
  return rows;
}

function sizeRows(size) {
  return size.rows.map((s) =>
    s.error
      ? [s.label, s.versions, `bundling failed: ${s.error}`, '', '', '', '']
      : [
          s.label,
          s.versions,
          kB(s.js.min),
          kB(s.js.gzip),
          s.css ? kB(s.css.gzip) : '—',
          kB(s.total.gzip),
          kB(s.total.brotli),
        ],
  );
}
const SIZE_HEADERS = ['bundle', 'versions', 'JS min', 'JS gzip -9', 'CSS gzip -9', 'total gzip -9', 'total brotli'];

export function render(r) {
  const m = r.machine;
  const machine = `${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB; ${m.os}; Node ${m.node}; Chromium ${r.chromium ?? '(not launched)'}`;
  const load = `load average ${m.loadStart.map((v) => v.toFixed(2)).join(' / ')} at the start, ${m.loadEnd.map((v) => v.toFixed(2)).join(' / ')} at the end`;
  const summary = summaryRows(r);
  const issue = issueRows(r);

  // Console.
  const out = [];
  if (issue.length) out.push(table(ISSUE_HEADERS, issue), '');
  out.push(table(['figure', 'result', 'aim', 'met'], summary));
  if (r.size) out.push('', table(SIZE_HEADERS, sizeRows(r.size)));
  out.push('', `${r.date.toISOString()} · ${machine} · ${load} · ${r.durationS.toFixed(0)} s`);

  // Markdown.
  const md = [];
  md.push('# Benchmarks', '');
  md.push(
    'Written by `npm run bench` (`bench/run.mjs`); run it again to refresh this page. The machine',
    'below is shared and noisy, so ratios measured side by side in the same run are the headline,',
    'each measured in separate rounds and printed per round: the spread between rounds is the',
    'noise between runs. Absolute times only give the scale; CPU time is shown beside wall time.',
    'The rows of issue 28 (where investors are: a slow uplink, a phone, a page with two elements, a',
    'large statement) come first, each beside its aim: medians of interleaved samples with their',
    'range, under Chromium\'s own network and CPU emulation.',
    '',
  );
  md.push(`- Date: ${r.date.toISOString()}`);
  md.push(`- Command: \`${r.command}\` (${r.durationS.toFixed(0)} s)`);
  if (r.partSeconds) {
    md.push(`- Time of each part: ${Object.entries(r.partSeconds).map(([part, sec]) => `${part} ${sec.toFixed(0)} s`).join(', ')} (\`--only <part>\` runs one alone)`);
  }
  md.push(`- Package: cas-upload ${r.packageVersion}, \`dist/cdn/cas-upload.js\` as built when the run started`);
  md.push(`- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB RAM, ${m.os}`);
  md.push(`- Node ${m.node}, Chromium ${r.chromium ?? '(not launched)'} (headless, through playwright-core)`);
  md.push(`- Noise: ${load}`);
  if (issue.length) {
    md.push('', '## Where investors are (issue 28)', '', mdTable(ISSUE_HEADERS, issue), '', ...issueHow(r));
  }
  md.push('', '## Summary', '', mdTable(['figure', 'result', 'aim', 'met'], summary), '');

  if (r.size) {
    md.push('## 1. Size', '');
    md.push(mdTable(SIZE_HEADERS, sizeRows(r.size)), '');
    if (r.size.extras?.length) {
      const what = (f) => {
        if (f === 'cas-portfolio.js') return 'the `<cas-portfolio>` element, loaded only by pages that show a statement';
        if (f === 'cas-portfolio.iife.js') return 'its classic-script build';
        if (f === 'cas-portfolio.hi.js') return 'its Hindi strings, fetched only for `lang="hi"`';
        if (f === 'cas-upload.password.js') return 'the password check, fetched when a file is chosen (section 10)';
        if (f.endsWith('.iife.js')) return 'the classic-script build of the same code, loaded instead of it';
        const lang = /\.([a-z]{2,3})\.js$/.exec(f)?.[1];
        return lang ? `UI strings, fetched only for \`lang="${lang}"\`` : 'fetched only when needed';
      };
      md.push(
        `Also in \`dist/cdn\`, not in the first row: ${r.size.extras
          .map((e) => `\`${e.file}\` (${what(e.file)}): ${kB(e.gzip)} gzip -9`)
          .join('; ')}.`,
        '',
      );
    }
    md.push(
      'How: the first row is the shipped script-tag file (Vite, Lit bundled) as it is. Every other',
      'row is one small entry file in `bench/entries/` bundled in this run by esbuild with the same',
      'options (`bundle`, `minify`, `format: esm`, `target: es2021`, `legalComments: none`,',
      '`NODE_ENV=production`), from the packages installed in `bench/node_modules` (the',
      '`cas-upload` npm row bundles `dist/index.js` with the root\'s Lit, to show the shipped file',
      'against the same bundler and minifier). A peer\'s stylesheet is counted when its UI needs it:',
      'the entry imports it, esbuild writes it minified as a separate file, and its gzip size is',
      'added (dropzone: `dropzone.css`; filepond: `filepond.min.css`; Uppy Dashboard: the core and',
      'dashboard `style.min.css`; Uploadcare: `uc-file-uploader-regular.min.css`). Headless',
      '`@uppy/core` + `@uppy/xhr-upload` and `@github/file-attachment-element` need none;',
      'cas-upload and the floor carry their CSS inside the JavaScript. gzip is zlib at level 9',
      '(as `gzip -9`), brotli is quality 11; 1 kB = 1000 bytes. Uploadcare is set up as its README',
      'says for npm (`defineComponents` of every component); file-attachment-element and the',
      'headless Uppy row bring no UI for choosing a password or showing a result.',
      '',
    );
  }

  const uploadSection = (title, rounds) => {
    md.push(title, '');
    md.push(
      mdTable(
        ['figure (median)', 'round', 'element', 'bare XHR', 'ratio or difference'],
        rounds.flatMap((u, i) => [
          ['pair ratios (headline)', i + 1, '', '', `${x(u.medianRatio)} (95% interval ${x(u.ratioInterval[0])}–${x(u.ratioInterval[1])})`],
          ['wall time', i + 1, ms(u.medianElement), ms(u.medianXhr), x(u.medianElement / u.medianXhr)],
          ['main-thread CPU, all tasks', i + 1, ms(u.cpu.element), ms(u.cpu.xhr), `${signedMs(u.cpu.extra)} (95% interval ${signedMs(u.cpu.extraInterval[0])}–${signedMs(u.cpu.extraInterval[1])})`],
          ['main-thread CPU, JavaScript', i + 1, ms(u.cpuScript.element), ms(u.cpuScript.xhr), signedMs(u.cpuScript.element - u.cpuScript.xhr)],
          ['own time before `send()`', i + 1, ms(u.own.element.before), ms(u.own.xhr.before), ''],
          ['own time after the `load` event', i + 1, ms(u.own.element.after), ms(u.own.xhr.after), ''],
          ['the request itself, `send()` → `load`', i + 1, ms(u.wire.element), ms(u.wire.xhr), x(u.wireRatio)],
          [`the element's renders (${u.renders.n} per upload)`, i + 1, ms(u.renders.ms), '', ''],
          ...(u.cpu.hiddenExtra === undefined
            ? []
            : [['control: main-thread CPU of the same element `hidden` (all its work, nothing drawn), over bare XHR', i + 1, '', '', signedMs(u.cpu.hiddenExtra)]]),
        ]),
      ),
      '',
    );
    md.push(
      mdTable(
        ['round', 'pair', 'order', 'element', 'bare XHR', 'ratio', 'element CPU', 'bare XHR CPU'],
        rounds.flatMap((u, i) => u.pairs.map((p, j) => [i + 1, j + 1, p.order, ms(p.element), ms(p.xhr), x(p.ratio), ms(p.elementCpu), ms(p.xhrCpu)])),
      ),
      '',
    );
  };
  if (r.upload) md.push('## 2. Upload overhead', '');
  if (r.upload) uploadSection('### On loopback', r.upload.rounds);
  if (r.upload) {
    const all = r.upload.rounds;
    md.push(
      'How: one page, one 9 MiB file (`%PDF-1.7` and random bytes, made in the page) sent to',
      '`POST /v4/smart/parse` of a local Node server, which reads the whole multipart body and',
      'answers `test/mocks/smart-parse-response.json`. The element\'s time is',
      '`await el.upload(file, \'\')`; the bare time is one `XMLHttpRequest` with a `FormData` of the',
      'same fields (`pdf_file`, `password`), the same `x-api-key` and `Accept` headers and timeout,',
      'no upload-progress listener, and a `JSON.parse` of the answer. Both include the server\'s',
      'reading. Each round is a new page: one warm-up of each is not counted (the element\'s also',
      'fetches its token); then the order alternates pair by pair. The rounds run one after the',
      'other in the same run; their spread is the noise between runs, the 95% intervals (bootstrap',
      'of the median) the noise within one. Each element upload starts from the form, as a',
      'visitor\'s does: the element is reset and drawn before the measurement (not counted), so',
      'every upload draws its way from the form to the success view.',
      '',
      'On loopback the request takes tens of milliseconds, so the element\'s fixed costs weigh far',
      'more there than over any real network; section 7 shows them against a real upload on an emulated uplink.',
      '',
      'Main-thread CPU is thread time from the DevTools Performance domain (`Performance.enable`',
      'with `timeDomain: threadTicks`), `TaskDuration` (every task) and `ScriptDuration`',
      '(JavaScript), read before and after each upload; the difference per pair is the element\'s',
      'extra work: its checks, token lookup, state changes, renders, progress events and',
      'formatting, and the style and layout they cause. The split comes from',
      '`XMLHttpRequest.prototype.open`/`send`, wrapped the same way for both paths: the time',
      'before `send()` is the element\'s own work before the request goes out. Renders are timed',
      'by wrapping the element\'s `performUpdate` (Lit\'s render and the `updated()` hook).',
      'On loopback each pair is followed by a control: the same upload through a second',
      '`<cas-upload hidden>` on the page, which does all of its work (checks, token, events,',
      'renders, formatting) but is not drawn; its difference to the bare XHR is the element\'s own',
      'work, and the rest of the headline figure is the browser\'s style, layout and paint of the',
      'views the visible element shows. The element draws its progress view 100 ms after an upload',
      'starts, so on loopback (about 60 ms) it goes from the form straight to the success view. Each',
      'measurement waits for the element\'s last render and two animation frames (the bare XHR',
      'too) before reading the CPU time, so the drawing of the last view is counted.',
      `Request bodies: ${Math.min(...all.map((u) => u.requestBytes.min))}–${Math.max(...all.map((u) => u.requestBytes.max))} bytes;`,
      `unexpected requests: ${all.reduce((n, u) => n + u.badRequests, 0)}.`,
      '',
    );
  }

  if (r.tokens) {
    const t = r.tokens;
    md.push('## 3. Token requests', '');
    md.push(
      mdTable(
        ['round', 'uploads', 'succeeded', 'token requests', 'naive (one per upload)', 'parse requests', 'time'],
        t.rounds.map((q) => [q.label, q.uploads, q.succeeded, q.tokenRequests, q.naive, q.parseRequests, `${q.ms} ms`]),
      ),
      '',
    );
    const errs = t.rounds.flatMap((q) => q.errors);
    md.push(
      'How: one page with 10 `<cas-upload>` elements sharing `token-url="/token"`; each uploads a',
      '16 KiB PDF 10 times in a row, the 10 elements at once. The server counts the requests to',
      `\`/token\`, which answers \`expires_in: ${t.expiresIn}\`. The first round starts after`,
      '`clearTokenCache()`; then the run waits until the token has really expired (its stated',
      'lifetime plus 0.5 s after it was issued) and runs the second round on the same page.',
      t.coldWithinLifetime
        ? 'The first round finished well within the token\'s lifetime.'
        : 'NOTE: the first round took longer than 90% of the token\'s lifetime, so a refresh inside it is expected.',
      errs.length ? `Errors seen: ${errs.join(', ')}.` : '',
      '',
    );
  }

  if (r.memory) {
    const mem = r.memory;
    const row = (label, s) => [label, signedKB(s.during), signedKB(s.duringMax), signedKB(s.mid), signedKB(s.sent), signedKB(s.after), signedKB(s.peak)];
    md.push('## 4. Memory', '');
    md.push(
      mdTable(
        ['upload of 9 MiB', 'during (median)', 'during (max)', 'half sent', 'all sent, answer held', 'after', 'peak, not collected'],
        [row('element', mem.element), row('bare XHR', mem.xhr)],
      ),
      '',
    );
    md.push(
      `Control: the same file read with \`file.arrayBuffer()\` and held grows the same figure by ${signedKB(mem.control)},`,
      'so a copy of the file in JS memory would show.',
      '',
      `Of the element's figure "during": JS heap ${signedKB(mem.element.usedDuring)}, ArrayBuffer backing stores`,
      `${signedKB(mem.element.backingDuring)}${mem.backingReported ? '' : ' (not reported by this Chromium: counted as 0)'}.`,
      '',
      'How: Chrome DevTools Protocol on the page (`context.newCDPSession(page)`). Every figure is',
      'the growth of `Runtime.getHeapUsage` (`usedSize` + `backingStorageSize`, so an ArrayBuffer',
      'copy of the file would show) over the value taken just before the upload, each point after',
      `two \`HeapProfiler.collectGarbage\`. The server reads the body at ${(mem.throttle / 1e6).toFixed(1)} MB/s so that the`,
      'upload lasts about 2 s and "during" is a real moment: when half of the bytes have arrived,',
      'and when all have arrived with the answer held back; "during" is the larger of the two.',
      '"after" is once the answer (the fixture, about 10 kB of JSON, kept as the element\'s result)',
      'was handled. "peak, not collected" samples the heap every 10 ms without collecting, garbage',
      `included. ${mem.reps} upload(s) each way after one warm-up each, alternating; the file is made before`,
      `the first measurement. Unexpected requests: ${mem.badRequests}.`,
      '',
    );
  }

  if (r.startup) {
    const rounds = r.startup.rounds;
    const loads = rounds[0].loads;
    md.push('## 5. Start-up', '');
    md.push(
      mdTable(
        [`median of ${loads} loads`, 'round', 'cas-upload', 'minimal Lit element', 'ratio'],
        rounds.flatMap((s, i) => [
          ['script loaded (responseEnd) → first paint (headline)', i + 1, ms(s.paintFromLoaded.cas), ms(s.paintFromLoaded.floor), `${x(s.paintFromLoaded.ratio)} (95% interval ${x(s.paintFromLoaded.interval[0])}–${x(s.paintFromLoaded.interval[1])})`],
          ['fastest load, script loaded → first paint', i + 1, ms(s.paintFromLoaded.minCas), ms(s.paintFromLoaded.minFloor), x(s.paintFromLoaded.minRatio)],
          ['script requested (startTime) → first paint', i + 1, ms(s.fcpFromRequest.cas), ms(s.fcpFromRequest.floor), x(s.fcpFromRequest.ratio)],
          ['script loaded → it has run, defined and rendered', i + 1, ms(s.run.cas), ms(s.run.floor), x(s.run.ratio)],
          ['script loaded → first animation frame (before layout and paint)', i + 1, ms(s.fromLoaded.cas), ms(s.fromLoaded.floor), x(s.fromLoaded.ratio)],
        ]),
      ),
      '',
    );
    md.push(
      mdTable(
        [`main-thread CPU time of the whole page load, median of ${loads}`, 'round', 'cas-upload', 'minimal Lit element', 'ratio', 'difference'],
        rounds.flatMap((s, i) =>
          [
            ['JavaScript', 'cpuScript'],
            ['style recalculation', 'cpuStyle'],
            ['layout', 'cpuLayout'],
            ['all main-thread work (page set-up included)', 'cpuThread'],
          ].map(([label, key]) => [label, i + 1, ms(s[key].cas), ms(s[key].floor), x(s[key].ratio), s[key].cas != null && s[key].floor != null ? signedMs(s[key].cas - s[key].floor) : '—']),
        ),
      ),
      '',
    );
    md.push(
      'How: two pages that hold only the element and its `<script type="module">`:',
      '`dist/cdn/cas-upload.js` with `<cas-upload token-url="/token">`, and the floor bundle of',
      'section 1 with `<min-element>`. The headline ends at the page\'s first-contentful-paint,',
      'the time the browser reports for its first rendered pixels: nothing else on the page',
      'paints, so it is the element\'s first paint, after style, layout and paint, which a',
      '`requestAnimationFrame` callback (the last row of the first table) runs before. It starts',
      'when the script has loaded (its resource timing), so it counts parsing, compiling, running,',
      'defining, the first render and the browser\'s frame, not the loopback transfer. Every load',
      'uses a new browser context (no HTTP or code cache shared; the server sends `no-store`), the',
      'two pages alternate, and one load of each first is not counted. Each round repeats this',
      'from the start. The fastest load is shown because noise from other work on the machine',
      'only ever adds time. The CPU table comes from the DevTools Performance domain',
      '(`Performance.enable` with `timeDomain: threadTicks`, read once the page has painted):',
      'thread time, which other processes disturb far less than wall time; it covers the whole',
      'page load, so the fixed cost of a page dilutes its last row.',
      '',
    );
  }
  if (r.portfolio) {
    const pf = r.portfolio;
    const row = (label, id, vs) => [label, ms(pf.render[id].ms), `${ms(pf.render[id].interval[0])}–${ms(pf.render[id].interval[1])}`, vs ?? ''];
    md.push('## 6. `<cas-portfolio>`: render, "Show all", re-sort and heap', '');
    if (pf.render) {
      md.push(
        mdTable(
          [`first render of a statement of 2,000 schemes, median of ${pf.runs}`, 'main-thread time', '95% interval of the median', 'ratio to the plain table'],
          [
            row('`<cas-portfolio>`, 50 folios of 40 schemes (headline)', 'element-50', `${x(pf.ratio50.ratio)} (${x(pf.ratio50.interval[0])}–${x(pf.ratio50.interval[1])})`),
            row('`<cas-portfolio>`, the same, until the tables filled in idle time are all built', 'element-50-complete', x(pf.render['element-50-complete'].ms / pf.render['plain-50'].ms)),
            row('plain DOM `<table>` of the same 2,000 rows', 'plain-50'),
            row('`<cas-portfolio>`, one folio of 2,000 schemes, as first shown (100 rows)', 'element-1'),
          ],
        ),
        '',
        `Re-sort of the one-folio table of 2,000 by its Value column as first shown (100 rows): median ${ms(pf.sortFirst.ms)} (slowest ${ms(pf.sortFirst.max)}), ${pf.sortFirst.n} sorts.`,
        '',
        'How (first render): `dist/cdn/cas-portfolio.js` in a page of its own, with a statement made in the page: 2,000',
        'mutual fund schemes (in 50 folios of 40, or in one folio), each with 10 transactions (20,000',
        'in all, which the element does not list), cost and gain. Each first render runs in a new',
        `browser context (nothing warmed up), the cases in turn, ${pf.runs} of each. The figure is the`,
        'main-thread busy time (DevTools Performance domain, `TaskDuration` in thread ticks, so time',
        'spent waiting is not counted) from setting `result` on a connected element until two frames',
        'have been rendered after `updateComplete`: reading the statement, Lit\'s render, building the',
        'tables, style, layout and paint. The element builds the rows of its first tables (300 rows)',
        'at once and fills the others in idle time right after (the "until … all built" row waits for',
        'them, frame by frame); it lays out only the tables on screen (`content-visibility: auto` on',
        'each table\'s box), and shows the first 100 rows of a larger table',
        'until "Show all" is pressed. The plain table gets the same',
        '2,000 rows, the same nine columns and the same `Intl.NumberFormat` formatting from a loop of',
        '`insertRow`/`insertCell`/`textContent`, timed the same way, with no stylesheet, in a 1000 px',
        'wide page like the element. A re-sort is a click on the header button, timed the same way,',
        'in one page after one uncounted click. Laying out one table of 2,000 × 9 cells is most of',
        'the plain-table figure.',
        '',
      );
    }
    if (pf.bySize) portfolioSizes(md, pf, mdTable);
  }
  if (r.uplink) uplinkPart(md, r.uplink, mdTable);
  phoneSection(md, r, mdTable);
  if (r.bytes) bytesSection(md, r.bytes, mdTable);
  if (r.password) {
    const pw = r.password;
    md.push('## 10. The password checked on the device', '');
    md.push(
      mdTable(
        ['revision of the standard security handler', 'password', 'file', 'bytes read per check', `median of ${pw.runs}`, 'slowest'],
        pw.rows.map((q) => [REVISION_NAMES[q.revision], q.label, `${(q.size / 1048576).toFixed(2)} MiB`, Math.round(q.read), ms(q.median), ms(q.max)]),
      ),
      '',
      `The check's file, \`dist/cdn/cas-upload.password.js\`: ${pw.chunk.min} B minified, ${pw.chunk.gzip} B gzip -9, ${pw.chunk.brotli} B brotli.`,
      '',
      'How: a page of its own imports `checkPdfPassword` from `dist/cdn/cas-upload.password.js` (the',
      'file `<cas-upload>` loads when a file is chosen). For each revision, a one-page PDF with 9 MiB',
      'of incompressible padding is encrypted by qpdf (`scripts/test-pdfs.mjs`: `qpdf --encrypt U O',
      '40|128|256 …`, classic cross-reference table) for this run and fetched into the page as a',
      '`File`; after one uncounted check, the wall time of each `await checkPdfPassword(file,',
      'password)` is taken with `performance.now()`, with the right user password and with a wrong',
      'one. A wrong password is the slow case: it is tried as the user and the owner password, and',
      'the empty user password is tried too (for revision 6, three rounds of the ISO 32000-2 hash',
      'through Web Crypto). "Bytes read" is the sum of the `Blob.slice` ranges of one check: the end',
      'of the file, the cross-reference table and the encryption dictionary, never the file.',
      '',
    );
  }
  return { console: out.join('\n'), markdown: md.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n') + '\n' };
}

/**
 * `--update` after a partial run (`--only …`): BENCHMARKS.md (`old`) with the sections and the
 * summary rows of this run (`fresh`) in place of its own (by section number and figure), the
 * others kept as they are, and a line under the header that says which parts came from when.
 */
export function updateSections(old, fresh, note) {
  const sections = (md) => md.split(/^(?=## )/m);
  const number = (s) => /^## (\d+)\./.exec(s)?.[1];
  const rowsOf = (s) => s.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| figure') && !l.startsWith('| measure') && !l.startsWith('| ---'));
  const figure = (row) => row.split(' | ')[0];
  const next = sections(fresh);
  // The two tables of figures (the rows of issue 28, the summary): row by row.
  const TABLES = ['## Where investors are', '## Summary'];
  const table = (s) => TABLES.find((t) => s.startsWith(t));
  const out = sections(old).map((s) => {
    const mine = table(s) && next.find((n) => table(n) === table(s));
    if (mine) {
      const fresh = rowsOf(mine);
      // Each row in its place, replaced by this run's when it has one; this run's new rows last.
      const rows = rowsOf(s).map((row) => fresh.find((f) => figure(f) === figure(row)) ?? row);
      rows.push(...fresh.filter((f) => !rows.includes(f)));
      return s.replace(/(\| (?:figure|measure)[^\n]*\n\| ---[^\n]*\n)(?:\|[^\n]*\n)*/, (_, head) => head + rows.join('\n') + '\n');
    }
    return next.find((n) => number(n) && number(n) === number(s)) ?? s;
  });
  for (const n of next) if (table(n) && !out.some((s) => table(s) === table(n))) out.splice(1, 0, n);
  for (const n of next) if (number(n) && !out.some((s) => number(s) === number(n))) out.push(n);
  // A note of an earlier update of the same phases is replaced.
  const phases = /\(([^;]*);/.exec(note)?.[1];
  out[0] = out[0]
    .split('\n')
    .filter((l) => !(l.startsWith('- Updated by ') && /\(([^;]*);/.exec(l)?.[1] === phases))
    .join('\n')
    .replace(/^(- Noise: [^\n]*\n)/m, `$1- ${note}\n`);
  return out.join('').replace(/\n*$/, '\n');
}
