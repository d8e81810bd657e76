import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { styles } from './cas-upload.styles.js';
import { CasUploadError } from './core/errors.js';
import { checkPdf, DEFAULT_MAX_SIZE } from './core/pdf-check.js';
import { positive } from './core/numbers.js';
import type { TokenProvider } from './core/token-cache.js';
import { uploadCas, DEFAULT_API_BASE } from './core/upload.js';
import type { ProgressDetail } from './core/parse-request.js';
import type { ParseResult } from './core/types.js';
import { stringsFor, loadStrings, shownLanguage, fill, type CasUploadStrings } from './i18n/index.js';
import type { CasUploadErrorDetail, CasUploadEventMap } from './events.js';
import type { summaryList } from './cas-upload-summary.js';
import { loadSummaryList } from './load-summary.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasUploadState = 'idle' | 'ready' | 'uploading' | 'parsing' | 'success' | 'error';

/** Package version, set at build time. */
export const version: string = typeof __CAS_UPLOAD_VERSION__ === 'string' ? __CAS_UPLOAD_VERSION__ : '0.0.0-dev';
declare const __CAS_UPLOAD_VERSION__: string | undefined;

/** How long the first render in a language waits for its strings before showing English. */
const LANG_WAIT = 1500;

/** The success summary's list, once its file arrived (see {@link loadSummary}). */
let summaryView: typeof summaryList | undefined;
let summaryLoad: Promise<unknown> | undefined;
let summaryFailed = false;

/**
 * Loads the success summary, which the first render does not need (a file of its own): a
 * promise while it is on its way, `undefined` once it is here or failed. A failed load is
 * tried again at the next upload (`retry`), never in a loop of renders.
 */
function loadSummary(retry = false): Promise<unknown> | undefined {
  if (retry) summaryFailed = false;
  if (summaryView || summaryFailed) return;
  return (summaryLoad ??= loadSummaryList().then(
    (view) => (summaryView = view),
    () => ((summaryFailed = true), (summaryLoad = undefined)),
  ));
}

/** Errors whose remedy is another file: the file is dropped and the chooser offered again. */
const FILE_ERRORS = ['invalid-file', 'file-too-large', 'parse-failed'];

/**
 * `<cas-upload>`: lets a visitor upload a password-protected CAS PDF (CAMS, KFintech, CDSL,
 * NSDL) to the CAS Parser API with a short-lived access token from the host's own backend.
 *
 * @summary Uploads a CAS statement and emits the parsed result.
 * @tagname cas-upload
 *
 * @fires {CustomEvent<CasUploadSelectDetail>} cas-upload-select - A file was chosen and passed the checks.
 * @fires {CustomEvent<CasUploadStartDetail>} cas-upload-start - Cancelable; the upload is about to begin.
 * @fires {CustomEvent<CasUploadProgressDetail>} cas-upload-progress - Bytes sent, then `phase: 'parse'`.
 * @fires {CustomEvent<CasUploadSuccessDetail>} cas-upload-success - The API's parsed JSON body.
 * @fires {CustomEvent<CasUploadErrorDetail>} cas-upload-error - A coded error; never for `aborted`.
 * @fires {CustomEvent<CasUploadCancelDetail>} cas-upload-cancel - The upload in flight was cancelled.
 *
 * @slot heading - Replaces the heading text (for example with your own `<h2>`).
 * @slot hint - Replaces the password hint.
 *
 * @csspart base - The `<form>` that holds everything else.
 * @csspart heading - The heading (the `heading` slot's default).
 * @csspart dropzone - The area that takes a dropped file; holds the file chooser or the chosen file.
 * @csspart file-input - The `<input type="file">` (hidden; the choose button opens it).
 * @csspart choose - The button that opens the file dialog.
 * @csspart drop-hint - "or drop it here", beside the choose button.
 * @csspart file - The chosen file's name and size.
 * @csspart remove - The Remove button beside the chosen file.
 * @csspart password-label - The password field's label.
 * @csspart password-input - The password field.
 * @csspart show-password - The "Show password" checkbox and its label.
 * @csspart hint - The password hint.
 * @csspart submit - The Upload button.
 * @csspart cancel - The Cancel button.
 * @csspart progress-label - The text above the progress bar: percent or "Reading", and the time.
 * @csspart progress - The `<progress>` bar.
 * @csspart status - The `aria-live` status region (visually hidden).
 * @csspart error - The error message.
 * @csspart retry - The Retry button.
 * @csspart check - "Check the password", after `invalid-password`: focuses the password field.
 * @csspart summary - The success summary.
 * @csspart summary-list - The summary's list of fields (a `<dl>`).
 * @csspart another - "Upload another", after success.
 *
 * @cssprop [--cas-upload-accent=#0b63ce] - Buttons, focus ring, progress (dark: #8ab4f8).
 * @cssprop [--cas-upload-on-accent=#fff] - Text on accent-coloured buttons (dark: #0b1a33).
 * @cssprop [--cas-upload-text=#1a1d23] - Text colour (dark: #e8eaed).
 * @cssprop [--cas-upload-muted=#5b6270] - Secondary text colour (dark: #b2b8c2).
 * @cssprop [--cas-upload-background=#fff] - Background (dark: #1e2127).
 * @cssprop [--cas-upload-border=#8a919e] - Borders (dark: #6b7380).
 * @cssprop [--cas-upload-danger=#b3261e] - Error text (dark: #f2b8b5).
 * @cssprop [--cas-upload-success=#1b7a3a] - Success text (dark: #7fd49a).
 * @cssprop [--cas-upload-radius=10px] - Corner radius.
 * @cssprop [--cas-upload-spacing=16px] - Base spacing.
 * @cssprop [--cas-upload-font=1rem/1.5 system-ui, sans-serif] - The `font` shorthand.
 */
export class CasUploadElement extends LitElement {
  static override styles = styles;
  /** A form control: `<fieldset disabled>`, form reset and `required` reach it (`ElementInternals`). */
  static formAssociated = true;
  /** `focus()` and `autofocus` move focus to the first control inside. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  // Every public property is declared here, so that it exists on the prototype: frameworks
  // (React 19, Vue, Svelte) set it as a property, not as an attribute, only when it exists.
  static override properties: PropertyDeclarations = {
    tokenUrl: { attribute: 'token-url' },
    tokenMethod: { attribute: 'token-method' },
    tokenRequestInit: { attribute: false },
    tokenProvider: { attribute: false },
    apiBase: { attribute: 'api-base' },
    parser: {},
    fileField: { attribute: 'file-field' },
    maxSize: { attribute: 'max-size', type: Number },
    timeout: { type: Number },
    retries: { type: Number },
    retryDelay: { attribute: 'retry-delay', type: Number },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    allowEmptyPassword: { attribute: 'allow-empty-password', type: Boolean },
    password: { attribute: false },
    strings: { attribute: false },
  };

  /** @internal Time source of the elapsed-time display; replaceable in tests. */
  static now = () => Date.now();

  /**
   * Registers the element as `tag` (default `cas-upload`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static define(tag = 'cas-upload', registry: CustomElementRegistry = customElements): void {
    if (registry.get(tag)) return;
    try {
      registry.define(tag, this);
    } catch {
      // This class already serves another tag: a subclass takes the new one.
      registry.define(tag, class extends this {});
    }
  }

  /** The host site's own backend endpoint that returns an access token. */
  tokenUrl?: string;
  /** `GET` or `POST` for the token request. */
  tokenMethod: 'GET' | 'POST' = 'GET';
  /** Extra `RequestInit` merged into the token request (headers such as a CSRF token, `credentials`). */
  tokenRequestInit: RequestInit = {};
  /** Replaces `token-url`: a function that returns an access token or a token response. */
  tokenProvider?: TokenProvider;
  /** API origin; `https:`, or `http:` on localhost, 127.0.0.1 or [::1]. */
  apiBase: string = DEFAULT_API_BASE;
  /** `smart`, `cdsl`, `nsdl` or `cams_kfintech`; posts to `{api-base}/v4/{parser}/parse`. */
  parser = 'smart';
  /** Multipart field name of the PDF. */
  fileField = 'pdf_file';
  /** Largest accepted file, in bytes. */
  maxSize = DEFAULT_MAX_SIZE;
  /** ms to wait for the parse response before giving up, from when the bytes are sent (while sending: the longest pause in progress). */
  timeout = 60000;
  /** Extra attempts after a 429, 502, 503, 504 or a network failure. */
  retries = 2;
  /** Base backoff in ms: attempt n waits `retryDelay * 2^(n-1)` plus jitter, unless `Retry-After` says otherwise. */
  retryDelay = 1000;
  /** No interaction, no upload. A disabled `<fieldset>` around the element disables it too. */
  disabled = false;
  /**
   * The element's form (a `<form>` around it) does not submit until a statement was read
   * (`state` `success`): the element is `:invalid` until then, and the browser says why.
   */
  required = false;
  /**
   * Lets the Upload button send a statement with no password. By default it asks for one
   * (CAS statements always have one). `upload()` from a script sends what it is given.
   */
  allowEmptyPassword = false;
  /** The PDF's password. Never reflected, never in an event; cleared after each upload. */
  password = '';
  /** Partial override of any UI text. */
  strings: Partial<CasUploadStrings> = {};

  #internals = this.attachInternals();
  /** Disabled by a `<fieldset disabled>` around it (or its own `disabled`). */
  #formOff = false;
  #state: CasUploadState = 'idle';
  /** The state last rendered, to notice changes in `updated()`. */
  #shown: CasUploadState = 'idle';
  #file?: File;
  #progress?: ProgressDetail;
  #result?: ParseResult;
  #error?: CasUploadErrorDetail;
  #status = '';
  #reveal = false;
  #over = false;
  #started = 0;
  #ticker?: ReturnType<typeof setInterval>;
  #announced = -1;
  #run?: AbortController;
  /** The password of a failed upload, kept for one Retry (the page says so); never shown. */
  #retry?: string;
  /** Whether the upload in flight uses that kept password (then it is not kept again). */
  #again = false;
  /** Upload was pressed with no password: the field asks for one. */
  #ask = false;
  /** Set by the visitor's own actions: focus then follows what appears. */
  #ui = false;
  #langs?: MutationObserver;
  /** Whether the run in flight fired `cas-upload-start` (only then is a cancel announced). */
  #live = false;
  /** The token cache's key for `tokenProvider`: the first provider with the current one's code. */
  #key?: TokenProvider;

  /** `idle`, `ready`, `uploading`, `parsing`, `success` or `error`. Read-only. */
  get state(): CasUploadState {
    return this.#state;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'state'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // `state` is read-only: a page that writes or removes the attribute gets it put back.
    if (name === 'state') {
      if (value !== this.#state && this.isConnected) this.setAttribute('state', this.#state);
    } else super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#set(this.#state);
    // `lang` here or on any ancestor: a change re-renders in that language.
    this.#langs = new MutationObserver(() => this.requestUpdate());
    for (let n: Element | undefined = this; n; n = up(n)) this.#langs.observe(n, { attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langs?.disconnect();
    // An element removed from the page stops its upload; nothing is left running. One that
    // is only moved (reconnected in the same task, as frameworks do) keeps it.
    queueMicrotask(() => this.isConnected || this.#abort(false));
  }

  /**
   * Uploads `file` (or the one chosen in the UI) with `password` (or the `password` property)
   * and resolves with the API's JSON body. Rejects with a {@link CasUploadError}. A new call
   * cancels the upload in flight, whose promise rejects with `aborted`.
   */
  async upload(file?: File | Blob, password?: string): Promise<ParseResult> {
    const pw = password ?? this.password;
    this.password = '';
    if (this.#off) throw new CasUploadError('aborted');
    this.#abort(true);
    const again = this.#again;
    this.#retry = undefined;
    this.#again = this.#ask = false;
    const chosen = file ? (file instanceof File ? file : new File([file], 'statement.pdf', { type: 'application/pdf' })) : this.#file;
    if (!chosen) throw this.#fail(new CasUploadError('invalid-file'));
    this.#file = chosen;
    const run = (this.#run = new AbortController());
    this.#error = this.#result = undefined;
    const t = this.#t;
    const mine = () => this.#run === run;
    const provider = this.tokenProvider;
    // A new function with the same code (an inline function made on every render) is the same
    // token source: it costs no token request.
    if (provider && String(provider) !== String(this.#key)) this.#key = provider;
    try {
      const { result, requestId, durationMs } = await uploadCas({
        file: chosen,
        fileName: chosen.name,
        password: pw,
        token: provider
          ? { provider, key: this.#key }
          : {
              url: this.tokenUrl ?? '',
              method: String(this.tokenMethod).toUpperCase() === 'POST' ? 'POST' : undefined,
              init: this.tokenRequestInit,
            },
        apiBase: this.apiBase,
        parser: this.parser,
        fileField: this.fileField,
        maxSize: this.maxSize,
        timeout: this.timeout,
        retries: this.retries,
        retryDelay: this.retryDelay,
        signal: run.signal,
        onStart: () => {
          // A listener may also cancel, or start another upload: then this one is over.
          this.#live = true;
          loadSummary(true);
          if (!this.#emit('cas-upload-start', { file: chosen, parser: this.parser }, true) || !mine()) return false;
          this.#started = CasUploadElement.now();
          this.#ticker = setInterval(() => this.requestUpdate(), 1000);
          this.#onProgress({ phase: 'upload', loaded: 0, total: chosen.size });
          return true;
        },
        onProgress: (p) => {
          if (!mine()) return;
          this.#emit('cas-upload-progress', { ...p });
          this.#onProgress(p);
        },
      });
      if (!mine()) throw new CasUploadError('aborted');
      this.#end();
      // The file is let go: nothing of the upload stays but its result.
      this.#file = undefined;
      this.#result = result;
      this.#status = t.done;
      this.#set('success');
      this.#emit('cas-upload-success', {
        result,
        file: { name: chosen.name, size: chosen.size },
        parser: this.parser,
        durationMs,
        requestId,
      });
      return result;
    } catch (err) {
      const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
      if (!mine()) throw new CasUploadError('aborted');
      this.#end();
      if (error.code === 'aborted') {
        this.#set(this.#file ? 'ready' : 'idle');
        throw error;
      }
      // Kept for one Retry: after that (or a new file, or reset()) it is typed again.
      if (error.retryable && !again) this.#retry = pw;
      throw this.#fail(error);
    }
  }

  /** Aborts the upload in flight (the request is really aborted) and fires `cas-upload-cancel`. */
  cancel(): void {
    this.#abort(true);
  }

  /** Back to `idle`, clearing file, password, result and error. */
  reset(): void {
    this.#abort(true);
    this.#file = this.#retry = this.#result = this.#error = this.#progress = undefined;
    this.password = this.#status = '';
    this.#reveal = this.#ask = false;
    this.#set('idle');
  }

  /**
   * Renders in the UI language, whose strings may be a separate file still on its way: the
   * first render waits for them for at most {@link LANG_WAIT} ms, later ones do not wait. Until
   * they arrive the element speaks English, and it renders again when they do (or stays in
   * English if they cannot be loaded). The success view waits the same way for the summary's
   * file (loaded since the upload started); without it, it shows the success line alone.
   */
  protected override async scheduleUpdate(): Promise<void> {
    const loading = loadStrings(this.#lang);
    const summary = this.#state === 'success' ? loadSummary() : undefined;
    if (loading || summary) {
      const pending = Promise.all([loading, summary]);
      let arrived = false;
      if (!this.hasUpdated || summary) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([pending.then(() => (arrived = true)), new Promise((r) => (timer = setTimeout(r, LANG_WAIT)))]);
        clearTimeout(timer);
      }
      if (!arrived) pending.then(() => this.requestUpdate());
    }
    super.scheduleUpdate();
  }

  /** `lang` of the element or its nearest ancestor, across shadow roots. */
  get #lang(): string {
    for (let n: Element | undefined = this; n; n = up(n)) if (n.getAttribute('lang')) return n.getAttribute('lang')!;
    return 'en';
  }

  /** The language the texts are shown in (see {@link shownLanguage}). */
  get #speaks(): string {
    return shownLanguage(this.#lang);
  }

  get #t(): CasUploadStrings {
    return { ...stringsFor(this.#lang), ...this.strings };
  }

  /**
   * The locale for numbers and dates: the language shown (English while a language's strings
   * are on their way or failed to load), with Indian conventions unless a region is given
   * (`en` → `en-IN`).
   */
  get #locale(): string {
    const lang = this.#speaks;
    return lang.includes('-') ? lang : `${lang}-IN`;
  }

  #fmt(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.#locale, options).format(value);
  }

  #size(bytes: number): string {
    const mb = bytes >= 1048576;
    return this.#fmt(mb ? bytes / 1048576 : Math.max(1, bytes / 1024), {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: mb ? 1 : 0,
    });
  }

  #emit<K extends keyof CasUploadEventMap>(type: K, detail: CasUploadEventMap[K]['detail'], cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  #set(state: CasUploadState): void {
    this.#state = state;
    this.setAttribute('state', state);
    this.requestUpdate();
  }

  #onProgress(p: ProgressDetail): void {
    this.#progress = p;
    const t = this.#t;
    if (p.phase === 'parse') {
      if (this.#state !== 'parsing') this.#status = t.parsing;
      this.#set('parsing');
    } else {
      // Announced in steps of 25 %, not at every progress event.
      const step = Math.floor(this.#percent / 25) * 25;
      if (step !== this.#announced) this.#status = fill(t.uploading, { percent: (this.#announced = step) });
      this.#set('uploading');
    }
  }

  get #percent(): number {
    const p = this.#progress;
    return p?.total ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0;
  }

  #end(): void {
    this.#run = undefined;
    this.#live = false;
    this.#announced = -1;
    this.#progress = undefined;
    clearInterval(this.#ticker);
  }

  #abort(notify: boolean): void {
    const run = this.#run;
    if (!run) return;
    notify &&= this.#live;
    this.#end();
    run.abort();
    this.#status = this.#t.aborted;
    this.#set(this.#file ? 'ready' : 'idle');
    const f = this.#file!;
    if (notify) this.#emit('cas-upload-cancel', { file: { name: f.name, size: f.size } });
  }

  /** Shows and reports `error`; returns it with the message in the UI language. */
  #fail(error: CasUploadError): CasUploadError {
    const { apiMessage, status, retryable, requestId } = error;
    const code = error.code as CasUploadErrorDetail['code'];
    const message = fill(this.#t[code], { max: this.#size(positive(this.maxSize, DEFAULT_MAX_SIZE)) });
    this.#error = { code, message, apiMessage, status, retryable, requestId };
    if (FILE_ERRORS.includes(code)) this.#file = undefined;
    this.#status = message;
    this.#set('error');
    this.#emit('cas-upload-error', { ...this.#error });
    return new CasUploadError(code, message, error);
  }

  async #choose(file?: File): Promise<void> {
    if (this.#off || !file || this.#run) return;
    this.#ui = true;
    this.#retry = this.#result = this.#error = undefined;
    this.#ask = false;
    try {
      await checkPdf(file, this.maxSize);
    } catch (err) {
      if (!this.#run) this.#fail(err as CasUploadError);
      return;
    }
    // An upload started meanwhile (`upload(file)` from the page) keeps the element.
    if (this.#run) return;
    this.#file = file;
    this.#status = fill(this.#t.chosen, { name: file.name, size: this.#size(file.size) });
    this.#set('ready');
    this.#emit('cas-upload-select', { file });
  }

  #submit(e: Event): void {
    e.preventDefault();
    if (this.#run) return;
    this.#ui = true;
    const kept = this.password ? undefined : this.#retry;
    const pw = kept ?? this.password;
    // CAS statements always have a password: ask for it, unless the host allows none. (With no
    // file, upload() says that first.)
    if (!pw && !this.allowEmptyPassword && this.#file) {
      this.#ask = true;
      this.#status = this.#t.passwordNeeded;
      this.#q('#pw')?.focus();
      this.requestUpdate();
      return;
    }
    this.#again = kept !== undefined;
    this.upload(undefined, pw).catch(() => {});
  }

  #q<E extends HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  /** @internal Called by the browser when a `<fieldset>` around the element is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.#formOff = disabled;
    this.requestUpdate();
  }

  /** @internal Called by the browser when the element's form is reset: {@link reset}. */
  formResetCallback(): void {
    this.reset();
  }

  get #off(): boolean {
    return this.disabled || this.#formOff;
  }

  protected override updated(): void {
    // `required`: invalid (the form waits) until a statement was read.
    this.#internals.setValidity(
      this.required && this.#state !== 'success' ? { valueMissing: true } : {},
      this.#t.required,
      this.#q('button') ?? undefined,
    );
    // Focus follows what appears when the visitor acted, or when focus was in the element
    // only: Cancel while busy, then the error (or the password), or the summary.
    const state = this.#state;
    if (state === this.#shown) return;
    this.#shown = state;
    if (!this.#ui && !this.matches(':focus-within')) return;
    const target = {
      idle: '[part~=choose]',
      ready: '#pw',
      uploading: '[part~=cancel]',
      parsing: '[part~=cancel]',
      success: '[part~=summary]',
      error: this.#error?.code === 'invalid-password' ? '#pw' : '[part~=error]',
    }[state];
    this.#q(target)?.focus();
    this.#ui = state === 'uploading' || state === 'parsing';
  }

  // Templates are written without indentation: their text ships as is. The summary's list is
  // cas-upload-summary.ts, loaded when an upload starts.
  protected override render() {
    const t = this.#t;
    const state = this.#state;
    const file = this.#file;
    const error = this.#error;
    const code = error?.code;
    const button = (part: string, label: string, click?: () => void) =>
      html`<button part=${part} type=${click ? 'button' : 'submit'} @click=${click}>${label}</button>`;
    const name = file && html`<p part="file">${file.name} <span class="m">${this.#size(file.size)}</span></p>`;
    const again = () => ((this.#ui = true), this.reset());
    const note = this.#ask ? t.passwordNeeded : this.#retry !== undefined && !this.password ? t.passwordKept : '';
    let body;
    if (state === 'success') {
      body = html`<div part="summary" role="group" tabindex="-1" aria-labelledby="ok"><p id="ok">${t.done}</p>${summaryView?.({
        html,
        nothing,
        result: this.#result ?? {},
        t,
        locale: this.#locale,
        fmt: (v, o) => this.#fmt(v, o),
      })}</div><div class="a">${button('another', t.another, again)}</div>`;
    } else if (state === 'uploading' || state === 'parsing') {
      const parsing = state === 'parsing';
      const seconds = Math.floor((CasUploadElement.now() - this.#started) / 1000);
      body = html`${name}<div class="f"><span part="progress-label" id="pl">${parsing ? t.parsing : fill(t.uploading, { percent: this.#percent })} <span class="m">${this.#fmt(
        Math.max(0, seconds),
        { style: 'unit', unit: 'second', unitDisplay: 'narrow' },
      )}</span></span><progress part="progress" class=${state} max="100" .value=${parsing ? 100 : this.#percent} aria-labelledby="pl"></progress></div><div class="a">${button(
        'cancel',
        t.cancel,
        () => this.cancel(),
      )}</div>`;
    } else {
      const drag = (over: boolean) => (e: DragEvent) => {
        e.preventDefault();
        this.#over = over && !this.#off;
        this.requestUpdate();
      };
      body = html`${error && html`<p part="error" id="err" tabindex="-1">${error.message}</p>`}<div part="dropzone" class=${this.#over ? 'over' : ''} @dragover=${drag(true)} @dragleave=${drag(false)} @drop=${(e: DragEvent) => {
        drag(false)(e);
        this.#choose(e.dataTransfer?.files[0]);
      }}><input part="file-input" type="file" accept="application/pdf,.pdf" hidden @change=${(e: Event) =>
        this.#choose((e.target as HTMLInputElement).files?.[0])} />${file
        ? html`${name}<button part="remove" type="button" aria-label="${t.remove} ${file.name}" @click=${again}>${t.remove}</button>`
        : html`${button('choose', FILE_ERRORS.includes(code!) ? t.chooseAnother : t.choose, () => this.#q<HTMLInputElement>('[type=file]')!.click())}<span part="drop-hint" class="m">${t.drop}</span>`}</div><div class="f"><label part="password-label" for="pw">${t.password}</label><input part="password-input" id="pw" name="password" type=${this.#reveal ? 'text' : 'password'} autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby=${`${error ? 'err ' : ''}${note ? 'pn ' : ''}hint`} aria-invalid=${code === 'invalid-password' || this.#ask} .value=${this.password} @input=${(e: Event) =>
        ((this.#ask = false), (this.password = (e.target as HTMLInputElement).value))} />${note && html`<span id="pn" class=${this.#ask ? 'd' : 'm'}>${note}</span>`}<label part="show-password" class="m"><input type="checkbox" .checked=${this.#reveal} @change=${() => (
        (this.#reveal = !this.#reveal), this.requestUpdate()
      )} /> ${t.show}</label><span part="hint" id="hint" class="m"><slot name="hint">${t.passwordHint}</slot></span></div><div class="a">${error?.retryable
        ? button('retry', t.retry)
        : file || !error
          ? button('submit', t.submit)
          : nothing}${code === 'invalid-password' ? button('check', t.checkPassword, () => this.#q('#pw')!.focus()) : nothing}</div>`;
    }
    // A disabled fieldset disables every control in it.
    return html`<form part="base" lang=${this.#speaks} @submit=${this.#submit} novalidate aria-labelledby="h"><fieldset ?disabled=${this.#off}><div part="heading" id="h"><slot name="heading">${t.heading}</slot></div>${body}</fieldset><p part="status" class="sr" role="status" aria-live="polite">${this.#status}</p></form>`;
  }
}

/** The parent element, or the host of the shadow root the element is in. */
function up(n: Element): Element | undefined {
  return n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || undefined);
}
