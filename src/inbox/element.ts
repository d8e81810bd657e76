import { html, nothing, type PropertyDeclarations } from 'lit';
import { styles } from './styles.js';
import { en, type CasInboxStrings } from './en.js';
import { catalog, fill } from '../shared/catalog.js';
import { FlowElement } from '../shared/flow-element.js';
import { fileItem, day } from '../shared/file-list.js';
import { CasUploadError } from '../core/errors.js';
import { connectInbox, listInboxStatements, disconnectInbox, inboxState, type InboxFile } from '../core/inbox.js';
import { parseCasUrl } from '../core/cdsl.js';
import { apiUrl, checkSource } from '../core/request.js';
import { systemClock } from '../core/clock.js';
import type { ParseResult } from '../core/types.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasInboxState = 'idle' | 'connecting' | 'listing' | 'choose' | 'parsing' | 'success' | 'error';

/** The texts of `<cas-inbox>`; Hindi is a file of its own, loaded when first used. */
const strings = catalog<CasInboxStrings>(en, { hi: () => import('./hi.js').then((m) => m.hi) }, 'cas-inbox');

/** How often a closed consent window is looked for, in ms. */
const POLL = 250;
/** Elements made so far: each opens its popup under a window name of its own. */
let made = 0;

/**
 * `<cas-inbox>`: finds the investor's statements in their mailbox (Gmail, through the
 * provider's consent page in a popup), lists them, and parses the one chosen with its
 * password. The mailbox access is revoked however the flow ends, unless `keep-connected`.
 * The host serves a return page (`redirect-url`, on its own origin) that loads
 * `cas-upload/inbox-callback`.
 *
 * @summary Finds statements in the investor's mailbox and parses the one chosen.
 * @tagname cas-inbox
 *
 * @fires {CustomEvent<CasUploadSuccessDetail>} cas-upload-success - The parsed statement, with `source: 'inbox'` and `files`.
 * @fires {CustomEvent<CasUploadErrorDetail>} cas-upload-error - A coded error; never for `aborted`.
 * @fires {CustomEvent<CasInboxCancelDetail>} cas-upload-cancel - The flow was cancelled.
 *
 * @slot heading - Replaces the heading text.
 *
 * @csspart base - The `<form>` that holds everything else.
 * @csspart heading - The heading (the `heading` slot's default).
 * @csspart connect - Opens the mailbox's consent page in a popup (also after an `inbox-error`, with part `retry`).
 * @csspart file-list - The statements found, newest first, one button each.
 * @csspart file - One statement of the list (a button).
 * @csspart password-input - The chosen statement's password.
 * @csspart submit - Parses the chosen statement.
 * @csspart back - Back to the list.
 * @csspart cancel - Cancels the step in flight, or the flow.
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
export class CasInboxElement extends FlowElement<CasInboxState, CasInboxStrings> {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    redirectUrl: { attribute: 'redirect-url' },
    keepConnected: { attribute: 'keep-connected', type: Boolean },
  };

  /**
   * Registers the element as `tag` (default `cas-inbox`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static override define(tag = 'cas-inbox', registry?: CustomElementRegistry): void {
    super.define(tag, registry);
  }

  protected override catalog = strings;

  /** Required: the host's return page (same origin as this page) that loads `cas-upload/inbox-callback`. */
  redirectUrl?: string;
  /** Leaves the mailbox connected when the flow ends (no `POST /v4/inbox/disconnect`). */
  keepConnected = false;

  /** The inbox token: a secret that opens the mailbox, kept here only. */
  #token?: string;
  /** The `state` of the OAuth round trip in progress. */
  #nonce?: string;
  #popup?: Window | null;
  /** Its popup's window name: two `<cas-inbox>` on a page never take over each other's popup. */
  #window = `cas-inbox-${++made}`;
  #poll?: ReturnType<typeof setInterval>;
  #files: InboxFile[] = [];
  #file?: InboxFile;
  #password = '';
  #result?: ParseResult;
  #onMessage = (e: MessageEvent) => this.#message(e);

  /** Stops what is in flight, closes the consent window, revokes the mailbox access; fires `cas-upload-cancel`. */
  cancel(): void {
    const from = this.state;
    if (from === 'idle' && !this.#token) return;
    this.#end();
    this.error = undefined;
    this.status = this.t.cancelled;
    this.go('idle');
    this.emit('cas-upload-cancel', { step: from });
  }

  /** Back to `idle`, revoking the mailbox access and clearing the list, result and error. */
  reset(): void {
    this.#end();
    this.#result = this.error = undefined;
    this.status = '';
    this.go('idle');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page (not only moved): the consent window closed, the access revoked.
    queueMicrotask(() => this.isConnected || this.#end());
  }

  /** Ends the flow: nothing in flight, no consent window, the access revoked, nothing kept. */
  #end(): void {
    this.stop();
    this.#closePopup();
    this.#revoke();
    this.#files = [];
    this.#file = undefined;
    this.#password = '';
  }

  #closePopup(): void {
    clearInterval(this.#poll);
    removeEventListener('message', this.#onMessage);
    this.#nonce = undefined;
    if (this.#popup && !this.#popup.closed) this.#popup.close();
    this.#popup = undefined;
  }

  /** `POST /v4/inbox/disconnect` with the token, unless `keep-connected`; the token is forgotten either way. */
  #revoke(): void {
    const token = this.#token;
    this.#token = undefined;
    if (!token || this.keepConnected) return;
    disconnectInbox(token, this.api(new AbortController().signal)).catch(() => {
      /* nothing to undo: the token is forgotten, and the access ends with its lifetime */
    });
  }

  /** The return page as an absolute URL, on this page's origin; `undefined` when missing or elsewhere. */
  get #redirect(): string | undefined {
    try {
      const url = new URL(this.redirectUrl ?? '', document.baseURI);
      if (this.redirectUrl && url.origin === location.origin) return url.href;
    } catch {
      /* not a URL */
    }
    return undefined;
  }

  /** The `connect` button: opens the popup now, within the click, then asks for the consent page. */
  async #connect(): Promise<void> {
    if (this.run || this.disabled) return;
    this.ui = true;
    this.#end();
    const redirect = this.#redirect;
    try {
      // Settings that cannot work (no return page, no token source, an api-base not allowed):
      // said before a popup opens, not by a window that flashes and closes.
      if (!redirect) throw new CasUploadError('config-error');
      checkSource(this.api().token);
      apiUrl(this.apiBase ?? undefined, '');
    } catch (err) {
      return void this.fail(err as CasUploadError);
    }
    const popup = open('about:blank', this.#window, 'popup,width=520,height=680');
    if (!popup) return void this.fail(new CasUploadError('inbox-error'), {}, this.t.blocked);
    this.#popup = popup;
    const nonce = (this.#nonce = inboxState());
    addEventListener('message', this.#onMessage);
    // Closed on two looks in a row: the return page's message, posted as it closes, comes first.
    let closed = 0;
    this.#poll = setInterval(() => {
      closed = popup.closed ? closed + 1 : 0;
      if (closed > 1 && this.state === 'connecting') {
        this.#closePopup();
        this.stop();
        this.fail(new CasUploadError('inbox-error'), {}, this.t.closed);
      }
    }, POLL);
    const run = this.begin('connecting', this.t.connecting);
    try {
      const { oauthUrl } = await connectInbox(redirect, nonce, this.api(run.signal));
      if (this.run !== run || this.#nonce !== nonce) return;
      popup.location.href = oauthUrl;
    } catch (err) {
      if (!this.ended(run)) return;
      this.#closePopup();
      this.#failed(err);
    }
  }

  /** A message from the return page: only from this origin, only with this `state`. */
  #message(e: MessageEvent): void {
    const data = e.data as { inbox_token?: unknown; error?: unknown; state?: unknown } | null;
    if (e.origin !== location.origin || !this.#nonce || data?.state !== this.#nonce) return;
    const run = this.run;
    this.#closePopup();
    if (run) this.ended(run);
    if (typeof data.inbox_token == 'string' && data.inbox_token) {
      this.#token = data.inbox_token;
      this.#list();
    } else {
      this.#failed(
        new CasUploadError('inbox-error', undefined, { apiMessage: typeof data.error == 'string' ? data.error : null }),
        this.t.refused,
      );
    }
  }

  async #list(): Promise<void> {
    const run = this.begin('listing', this.t.listing);
    try {
      const { files } = await listInboxStatements(this.#token!, this.api(run.signal));
      if (!this.ended(run)) return;
      this.#files = files;
      this.#file = files.length === 1 ? files[0] : undefined;
      this.status = this.#file ? fill(this.t.chosen, { name: this.#file.filename }) : this.t.found;
      this.go('choose');
    } catch (err) {
      if (this.ended(run)) this.#failed(err);
    }
  }

  async #parse(): Promise<void> {
    const file = this.#file!;
    const run = this.begin('parsing', this.t.parsing);
    const started = systemClock.now();
    try {
      const parsed = await parseCasUrl(file.url, this.#password, this.api(run.signal));
      if (!this.ended(run)) return;
      const files = this.#files;
      this.#end();
      this.#result = parsed.result;
      this.#file = file;
      this.succeeded(this.t.done, 'inbox', parsed, file, files, started);
    } catch (err) {
      this.#password = '';
      if (this.ended(run)) this.#failed(err);
    }
  }

  /**
   * Shows the error. A wrong password keeps the mailbox (the investor types it again); any
   * other failure ends the flow and revokes the access.
   */
  #failed(err: unknown, message?: string): void {
    const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
    if (error.code === 'aborted') return;
    if (error.code !== 'invalid-password') this.#end();
    this.fail(error, {}, message);
  }

  #submit(e: Event): void {
    e.preventDefault();
    if (this.run || this.disabled) return;
    this.ui = true;
    if (this.#file && this.#token) this.#parse();
  }

  #choose(file?: InboxFile): void {
    this.ui = true;
    this.#file = file;
    this.#password = '';
    this.error = undefined;
    this.status = file ? fill(this.t.chosen, { name: file.filename }) : this.t.found;
    if (this.state === 'choose') this.requestUpdate();
    else this.go('choose');
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(file ? '#pw' : '[part~=file]')?.focus());
  }

  /** Focus after a step: Cancel while waiting, then the list or the password, the error, or the summary. */
  protected override focusFor(state: CasInboxState): string {
    return {
      idle: '[part~=connect]',
      connecting: '[part~=cancel]',
      listing: '[part~=cancel]',
      choose: this.#file ? '#pw' : '[part~=file]',
      parsing: '[part~=cancel]',
      success: '[part~=summary]',
      error: this.error?.code === 'invalid-password' ? '#pw' : '[part~=error]',
    }[state];
  }

  /** One statement of the list: name, then provider, date and size. */
  #fileButton(f: InboxFile) {
    const size = f.size == null ? '' : this.fmt(f.size / 1024, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
    return fileItem(f.filename, [f.casType.toUpperCase(), day(f.date, this.locale), size], () => this.#choose(f));
  }

  // Templates lose their line breaks when built (scripts/template-whitespace.mjs).
  protected override render() {
    const t = this.t;
    const state = this.state;
    const error = this.error;
    const button = this.button.bind(this);
    const cancel = button('cancel', t.cancel, () => ((this.ui = true), this.cancel()));
    const connect = (label: string, retry = false) =>
      html`<button part=${retry ? 'connect retry' : 'connect'} type="button" @click=${() => this.#connect()}>
        ${label}
      </button>`;
    let body;
    switch (state) {
      case 'connecting':
      case 'listing':
      case 'parsing':
        body = this.waitView(t[state], state === 'connecting' ? t.connectingHint : undefined, t.cancel);
        break;
      case 'success':
        body = this.resultView(t, this.#file?.filename, this.#result);
        break;
      // `idle`, `choose` and `error`: connect, the list, or the chosen statement's password.
      default:
        if (this.#token && this.#file) {
          body = html`<p>${fill(t.chosen, { name: this.#file.filename })}</p>
            ${error ? this.errorView() : nothing}${this.field(
              'pw',
              'password-input',
              t.password,
              this.#password,
              (v) => (this.#password = v),
              {
                type: 'password',
                hint: t.passwordHint,
                invalid: error?.code === 'invalid-password',
              },
            )}
            <div class="a">
              ${button('submit', t.parse)}${this.#files.length > 1 ? button('back', t.back, () => this.#choose()) : nothing}${cancel}
            </div>`;
        } else if (this.#token) {
          body = html`<p id="fl">${t.found}</p>
            <ul part="file-list" aria-labelledby="fl">
              ${this.#files.map((f) => this.#fileButton(f))}
            </ul>
            <div class="a">${cancel}</div>`;
        } else {
          body = html`<p class="m">${t.intro}</p>
            ${error ? this.errorView() : nothing}
            <div class="a">${error ? connect(t.again, true) : connect(t.connect)}</div>`;
        }
    }
    return this.frame(body, (e) => this.#submit(e));
  }
}
