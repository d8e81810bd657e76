/// <reference types="node" />
// End to end: the demo as a newcomer meets it. Starts what `npm start` starts (Vite serving
// demo/, the API and the token endpoint mocked in the page by msw) on a free port, opens the page
// in headless Chromium, and runs three scenarios through the UI: pick the scenario, choose a PDF
// in the element's file input, type the password, press Upload, and check what is on screen.
// Each leaves a screenshot in screenshots/e2e-<scenario>.png.
// Run: node --import tsx --test test/e2e/demo.test.ts
import { test, before, after } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium, freePort, root, startNode, type Child } from './support.js';

const FIXTURE = JSON.parse(await readFile(join(root, 'test/mocks/smart-parse-response.json'), 'utf8')) as {
  investor: { name: string; pan: string };
};
const PASSWORD = 'ABCDE1234F';
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

let vite: Child;
let browser: Browser;
let url: string;

before(async () => {
  const port = await freePort();
  // Pre-bundle the demo's dependencies first, as a second `npm start` finds them: on a cold
  // cache (CI, or node_modules/.vite deleted) Vite would bundle them while the first page
  // loads, and reload the page if it found one late.
  const viteBin = join(root, 'node_modules/vite/bin/vite.js');
  const optimized = spawnSync(process.execPath, [viteBin, 'optimize'], { cwd: root, encoding: 'utf8' });
  assert.equal(optimized.status, 0, `vite optimize failed:\n${optimized.stdout}${optimized.stderr}`);
  vite = startNode([viteBin, '--port', String(port), '--strictPort', '--host', '127.0.0.1']);
  await vite.waitFor(/ready in/);
  url = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
  await mkdir(join(root, 'screenshots'), { recursive: true });
});

after(async () => {
  await browser?.close();
  await vite?.stop();
});

/** The element's state attribute (reflected). */
const state = (page: Page) => page.locator('cas-upload').getAttribute('state');
/** A part of the element (Playwright's CSS locators pierce the open shadow root). */
const part = (page: Page, name: string) => page.locator(`cas-upload [part~="${name}"]`);
/** The lines of a log on the page, oldest first (the page lists the newest first). */
async function lines(page: Page, id: 'log' | 'net'): Promise<string[]> {
  return (await page.locator(`#${id} li`).allTextContents()).reverse();
}

/**
 * Opens the demo in a fresh browser context, as a first visit, with `scenario` picked, and runs
 * `body` on it. A reload of the page (Vite reloads it when its dependency cache changes) would
 * lose what the test did so far: the test fails at once, saying so.
 */
async function inDemo(scenario: string, body: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let loads = 0;
  const reloaded = new Promise<never>((_, reject) =>
    page.on('load', () => ++loads > 1 && reject(new Error(`the page reloaded (load #${loads}): Vite's dependency cache or a demo file changed`))),
  );
  const run = async () => {
    await page.goto(url);
    // The page marks itself ready once msw's service worker listens and the element is
    // defined.
    await page.locator('html[data-demo-ready="mock"]').waitFor({ state: 'attached' });
    await page.selectOption('#scenario', scenario);
    // The page shows <cas-connect>: the upload is one of its ways; it is idle once upgraded.
    await page.locator('cas-connect [part="method-upload"]').click();
    await page.locator('cas-upload[state="idle"]').waitFor({ state: 'attached' });
    assert.equal(await state(page), 'idle');
    await body(page, errors);
  };
  const running = run();
  // Whichever loses the race is left: the body fails as its page closes; a late reload is moot.
  running.catch(() => {});
  reloaded.catch(() => {});
  try {
    await Promise.race([running, reloaded]);
  } finally {
    await context.close();
  }
}

/** Chooses the PDF in the element's file input, types the password, presses Upload. */
async function uploadThroughUi(page: Page) {
  await part(page, 'file-input').setInputFiles({ name: 'CAS_Jun2026.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.waitForFunction(() => document.querySelector('cas-connect')?.shadowRoot?.querySelector('cas-upload')?.getAttribute('state') === 'ready');
  await part(page, 'password-input').fill(PASSWORD);
  await part(page, 'submit').click();
}

/** Waits for the element to settle in `expected` (or fails with the state it settled in). */
async function settled(page: Page, expected: 'success' | 'error') {
  await page.waitForFunction(
    () => ['success', 'error'].includes(document.querySelector('cas-connect')?.shadowRoot?.querySelector('cas-upload')?.getAttribute('state') ?? ''),
    undefined,
    { timeout: 30_000 },
  );
  assert.equal(await state(page), expected);
}

const screenshot = (page: Page, scenario: string) =>
  page.screenshot({ path: join(root, `screenshots/e2e-${scenario}.png`), fullPage: true, animations: 'disabled' });

test('success: the parsed statement is summarised, logged and shown as JSON', { timeout: 90_000 }, async () => {
  await inDemo('success', async (page, errors) => {
    await uploadThroughUi(page);
    await settled(page, 'success');

    const summary = part(page, 'summary');
    // The summary's code arrives on its own (loaded when the upload starts): wait for it.
    await summary.waitFor({ state: 'visible', timeout: 5000 });
    assert.ok(await summary.isVisible(), 'the summary is on screen');
    assert.match(await summary.innerText(), new RegExp(FIXTURE.investor.name));
    assert.equal(await part(page, 'error').count(), 0, 'no error is shown');

    const total = page.locator('cas-portfolio [part=total]');
    assert.match(await total.innerText(), /₹17,08,126\.56/, '<cas-portfolio for> shows the parsed statement');
    await page.locator('#raw summary').click();
    const result = await page.locator('#result').innerText();
    assert.deepEqual(JSON.parse(result), FIXTURE, 'the raw JSON, behind its toggle, is the API body unchanged');

    const log = await lines(page, 'log');
    const types = log.map((l) => l.split(' ')[1]);
    assert.deepEqual(
      types.filter((t) => t !== 'cas-upload-progress'),
      ['cas-upload-select', 'cas-upload-start', 'cas-upload-success'],
      log.join('\n'),
    );
    assert.ok(types.includes('cas-upload-progress'), 'progress is logged');
    assert.ok(!log.join('\n').includes(PASSWORD), 'the password is in no event');

    const net = await lines(page, 'net');
    assert.equal(net.length, 2, net.join('\n'));
    assert.match(net[0], /GET \/api\/casparser\/token → 200 \(access token #1\)/);
    assert.match(net[1], /POST https:\/\/api\.casparser\.in\/v4\/smart\/parse → 200/);
    assert.deepEqual(errors, []);
    await screenshot(page, 'success');
  });
});

test('wrong password: the error says so, the password field is empty again, no result', { timeout: 90_000 }, async () => {
  await inDemo('wrong-password', async (page, errors) => {
    await uploadThroughUi(page);
    await settled(page, 'error');

    const error = part(page, 'error');
    assert.ok(await error.isVisible(), 'the error is on screen');
    assert.match(await error.innerText(), /password/i);
    assert.equal(await part(page, 'summary').count(), 0, 'no summary');
    assert.equal(await part(page, 'password-input').inputValue(), '', 'the password was cleared');
    assert.equal(await page.locator('#result').textContent(), 'No result: invalid-password.');

    const log = await lines(page, 'log');
    const last = log.at(-1)!;
    assert.match(last, /^\S+ cas-upload-error /);
    const detail = JSON.parse(last.slice(last.indexOf('{')));
    assert.equal(detail.code, 'invalid-password');
    assert.equal(detail.status, 400);
    assert.equal(detail.apiMessage, 'Invalid PDF file or password.');
    assert.match(detail.requestId, /^req_/);

    const net = await lines(page, 'net');
    assert.match(net.at(-1)!, /POST \S+\/v4\/smart\/parse → 400 "Invalid PDF file or password\."/);
    assert.deepEqual(errors, []);
    await screenshot(page, 'wrong-password');
  });
});

test('token expired: a 403, one fresh token, one retry, then the statement', { timeout: 90_000 }, async () => {
  await inDemo('token-expired', async (page, errors) => {
    await uploadThroughUi(page);
    await settled(page, 'success');

    // The summary's code arrives on its own (loaded when the upload starts): wait for it.
    await part(page, 'summary').waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await part(page, 'summary').innerText(), new RegExp(FIXTURE.investor.name));
    assert.equal(await part(page, 'error').count(), 0, 'no error is shown');
    assert.deepEqual(JSON.parse((await page.locator('#result').textContent())!), FIXTURE);

    const net = await lines(page, 'net');
    assert.equal(net.length, 4, net.join('\n'));
    assert.match(net[0], /GET \/api\/casparser\/token → 200 \(access token #1\)/);
    assert.match(net[1], /POST \S+\/v4\/smart\/parse → 403 "Authentication failed/);
    assert.match(net[2], /GET \/api\/casparser\/token → 200 \(access token #2\)/);
    assert.match(net[3], /POST \S+\/v4\/smart\/parse → 200/);

    const log = await lines(page, 'log');
    assert.ok(!log.some((l) => l.includes('cas-upload-error')), 'no error event: the refresh is invisible to the host');
    assert.match(log.at(-1)!, / cas-upload-success /);
    assert.deepEqual(errors, []);
    await screenshot(page, 'token-expired');
  });
});

test('slow network: the progress bar moves while the bytes go out, then parsing, then the statement', { timeout: 90_000 }, async () => {
  await inDemo('slow', async (page, errors) => {
    // 160 KB at the simulated 64 KB/s: about 2.5 s of upload, then 4 s of parsing.
    const big = Buffer.concat([PDF, Buffer.alloc(160 * 1024, 0x20)]);
    await part(page, 'file-input').setInputFiles({ name: 'CAS_big.pdf', mimeType: 'application/pdf', buffer: big });
    await part(page, 'password-input').fill(PASSWORD);
    await part(page, 'submit').click();

    const progress = part(page, 'progress');
    /** The bar's value in percent (a <progress>, or a role="progressbar" with aria-valuenow). */
    const value = () =>
      progress.evaluate((p) =>
        p instanceof HTMLProgressElement ? (p.value / p.max) * 100 : Number(p.getAttribute('aria-valuenow')),
      );
    /** Polls the bar until `ok(value)`. */
    const until = async (ok: (v: number) => boolean, what: string) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const v = (await progress.count()) ? await value() : NaN;
        if (ok(v)) return v;
        if (Date.now() > deadline) throw new Error(`The progress bar never ${what} (last value ${v}).`);
        await page.waitForTimeout(50);
      }
    };
    const early = await until((v) => v > 5 && v < 60, 'showed a partial upload');
    assert.equal(await state(page), 'uploading');
    await page.screenshot({ path: join(root, 'screenshots/e2e-slow.png'), fullPage: true, animations: 'disabled' });
    await until((v) => v > early, 'moved on');
    assert.equal(await state(page), 'uploading', 'still uploading while the bar moves');
    await page.waitForFunction(() => document.querySelector('cas-connect')?.shadowRoot?.querySelector('cas-upload')?.getAttribute('state') === 'parsing');
    await settled(page, 'success');

    const uploads = (await lines(page, 'log')).filter((l) => l.includes('cas-upload-progress'));
    const phases = uploads.map((l) => JSON.parse(l.slice(l.indexOf('{'))).phase);
    assert.deepEqual(phases, ['upload', 'parse'], 'the log keeps one line per phase, updated in place');
    assert.deepEqual(errors, []);
  });
});

test('CDSL: details, the OTP, the PAN refused, the statement password, then the statement', { timeout: 90_000 }, async () => {
  await inDemo('success', async (page, errors) => {
    await page.selectOption('#cdsl-scenario', 'pan-not-password');
    await page.check('#cdsl-fast');
    await page.locator('cas-connect [part="back"]').click();
    await page.locator('cas-connect [part="method-cdsl"]').click();
    const cdsl = (name: string) => page.locator(`cas-cdsl-fetch [part~="${name}"]`);
    const cdslState = (s: string) =>
      page.waitForFunction((s) => document.querySelector('cas-connect')?.shadowRoot?.querySelector('cas-cdsl-fetch')?.getAttribute('state') === s, s, { timeout: 30_000 });
    await cdsl('pan-input').fill(PASSWORD);
    await cdsl('bo-id-input').fill('1208160000000001');
    await cdsl('dob-input').fill('1990-01-15');
    await cdsl('submit').click();
    await cdslState('otp');
    await cdsl('otp-input').fill('123456');
    await cdsl('submit').click();
    await cdslState('error');
    await cdsl('password-input').fill('CDSL2025');
    await cdsl('submit').click();
    await cdslState('success');
    assert.match(await cdsl('summary').innerText(), new RegExp(FIXTURE.investor.name));
    assert.deepEqual(JSON.parse((await page.locator('#result').textContent()) ?? ''), FIXTURE);
    const log = (await lines(page, 'log')).join('\n');
    assert.match(log, /cas-upload-error \{"code":"invalid-password"/);
    assert.match(log, /cas-upload-success .*"source":"cdsl"/);
    for (const secret of [PASSWORD, '123456', 'CDSL2025', '1990-01-15']) assert.ok(!log.includes(secret), secret);
    const net = (await lines(page, 'net')).join('\n');
    assert.match(net, /POST https:\/\/api\.casparser\.in\/v4\/cdsl\/fetch → 200/);
    assert.match(net, /POST https:\/\/api\.casparser\.in\/v4\/cdsl\/fetch\/[\w-]+\/verify → 200/);
    assert.deepEqual(errors, []);
    await screenshot(page, 'cdsl');
  });
});

test('Mailbox: the consent popup, Allow, the list, the password, the statement; then the mailback', { timeout: 90_000 }, async () => {
  await inDemo('success', async (page, errors) => {
    await page.locator('cas-connect [part="back"]').click();
    await page.locator('cas-connect [part="method-inbox"]').click();
    const inbox = (name: string) => page.locator(`cas-inbox [part~="${name}"]`);
    const popup = page.waitForEvent('popup');
    await inbox('provider-gmail').click();
    const consent = await popup;
    await consent.locator('#allow').click();
    await inbox('file').first().click();
    await inbox('password-input').fill('ABCDE1234F');
    await inbox('submit').click();
    await inbox('summary').waitFor({ timeout: 30_000 });
    assert.deepEqual(JSON.parse((await page.locator('#result').textContent()) ?? ''), FIXTURE);
    const net = (await lines(page, 'net')).join('\n');
    assert.match(net, /POST https:\/\/api\.casparser\.in\/v4\/inbox\/connect → 200/);
    assert.match(net, /POST https:\/\/api\.casparser\.in\/v4\/inbox\/cas → 200/);
    await page.waitForFunction(() => document.getElementById('net')!.textContent!.includes('/v4/inbox/disconnect → 200'));
    assert.ok(!(await lines(page, 'log')).join('\n').includes('itk_'), 'no inbox token in the events');

    await page.locator('cas-connect [part="back"]').click();
    await page.locator('cas-connect [part="method-mailback"]').click();
    const mail = (name: string) => page.locator(`cas-mailback [part~="${name}"]`);
    await mail('email-input').fill('investor@example.com');
    await mail('password-input').fill('Remember2025');
    await mail('confirm-input').fill('Remember2025');
    await mail('submit').click();
    await mail('summary').waitFor({ timeout: 30_000 });
    const log = (await lines(page, 'log')).join('\n');
    assert.match(log, /cas-upload-mailback-sent \{"fromDate":"1990-01-01"/);
    assert.ok(!log.includes('Remember2025') && !log.includes('investor@example.com'));
    await mail('upload').click();
    await page.locator('cas-upload').waitFor();
    assert.deepEqual(errors, []);
  });
});

test('Forwarding: the address shown, the statement "arriving" about 8 s later, opened with the PAN; the address deleted; the 404 case', { timeout: 90_000 }, async () => {
  await inDemo('success', async (page, errors) => {
    await page.locator('#forward-pan').check();
    await page.locator('cas-connect [part="back"]').click();
    await page.locator('cas-connect [part="method-forward"]').click();
    const forward = (name: string) => page.locator(`cas-forward [part~="${name}"]`);
    await forward('start').click();
    await forward('address').waitFor();
    assert.match((await forward('address').textContent()) ?? '', /^cas-[\w-]+@in\.casparser\.in$/);
    const shown = Date.now();
    await forward('summary').waitFor({ timeout: 30_000 });
    assert.ok(Date.now() - shown >= 7000, 'the statement arrives about 8 s after the address is shown');
    assert.deepEqual(JSON.parse((await page.locator('#result').textContent()) ?? ''), FIXTURE);
    await page.waitForFunction(() => /DELETE https:\/\/api\.casparser\.in\/v4\/inbound-email\/ie_\d+ → 200/.test(document.getElementById('net')!.textContent!));
    const net = (await lines(page, 'net')).join('\n');
    assert.match(net, /POST https:\/\/api\.casparser\.in\/v4\/inbound-email → 201/);
    assert.match(net, /GET https:\/\/api\.casparser\.in\/v4\/inbound-email\/ie_\d+\/files → 200/);
    const log = (await lines(page, 'log')).join('\n');
    assert.match(log, /cas-upload-forward-ready \{"address":"cas-/);
    assert.match(log, /cas-upload-success .*"source":"forward"/);
    assert.ok(!log.includes('ABCDE1234F'), 'no PAN in the events');

    await page.selectOption('#forward-scenario', 'expired');
    await forward('another').click();
    await forward('start').click();
    await forward('error').waitFor({ timeout: 30_000 });
    assert.match((await forward('error').textContent()) ?? '', /expired or was removed/);
    assert.ok(await forward('retry').isVisible());
    assert.deepEqual(errors, []);
  });
});
// ---- the first screen: the element on it at once, on a phone and on a desktop ------------------

/** Where the page's parts are on load, in CSS pixels of the viewport (nothing scrolled). */
interface FirstScreen {
  scrollY: number;
  innerWidth: number;
  innerHeight: number;
  scrollWidth: number;
  /** <cas-connect>'s top and its first way's button (upload: the main button). */
  elementTop: number;
  buttonBottom: number;
  /** The scenario list of the mocked API, and "Use a sample PDF". */
  pickerBottom: number;
  sampleBottom: number;
}

/** Opens the demo at `width` × `height`, as a first visit, and measures it before any scrolling. */
async function firstScreen(
  width: number,
  height: number,
  colorScheme: 'light' | 'dark',
  body?: (page: Page, at: FirstScreen) => Promise<void>,
) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.locator('html[data-demo-ready="mock"]').waitFor({ state: 'attached' });
    await page.locator('cas-connect [part="method-upload"]').waitFor();
    await page.evaluate(() => document.fonts.ready);
    // No helper functions inside: tsx would wrap them in a `__name` call the page does not have.
    const at = await page.evaluate((): FirstScreen => {
      const connect = document.querySelector('cas-connect')!;
      const button = connect.shadowRoot!.querySelector('[part="method-upload"]')!;
      return {
        scrollY,
        innerWidth,
        innerHeight,
        scrollWidth: document.documentElement.scrollWidth,
        elementTop: connect.getBoundingClientRect().top,
        buttonBottom: button.getBoundingClientRect().bottom,
        pickerBottom: document.getElementById('scenario')!.getBoundingClientRect().bottom,
        sampleBottom: document.getElementById('sample')!.getBoundingClientRect().bottom,
      };
    });
    await page.screenshot({
      path: join(root, `screenshots/e2e-first-screen-${width}-${colorScheme}.png`),
      animations: 'disabled',
    });
    await body?.(page, at);
    assert.deepEqual(errors, []);
    return at;
  } finally {
    await context.close();
  }
}

for (const [width, height, colorScheme] of [
  [360, 740, 'light'],
  [360, 740, 'dark'],
  [320, 640, 'light'],
  [320, 640, 'dark'],
  [1280, 900, 'light'],
] as const) {
  test(
    `${width} × ${height} (${colorScheme}): the element and its main button on the first screen, no sideways scroll`,
    { timeout: 60_000 },
    async () => {
      const at = await firstScreen(width, height, colorScheme);
      const where = JSON.stringify(at);
      assert.equal(at.scrollY, 0, where);
      assert.ok(
        at.elementTop >= 0 && at.elementTop < at.innerHeight,
        `the element's top is on the first screen: ${where}`,
      );
      assert.ok(at.buttonBottom <= at.innerHeight, `its main button (Upload the PDF) is on the first screen: ${where}`);
      assert.ok(
        at.pickerBottom <= at.elementTop && at.sampleBottom <= at.innerHeight,
        `the scenario list and the sample are above it: ${where}`,
      );
      assert.ok(at.scrollWidth <= at.innerWidth, `the page does not scroll sideways: ${where}`);
    },
  );
}

test(
  '360 × 740: the scenario list still sets what the mocked API answers (wrong password, quota, then success)',
  { timeout: 90_000 },
  async () => {
    await firstScreen(360, 740, 'light', async (page) => {
      const flowState = () =>
        page.evaluate(() =>
          document.querySelector('cas-connect')?.shadowRoot?.querySelector('cas-upload')?.getAttribute('state'),
        );
      const ends = async (scenario: string, expected: 'success' | 'error') => {
        await page.selectOption('#scenario', scenario);
        // The run's own end: a new cas-upload-error or -success line in the log (the state may
        // still be the last run's `error` just after the click).
        const logged = (await lines(page, 'log')).length;
        await page.locator('#sample').click();
        await page.waitForFunction(
          ({ s, n }) =>
            document.querySelector('cas-connect')?.shadowRoot?.querySelector('cas-upload')?.getAttribute('state') === s &&
            [...document.querySelectorAll('#log li')].slice(0, -n || undefined).some((li) => / cas-upload-(error|success) /.test(li.textContent ?? '')),
          { s: expected, n: logged },
          { timeout: 30_000 },
        );
        assert.equal(await flowState(), expected);
        return (await lines(page, 'log')).at(-1)!;
      };
      const codeOf = (line: string) => JSON.parse(line.slice(line.indexOf('{'))).code;

      const wrong = await ends('wrong-password', 'error');
      assert.match(wrong, / cas-upload-error /);
      assert.equal(codeOf(wrong), 'invalid-password');
      assert.match(await part(page, 'error').innerText(), /password/i);
      assert.match(
        (await lines(page, 'net')).at(-1)!,
        /POST \S+\/v4\/smart\/parse → 400 "Invalid PDF file or password\."/,
      );

      const quota = await ends('quota-exhausted', 'error');
      assert.equal(codeOf(quota), 'quota-exceeded');
      assert.match((await lines(page, 'net')).at(-1)!, /POST \S+\/v4\/smart\/parse → 402/);

      const ok = await ends('success', 'success');
      assert.match(ok, / cas-upload-success /);
      await page.screenshot({
        path: join(root, 'screenshots/e2e-first-screen-360-success.png'),
        fullPage: true,
        animations: 'disabled',
      });
    });
  },
);
