import { html, nothing, type PropertyDeclarations } from 'lit';
import { styles } from './styles.js';
import { en, type CasInboxStrings } from './en.js';
import { catalog, fill } from '../shared/catalog.js';
import { FlowElement } from '../shared/flow-element.js';
import { fileItem, day } from '../shared/file-list.js';
import { CasUploadError } from '../core/errors.js';
import {
  connectInbox,
  listInboxStatements,
  disconnectInbox,
  inboxState,
  type InboxFile,
  type InboxProvider,
} from '../core/inbox.js';
import { PROVIDER_NAMES, providersOf } from '../shared/providers.js';
import { parseCasUrl } from '../core/cdsl.js';
import { apiUrl, checkSource } from '../core/request.js';
import { systemClock } from '../core/clock.js';
import type { ParseResult } from '../core/types.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasInboxState = 'idle' | 'connecting' | 'listing' | 'choose' | 'parsing' | 'success' | 'error';

/** The texts of `<cas-inbox>`; Hindi is a file of its own, loaded when first used. */
const strings = catalog<CasInboxStrings>(en, { hi: () => import('./hi.js').then((m) => m.hi) }, 'cas-inbox');

/** The return page's channel is this, then the `state` (`cas-upload/inbox-callback`). */
const CHANNEL = 'cas-inbox:';
/** How often a closed consent window is looked for, in ms. */
const POLL = 250;
/** The longest wait for the revocation's answer before `cas-upload-success` says `disconnected: false`. */
const REVOKE_WAIT = 5000;
/** Elements made so far: each opens its popup under a window name of its own. */
let made = 0;

/**
 * The elements that hold a mailbox grant the page must revoke when it goes (`pagehide`): every
 * grant but one the host holds (given as `inboxToken`, or handed to `onInboxToken`, with
 * `keep-connected`). One listener for the page, added with the first grant.
 */
const held = new Set<CasInboxElement>();
let watching = false;
function watchPageHide(): void {
  if (watching) return;
  watching = true;
  addEventListener('pagehide', () => {
    for (const el of [...held]) el[LEAVE]();
  });
}
/** The key of the method that revokes an element's grant as the page goes. */
const LEAVE = Symbol('leave');

/**
 * `<cas-inbox>`: finds the investor's statements in their mailbox (Gmail, Outlook or Zoho
 * Mail, as `providers` offers, through the provider's consent page in a popup), lists them,
 * and parses the one chosen with its password. The mailbox access is revoked however the flow
 * ends, and when the page goes (`pagehide`, with `keepalive`), unless `keep-connected`. The
 * host serves a return page (`redirect-url`, on its own origin) that loads
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
 * @csspart heading - The heading, an `<h2>` (the `heading` slot's default text inside it).
 * @csspart connect - Opens a mailbox's consent page in a popup (also after an `inbox-error`, with part `retry`); with a grant already held (`inboxToken`, or `keep-connected`), lists the statements at once.
 * @csspart provider-gmail - The `connect` button of Gmail (each provider of `providers` has one).
 * @csspart provider-outlook - The `connect` button of Outlook.
 * @csspart provider-zoho - The `connect` button of Zoho Mail.
 * @csspart file-list - The statements found, newest first, one button each.
 * @csspart file - One statement of the list (a button).
 * @csspart password-input - The chosen statement's password.
 * @csspart show-password - The "Show password" checkbox beside the password (24 × 24 px).
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
    providers: {},
    inboxToken: { attribute: false },
    onInboxToken: { attribute: false },
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
  /**
   * Leaves the mailbox connected when the flow ends (no `POST /v4/inbox/disconnect`). With
   * `onInboxToken`, the host receives the grant and keeps it; without, the grant lives as long
   * as the page (a new search needs no new consent) and is revoked on `pagehide`.
   */
  keepConnected = false;
  /**
   * The mail providers offered, in order, from `gmail outlook zoho` (default: all three): one
   * `connect` button each (parts `provider-gmail`, `provider-outlook`, `provider-zoho`).
   */
  providers = 'gmail outlook zoho';
  /**
   * A mailbox grant the host kept from an earlier connect (property only, never an
   * attribute): `connect` then lists the statements at once, without a new consent. With
   * `keep-connected` the element never revokes it; without, it is revoked when the flow ends.
   * A grant the API says is gone (401 `requires_reconnect`) is dropped: `inbox-error`, and the
   * next `connect` asks for a new consent.
   */
  inboxToken?: string;
  /**
   * With `keep-connected`: called with the new grant (the inbox token) once per connect, so the
   * host can keep it on its server and give it back as `inboxToken` later. The token is a
   * secret that opens the investor's mailbox: it never appears in an event, the DOM, storage or
   * the console.
   */
  onInboxToken?: (inboxToken: string) => void;

  /** The inbox token: a secret that opens the mailbox, kept here only. */
  #token?: string;
  /** Whether the host holds `#token` (`inboxToken` or `onInboxToken`, with `keep-connected`): never revoked here. */
  #owned = false;
  /** The provider of the last connect. */
  #provider?: InboxProvider;
  /** The `state` of the OAuth round trip in progress. */
  #nonce?: string;
  #popup?: Window | null;
  /** The channel named by `state`, for a return page whose link to this page a consent page cut (COOP). */
  #channel?: BroadcastChannel;
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
    if (from === 'idle') return;
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

  /**
   * Ends the flow: nothing in flight, no consent window, the access revoked (unless
   * `keep-connected`), nothing kept. Resolves with whether the API accepted the revocation.
   */
  #end(): Promise<boolean> {
    this.stop();
    this.#closePopup();
    this.#files = [];
    this.#file = undefined;
    this.#password = '';
    this.shown = false;
    return this.#revoke();
  }

  /** Holds a grant; one the host does not hold is revoked when the page goes. */
  #hold(token: string, owned: boolean): void {
    this.#token = token;
    this.#owned = owned;
    if (owned) held.delete(this);
    else held.add(this), watchPageHide();
  }

  /** Forgets the grant (revoked, gone, or never to be revoked here). */
  #drop(): void {
    this.#token = undefined;
    held.delete(this);
  }

  /** The page goes: the grant is revoked with `keepalive`, so the request outlives the page. */
  [LEAVE](): void {
    const token = this.#token;
    this.#drop();
    if (token) disconnectInbox(token, { ...this.api(), retries: 0, keepalive: true }).catch(() => {});
  }

  #closePopup(): void {
    clearInterval(this.#poll);
    removeEventListener('message', this.#onMessage);
    this.#channel?.close();
    this.#nonce = this.#channel = undefined;
    if (this.#popup && !this.#popup.closed) this.#popup.close();
    this.#popup = undefined;
  }

  /**
   * `POST /v4/inbox/disconnect` with the token, unless `keep-connected` (which keeps it: the
   * host's, or the page's until `pagehide`). Resolves with whether the API accepted it.
   */
  #revoke(): Promise<boolean> {
    const token = this.#token;
    if (!token || this.keepConnected) return Promise.resolve(false);
    this.#drop();
    // Nothing to undo when it fails: the token is forgotten, and the access ends with its lifetime.
    return disconnectInbox(token, this.api()).then(
      () => true,
      () => false,
    );
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

  /** The providers offered: `providers` as written, known ones once each (all three when none is known). */
  get #providers(): InboxProvider[] {
    return providersOf(this.providers);
  }

  /**
   * A `connect` button: with a grant held, lists at once; else opens the popup now, within the
   * click, then asks for the consent page of `provider`.
   */
  async #connect(provider = this.#provider ?? this.#providers[0]): Promise<void> {
    if (this.run || this.disabled) return;
    this.ui = true;
    this.#end();
    const redirect = this.#redirect;
    const grant = this.#token ?? this.inboxToken;
    try {
      // Settings that cannot work (no return page, no token source, an api-base not allowed):
      // said before a popup opens, not by a window that flashes and closes.
      if (!redirect && !grant) throw new CasUploadError('config-error');
      checkSource(this.api().token);
      apiUrl(this.apiBase ?? undefined, '');
    } catch (err) {
      return void this.fail(err as CasUploadError);
    }
    if (grant) {
      this.#hold(grant, this.keepConnected && (this.#owned || grant === this.inboxToken));
      return this.#list();
    }
    this.#provider = provider;
    const popup = open('about:blank', this.#window, 'popup,width=520,height=680');
    if (!popup) return void this.fail(new CasUploadError('inbox-error'), {}, 'blocked');
    this.#popup = popup;
    const nonce = (this.#nonce = inboxState());
    addEventListener('message', this.#onMessage);
    // A consent page that sends Cross-Origin-Opener-Policy cuts the popup's link to this page:
    // it then reads as closed, and its return page posts on this channel too.
    (this.#channel = new BroadcastChannel(CHANNEL + nonce)).onmessage = this.#onMessage;
    // Closed on two looks in a row: the return page's message, posted as it closes, comes first.
    // The channel stays open: a consent given in a window cut off this way is still taken.
    let closed = 0;
    this.#poll = setInterval(() => {
      closed = popup.closed ? closed + 1 : 0;
      if (closed > 1 && this.state === 'connecting') {
        clearInterval(this.#poll);
        this.#popup = undefined;
        this.stop();
        this.fail(new CasUploadError('inbox-error'), {}, 'closed');
      }
    }, POLL);
    const run = this.begin('connecting', fill(this.t.connecting, { provider: PROVIDER_NAMES[provider] }));
    try {
      const { oauthUrl } = await connectInbox(redirect!, nonce, { ...this.api(run.signal), provider });
      if (this.run !== run || this.#nonce !== nonce) return;
      popup.location.href = oauthUrl;
    } catch (err) {
      if (!this.ended(run)) return;
      this.#closePopup();
      this.#failed(err);
    }
  }

  /**
   * A message from the return page: only from this origin, only from this element's popup (or
   * on the channel named by the `state`), only with this `state`, and only once.
   */
  #message(e: MessageEvent): void {
    const data = e.data as { inbox_token?: unknown; error?: unknown; state?: unknown } | null;
    const from = e.target == this.#channel || (!!e.source && e.source == this.#popup);
    if (e.origin !== location.origin || !from || !this.#nonce || data?.state !== this.#nonce) return;
    const run = this.run;
    this.#closePopup();
    if (run) this.ended(run);
    if (typeof data.inbox_token == 'string' && data.inbox_token) {
      // With keep-connected and onInboxToken, the host receives the grant and keeps it.
      const give = this.keepConnected && typeof this.onInboxToken == 'function';
      this.#hold(data.inbox_token, give);
      if (give) {
        try {
          this.onInboxToken!(data.inbox_token);
        } catch {
          /* the host's own error: the flow goes on */
        }
      }
      this.#list();
    } else {
      this.#failed(
        new CasUploadError('inbox-error', undefined, { apiMessage: typeof data.error == 'string' ? data.error : null }),
        'refused',
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
      // The success says whether the access was revoked: its answer is awaited (for a while).
      const disconnected = await Promise.race([
        this.#end(),
        new Promise<boolean>((r) => setTimeout(r, REVOKE_WAIT, false)),
      ]);
      if (this.run || this.state !== 'parsing') return; // cancelled or started again meanwhile
      this.#result = parsed.result;
      this.#file = file;
      this.succeeded(this.t.done, 'inbox', parsed, file, files, started, { disconnected });
    } catch (err) {
      this.#password = '';
      if (this.ended(run)) this.#failed(err);
    }
  }

  /**
   * Shows the error. A wrong password keeps the mailbox (the investor types it again); any
   * other failure ends the flow and revokes the access.
   */
  #failed(err: unknown, key?: keyof CasInboxStrings): void {
    const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
    if (error.code === 'aborted') return;
    // The grant is gone (401 `requires_reconnect`): nothing to revoke; `retry` asks for a new consent.
    if (error.code === 'inbox-error' && error.status === 401) {
      if (this.#token === this.inboxToken) this.inboxToken = undefined;
      this.#drop();
      key ??= 'reconnect';
    }
    if (error.code !== 'invalid-password') this.#end();
    this.fail(error, {}, key);
  }

  #submit(e: Event): void {
    e.preventDefault();
    if (this.run || this.disabled) return;
    this.ui = true;
    if (this.#file) this.#parse();
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
    const connect = (label: string, part: string, provider?: InboxProvider) =>
      html`<button part=${part} type="button" @click=${() => this.#connect(provider)}>${label}</button>`;
    const providers = this.#providers;
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
        if (this.#file && this.#files.length) {
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
            )}${this.showToggle(t.show)}
            <div class="a">
              ${button('submit', t.parse)}${this.#files.length > 1 ? button('back', t.back, () => this.#choose()) : nothing}${cancel}
            </div>`;
        } else if (this.#files.length) {
          body = html`<p id="fl">${t.found}</p>
            <ul part="file-list" aria-labelledby="fl">
              ${this.#files.map((f) => this.#fileButton(f))}
            </ul>
            <div class="a">${cancel}</div>`;
        } else {
          // A grant held: one button that lists; else one button per provider (or Try again).
          const buttons = error
            ? connect(t.again, 'connect retry')
            : this.#token || this.inboxToken
              ? connect(t.search, 'connect')
              : providers.map((p) =>
                  connect(fill(t.connect, { provider: PROVIDER_NAMES[p] }), `connect provider-${p}`, p),
                );
          body = html`<p class="m">${t.intro}</p>
            ${error ? this.errorView() : nothing}
            <div class="a">${buttons}</div>`;
        }
    }
    return this.frame(body, (e) => this.#submit(e));
  }
}
