// The demo page. Two modes, chosen by <meta name="cas-upload-demo">:
// - "mock" (`npm start`): the CAS Parser API and the token endpoint are mocked in the page by
//   msw (the same handlers as the tests, test/mocks/handlers.ts), with a scenario switcher;
// - "live" (`npm run demo:live`): no mocks; the token comes from the demo server
//   (scripts/demo-live.mjs, built with `cas-upload/server`) and the upload goes to the real API
//   (or to the origin in the meta's `data-api-base`).
import { snippets } from './snippets.js';
import type { CasUploadElement } from '../src/entries/element.js';
import type { CasConnectElement } from '../src/entries/connect.js';
import type { Scenario } from '../test/mocks/handlers.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const meta = document.querySelector<HTMLMetaElement>('meta[name="cas-upload-demo"]');
const live = meta?.content === 'live';
const el = document.querySelector('cas-connect') as CasConnectElement;
const log = $<HTMLOListElement>('log');
const net = $<HTMLOListElement>('net');
const result = $<HTMLPreElement>('result');
const time = () => new Date().toLocaleTimeString([], { hour12: false });

/** Adds a line to one of the logs (newest first); returns it. */
function line(list: HTMLOListElement, text: string, kind = ''): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = `${time()} ${text}`;
  if (kind) li.className = kind;
  list.prepend(li);
  return li;
}

// ---- controls (wired first, so that they work while the mocks start) -------------------------

$<HTMLSelectElement>('lang').addEventListener('change', (e) => {
  $('host').lang = $('parsed').lang = (e.target as HTMLSelectElement).value;
});
$<HTMLSelectElement>('theme').addEventListener('change', (e) => {
  document.documentElement.dataset.theme = (e.target as HTMLSelectElement).value;
});
$('clear').addEventListener('click', () => {
  log.replaceChildren();
  net.replaceChildren();
});

/** What each scenario of the mocked API does, in one sentence. */
const ABOUT: Record<Scenario, string> = {
  success: 'The API parses the statement and answers 200 with the sample result.',
  'wrong-password': 'The API answers 400 "Invalid PDF file or password.", as it does for a wrong password.',
  'unreadable-pdf': 'The API answers 400 "Unable to detect CAS type", as for a scanned, corrupt or non-CAS PDF.',
  'token-expired':
    'The API answers 403 to the first access token, as for an expired one; the element fetches a fresh token from the token endpoint, retries once, and succeeds.',
  'quota-exhausted': 'The API answers 402: the account has no credits left.',
  'rate-limited': 'The API answers 429 with Retry-After: 1 once; the element waits, retries, and succeeds.',
  'server-error': 'The API answers 500: the parser failed (not retried, a 500 is its verdict).',
  slow: 'A slow uplink (64 KB/s, simulated in the page: a service worker gives no upload progress), then 4 s of parsing. Use the sample PDF (384 KB) or any PDF to watch the progress bar.',
};

/** The API origin the element posts to (shown in the network log). */
let apiOrigin = 'https://api.casparser.in';

if (live) {
  const base = meta!.dataset.apiBase;
  if (base) {
    el.apiBase = base;
    apiOrigin = new URL(base).origin;
  }
  const key =
    meta!.dataset.key === 'sandbox'
      ? 'the public sandbox key (sample data, no credits used)'
      : 'your CASPARSER_API_KEY';
  $('mode').textContent =
    `Live mode: nothing is mocked. The element gets a short-lived token from this server's /api/casparser/token ` +
    `(minted with ${key}, which never leaves the server) and uploads to ${base ?? apiOrigin}.`;
  $('mode').classList.add('live');
  // Nothing to pick: the scenario lists, their texts and the mocks' explanation go.
  for (const id of ['scenario-field', 'scenario-about', 'how', 'ways']) $(id).hidden = true;
  // The mailbox needs the provider's consent for this site's return page: not offered live.
  el.methods = 'upload cdsl mailback';
  document.title = 'cas-upload demo (live)';
  watchNetworkLive();
} else {
  await startMocks();
}
// Register the elements only once the mocks (if any) are listening.
await import('../src/entries/connect.js');
await import('../src/entries/portfolio.js');
const { version } = await import('../src/entries/element.js');

/** Starts msw in the page, fills the scenario picker and logs what the mocks answer. */
async function startMocks() {
  const [{ setupWorker }, mocks, cdslMocks, connectMocks, forwardMocks, { installSlowUplink }] = await Promise.all([
    import('msw/browser'),
    import('../test/mocks/handlers.js'),
    import('../test/mocks/cdsl.js'),
    import('../test/mocks/connect.js'),
    import('../test/mocks/forward.js'),
    import('./slow-network.js'),
  ]);
  const state = mocks.createMockState({ slowMs: 4000 });
  // The CDSL fetch as the API does it: about 20 s for the OTP request (unless "at once").
  const cdsl = cdslMocks.createCdslState({ fetchMs: 20000, stepMs: 1500 });
  apiOrigin = mocks.API_BASE;
  // The mailback and the mailbox: the consent page is demo/mock-consent.html (Allow or Deny).
  const flows = connectMocks.createConnectState({ consentUrl: '/mock-consent.html', stepMs: 1500 });
  // Forwarding: the CAMS statement "arrives" about 8 s after the address is shown.
  const forward = forwardMocks.createForwardState({ arriveAfterMs: 8000, stepMs: 800 });
  const worker = setupWorker(
    ...forwardMocks.createForwardHandlers(forward),
    ...connectMocks.createConnectHandlers(flows),
    ...cdslMocks.createCdslHandlers(cdsl),
    ...mocks.createHandlers(state),
  );
  let tokens = 0;
  worker.events.on('response:mocked', async ({ request, response }) => {
    const url = new URL(request.url);
    const where = url.origin === location.origin ? url.pathname : `${url.origin}${url.pathname}`;
    if (request.method === 'OPTIONS') return;
    // The line takes its place in the log now, in the order of the answers; an error's
    // message is added once its body is read.
    const text = `${request.method} ${where} → ${response.status}`;
    const li = line(net, text, response.ok ? 'ok' : 'bad');
    if (url.pathname === mocks.TOKEN_URL && response.ok) li.textContent += ` (access token #${++tokens})`;
    else if (!response.ok) {
      const body = (await response.clone().json().catch(() => null)) as { msg?: string } | null;
      if (body?.msg) li.textContent += ` "${body.msg}"`;
    }
  });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });

  installSlowUplink({
    enabled: () => state.scenario === 'slow',
    match: (url) => url.startsWith(`${mocks.API_BASE}/v4/`),
    bytesPerSecond: 64 * 1024,
  });

  const scenario = $<HTMLSelectElement>('scenario');
  for (const s of mocks.SCENARIOS) scenario.add(new Option(s, s));
  const about = $('scenario-about');
  const choose = (s: Scenario) => {
    mocks.setScenario(state, s);
    about.textContent = `Upload: ${ABOUT[s]}`;
  };
  choose('success');
  scenario.addEventListener('change', () => choose(scenario.value as Scenario));

  const cdslScenario = $<HTMLSelectElement>('cdsl-scenario');
  for (const s of cdslMocks.CDSL_SCENARIOS) cdslScenario.add(new Option(s, s));
  const cdslAbout = $('cdsl-about');
  const CDSL_ABOUT: Record<string, string> = {
    success: 'Any PAN, a 16-digit BO ID and a past date of birth; the OTP is 123456; the statement opens with the PAN.',
    'wrong-details': 'Step 1 answers 400 "Invalid PAN or BO ID".',
    'captcha-failed': 'Step 1 answers 400 "CAPTCHA failed"; Retry asks again.',
    'wrong-otp-then-right': 'The first OTP is refused ("Invalid OTP"), the session stays; type 123456 again.',
    'session-expired': 'Step 2 answers 404 "Session not found or expired": back to the details, as typed.',
    'no-statements': 'Step 2 finds no statement.',
    'pan-not-password': `The PAN does not open the statement: type ${cdslMocks.MOCK_STATEMENT_PASSWORD}.`,
  };
  const chooseCdsl = (s: string) => {
    Object.assign(cdsl, { scenario: s, otpRefused: false });
    cdslAbout.textContent = `CDSL fetch: ${CDSL_ABOUT[s]}`;
  };
  chooseCdsl('success');
  cdslScenario.addEventListener('change', () => chooseCdsl(cdslScenario.value));
  $<HTMLInputElement>('cdsl-fast').addEventListener('change', (e) => {
    cdsl.fetchMs = (e.target as HTMLInputElement).checked ? 0 : 20000;
  });

  const MAILBACK_ABOUT: Record<string, string> = {
    success: 'KFintech accepts the request; the statement would arrive by e-mail in 2-5 minutes.',
    refused: 'The API answers 400 "Invalid email or PAN".',
    'rate-limited': 'The API answers 429: the request is not sent again by itself.',
    'server-error': 'The API answers 500.',
  };
  const INBOX_ABOUT: Record<string, string> = {
    success: 'A mock consent page opens in a popup: Allow lists two statements, whose password is ABCDE1234F.',
    'one-statement': 'One statement is found and chosen at once; its password is ABCDE1234F.',
    refused: 'The consent page answers Deny (error=access_denied).',
    'no-statements': 'The mailbox holds no statement.',
    'wrong-password-then-right': 'The first password is refused; ABCDE1234F then opens it.',
    'connect-fails': 'POST /v4/inbox/connect answers 400.',
    revoked: 'POST /v4/inbox/cas answers 401 requires_reconnect (the access was revoked): inbox-error, no new token, connect again.',
  };
  for (const [id, all, about, set] of [
    ['mailback', connectMocks.MAILBACK_SCENARIOS, MAILBACK_ABOUT, (s: string) => (flows.mailback = s as never)],
    ['inbox', connectMocks.INBOX_SCENARIOS, INBOX_ABOUT, (s: string) => Object.assign(flows, { inbox: s, passwordRefused: false })],
  ] as const) {
    const picker = $<HTMLSelectElement>(`${id}-scenario`);
    for (const s of all) picker.add(new Option(s, s));
    const pick = (s: string) => {
      set(s);
      $(`${id}-about`).textContent = `${id === 'inbox' ? 'Mailbox' : 'Mailback'}: ${about[s]}`;
    };
    pick('success');
    picker.addEventListener('change', () => pick(picker.value));
  }

  const FORWARD_ABOUT: Record<string, string> = {
    success: `Start makes an address (201); the CAMS statement arrives about 8 s later. Its password is the PAN, ${forwardMocks.MOCK_FORWARD_PAN}: tried at once when the page knows it (the box above), else typed.`,
    'pan-not-password': `The statement does not open with the PAN: type ${forwardMocks.MOCK_FORWARD_PASSWORD}.`,
    'not-a-cas': 'The forwarded file is not a CAS (400 "Unable to detect CAS type"): the address and the list stay.',
    expired: 'About 8 s after it is shown, the address answers 404 (gone or expired): fetch-failed, Start again.',
    'no-file': 'Nothing arrives; the element waits 1 minute here (wait-minutes="1"; 30 by default), then says so and deletes the address.',
    refused: 'POST /v4/inbound-email answers 400: config-error with the API\'s reason.',
  };
  const forwardPicker = $<HTMLSelectElement>('forward-scenario');
  for (const s of forwardMocks.FORWARD_SCENARIOS) forwardPicker.add(new Option(s, s));
  const pickForward = (s: string) => {
    forward.scenario = s as never;
    // The no-file case ends after a minute here, not after the 30 a host would wait.
    el.waitMinutes = s === 'no-file' ? 1 : 30;
    $('forward-about').textContent = `Forwarding: ${FORWARD_ABOUT[s]}`;
  };
  pickForward('success');
  forwardPicker.addEventListener('change', () => pickForward(forwardPicker.value));
  $<HTMLInputElement>('forward-pan').addEventListener('change', (e) => {
    el.prefill = (e.target as HTMLInputElement).checked ? { pan: forwardMocks.MOCK_FORWARD_PAN } : {};
  });
}

/** Live mode: the token and API requests the page makes, from the Resource Timing API. */
function watchNetworkLive() {
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries() as PerformanceResourceTiming[]) {
      const url = new URL(entry.name);
      const isToken = url.origin === location.origin && url.pathname === '/api/casparser/token';
      if (!isToken && url.origin !== apiOrigin) continue;
      const status = 'responseStatus' in entry && entry.responseStatus ? ` → ${entry.responseStatus}` : '';
      line(net, `${isToken ? url.pathname : url.href}${status} (${Math.round(entry.duration)} ms)`);
    }
  }).observe({ type: 'resource', buffered: true });
}

/** A small valid PDF, padded to 384 KB so that upload progress can be seen on a slow link. */
function samplePdf(): File {
  const filler = 'q 0 0 1 rg 0 0 10 10 re f Q\n'.repeat(Math.ceil((384 * 1024) / 28));
  const parts = [
    '%PDF-1.4\n',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n',
    `3 0 obj << /Length ${filler.length} >> stream\n`,
    filler,
    'endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ];
  return new File(parts, 'sample-cas.pdf', { type: 'application/pdf' });
}
$('sample').addEventListener('click', async () => {
  // The upload flow of <cas-connect>; the sample password is the PAN of the sample investor
  // (the mocks accept any password).
  await el.open('upload');
  (el.flow as CasUploadElement).upload(samplePdf(), 'ABCDE1234F').catch(() => {});
});

// ---- the event log and the parsed result ----------------------------------------------------

const events = [
  'cas-upload-select',
  'cas-upload-start',
  'cas-upload-progress',
  'cas-upload-success',
  'cas-upload-error',
  'cas-upload-cancel',
  'cas-upload-mailback-sent',
  'cas-upload-mailback-upload',
  'cas-upload-forward-ready',
] as const;
/** The last progress line, updated in place while the same phase goes on. */
let lastProgress: { li: HTMLLIElement; phase: string } | null = null;
for (const type of events) {
  // Every flow's events bubble out of <cas-connect> to the box around it: one listener serves all.
  $('host').addEventListener(type, (e) => {
    const { detail } = e as CustomEvent;
    const shown =
      type === 'cas-upload-success'
        ? { ...detail, result: '{…}' }
        : type === 'cas-upload-select' || type === 'cas-upload-start'
          ? { ...detail, file: { name: detail.file.name, size: detail.file.size } }
          : detail;
    const text = `${type} ${JSON.stringify(shown)}`;
    const previous = lastProgress;
    if (type === 'cas-upload-progress' && previous && previous.phase === detail.phase && log.firstChild === previous.li) {
      previous.li.textContent = `${time()} ${text}`;
    } else {
      const kind = type === 'cas-upload-success' ? 'ok' : type === 'cas-upload-error' ? 'bad' : '';
      const li = line(log, text, kind);
      lastProgress = type === 'cas-upload-progress' ? { li, phase: detail.phase } : null;
    }
    if (type === 'cas-upload-start') result.textContent = 'Waiting for the API…';
    if (type === 'cas-upload-success') result.textContent = JSON.stringify(detail.result, null, 2);
    if (type === 'cas-upload-error') result.textContent = `No result: ${detail.code}.`;
  });
}

// ---- snippets ---------------------------------------------------------------------------------

/** Copies text to the clipboard; falls back to selecting it and `execCommand('copy')`. */
async function copy(text: string, pre: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(pre);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return document.execCommand('copy');
  }
}

const box = $('snippets');
const tabs = document.createElement('div');
tabs.setAttribute('role', 'tablist');
tabs.setAttribute('aria-label', 'Snippet');
tabs.className = 'tabs';
box.append(tabs);
const list = snippets(version);
const buttons: HTMLButtonElement[] = [];
const panels: HTMLElement[] = [];
const select = (i: number, focus = false) => {
  buttons.forEach((b, j) => {
    b.setAttribute('aria-selected', String(i === j));
    b.tabIndex = i === j ? 0 : -1;
    panels[j].hidden = i !== j;
  });
  if (focus) buttons[i].focus();
};
list.forEach((snippet, i) => {
  const tab = document.createElement('button');
  tab.type = 'button';
  tab.id = `tab-${snippet.id}`;
  tab.setAttribute('role', 'tab');
  tab.setAttribute('aria-controls', `panel-${snippet.id}`);
  tab.textContent = snippet.label;
  tab.addEventListener('click', () => select(i));
  tab.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step) select((i + step + list.length) % list.length, true);
  });
  tabs.append(tab);
  buttons.push(tab);

  const panel = document.createElement('div');
  panel.id = `panel-${snippet.id}`;
  panel.className = 'snippet';
  panel.setAttribute('role', 'tabpanel');
  panel.setAttribute('aria-labelledby', tab.id);
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  const code = document.createElement('code');
  code.textContent = snippet.code;
  pre.append(code);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', `Copy the ${snippet.label} snippet`);
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  status.className = 'muted';
  button.addEventListener('click', async () => {
    const ok = await copy(snippet.code, pre);
    status.textContent = ok ? 'Copied.' : 'Press Ctrl+C (or ⌘C) to copy the selected code.';
    setTimeout(() => (status.textContent = ''), 2500);
  });
  panel.append(button, status, pre);
  box.append(panel);
  panels.push(panel);
});
select(0);

// Everything is wired: the end-to-end tests wait for this.
document.documentElement.dataset.demoReady = live ? 'live' : 'mock';
