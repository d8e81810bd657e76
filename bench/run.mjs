#!/usr/bin/env node
// `npm run bench`: size, upload overhead, token requests, memory and start-up of cas-upload,
// measured side by side with peers and with a bare XMLHttpRequest in one run; the rows of
// issue 28 under Chromium's own network and CPU emulation (a 10 Mbit/s uplink; Fast 3G with 4×
// CPU slowdown); the bytes of a page with `<cas-connect>` and `<cas-portfolio>`; the render,
// "Show all", re-sort and heap of <cas-portfolio> against a plain DOM-built table; and the time
// of the password check on 9 MiB encrypted PDFs (qpdf, each revision). Prints a table and
// writes BENCHMARKS.md at the package root.
//
// The older ratios are measured in --rounds separate rounds (default 2; each on a new page), and
// each round's figure is printed, so the spread between runs shows beside the spread within one.
// The rows of issue 28 are medians of --n interleaved samples (default 10) with their range.
// Options: --rounds N (at least 2), --pairs N (loopback upload pairs per round, default 20, at
// least 5), --n N (samples of each emulated, byte and portfolio row; BENCHMARKS.md is written
// only with 10 or more), --loads N (loopback start-up loads of each page per round, default 15),
// --reps N (memory repetitions, default 3), --password-runs N (checks of each 9 MiB encrypted
// PDF and password, default 20), --only
// size,upload,uplink,tokens,memory,startup,phone,connect,bytes,portfolio,password (a part, alone,
// for example `--only uplink`, or `--only password` for the password check alone, about 30 s;
// BENCHMARKS.md is then not written, unless --update: its sections and table rows of the parts
// run are replaced, the rest kept), --portfolio-sizes 200,2000 (the folio sizes of the portfolio
// rows), --build (rebuild the package first), --no-write (print only), --json FILE (also write
// every figure there), --help.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync, copyFileSync, readdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, chromiumArgs } from '../scripts/chromium.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const rootDir = join(benchDir, '..');
const ALL = ['size', 'upload', 'uplink', 'tokens', 'memory', 'startup', 'phone', 'connect', 'bytes', 'portfolio', 'password'];

function parseArgs(argv) {
  const opts = { rounds: 2, pairs: 20, n: 10, loads: 15, reps: 3, passwordRuns: 20, only: ALL, portfolioSizes: [200, 2000, 20000], build: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rounds') opts.rounds = Math.max(2, Number(value()) | 0);
    else if (a === '--pairs') opts.pairs = Math.max(5, Number(value()) | 0);
    else if (a === '--n') opts.n = Math.max(1, Number(value()) | 0);
    else if (a === '--portfolio-sizes') opts.portfolioSizes = value().split(',').map(Number).filter((v) => v > 0);
    else if (a === '--loads') opts.loads = Math.max(1, Number(value()) | 0);
    else if (a === '--reps') opts.reps = Math.max(1, Number(value()) | 0);
    else if (a === '--password-runs') opts.passwordRuns = Math.max(1, Number(value()) | 0);
    else if (a === '--only') {
      opts.only = value().split(',');
      const unknown = opts.only.filter((x) => !ALL.includes(x));
      if (unknown.length) throw new Error(`--only: unknown part ${unknown.join(', ')} (the parts: ${ALL.join(', ')})`);
    }
    else if (a === '--build') opts.build = true;
    else if (a === '--no-write') opts.write = false;
    else if (a === '--update') opts.update = true;
    else if (a === '--json') opts.json = value();
    else if (a === '--help') {
      // The comment at the top of this file.
      const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
      console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    }
    else throw new Error(`unknown option ${a}`);
  }
  // Fewer samples or other sizes than the page states: printed, not written (--update aside).
  if (opts.only.length !== ALL.length || opts.n < 10 || opts.portfolioSizes.join() !== '200,2000,20000') opts.write = false;
  if (opts.write) opts.update = false;
  return opts;
}

function run(cmd, args, cwd) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
}


async function main() {
  const opts = parseArgs(process.argv.slice(2));

  // The peers and the tools of the benchmark live in bench/ only.
  if (!existsSync(join(benchDir, 'node_modules/playwright-core')) || !existsSync(join(benchDir, 'node_modules/esbuild'))) {
    run('npm', ['ci', '--prefix', benchDir, '--no-audit', '--no-fund'], rootDir);
  }
  const built = ['dist/cdn/cas-upload.js', 'dist/cdn/cas-upload.password.js', 'dist/cdn/cas-portfolio.js', 'dist/index.js'].every((f) =>
    existsSync(join(rootDir, f)),
  );
  if (opts.build || !built) {
    run('npm', ['run', 'build'], rootDir);
  }

  const os = await import('node:os');
  const { measureSizes, compressed } = await import('./lib/sizes.mjs');
  const { startServer } = await import('./lib/server.mjs');
  const pages = await import('./lib/pages.mjs');
  const m = await import('./lib/measure.mjs');
  const { render, updateSections } = await import('./lib/report.mjs');
  const { portfolioPage, measurePortfolio } = await import('./lib/portfolio.mjs');
  const { passwordPage, passwordFiles, measurePassword } = await import('./lib/password.mjs');
  const { measureUplink } = await import('./lib/uplink.mjs');
  const { measureFirstPaint, measureConnectClick } = await import('./lib/mobile.mjs');
  const { measurePageBytes, staticClosure, bytesPage, bytesPath } = await import('./lib/bytes.mjs');
  const pageEntries = ['cas-connect.js', 'cas-portfolio.js'];

  const started = new Date();
  const loadStart = os.loadavg();
  const outDir = mkdtempSync(join(tmpdir(), 'cas-upload-bench-'));
  // A snapshot of the built script, so that a rebuild during the run changes nothing.
  const shipped = join(outDir, 'cas-upload.js');
  copyFileSync(join(rootDir, 'dist/cdn/cas-upload.js'), shipped);
  // The files the script loads from its own folder when it needs them (the password check
  // when a file is chosen or an upload starts, the success summary when an upload starts,
  // Hindi), served beside it as a host would.
  const besides = {};
  for (const f of ['cas-upload.password.js', 'cas-upload.summary.js', 'cas-upload.hi.js']) {
    besides[`/${f}`] = join(outDir, f);
    copyFileSync(join(rootDir, 'dist/cdn', f), besides[`/${f}`]);
  }
  // All of dist/cdn as built, served under /cdn/ as a CDN would (the files that import chunks).
  const cdnDir = join(outDir, 'cdn');
  cpSync(join(rootDir, 'dist/cdn'), cdnDir, { recursive: true });
  // The other files of dist/cdn, named under the size table (not part of the script-tag load).
  const extras = readdirSync(join(rootDir, 'dist/cdn'))
    .filter((f) => f.endsWith('.js') && f !== 'cas-upload.js')
    .sort()
    .flatMap((f) => {
      try {
        return [{ file: f, ...compressed(readFileSync(join(rootDir, 'dist/cdn', f))) }];
      } catch {
        return [];
      }
    });
  const results = { opts };
  let server;
  let browser;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    rmSync(outDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => stop().finally(() => process.exit(130)));
  try {
    // Size. Also builds the floor bundle the start-up measurement loads.
    console.log('size: bundling the package and its peers with esbuild…');
    results.size = await measureSizes({ benchDir, rootDir, outDir, shippedPath: shipped });
    results.size.extras = extras;

    // What cas-connect.js loads after its first render (its flows, and what they import): a host
    // may name it in <link rel="modulepreload"> to have the flows there at the first click.
    const connectPreload = (await staticClosure(cdnDir, (await staticClosure(cdnDir, ['cas-connect.js'])).dynamic.filter((f) => /^chunks\/flows-/.test(f))))
      .files.filter((f) => f !== 'cas-connect.js')
      .map((f) => `/cdn/${f}`);

    const browserPhases = opts.only.filter((x) => x !== 'size');
    if (browserPhases.length) {
      const helpers = join(outDir, 'bench-helpers.js');
      writeFileSync(helpers, pages.HELPERS);
      let origin = '';
      server = await startServer({
        fixturePath: join(rootDir, 'test/mocks/smart-parse-response.json'),
        scripts: {
          '/cas-upload.js': shipped,
          '/floor.js': results.size.files['lit-floor'],
          '/bench-helpers.js': helpers,
          ...besides,
        },
        pages: {
          '/upload.html': () => pages.uploadPage(origin),
          '/tokens.html': () => pages.tokensPage(origin),
          '/start-cas.html': () => pages.startupPage('/cas-upload.js', 'cas-upload', 'token-url="/token"'),
          '/start-floor.html': () => pages.startupPage('/floor.js', 'min-element'),
          '/portfolio.html': portfolioPage,
          '/password.html': passwordPage,
          '/phone-upload.html': () => pages.startupPage('/cdn/cas-upload.js', 'cas-upload', 'token-url="/token"'),
          '/phone-connect.html': () => pages.startupPage('/cdn/cas-connect.js', 'cas-connect', 'token-url="/token"'),
          '/phone-connect-preload.html': () => pages.startupPage('/cdn/cas-connect.js', 'cas-connect', 'token-url="/token"', connectPreload),
          '/phone-floor.html': () => pages.startupPage('/floor.js', 'min-element'),
          '/connect.html': () => pages.connectPage('/cdn/cas-connect.js'),
          '/connect-preload.html': () => pages.connectPage('/cdn/cas-connect.js', connectPreload),
          ...Object.fromEntries([pageEntries, ...pageEntries.map((e) => [e])].map((list) => [bytesPath(list), () => bytesPage(list)])),
        },
        // The 9 MiB encrypted PDFs of the password check, made by qpdf for this run.
        files: opts.only.includes('password') ? passwordFiles(outDir) : {},
        dirs: { '/cdn/': cdnDir },
      });
      origin = server.origin;
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
      results.chromium = browser.version();

      // Seconds each part took, for the report (the whole run is slow; `--only` runs a part alone).
      const timed = async (part, f) => {
        const t0 = Date.now();
        try {
          return await f();
        } finally {
          (results.partSeconds ??= {})[part] = (Date.now() - t0) / 1000;
        }
      };
      const rounds = async (what, measure) => {
        const out = [];
        for (let i = 1; i <= opts.rounds; i++) {
          console.log(`${what}, round ${i} of ${opts.rounds}…`);
          out.push(await measure());
        }
        return { rounds: out };
      };
      if (opts.only.includes('upload')) {
        results.upload = await timed('upload', () =>
          rounds(`upload: ${opts.pairs} pairs of 9 MiB uploads on loopback, element and bare XHR alternating`, () =>
            m.measureUpload(browser, server, { pairs: opts.pairs, control: true }),
          ),
        );
      }
      if (opts.only.includes('uplink')) {
        console.log(`uplink: ${opts.n} samples of 1, 5 and 9 MiB uploads (element, bare XHR, hand-made <progress>) on an emulated 10 Mbit/s link…`);
        results.uplink = await timed('uplink', () => measureUplink(browser, server, { n: opts.n }));
      }
      if (opts.only.includes('tokens')) {
        console.log('tokens: 10 elements × 10 uploads, cold cache then after expiry…');
        results.tokens = await timed('tokens', () => m.measureTokens(browser, server, { expiresIn: 5 }));
      }
      if (opts.only.includes('memory')) {
        console.log(`memory: ${opts.reps} × 9 MiB upload each way, heap read through CDP…`);
        results.memory = await timed('memory', () => m.measureMemory(browser, server, { reps: opts.reps, throttle: 4.5e6 }));
      }
      if (opts.only.includes('startup')) {
        results.startup = await timed('startup', () =>
          rounds(`start-up: ${opts.loads} page loads each, alternating`, () => m.measureStartup(browser, server, { loads: opts.loads })),
        );
      }
      if (opts.only.includes('phone')) {
        console.log(`phone: first paint on Fast 3G with 4× CPU slowdown, ${opts.n} loads of each page, in turn…`);
        results.phone = await timed('phone', () =>
          measureFirstPaint(browser, server, {
            n: opts.n,
            kinds: { upload: '/phone-upload.html', connect: '/phone-connect.html', 'connect-preload': '/phone-connect-preload.html', floor: '/phone-floor.html' },
          }),
        );
        results.phone.preload = connectPreload;
      }
      if (opts.only.includes('connect')) {
        console.log(`connect: a way clicked → its flow drawn, on Fast 3G with 4× CPU slowdown, ${opts.n} of each…`);
        results.connect = await timed('connect', () => measureConnectClick(browser, server, { url: '/connect.html', preloadUrl: '/connect-preload.html', n: opts.n }));
      }
      if (opts.only.includes('bytes')) {
        console.log('bytes: the script files a page with cas-connect.js and cas-portfolio.js fetches before any flow…');
        results.bytes = await timed('bytes', () => measurePageBytes(browser, server.origin, cdnDir, pageEntries));
      }
      if (opts.only.includes('password')) {
        console.log(`password: ${opts.passwordRuns} checks of a 9 MiB PDF of each revision, right and wrong password…`);
        results.password = await timed('password', () => measurePassword(browser, server, { runs: opts.passwordRuns }));
        results.password.chunk = { file: 'cas-upload.password.js', ...compressed(readFileSync(join(rootDir, 'dist/cdn/cas-upload.password.js'))) };
      }
      if (opts.only.includes('portfolio')) {
        console.log(`portfolio: first render of 2,000 schemes, ${opts.n} new pages each way and shape, then "Show all", re-sort and heap at ${opts.portfolioSizes.join(', ')} schemes…`);
        results.portfolio = await timed('portfolio', () =>
          measurePortfolio(browser, server, { runs: opts.n, sorts: opts.n, sizes: opts.portfolioSizes }),
        );
      }
      const missing = [...new Set(server.state.notFound)];
      if (missing.length) throw new Error(`the pages asked for files the bench does not serve: ${missing.join(', ')}`);
    }
  } finally {
    await stop();
  }

  const cpus = os.cpus();
  results.machine = {
    cpu: cpus[0]?.model?.trim() ?? '?',
    cores: cpus.length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadStart,
    loadEnd: os.loadavg(),
  };
  results.date = started;
  results.durationS = (Date.now() - started.getTime()) / 1000;
  results.command = `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`;
  results.packageVersion = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')).version;

  if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 1));
  const { console: text, markdown } = render(results);
  console.log('\n' + text);
  if (opts.write) {
    writeFileSync(join(rootDir, 'BENCHMARKS.md'), markdown);
    console.log('\nwrote BENCHMARKS.md');
  } else if (opts.update) {
    const path = join(rootDir, 'BENCHMARKS.md');
    const m = results.machine;
    // The size is measured in every run.
    const phases = [...new Set(['size', ...opts.only])];
    const note =
      `Updated by \`${results.command}\` on ${results.date.toISOString()} (${phases.join(', ')}; ${results.durationS.toFixed(0)} s; ` +
      `${m.cpu}, Chromium ${results.chromium ?? '—'}; load average ${m.loadStart.map((v) => v.toFixed(2)).join(' / ')} at the start): ` +
      'the sections and summary rows of those phases; the rest is from the run above.';
    writeFileSync(path, updateSections(readFileSync(path, 'utf8'), markdown, note));
    console.log(`\nupdated BENCHMARKS.md (${phases.join(', ')})`);
  }
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
