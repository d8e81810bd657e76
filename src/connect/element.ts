import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { styles } from './styles.js';
import { en, type CasConnectStrings } from './en.js';
import { catalog, fill } from '../shared/catalog.js';
import { providerList, providersOf } from '../shared/providers.js';
import { CasElement } from '../shared/cas-element.js';
import { CasUploadError } from '../core/errors.js';
import type { CasPrefill } from '../shared/events.js';

/** A way to get a statement, and its element. */
export type CasConnectMethod = 'upload' | 'cdsl' | 'inbox' | 'mailback' | 'forward';

/** `idle` while the choice is shown, else the method whose flow is shown. */
export type CasConnectState = 'idle' | CasConnectMethod;

/** Each method's element. */
const FLOWS: Record<CasConnectMethod, string> = {
  upload: 'cas-upload',
  cdsl: 'cas-cdsl-fetch',
  inbox: 'cas-inbox',
  mailback: 'cas-mailback',
  forward: 'cas-forward',
};

/** Whether `m` names a way (not a name that every object has, such as `toString`). */
const isMethod = (m: string): m is CasConnectMethod => Object.hasOwn(FLOWS, m);

/**
 * Registers every flow (one module: the flows share most of their code, and a page that shows
 * the choice soon needs one of them), loaded when first needed.
 */
const loadFlows = () => import('./flows.js');

/**
 * An app's embedded browser, read from the user agent (a heuristic; mail providers refuse
 * their consent page there): an Android WebView (`; wv)`, or `Version/n.n Chrome/` as before
 * Android 5), or an AppleWebKit browser of an iPhone, iPad, iPod or of `Macintosh` (as iPadOS
 * apps say) without `Safari/` (WKWebView and the in-app browsers built on it; Safari,
 * SFSafariViewController, Chrome and Firefox for iOS all say `Safari/`).
 */
const WEBVIEW = /; wv\)|Version\/\d+\.\d+ Chrome\/|^(?!.*Safari\/).*(iPhone|iPad|iPod|Macintosh).*AppleWebKit/;

/** Whether this page was told that `inbox` needs `redirect-url` (once per page). */
let warned = false;

/**
 * The parts of the flows, exported by the flow shown under their own names (`exportparts`), so
 * that `cas-connect::part(submit)` styles the flow's button as `cas-upload::part(submit)` does.
 */
const FLOW_PARTS =
  'base,heading,submit,cancel,retry,another,password-input,progress,status,error,summary,wait,file,file-list,show-password,pan-input,back,' +
  'dropzone,file-input,choose,drop-hint,remove,password-label,hint,progress-label,check,summary-list,bo-id-input,dob-input,otp-input,' +
  'email-input,range,from-input,to-input,confirm-input,upload,connect,provider-gmail,provider-outlook,provider-zoho,start,address,copy,senders,resend';

/** The flows' states in which a request is in flight (no `back` then). */
const BUSY = /^(uploading|parsing|requesting|verifying|sending|connecting|listing|creating)$/;

/** The settings handed to the flow shown, by property name. */
const SETTINGS = [
  'tokenUrl',
  'tokenMethod',
  'tokenRequestInit',
  'tokenProvider',
  'apiBase',
  'timeout',
  'retries',
  'retryDelay',
  'disabled',
  'strings',
  'redirectUrl',
  'keepConnected',
  'providers',
  'inboxToken',
  'onInboxToken',
  'parser',
  'fileField',
  'maxSize',
  'allowEmptyPassword',
  'periods',
  'sources',
  'reference',
  'inboundEmailId',
  'address',
  'waitMinutes',
  'prefill',
] as const;

/** The texts of `<cas-connect>`; Hindi is a file of its own, loaded when first used. */
const strings = catalog<CasConnectStrings>(en, { hi: () => import('./hi.js').then((m) => m.hi) }, 'cas-connect');

/**
 * `<cas-connect>`: every way to get a CAS in one element. It offers the ways of `methods` as a
 * choice (each saying what it needs), then shows the chosen flow (`<cas-upload>`,
 * `<cas-cdsl-fetch>`, `<cas-inbox>`, `<cas-mailback>` or `<cas-forward>`, loaded when first needed) with every
 * setting of its own, and a `back` button while nothing is in flight. Every event of the flow
 * bubbles out of it, so one `cas-upload-success` listener serves all.
 *
 * The parts of the flow shown are parts of `<cas-connect>` too, by the same names (its
 * `exportparts`), so one rule such as `::part(submit)` styles a flow alike inside and outside
 * `<cas-connect>`; `back` is both its own and that of `<cas-cdsl-fetch>` and `<cas-inbox>`.
 *
 * @summary Offers every way to get a CAS, then runs the chosen one.
 * @tagname cas-connect
 *
 * @fires {CustomEvent<CasUploadSelectDetail>} cas-upload-select - From `<cas-upload>`: a file passed the checks.
 * @fires {CustomEvent<CasUploadStartDetail>} cas-upload-start - From `<cas-upload>`: an upload starts (cancelable).
 * @fires {CustomEvent<CasUploadProgressDetail>} cas-upload-progress - From `<cas-upload>`: bytes sent, then `phase: 'parse'`.
 * @fires {CustomEvent<CasUploadSuccessDetail>} cas-upload-success - From the flow shown: the parsed statement, with `source`.
 * @fires {CustomEvent<CasUploadErrorDetail>} cas-upload-error - From the flow shown.
 * @fires {CustomEvent<CasMailbackSentDetail>} cas-upload-mailback-sent - From `<cas-mailback>`.
 * @fires {CustomEvent<Record<string, never>>} cas-upload-mailback-upload - From `<cas-mailback>`: the investor has the PDF; `<cas-connect>` then shows the upload itself.
 * @fires {CustomEvent<CasForwardReadyDetail>} cas-upload-forward-ready - From `<cas-forward>`: the forwarding address is shown.
 * @fires {CustomEvent<CasCancelDetail>} cas-upload-cancel - From the flow shown: the upload's `{ file }` or a flow's `{ step }`.
 *
 * @slot heading - Replaces the heading of the choice.
 *
 * @csspart choice - The list of ways.
 * @csspart method-upload - The way "upload the PDF".
 * @csspart method-cdsl - The way "fetch it from CDSL".
 * @csspart method-inbox - The way "find it in your mailbox" (naming the providers of `providers`).
 * @csspart method-mailback - The way "get it by e-mail".
 * @csspart method-forward - The way "forward the e-mail you have".
 * @csspart back - Back to the choice (while nothing is in flight); also the flow's own `back` (`<cas-cdsl-fetch>`, `<cas-inbox>`).
 * @csspart flow - The flow element shown.
 *
 * @csspart base - Of every flow: its `<form>`.
 * @csspart heading - Of every flow: its heading.
 * @csspart submit - Of every flow: the main button of the step shown.
 * @csspart cancel - Of every flow: Cancel.
 * @csspart retry - Of every flow: Retry, after a retryable error.
 * @csspart another - Of every flow: start again, after success.
 * @csspart password-input - Of every flow: the password field.
 * @csspart progress - Of every flow: the progress bar or busy indicator.
 * @csspart status - Of every flow: the `aria-live` status region (visually hidden).
 * @csspart error - Of every flow: the error message.
 * @csspart summary - Of every flow: the success summary (`<cas-mailback>`: the sent state).
 * @csspart wait - Of `<cas-cdsl-fetch>`, `<cas-mailback>`, `<cas-inbox>`, `<cas-forward>`: what is happening during a long step.
 * @csspart file - Of `<cas-upload>`: the chosen file; of `<cas-inbox>`, `<cas-forward>`: one statement of the list.
 * @csspart file-list - Of `<cas-inbox>`, `<cas-forward>`: the statements, one button each.
 * @csspart show-password - Of every flow: the "Show password" checkbox.
 * @csspart pan-input - Of `<cas-cdsl-fetch>`, `<cas-mailback>`: the PAN field.
 * @csspart dropzone - Of `<cas-upload>`: the area that takes a dropped file.
 * @csspart file-input - Of `<cas-upload>`: the hidden `<input type="file">`.
 * @csspart choose - Of `<cas-upload>`: the button that opens the file dialog.
 * @csspart drop-hint - Of `<cas-upload>`: "or drop it here".
 * @csspart remove - Of `<cas-upload>`: Remove, beside the chosen file.
 * @csspart password-label - Of `<cas-upload>`: the password field's label.
 * @csspart hint - Of `<cas-upload>`: the password hint.
 * @csspart progress-label - Of `<cas-upload>`: the text above the progress bar.
 * @csspart check - Of `<cas-upload>`: "Check the password", after `invalid-password`.
 * @csspart summary-list - Of `<cas-upload>`: the summary's list of fields.
 * @csspart bo-id-input - Of `<cas-cdsl-fetch>`: the BO ID field.
 * @csspart dob-input - Of `<cas-cdsl-fetch>`: the date of birth field.
 * @csspart otp-input - Of `<cas-cdsl-fetch>`: the OTP field.
 * @csspart resend - Of `<cas-cdsl-fetch>`: asks for a new OTP (offered 30 s after the last one).
 * @csspart email-input - Of `<cas-mailback>`: the e-mail address.
 * @csspart range - Of `<cas-mailback>`: the date-range presets.
 * @csspart from-input - Of `<cas-mailback>`: the first day.
 * @csspart to-input - Of `<cas-mailback>`: the last day.
 * @csspart confirm-input - Of `<cas-mailback>`: the password typed again.
 * @csspart upload - Of `<cas-mailback>`: on to the upload of the PDF.
 * @csspart connect - Of `<cas-inbox>`: each provider's connect button.
 * @csspart provider-gmail - Of `<cas-inbox>`: Gmail's connect button.
 * @csspart provider-outlook - Of `<cas-inbox>`: Outlook's connect button.
 * @csspart provider-zoho - Of `<cas-inbox>`: Zoho Mail's connect button.
 * @csspart start - Of `<cas-forward>`: makes the forwarding address.
 * @csspart address - Of `<cas-forward>`: the forwarding address.
 * @csspart copy - Of `<cas-forward>`: copies the address.
 * @csspart senders - Of `<cas-forward>`: whose e-mails to forward.
 *
 * @cssprop [--cas-upload-accent=#0b63ce] - Buttons, focus ring (dark: #8ab4f8); every `--cas-upload-*` property applies here and in the flows.
 */
export class CasConnectElement extends CasElement<CasConnectState, CasConnectStrings & { heading: string }> {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    methods: {},
    redirectUrl: { attribute: 'redirect-url' },
    allowWebviewInbox: { attribute: 'allow-webview-inbox', type: Boolean },
    keepConnected: { attribute: 'keep-connected', type: Boolean },
    providers: {},
    inboxToken: { attribute: false },
    onInboxToken: { attribute: false },
    parser: {},
    fileField: { attribute: 'file-field' },
    maxSize: { attribute: 'max-size', type: Number },
    allowEmptyPassword: { attribute: 'allow-empty-password', type: Boolean },
    periods: { type: Number },
    sources: {},
    reference: { attribute: false },
    inboundEmailId: { attribute: 'inbound-email-id' },
    address: {},
    waitMinutes: { attribute: 'wait-minutes', type: Number },
    prefill: { attribute: false },
  };

  /**
   * Registers the element as `tag` (default `cas-connect`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static override define(tag = 'cas-connect', registry?: CustomElementRegistry): void {
    super.define(tag, registry);
  }

  /** @internal The user agent the WebView heuristic reads; replaceable in tests. */
  static userAgent = (): string => globalThis.navigator?.userAgent ?? '';

  protected override catalog = strings;

  /**
   * The ways offered, in order, from `upload cdsl inbox mailback forward`; `inbox` only with
   * `redirect-url` (asked without it: one console warning per page), and not in an app's
   * WebView unless `allow-webview-inbox`.
   */
  methods = 'upload cdsl mailback forward';
  /** For `<cas-inbox>`: the host's return page that loads `cas-upload/inbox-callback`. */
  redirectUrl?: string;
  /**
   * Offers `inbox` in an app's WebView too. By default it is left out there (read from the user
   * agent: an Android WebView's `; wv)`, an iPhone's or iPad's AppleWebKit without `Safari/`; see docs/connect.md),
   * since the mail providers refuse their consent page in embedded browsers.
   */
  allowWebviewInbox = false;
  /** For `<cas-inbox>`: leave the mailbox connected when the flow ends. */
  keepConnected = false;
  /** For `<cas-inbox>`: the mail providers offered, from `gmail outlook zoho` (default: all three); the choice names them. */
  providers?: string;
  /** For `<cas-inbox>`: a mailbox grant the host kept (property only; see `<cas-inbox>`). */
  inboxToken?: string;
  /** For `<cas-inbox>` with `keep-connected`: receives the new grant once per connect (property only). */
  onInboxToken?: (inboxToken: string) => void;
  /** For `<cas-upload>`: `parser` (default `smart`). */
  parser?: string;
  /** For `<cas-upload>`: `file-field`. */
  fileField?: string;
  /** For `<cas-upload>`: `max-size`. */
  maxSize?: number;
  /** For `<cas-upload>`: `allow-empty-password`. */
  allowEmptyPassword?: boolean;
  /** For `<cas-cdsl-fetch>`: `periods`. */
  periods?: number;
  /** For `<cas-forward>`: `sources`, whose statement e-mails the forwarding address accepts. */
  sources?: string;
  /** For `<cas-forward>`: `reference`, the host's own name for the address it makes. Property only. */
  reference?: string;
  /** For `<cas-forward>`: `inbound-email-id`, an address the host made on its server. */
  inboundEmailId?: string;
  /** For `<cas-forward>`: `address`, that address. */
  address?: string;
  /** For `<cas-forward>`: `wait-minutes`. */
  waitMinutes?: number;
  /**
   * For the flows: what the host knows of the investor (`{ pan?, email?, boId?, dob? }`),
   * handed to the flow shown: `<cas-cdsl-fetch>` shows `pan`, `boId` and `dob`, `<cas-mailback>`
   * `email` and `pan`, in their fields (editable; typing wins over a later value; the flow's
   * `reset()` shows it again); `<cas-forward>` tries `pan` as a password. Property only.
   */
  prefill?: CasPrefill;

  #flowState?: MutationObserver;

  /**
   * The ways offered: `methods` as written, known ones once each, `inbox` only with
   * `redirect-url` and, in an app's WebView, only with `allow-webview-inbox`.
   */
  get offered(): CasConnectMethod[] {
    const inbox = !!this.redirectUrl && (this.allowWebviewInbox || !WEBVIEW.test(CasConnectElement.userAgent()));
    const known = this.#asked().filter((m): m is CasConnectMethod => isMethod(m) && (m !== 'inbox' || inbox));
    return known.length ? known : ['upload', 'cdsl', 'mailback', 'forward'];
  }

  /** The words of `methods`, once each. */
  #asked(): string[] {
    return [...new Set(String(this.methods ?? '').split(/[\s,]+/))];
  }

  /** The flow element shown, if any. */
  get flow(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part=flow]') ?? null;
  }

  /**
   * Shows the flow of `method` (loading it first when needed).
   * @throws {CasUploadError} `config-error` for a method that is not one of the ways
   */
  async open(method: CasConnectMethod): Promise<void> {
    if (!isMethod(method)) throw new CasUploadError('config-error');
    const tag = FLOWS[method];
    this.go(method);
    if (!customElements.get(tag)) {
      await loadFlows();
      await customElements.whenDefined(tag);
      this.requestUpdate();
    }
    await this.updateComplete;
  }

  /** Back to the choice (the flow is reset and removed, which revokes a mailbox access), or to the one flow when only one is offered. */
  reset(): void {
    (this.flow as unknown as { reset?(): void })?.reset?.();
    const one = this.offered.length === 1 ? this.offered[0] : undefined;
    this.go('idle');
    if (one) this.open(one);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const one = this.offered.length === 1 ? this.offered[0] : undefined;
    if (one && this.state === 'idle') this.open(one);
    this.addEventListener('cas-upload-mailback-upload', this.#toUpload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('cas-upload-mailback-upload', this.#toUpload);
    this.#flowState?.disconnect();
  }

  /** `<cas-mailback>`'s `upload` button opens the upload flow. */
  #toUpload = (e: Event) => {
    e.preventDefault();
    this.#pick('upload');
  };

  async #pick(method: CasConnectMethod): Promise<void> {
    this.ui = true;
    await this.open(method);
    const flow = this.flow as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await flow?.updateComplete;
    flow?.shadowRoot?.querySelector<HTMLElement>('input:not([type=file]),button,select')?.focus();
  }

  #back(): void {
    const from = this.state;
    (this.flow as unknown as { reset?(): void })?.reset?.();
    this.go('idle');
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[part=method-${from}]`)?.focus());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Asked for after every setting of this task is in (frameworks set them one by one).
    if (!warned && !this.redirectUrl && this.#asked().includes('inbox')) {
      warned = true;
      console.warn('cas-connect: inbox left out: it needs redirect-url');
    }
  }

  protected override updated(): void {
    super.updated();
    // The flow's `state` re-renders this element (`back` shows only while nothing is in flight).
    const flow = this.flow;
    this.#flowState?.disconnect();
    if (flow) {
      this.#flowState = new MutationObserver(() => this.requestUpdate());
      this.#flowState.observe(flow, { attributeFilter: ['state'] });
    }
  }

  /**
   * The settings handed to the flow: every one this element has (the flow ignores the others).
   * Of `strings`, only the texts that are not this element's own: its `heading`, `back` or
   * `upload` mean other texts in the flows.
   */
  #settings(flow: Element): void {
    const self = this as unknown as Record<string, unknown>;
    const own = (k: string) => k in en;
    for (const key of SETTINGS) {
      const value =
        key === 'strings' && this.strings
          ? Object.fromEntries(Object.entries(this.strings).filter(([k]) => !own(k)))
          : self[key];
      if (value !== undefined) (flow as unknown as Record<string, unknown>)[key] = value;
    }
  }

  // Templates lose their line breaks when built (scripts/template-whitespace.mjs).
  protected override render() {
    const t = this.t;
    const state = this.state;
    const offered = this.offered;
    if (state !== 'idle') {
      const tag = FLOWS[state];
      if (!customElements.get(tag)) return html`<p class="c" role="status">${t.loading}</p>`;
      const flow = this.flow?.localName === tag ? this.flow : document.createElement(tag);
      flow.setAttribute('part', 'flow');
      flow.setAttribute('exportparts', FLOW_PARTS);
      this.#settings(flow);
      const busy = BUSY.test(flow.getAttribute('state') ?? '');
      return html`${offered.length > 1 && !busy ? html`<button part="back" type="button" lang=${this.speaks} ?disabled=${this.disabled} @click=${() => this.#back()}><b aria-hidden="true">←</b> ${t.back}</button>` : nothing}${flow}`;
    }
    const inboxNeeds = fill(t.inboxNeeds, { providers: providerList(providersOf(this.providers), this.locale) });
    return html`<section class="c" lang=${this.speaks} aria-labelledby="h">
      <h2 id="h"><slot name="heading">${t.heading}</slot></h2>
      <p>${t.intro}</p>
      <ul part="choice">
        ${offered.map(
          (m) =>
            html`<li>
              <button part="method-${m}" type="button" ?disabled=${this.disabled} @click=${() => this.#pick(m)}>
                <b>${t[m]}</b><span>${m === 'inbox' ? inboxNeeds : t[`${m}Needs`]}</span>
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}
