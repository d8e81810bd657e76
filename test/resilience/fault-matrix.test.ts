/**
 * The fault matrix (matrix.ts) against real local HTTP servers: each row asserts the final
 * state, the events and their code, what the UI shows, the exact token and API requests the
 * servers counted, and that nothing leaked or went uncaught.
 */
import { expect, aTimeout } from '@open-wc/testing';
import '../../src/entries/index.js';
import { CasUploadElement, clearTokenCache } from '../../src/entries/index.js';
import { rows, type Row } from './matrix.js';
import { announcements, part } from '../helpers.js';
import {
  openSession,
  pdf,
  record,
  settle,
  secret,
  expectNoLeaks,
  expectNoPageErrors,
  type Session,
  type Stats,
} from './harness.js';

function makeElement(session: Session, row: Row): CasUploadElement {
  const el = document.createElement('cas-upload') as CasUploadElement;
  const attrs: Record<string, string> = {
    'token-url': row.refused ? session.refusedUrl : session.tokenUrl,
    'api-base': session.apiBase,
    retries: '2',
    'retry-delay': '0',
    timeout: '2000',
    ...row.attrs,
  };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}

/**
 * After the row: what the element kept of the password for its Retry button is not sent with
 * a later upload. Its servers replaced by healthy ones, the visitor presses Upload (or, after a
 * retryable failure, first chooses another file, which must drop the kept copy) with the
 * password field empty; no request may carry the row's password. (After a retryable failure,
 * Retry itself re-sends the kept password without showing it: issue 11, item 6.)
 */
async function sendsNoKeptPassword(el: CasUploadElement, password: string): Promise<boolean> {
  if (!el.isConnected || !['ready', 'error'].includes(el.state) || !part(el, 'file')) return false;
  const healthy = await openSession();
  try {
    el.setAttribute('token-url', healthy.tokenUrl);
    el.setAttribute('api-base', healthy.apiBase);
    if (part(el, 'retry')) {
      const input = part(el, 'file-input') as HTMLInputElement;
      const dt = new DataTransfer();
      dt.items.add(pdf('another.pdf'));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => el.state === 'ready', 'the other file chosen');
      await el.updateComplete;
    }
    expect(el.password, 'the password field is empty').to.equal('');
    // The upload the button starts, awaited whatever its outcome.
    let pressed: Promise<unknown> | undefined;
    const upload = el.upload.bind(el);
    el.upload = (...args) => (pressed = upload(...args)) as ReturnType<typeof upload>;
    (part(el, 'submit') as HTMLButtonElement | null)?.click();
    await settle(pressed ?? Promise.resolve());
    const sent = (await healthy.stats()).requests.map((r) => r.password);
    expect(sent, 'passwords sent after the row').to.not.include(password);
    return true;
  } finally {
    delete (el as Partial<CasUploadElement>).upload;
    await healthy.close();
  }
}

async function until(test: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(5);
  }
}

describe('fault matrix (real local servers)', () => {
  before(() => {
    expect(navigator.serviceWorker?.controller ?? null, 'no service worker between the page and the servers').to.equal(null);
  });
  beforeEach(() => clearTokenCache());
  afterEach(() => expectNoPageErrors());
  // Rows after which the kept password was looked for (the others end with no file to send).
  let keptChecked = 0;
  // Late failures too: anything still settling after the last row.
  after(async () => {
    expect(keptChecked, 'rows after which a later upload was pressed for').to.be.greaterThan(20);
    await aTimeout(200);
    expectNoPageErrors();
  });

  for (const row of rows) {
    it(`${row.group}: ${row.fault}`, async function () {
      this.timeout(15000);
      const session = await openSession({ token: row.token, api: row.api });
      const el = makeElement(session, row);
      await el.updateComplete;
      const events = record(el);
      const password = row.password ?? secret('pw-');
      // Typed into the element, as a page's own field would set it: upload() takes it and clears it.
      const typed = () => (el.password = password);
      const errors: unknown[] = [];
      const file = row.file
        ? new File([await (await fetch(`/test-pdfs/${row.file}.pdf`)).blob()], 'cas.pdf', { type: 'application/pdf' })
        : pdf('cas.pdf', row.size);
      const started = performance.now();
      let outcome: Awaited<ReturnType<typeof settle>>;
      let stats: Stats;
      let first: Awaited<ReturnType<typeof settle>> | undefined;
      try {
        switch (row.action ?? 'upload') {
          case 'upload':
            typed();
            outcome = await settle(el.upload(file));
            break;
          case 'prevent-start':
            el.addEventListener('cas-upload-start', (e) => e.preventDefault(), { once: true });
            typed();
            outcome = await settle(el.upload(file));
            break;
          case 'cancel-during-upload': {
            typed();
            // What the status region (aria-live) says while the bytes go out.
            const said = announcements(el);
            const p = settle(el.upload(file));
            await session.until((s) => s.apiRequests === 1);
            await aTimeout(50);
            expect(el.state, 'still sending the bytes').to.equal('uploading');
            // Bytes are reported sent: the label shows the percent, and no seconds beside it
            // even as they pass (they count while nothing is reported, and while the API reads).
            await until(() => events.some((x) => x.type === 'cas-upload-progress' && (x.detail as { loaded: number }).loaded > 0), 'bytes reported');
            const now = CasUploadElement.now;
            CasUploadElement.now = () => now() + 5000;
            try {
              el.requestUpdate();
              await el.updateComplete;
              expect(part(el, 'progress-label')!.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Uploading… \d+%$/);
            } finally {
              CasUploadElement.now = now;
            }
            // Progress is announced in steps of 25 %, not at every progress event.
            const progress = () => events.filter((x) => x.type === 'cas-upload-progress').map((x) => x.detail as { loaded: number; total: number });
            await until(() => progress().some((d) => d.loaded >= d.total * 0.3), 'a third sent', 8000);
            await el.updateComplete;
            expect(said.slice(0, 2), said.join(' | ')).to.deep.equal(['Uploading… 0%', 'Uploading… 25%']);
            for (const text of said) expect(text).to.match(/^Uploading… (0|25|50|75)%$/);
            expect(progress().length, 'more progress events than announcements').to.be.greaterThan(said.length);
            el.cancel();
            outcome = await p;
            break;
          }
          case 'cancel-during-retry-wait': {
            typed();
            const p = settle(el.upload(file));
            const seen = await session.until((s) => s.requests[0]?.status === 503);
            expect(seen.apiRequests, 'the first attempt was answered').to.equal(1);
            await aTimeout(50);
            el.cancel();
            outcome = await p;
            // Longer than the wait that was cancelled: a retry would have arrived by now.
            await aTimeout(400);
            break;
          }
          case 'cancel-during-parse':
          case 'remove-during-parse': {
            typed();
            const p = settle(el.upload(file));
            await until(() => el.state === 'parsing', 'the parse phase');
            await session.until((s) => s.requests[0]?.complete === true);
            if (row.action === 'remove-during-parse') el.remove();
            else el.cancel();
            outcome = await p;
            break;
          }
          case 'back-to-back': {
            typed();
            const p1 = settle(el.upload(pdf('first.pdf')));
            typed();
            const p2 = settle(el.upload(pdf('second.pdf')));
            first = await p1;
            outcome = await p2;
            break;
          }
          case 'second-while-first-in-flight': {
            typed();
            const p1 = settle(el.upload(pdf('first.pdf')));
            await session.until((s) => s.requests[0]?.complete === true);
            typed();
            const p2 = settle(el.upload(pdf('second.pdf')));
            first = await p1;
            outcome = await p2;
            break;
          }
        }
        const elapsed = performance.now() - started;
        if (outcome!.error) errors.push(outcome!.error);
        if (first?.error) errors.push(first.error);

        // Requests the client aborted reach the server as a closed connection, a moment later
        // (on a loaded machine, a mid-upload abort can take more than 2 s to be seen).
        stats = await session.until(
          (s) => s.apiAborted >= (row.expect.apiAborted ?? 0) && s.tokenAborted >= (row.expect.tokenAborted ?? 0),
          'the aborted requests',
          6000,
        );
        // Nothing late may change the outcome (a stale answer, a retry, an event).
        await aTimeout(100);
        stats = await session.stats();

        const e = row.expect;
        // The outcome of upload().
        if (e.code === null) {
          expect(outcome!.error, 'upload() resolves').to.equal(undefined);
          expect(outcome!.value).to.be.an('object');
        } else {
          expect(outcome!.error?.code, 'upload() rejects with the code').to.equal(e.code);
        }
        // The final state, reflected on the host.
        expect(el.state, 'state').to.equal(e.state);
        expect(el.getAttribute('state'), 'state attribute').to.equal(e.state);
        // The terminal events, in order, and nothing else after the start.
        const terminal = events.filter((x) => /-(success|error|cancel)$/.test(x.type)).map((x) => x.type);
        expect(terminal, 'terminal events').to.deep.equal(e.events);
        const error = events.find((x) => x.type === 'cas-upload-error')?.detail as
          | { code: string; status: number | null; apiMessage: string | null; requestId: string | null; message: string; retryable: boolean }
          | undefined;
        if (e.events.includes('cas-upload-error')) {
          expect(error!.code, 'event code').to.equal(e.code);
          if ('status' in e) expect(error!.status, 'event status').to.equal(e.status);
          if ('apiMessage' in e) expect(error!.apiMessage, 'event apiMessage').to.equal(e.apiMessage);
          expect(error!.message, 'a sentence for people').to.be.a('string').and.not.equal('');
          // What the user sees: the message, and a Retry button exactly when it may help.
          await el.updateComplete;
          expect(part(el, 'error')?.textContent?.trim(), 'error shown').to.equal(error!.message);
          expect(Boolean(part(el, 'retry')), 'Retry button').to.equal(error!.retryable);
          expect(/Retry/.test(row.sees), 'docs/failures.md says Retry exactly when it is offered').to.equal(error!.retryable);
          expect(/the `([a-z-]+)` message/.exec(row.sees)?.[1], 'docs/failures.md names the message shown').to.equal(error!.code);
          // The request ID of the answer that decided, when an answer decided.
          if (e.apiRequests > 0 && error!.status !== null && error!.code !== 'token-error' && !e.byTokenEndpoint) {
            expect(error!.requestId, 'requestId').to.match(new RegExp(`^req_${session.id}x\\d+$`));
          }
        }
        if (e.events.includes('cas-upload-success')) {
          const success = events.find((x) => x.type === 'cas-upload-success')!.detail as {
            requestId: string;
            result: unknown;
            file: { name: string };
          };
          const last = stats.requests.at(-1)!;
          expect(success.requestId, 'requestId of the answer used').to.equal(`req_${session.id}x${last.n}`);
          expect(success.result).to.deep.equal(outcome!.value);
          await el.updateComplete;
          expect(part(el, 'summary'), 'summary shown').to.not.equal(null);
        }
        if (e.code === 'aborted') {
          expect(events.some((x) => x.type === 'cas-upload-error'), 'no error event for aborted').to.equal(false);
        }
        if (e.state === 'ready' && el.isConnected) {
          await el.updateComplete;
          expect(part(el, 'submit'), 'the form is back').to.not.equal(null);
        }
        if (e.minMs) expect(elapsed, 'waited as told').to.be.greaterThan(e.minMs);

        // Exactly the requests the row promises, as the servers counted them.
        expect(stats.tokenRequests, 'token requests').to.equal(e.tokenRequests);
        expect(stats.apiRequests, 'API requests').to.equal(e.apiRequests);
        expect(stats.apiAborted, 'API requests aborted by the client').to.equal(e.apiAborted ?? 0);
        expect(stats.tokenAborted, 'token requests abandoned by the client').to.equal(e.tokenAborted ?? 0);
        // Every request that reached the API carried an issued token and the password.
        for (const r of stats.requests.filter((x) => x.complete)) {
          expect(r.keyIsIssued, 'x-api-key is an issued token').to.equal(true);
          expect(r.password, 'password sent').to.equal(password);
        }
        if (row.action === 'cancel-during-upload') {
          expect(stats.requests[0].complete, 'aborted before all bytes were sent').to.equal(false);
        }
        if (row.action === 'second-while-first-in-flight' || row.action === 'back-to-back') {
          expect(first!.error?.code, 'the first upload rejects').to.equal('aborted');
          // A cancel event names the first file once it had started; one that never started has none.
          const cancels = events.filter((x) => x.type === 'cas-upload-cancel').map((x) => (x.detail as { file: { name: string } }).file.name);
          expect(cancels, 'cancel events').to.deep.equal(row.action === 'back-to-back' ? [] : ['first.pdf']);
          const success = events.find((x) => x.type === 'cas-upload-success')!.detail as { file: { name: string } };
          expect(success.file.name, 'the second upload wins').to.equal('second.pdf');
          expect(stats.requests.at(-1)!.fileName).to.equal('second.pdf');
          // The stale run fired nothing: one start event, for the second file.
          const starts = events.filter((x) => x.type === 'cas-upload-start').map((x) => (x.detail as { file: File }).file.name);
          expect(starts, 'start events').to.deep.equal(row.action === 'back-to-back' ? ['second.pdf'] : ['first.pdf', 'second.pdf']);
        }

        // Leaks: the password and every token the servers issued (or the secret key).
        const secrets = [password, ...stats.tokens];
        for (const step of row.token ?? []) {
          const t = (step.body as { access_token?: unknown } | undefined)?.access_token;
          if (typeof t === 'string') secrets.push(t);
        }
        expect(el.password, 'password cleared').to.equal('');
        expectNoLeaks(secrets, { events, errors, el });
        if (await sendsNoKeptPassword(el, password)) keptChecked++;
      } finally {
        el.remove();
        await session.close();
      }
    });
  }
});
