import { html, nothing, type PropertyDeclarations } from 'lit';
import { styles } from './styles.js';
import { en, type CasForwardStrings } from './en.js';
import { catalog, fill } from '../shared/catalog.js';
import { FlowElement } from '../shared/flow-element.js';
import type { ErrorValues } from '../shared/cas-element.js';
import { fileItem, day } from '../shared/file-list.js';
import { CasUploadError } from '../core/errors.js';
import {
  createForwardAddress,
  listForwardedFiles,
  deleteForwardAddress,
  forwardSources,
  FORWARD_SENDERS,
  type ForwardedFile,
} from '../core/forward.js';
import { parseCasUrl } from '../core/cdsl.js';
import { apiUrl, checkSource, type ApiOptions } from '../core/request.js';
import { systemClock, type Clock } from '../core/clock.js';
import { onAbort } from '../core/signals.js';
import { positive } from '../core/numbers.js';
import type { ParseResult } from '../core/types.js';
import type { CasPrefill } from '../shared/events.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasForwardState = 'idle' | 'creating' | 'waiting' | 'parsing' | 'success' | 'error';

/** The texts of `<cas-forward>`; Hindi is a file of its own, loaded when first used. */
const strings = catalog<CasForwardStrings>(en, { hi: () => import('./hi.js').then((m) => m.hi) }, 'cas-forward');

/** How often the address is asked for new files while the page is visible, in ms. */
export const FORWARD_POLL_MS = 5000;
/** Each issuer's name, as its statements say it. */
const NAMES = { cdsl: 'CDSL', nsdl: 'NSDL', cams: 'CAMS', kfintech: 'KFintech' };
/** Statements whose password is usually the PAN. */
const PAN_OPENS = ['cams', 'kfintech'];

/**
 * `<cas-forward>`: the investor forwards the statement e-mail they already have (from CDSL,
 * NSDL, CAMS or KFintech) to a one-time address, and the statement is parsed as soon as it
 * arrives: no PDF to find, no mailbox to connect (so it also works inside an app's WebView).
 * The address is made when the investor presses Start and deleted when the flow ends, is
 * cancelled, the element is removed or the page goes; a host that makes the address on its
 * server gives `inbound-email-id` and `address` instead, and the element neither makes nor
 * deletes one.
 *
 * @summary Gives a one-time address to forward the statement e-mail to, and parses what arrives.
 * @tagname cas-forward
 *
 * @fires {CustomEvent<CasForwardReadyDetail>} cas-upload-forward-ready - The address is shown: `{ address, expiresAt }` (the address is no secret).
 * @fires {CustomEvent<CasUploadSuccessDetail>} cas-upload-success - The parsed statement, with `source: 'forward'` and `files` (every statement received).
 * @fires {CustomEvent<CasUploadErrorDetail>} cas-upload-error - A coded error; never for `aborted`.
 * @fires {CustomEvent<CasForwardCancelDetail>} cas-upload-cancel - The flow was cancelled (the address deleted).
 *
 * @slot heading - Replaces the heading text.
 *
 * @csspart base - The `<form>` that holds everything else.
 * @csspart heading - The heading (the `heading` slot's default).
 * @csspart start - Makes the forwarding address (also after an error that ended the flow, with part `retry`).
 * @csspart address - The forwarding address, as text.
 * @csspart copy - Copies the address (where the browser refuses, selects it).
 * @csspart senders - Whose e-mails to forward (only those `sources` allows).
 * @csspart file-list - The statements received, newest first, one button each.
 * @csspart file - One statement of the list (a button: name, sender and date).
 * @csspart password-input - The chosen statement's password, when it is not the PAN.
 * @csspart show-password - The "Show password" checkbox beside the password (24 × 24 px).
 * @csspart submit - Parses the chosen statement.
 * @csspart cancel - Cancels the flow (the address is deleted).
 * @csspart wait - What is happening during a long step.
 * @csspart progress - The busy indicator.
 * @csspart status - The `aria-live` status region (visually hidden).
 * @csspart error - The error message.
 * @csspart retry - Tries again after an error.
 * @csspart summary - The success summary.
 * @csspart another - Start again, after success.
 *
 * @cssprop [--cas-upload-accent=#0b63ce] - Buttons, focus ring (dark: #8ab4f8); every `--cas-upload-*` property of `<cas-upload>` applies.
 */
export class CasForwardElement extends FlowElement<CasForwardState, CasForwardStrings> {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    sources: {},
    reference: { attribute: false },
    inboundEmailId: { attribute: 'inbound-email-id' },
    address: {},
    waitMinutes: { attribute: 'wait-minutes', type: Number },
    prefill: { attribute: false },
  };

  /** @internal The clock of the polling and of its waits (`Retry-After`, backoff); replaceable in tests. */
  static clock: Clock = systemClock;

  /**
   * Registers the element as `tag` (default `cas-forward`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static override define(tag = 'cas-forward', registry?: CustomElementRegistry): void {
    super.define(tag, registry);
  }

  protected override catalog = strings;

  /** Whose statement e-mails the address accepts (`allowed_sources`), from `cdsl nsdl cams kfintech`; the instructions name only their senders. */
  sources = 'cdsl nsdl cams kfintech';
  /** The host's own name for the address (`reference`, at most 256 characters), such as its user's id. Property only. */
  reference?: string;
  /** The id of an address the host made on its server (`createInboundEmail` of `cas-upload/server`): the element then neither makes nor deletes one. Give `address` with it. */
  inboundEmailId?: string;
  /** With `inbound-email-id`: that address, shown to the investor. */
  address?: string;
  /** How long to wait for a statement, in minutes, before `error` (`no-statements`). */
  waitMinutes = 30;
  /** What the host knows of the investor: `pan` is tried first as a CAMS or KFintech statement's password. Property only. */
  prefill: CasPrefill = {};

  /** The address waited on: its id, the address, and whether this element made it (then it deletes it). */
  #at?: { id: string; address: string; made: boolean };
  /** When the waiting ends (the clock's ms). */
  #deadline = 0;
  /** The polling in progress: aborted when the flow ends. */
  #poller?: AbortController;
  /** Ends the pause between two polls (the page was shown again). */
  #wake?: () => void;
  /** Every statement received, newest first. */
  #files: ForwardedFile[] = [];
  /** The statement chosen (asked for its password, read, or failed). */
  #file?: ForwardedFile;
  #password = '';
  /** The password of the last parse, for Retry. */
  #tried = '';
  #result?: ParseResult;
  /** The copy button's visible note. */
  #note = '';
  #onHide = () => this.#pageHide();
  #onVisible = () => document.hidden || this.#wake?.();

  /** Stops what is in flight and deletes the address the element made; fires `cas-upload-cancel`. */
  cancel(): void {
    const from = this.state;
    if (!this.run && !this.#at) return;
    this.#end();
    this.error = undefined;
    this.status = this.t.cancelled;
    this.go('idle');
    this.emit('cas-upload-cancel', { step: from });
  }

  /** Back to `idle`, deleting the address the element made and clearing the list, result and error. */
  reset(): void {
    this.#end();
    this.#result = this.error = undefined;
    this.status = '';
    this.go('idle');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page (not only moved): the polling stopped, the address deleted.
    queueMicrotask(() => this.isConnected || this.#quietEnd());
  }

  /** @internal Every call of the flow, on the element's clock. */
  protected override api(signal?: AbortSignal): ApiOptions {
    return { ...super.api(signal), clock: (this.constructor as typeof CasForwardElement).clock };
  }

  get #clock(): Clock {
    return (this.constructor as typeof CasForwardElement).clock;
  }

  /** Ends the flow: nothing in flight, no polling, the address deleted (if the element made it), nothing kept. */
  #end(): void {
    this.stop();
    this.#poller?.abort();
    this.#poller = this.#wake = undefined;
    document.removeEventListener('visibilitychange', this.#onVisible);
    removeEventListener('pagehide', this.#onHide);
    const at = this.#at;
    this.#at = undefined;
    // `keepalive`: the request outlives the page when the page is going.
    if (at?.made) deleteForwardAddress(at.id, { ...this.api(), keepalive: true }).catch(() => {});
    this.#files = [];
    this.#file = undefined;
    this.#password = this.#tried = this.#note = '';
    this.shown = false;
  }

  /** The flow ends without a word (the element removed, the page gone): back to `idle`. */
  #quietEnd(): void {
    if (!this.run && !this.#at) return;
    this.#end();
    this.error = undefined;
    this.status = '';
    this.go('idle');
  }

  /** The page goes (or enters the back/forward cache): the address is deleted with `keepalive`. */
  #pageHide(): void {
    this.#quietEnd();
  }

  /** The `start` button: makes an address (or takes the host's), shows it, and waits for files. */
  async #start(): Promise<void> {
    if (this.run || this.disabled) return;
    this.ui = true;
    this.#end();
    this.#result = undefined;
    const id = this.inboundEmailId?.trim();
    if (id) {
      try {
        // The host's address: only settings that cannot work are said (no request is sent).
        if (!this.address?.includes('@')) throw new CasUploadError('config-error');
        checkSource(this.api().token);
        apiUrl(this.apiBase ?? undefined, '');
      } catch (err) {
        return void this.fail(err as CasUploadError);
      }
      return this.#ready({ id, address: this.address, made: false }, null);
    }
    const run = this.begin('creating', this.t.creating);
    try {
      const made = await createForwardAddress({
        ...this.api(run.signal),
        sources: forwardSources(this.sources),
        reference: this.reference,
      });
      if (!this.ended(run)) {
        // Cancelled or replaced while the answer was on its way: nobody waits on this address.
        deleteForwardAddress(made.id, { ...this.api(), keepalive: true }).catch(() => {});
        return;
      }
      this.#ready({ id: made.id, address: made.address, made: true }, made.expiresAt);
    } catch (err) {
      if (!this.ended(run)) return;
      const error = err as CasUploadError;
      // A refused address (400): the API's reason, as text.
      const reason = error.code === 'config-error' && error.apiMessage;
      this.#failed(err, reason ? 'refused' : undefined, { reason: reason || '' });
    }
  }

  /** The address is known: shown, announced (`cas-upload-forward-ready`), and waited on. */
  #ready(at: { id: string; address: string; made: boolean }, expires: string | null): void {
    this.#at = at;
    const wait = this.#minutes * 60000;
    const deadline = Math.min(this.#clock.now() + wait, expires ? Date.parse(expires) : Infinity);
    this.#deadline = deadline;
    if (at.made) addEventListener('pagehide', this.#onHide);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.error = undefined;
    this.status = `${this.t.copyStep} ${at.address}`;
    this.go('waiting');
    this.emit('cas-upload-forward-ready', { address: at.address, expiresAt: new Date(deadline).toISOString() });
    this.#poll(at.id);
  }

  /**
   * Asks for new files every {@link FORWARD_POLL_MS} while the page is visible (paused while it
   * is hidden, at once when it is shown again), until the flow ends or the deadline passes.
   */
  async #poll(id: string): Promise<void> {
    const poller = (this.#poller = new AbortController());
    const { signal } = poller;
    let cursor: string | null = null;
    try {
      for (;;) {
        if (document.hidden) await this.#pause(signal);
        if (this.#clock.now() >= this.#deadline) return this.#timedOut();
        const answer = await listForwardedFiles(id, cursor, this.api(signal));
        if (signal.aborted) return;
        cursor = answer.cursor;
        this.#arrived(answer.files);
        await this.#pause(signal, FORWARD_POLL_MS);
      }
    } catch (err) {
      if (this.#poller !== poller || signal.aborted) return;
      // A 404: the address is gone or expired (nothing to delete).
      const gone = (err as CasUploadError).status === 404;
      if (gone && this.#at) this.#at.made = false;
      this.#failed(err, gone ? 'gone' : undefined);
    }
  }

  /** Resolves after `ms` (when given), or at once when the page is shown again; rejects when `signal` aborts. */
  #pause(signal: AbortSignal, ms?: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(new CasUploadError('aborted'));
      const timer = new AbortController();
      const done = (ok: boolean) => {
        timer.abort();
        off();
        if (this.#wake === wake) this.#wake = undefined;
        if (ok) resolve();
        else reject(new CasUploadError('aborted'));
      };
      const off = onAbort(signal, () => done(false));
      const wake = () => done(true);
      this.#wake = wake;
      if (ms !== undefined) this.#clock.sleep(ms, timer.signal).then(wake, () => {});
    });
  }

  /** The deadline passed: with nothing received, `no-statements` (the flow ends); else the polling stops. */
  #timedOut(): void {
    this.#poller = undefined;
    if (this.#files.length) return;
    this.#failed(new CasUploadError('no-statements'), 'timedOut', () => ({ minutes: this.#duration }));
  }

  /** `wait-minutes`, or 30 when it is missing or not a number above zero. */
  get #minutes(): number {
    return positive(this.waitMinutes, 30);
  }

  /** `wait-minutes` as words of the UI language ("30 minutes", "1 minute", "30 मिनट"). */
  get #duration(): string {
    return this.fmt(this.#minutes, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  }

  /** New files: listed newest first; the first statement of the flow is opened at once. */
  #arrived(files: ForwardedFile[]): void {
    const seen = new Set(this.#files.map((f) => f.url));
    const fresh = files.filter((f) => !seen.has(f.url)).reverse();
    if (!fresh.length) return;
    const when = (f: ForwardedFile) => Date.parse(f.receivedAt) || 0;
    this.#files = [...fresh, ...this.#files].sort((a, b) => when(b) - when(a));
    const newest = this.#files[0];
    this.status = fill(this.t.arrived, { name: newest.filename });
    if (this.state === 'waiting' && !this.#file) this.#open(newest);
    else this.requestUpdate();
  }

  /** Opens a statement: with the PAN at once where it is the usual password, else asks for the password. */
  #open(file: ForwardedFile): void {
    this.#file = file;
    this.#password = this.#tried = '';
    this.error = undefined;
    const pan = this.#pan;
    if (pan && PAN_OPENS.includes(file.casType)) return void this.#parse(file, pan);
    this.status = `${fill(this.t.arrived, { name: file.filename })} ${this.t.password}`;
    // Focus in the element (on the copy button, which the new view draws again) goes to the password.
    const focused = this.matches(':focus-within');
    if (this.state === 'waiting') this.requestUpdate();
    else this.go('waiting');
    this.updateComplete.then(() => focused && this.renderRoot.querySelector<HTMLElement>('#pw')?.focus());
  }

  /** The PAN the host gave, in capitals, when it is one. */
  get #pan(): string {
    const pan = String(this.prefill?.pan ?? '').trim().toUpperCase();
    return /^[A-Z]{5}\d{4}[A-Z]$/.test(pan) ? pan : '';
  }

  /** Parses `file` with `password`; success ends the flow, a failure keeps it (the list, the address, another try). */
  async #parse(file: ForwardedFile, password: string): Promise<void> {
    const run = this.begin('parsing', this.t.parsing);
    const started = systemClock.now();
    const byPan = password !== '' && password === this.#pan;
    this.#file = file;
    this.#tried = password;
    try {
      const parsed = await parseCasUrl(file.url, password, this.api(run.signal));
      if (!this.ended(run)) return;
      const files = this.#files;
      this.#end();
      this.#result = parsed.result;
      this.#file = file;
      this.succeeded(this.t.done, 'forward', parsed, file, files, started);
    } catch (err) {
      this.#password = '';
      if (!this.ended(run)) return;
      const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
      if (error.code === 'aborted') return;
      // The PAN was not the password: ask for it, in words that say so.
      this.fail(error, {}, byPan && error.code === 'invalid-password' ? 'panNotPassword' : undefined);
    }
  }

  /** An error that ends the flow (the address deleted, if the element made it), with Start again. */
  #failed(err: unknown, key?: keyof CasForwardStrings, values?: ErrorValues): void {
    const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
    if (error.code === 'aborted') return;
    this.#end();
    this.fail(error, values, key);
  }

  #submit(e: Event): void {
    e.preventDefault();
    if (this.run || this.disabled) return;
    this.ui = true;
    const file = this.#file;
    if (!this.#at || !file) return;
    // After a wrong password (or none yet), the one typed; after another failure, the one tried.
    const code = this.error?.code;
    this.#parse(file, !code || code === 'invalid-password' ? this.#password : this.#tried);
  }

  /** Copies the address with the Clipboard API; where that is refused, selects it to be copied by hand. */
  async #copy(): Promise<void> {
    const address = this.#at?.address;
    if (!address) return;
    try {
      await navigator.clipboard.writeText(address);
      this.#note = this.t.copied;
    } catch {
      const node = this.renderRoot.querySelector('[part=address]');
      const selection = getSelection();
      if (node && selection) {
        const range = document.createRange();
        range.selectNodeContents(node);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.#note = this.t.copyRefused;
    }
    this.status = this.#note;
    this.requestUpdate();
  }

  /** Focus after a step: Cancel while waiting on the API, then the copy button, the password, the error, or the summary. */
  protected override focusFor(state: CasForwardState): string {
    const code = this.error?.code;
    return {
      idle: '[part~=start]',
      creating: '[part~=cancel]',
      waiting: this.#file ? '#pw' : '[part~=copy]',
      parsing: '[part~=cancel]',
      success: '[part~=summary]',
      error: code === 'invalid-password' ? '#pw' : '[part~=error]',
    }[state];
  }

  /** The address, the copy button, and whose e-mail to forward. */
  #addressView() {
    const t = this.t;
    const at = this.#at!;
    const sources = forwardSources(this.sources);
    return html`<div class="f">
        <span>${t.copyStep}</span>
        <p part="address">${at.address}</p>
        <div class="a">
          ${this.button('copy', t.copy, () => ((this.ui = true), this.#copy()))}<span class="m" aria-hidden="true"
            >${this.#note}</span
          >
        </div>
      </div>
      <div class="f">
        <span id="fs">${t.forwardStep}</span>
        <ul part="senders" class="s" aria-labelledby="fs">
          ${sources.map((s) => html`<li><b>${NAMES[s]}</b>: <span>${FORWARD_SENDERS[s]}</span></li>`)}
        </ul>
        <p class="m">${fill(t.arrives, { minutes: this.#duration })}</p>
      </div>`;
  }

  // Templates lose their line breaks when built (scripts/template-whitespace.mjs).
  protected override render() {
    const t = this.t;
    const state = this.state;
    const error = this.error;
    const button = this.button.bind(this);
    const cancel = button('cancel', t.cancel, () => ((this.ui = true), this.cancel()));
    const start = (label: string, retry = false) =>
      html`<button part=${retry ? 'start retry' : 'start'} type="button" @click=${() => this.#start()}>${label}</button>`;
    let body;
    switch (state) {
      case 'creating':
      case 'parsing':
        body = this.waitView(t[state], undefined, t.cancel);
        break;
      case 'success':
        body = this.resultView(t, this.#file?.filename, this.#result);
        break;
      // `idle`, `waiting` and `error`: the start, or the address and what arrived.
      default: {
        const file = this.#file;
        if (!this.#at) {
          body = html`<p class="m">${t.intro}</p>
            ${error ? this.errorView() : nothing}
            <div class="a">${error ? start(t.again, true) : start(t.start)}</div>`;
          break;
        }
        const list = this.#files.length
          ? html`<p id="fl">${t.received}</p>
              <ul part="file-list" aria-labelledby="fl">
                ${this.#files.map((f) =>
                  fileItem(f.filename, [f.sender, day(f.date || f.receivedAt, this.locale)], () => {
                    if (this.run) return;
                    this.ui = true;
                    this.#open(f);
                  }),
                )}
              </ul>`
          : nothing;
        const main = error?.retryable ? button('retry', t.retry) : button('submit', t.parse);
        body = file
          ? html`<p>${fill(t.chosen, { name: file.filename })}</p>
              ${error ? this.errorView() : nothing}${!error || error.code === 'invalid-password'
                ? html`${this.field('pw', 'password-input', t.password, this.#password, (v) => (this.#password = v), {
                    type: 'password',
                    hint: t.passwordHint,
                    invalid: error?.code === 'invalid-password',
                  })}${this.showToggle(t.show)}`
                : nothing}
              <div class="a">${main}${cancel}</div>
              ${list}${this.#addressView()}`
          : html`${this.#addressView()}
              <div part="wait" class="f">
                <span id="wl">${t.waiting}</span
                ><progress part="progress" class="parsing" aria-labelledby="wl"></progress>
              </div>
              ${list}
              <div class="a">${cancel}</div>`;
      }
    }
    return this.frame(body, (e) => this.#submit(e));
  }
}
