import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styles } from './cas-upload.styles.js';
import { CasUploadError, type CasUploadErrorCode } from './core/errors.js';
import { checkPdf, DEFAULT_MAX_SIZE } from './core/pdf-check.js';
import { sharedTokenCache, type TokenProvider, type TokenSource } from './core/token-cache.js';
import { uploadCas, DEFAULT_API_BASE } from './core/upload.js';
import type { ProgressDetail } from './core/parse-request.js';
import type { ParseResult } from './core/types.js';
import { stringsFor, fill, type CasUploadStrings } from './i18n/index.js';
import type { CasUploadErrorDetail, CasUploadEventMap } from './events.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasUploadState = 'idle' | 'ready' | 'uploading' | 'parsing' | 'success' | 'error';

/** Package version, set at build time. */
export const version: string = typeof __CAS_UPLOAD_VERSION__ === 'string' ? __CAS_UPLOAD_VERSION__ : '0.0.0-dev';
declare const __CAS_UPLOAD_VERSION__: string | undefined;

interface Run {
  controller: AbortController;
  file: File;
}

/**
 * `<cas-upload>`: lets a visitor upload a password-protected CAS PDF (CAMS, KFintech, CDSL,
 * NSDL) to the CAS Parser API with a short-lived access token from the host's own backend.
 *
 * @summary Uploads a CAS statement and emits the parsed result.
 *
 * @fires {CustomEvent<CasUploadSelectDetail>} cas-upload-select - A file was chosen and passed the checks.
 * @fires {CustomEvent<CasUploadStartDetail>} cas-upload-start - Cancelable; the upload is about to begin.
 * @fires {CustomEvent<CasUploadProgressDetail>} cas-upload-progress - Bytes sent, then `phase: 'parse'`.
 * @fires {CustomEvent<CasUploadSuccessDetail>} cas-upload-success - The API's parsed JSON body.
 * @fires {CustomEvent<CasUploadErrorDetail>} cas-upload-error - A coded error; never for `aborted`.
 * @fires {CustomEvent<CasUploadCancelDetail>} cas-upload-cancel - The upload in flight was cancelled.
 *
 * @slot heading - Replaces the heading text.
 * @slot hint - Replaces the password hint.
 *
 * @csspart dropzone - The area that takes a dropped file and holds the file chooser.
 * @csspart file-input - The `<input type="file">`.
 * @csspart password-input - The password field.
 * @csspart submit - The Upload button.
 * @csspart cancel - The Cancel button.
 * @csspart progress - The `<progress>` bar.
 * @csspart status - The `aria-live` status region.
 * @csspart error - The error message.
 * @csspart retry - The Retry button.
 * @csspart summary - The success summary.
 *
 * @cssprop [--cas-upload-accent=#0b63ce] - Buttons, focus ring, progress.
 * @cssprop [--cas-upload-on-accent=#fff] - Text on accent-coloured buttons.
 * @cssprop [--cas-upload-text=#1a1d23] - Text colour.
 * @cssprop [--cas-upload-muted=#5b6270] - Secondary text colour.
 * @cssprop [--cas-upload-background=#fff] - Background.
 * @cssprop [--cas-upload-border=#c4c9d2] - Borders.
 * @cssprop [--cas-upload-danger=#b3261e] - Error text.
 * @cssprop [--cas-upload-success=#1b7a3a] - Success text.
 * @cssprop [--cas-upload-radius=10px] - Corner radius.
 * @cssprop [--cas-upload-spacing=16px] - Base spacing.
 * @cssprop [--cas-upload-font=400 1rem/1.5 system-ui, sans-serif] - Font shorthand.
 */
export class CasUploadElement extends LitElement {
  static override styles = styles;

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
  @property({ attribute: 'token-url' }) tokenUrl?: string;

  /** `GET` or `POST` for the token request. */
  @property({ attribute: 'token-method' }) tokenMethod: 'GET' | 'POST' = 'GET';

  /** Extra `RequestInit` merged into the token request (headers such as a CSRF token, `credentials`). */
  @property({ attribute: false }) tokenRequestInit: RequestInit = {};

  /** Replaces `token-url`: a function that returns an access token or a token response. */
  @property({ attribute: false }) tokenProvider?: TokenProvider;

  /** API origin; `https:`, or `http:` on localhost, 127.0.0.1 or [::1]. */
  @property({ attribute: 'api-base' }) apiBase: string = DEFAULT_API_BASE;

  /** `smart`, `cdsl`, `nsdl` or `cams_kfintech`; posts to `{api-base}/v4/{parser}/parse`. */
  @property() parser = 'smart';

  /** Multipart field name of the PDF. */
  @property({ attribute: 'file-field' }) fileField = 'pdf_file';

  /** Largest accepted file, in bytes. */
  @property({ attribute: 'max-size', type: Number }) maxSize = DEFAULT_MAX_SIZE;

  /** ms to wait for the parse response before giving up. */
  @property({ type: Number }) timeout = 60000;

  /** Extra attempts after a 429, 502, 503, 504 or a network failure. */
  @property({ type: Number }) retries = 2;

  /** Base backoff in ms: attempt n waits `retryDelay * 2^(n-1)` plus jitter, unless `Retry-After` says otherwise. */
  @property({ attribute: 'retry-delay', type: Number }) retryDelay = 1000;

  /** No interaction, no upload. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The PDF's password. Never reflected, never in an event; cleared after each upload. */
  @property({ attribute: false }) password = '';

  /** Partial override of any UI text. */
  @property({ attribute: false }) strings: Partial<CasUploadStrings> = {};

  @state() private _state: CasUploadState = 'idle';
  @state() private _file?: File;
  @state() private _progress?: ProgressDetail;
  @state() private _result?: ParseResult;
  @state() private _error?: CasUploadErrorDetail;
  @state() private _status = '';
  @state() private _showPassword = false;
  @state() private _over = false;
  @state() private _elapsed = 0;

  @query('input[type=file]') private _fileInput?: HTMLInputElement;

  #run?: Run;
  #hadFocus = false;
  #retry?: { file: File; password: string };
  #announced = -1;
  #ticker?: ReturnType<typeof setInterval>;
  #langObserver?: MutationObserver;

  /** `idle`, `ready`, `uploading`, `parsing`, `success` or `error`. Read-only. */
  get state(): CasUploadState {
    return this._state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#reflectState();
    this.#langObserver = new MutationObserver(() => this.requestUpdate());
    for (let n: Element | null = this; n; n = n.parentElement) {
      this.#langObserver.observe(n, { attributeFilter: ['lang'] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    // An element removed from the page stops its upload; nothing is left running.
    this.#abortRun(false);
  }

  /**
   * Uploads `file` (or the one chosen in the UI) with `password` (or the `password` property)
   * and resolves with the API's JSON body. Rejects with a {@link CasUploadError}. A new call
   * cancels the upload in flight, whose promise rejects with `aborted`.
   */
  async upload(file?: File | Blob, password?: string): Promise<ParseResult> {
    const pw = password ?? this.password;
    this.password = '';
    const input = this.renderRoot?.querySelector<HTMLInputElement>('input[name=password]');
    if (input) input.value = '';
    if (this.disabled) throw new CasUploadError('aborted', 'The uploader is disabled.');
    this.#abortRun(true);
    this.#retry = undefined;
    const chosen = file ? asFile(file) : this._file;
    if (!chosen) return this.#fail(new CasUploadError('invalid-file'), undefined);
    this._file = chosen;
    const run: Run = { controller: new AbortController(), file: chosen };
    this.#run = run;
    this._error = undefined;
    this._result = undefined;
    const started = Date.now();
    try {
      const { result, requestId, durationMs } = await uploadCas({
        file: chosen,
        fileName: chosen.name,
        password: pw,
        token: this.#tokenSource(),
        apiBase: this.apiBase,
        parser: this.parser,
        fileField: this.fileField,
        maxSize: this.maxSize,
        timeout: this.timeout,
        retries: this.retries,
        retryDelay: this.retryDelay,
        signal: run.controller.signal,
        tokenCache: sharedTokenCache,
        onStart: () => {
          if (!this.#emit('cas-upload-start', { file: chosen, parser: this.parser }, true)) return false;
          this._progress = { phase: 'upload', loaded: 0, total: chosen.size };
          this.#setState('uploading');
          this.#announce(0);
          this._elapsed = 0;
          this.#ticker = setInterval(() => (this._elapsed = Math.round((Date.now() - started) / 1000)), 1000);
          return true;
        },
        onProgress: (p) => {
          if (this.#run !== run) return;
          this._progress = p;
          this.#emit('cas-upload-progress', { ...p });
          if (p.phase === 'parse') {
            this.#setState('parsing');
            this._status = this.#t.parsing;
          } else {
            this.#announce(p.total ? Math.floor((p.loaded / p.total) * 100) : 0);
          }
        },
      });
      if (this.#run !== run) throw new CasUploadError('aborted');
      this.#endRun();
      this._result = result;
      this.#setState('success');
      this._status = this.#t.done;
      this.#emit('cas-upload-success', {
        result,
        file: { name: chosen.name, size: chosen.size },
        parser: this.parser,
        durationMs,
        requestId,
      });
      return result;
    } catch (err) {
      const error =
        err instanceof CasUploadError ? err : new CasUploadError('server-error', undefined, { retryable: true });
      if (error.code === 'aborted') {
        if (this.#run === run) {
          this.#endRun();
          this.#setState(this._file ? 'ready' : 'idle');
        }
        throw error;
      }
      if (this.#run !== run) throw new CasUploadError('aborted');
      this.#endRun();
      if (error.retryable) this.#retry = { file: chosen, password: pw };
      return this.#fail(error, chosen);
    }
  }

  /** Aborts the upload in flight (the request is really aborted) and fires `cas-upload-cancel`. */
  cancel(): void {
    this.#abortRun(true);
  }

  /** Back to `idle`, clearing file, password, result and error. */
  reset(): void {
    this.#abortRun(true);
    this._file = undefined;
    this.password = '';
    this.#retry = undefined;
    this._result = undefined;
    this._error = undefined;
    this._progress = undefined;
    this._status = '';
    this._showPassword = false;
    if (this._fileInput) this._fileInput.value = '';
    this.#setState('idle');
  }

  get #t(): CasUploadStrings {
    const lang = this.closest('[lang]')?.getAttribute('lang');
    return { ...stringsFor(lang), ...this.strings };
  }

  get #locale(): string {
    const lang = this.closest('[lang]')?.getAttribute('lang') || 'en';
    return /-/.test(lang) ? lang : `${lang}-IN`;
  }

  #tokenSource(): TokenSource {
    if (this.tokenProvider) return { provider: this.tokenProvider };
    return { url: this.tokenUrl ?? '', method: this.tokenMethod === 'POST' ? 'POST' : 'GET', init: this.tokenRequestInit };
  }

  #emit<K extends keyof CasUploadEventMap>(
    type: K,
    detail: CasUploadEventMap[K]['detail'],
    cancelable = false,
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  #setState(next: CasUploadState): void {
    this._state = next;
    this.#reflectState();
  }

  #reflectState(): void {
    if (this.getAttribute('state') !== this._state) this.setAttribute('state', this._state);
  }

  #announce(percent: number): void {
    // Announce every 25 %, not every progress event.
    const step = Math.floor(percent / 25) * 25;
    if (step === this.#announced) return;
    this.#announced = step;
    this._status = fill(this.#t.uploading, { percent: step });
  }

  #endRun(): void {
    this.#run = undefined;
    this.#announced = -1;
    clearInterval(this.#ticker);
  }

  #abortRun(notify: boolean): void {
    const run = this.#run;
    if (!run) return;
    this.#endRun();
    run.controller.abort();
    this._progress = undefined;
    this.#setState(this._file ? 'ready' : 'idle');
    this._status = this.#t.cancelled;
    if (notify) this.#emit('cas-upload-cancel', { file: { name: run.file.name, size: run.file.size } });
  }

  #fail(error: CasUploadError, file: File | undefined): never {
    const code = error.code as CasUploadErrorDetail['code'];
    const message = this.#message(code);
    const localized = new CasUploadError(code, message, error);
    this._error = {
      code,
      message,
      apiMessage: error.apiMessage,
      status: error.status,
      retryable: error.retryable,
      requestId: error.requestId,
    };
    if (code === 'invalid-file' || code === 'file-too-large') {
      this._file = undefined;
      if (this._fileInput) this._fileInput.value = '';
    } else if (file) {
      this._file = file;
    }
    this._progress = undefined;
    this.#setState('error');
    this._status = message;
    this.#emit('cas-upload-error', { ...this._error });
    throw localized;
  }

  #message(code: CasUploadErrorCode): string {
    return fill(this.#t[code], { max: formatSize(this.maxSize, this.#locale) });
  }

  async #choose(file: File | undefined): Promise<void> {
    if (this.disabled || !file || this.#run) return;
    this.#retry = undefined;
    this._result = undefined;
    this._error = undefined;
    try {
      await checkPdf(file, this.maxSize);
    } catch (err) {
      try {
        this.#fail(err as CasUploadError, undefined);
      } catch {
        /* reported through the error event and the UI */
      }
      return;
    }
    this._file = file;
    this.#setState('ready');
    this._status = fill(this.#t.chosen, { name: file.name });
    this.#emit('cas-upload-select', { file });
  }

  #submit(e?: Event): void {
    e?.preventDefault();
    if (this.#run) return;
    this.#hadFocus = this.matches(':focus-within');
    const retry = this.#retry;
    const run = retry && !this.password ? this.upload(retry.file, retry.password) : this.upload();
    run.catch(() => {
      /* reported through the error event and the UI */
    });
  }

  #removeFile(): void {
    this.reset();
    this.updateComplete.then(() => this._fileInput?.focus());
  }

  #onDrop(e: DragEvent): void {
    e.preventDefault();
    this._over = false;
    this.#choose(e.dataTransfer?.files?.[0]);
  }

  #onDragOver(e: DragEvent): void {
    e.preventDefault();
    if (!this.disabled && !this.#run) this._over = true;
  }

  protected override updated(changed: PropertyValues): void {
    // When the visitor started the upload from the keyboard or mouse, focus follows what
    // appears: Cancel while busy, then the error (or the password field), or the summary.
    if (changed.has('_state') && this.#hadFocus) {
      const targets: Partial<Record<CasUploadState, string>> = {
        uploading: '[part~=cancel]',
        error: this._error?.code === 'invalid-password' ? 'input[name=password]' : '[part~=error]',
        success: '[part~=summary]',
        ready: '[part~=submit]',
      };
      const target = targets[this._state];
      if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
      if (this._state !== 'uploading' && this._state !== 'parsing') this.#hadFocus = false;
    }
  }

  protected override render() {
    const t = this.#t;
    const busy = this._state === 'uploading' || this._state === 'parsing';
    const file = this._file;
    const disabled = this.disabled;
    return html`
      <form @submit=${this.#submit} novalidate aria-busy=${busy ? 'true' : 'false'}>
        <p class="heading" id="heading"><slot name="heading">${t.heading}</slot></p>
        ${this._state === 'success' ? this.#renderSummary(t) : nothing}
        ${busy || this._state === 'success' ? nothing : this.#renderChooser(t, file, disabled)}
        ${busy || this._state === 'success' ? nothing : this.#renderPassword(t, disabled)}
        ${busy ? this.#renderProgress(t) : nothing}
        ${this._state === 'error' && this._error ? this.#renderError(t, this._error) : nothing}
        ${busy || this._state === 'success' || this._state === 'error'
          ? nothing
          : html`<div class="actions">
              <button part="submit" class="primary" type="submit" ?disabled=${disabled}>${t.submit}</button>
            </div>`}
        <p part="status" class="sr-only" role="status" aria-live="polite">${this._status}</p>
      </form>
    `;
  }

  #renderChooser(t: CasUploadStrings, file: File | undefined, disabled: boolean) {
    return html`
      <div
        part="dropzone"
        class="dropzone ${this._over ? 'over' : ''}"
        @dragover=${this.#onDragOver}
        @dragleave=${() => (this._over = false)}
        @drop=${this.#onDrop}
      >
        ${file
          ? html`<div class="file">
              <span>${file.name}</span>
              <span class="muted">${formatSize(file.size, this.#locale)}</span>
              <button type="button" @click=${this.#removeFile} ?disabled=${disabled} aria-label="${t.remove}: ${file.name}">
                ${t.remove}
              </button>
            </div>`
          : nothing}
        <input
          part="file-input"
          class="sr-only"
          id="file"
          type="file"
          accept="application/pdf,.pdf"
          ?disabled=${disabled}
          @change=${(e: Event) => this.#choose((e.target as HTMLInputElement).files?.[0])}
        />
        <label class="choose" for="file">${file ? t.chooseAnother : t.choose}</label>
        ${file ? nothing : html`<span class="muted">${t.drop}</span>`}
      </div>
    `;
  }

  #renderPassword(t: CasUploadStrings, disabled: boolean) {
    return html`
      <div class="field">
        <label for="password">${t.password}</label>
        <div class="pw">
          <input
            part="password-input"
            id="password"
            name="password"
            type=${this._showPassword ? 'text' : 'password'}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby="hint"
            aria-invalid=${this._error?.code === 'invalid-password' ? 'true' : 'false'}
            ?disabled=${disabled}
            .value=${this.password}
            @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
          />
          <button
            type="button"
            aria-pressed=${this._showPassword ? 'true' : 'false'}
            ?disabled=${disabled}
            @click=${() => (this._showPassword = !this._showPassword)}
          >
            ${this._showPassword ? t.hide : t.show}
          </button>
        </div>
        <span class="hint" id="hint"><slot name="hint">${t.passwordHint}</slot></span>
      </div>
    `;
  }

  #renderProgress(t: CasUploadStrings) {
    const p = this._progress;
    const parsing = this._state === 'parsing';
    const percent = p && p.total ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0;
    const label = parsing ? t.parsing : fill(t.uploading, { percent });
    return html`
      <div class="field">
        <span id="progress-label">${label}
          <span class="muted">${fill(t.elapsed, { seconds: this._elapsed })}</span></span>
        <progress part="progress" max="100" .value=${parsing ? 100 : percent} aria-labelledby="progress-label"></progress>
      </div>
      <div class="actions">
        <button part="cancel" type="button" @click=${() => this.cancel()}>${t.cancel}</button>
      </div>
    `;
  }

  #renderError(t: CasUploadStrings, error: CasUploadErrorDetail) {
    const action =
      error.code === 'invalid-password'
        ? t.checkPassword
        : error.code === 'invalid-file' || error.code === 'file-too-large' || error.code === 'parse-failed'
          ? t.chooseAnother
          : null;
    return html`
      <p part="error" class="error" tabindex="-1">${error.message}</p>
      <div class="actions">
        ${error.retryable
          ? html`<button part="retry" class="primary" type="submit" ?disabled=${this.disabled}>${t.retry}</button>`
          : error.code === 'invalid-password' && this._file
            ? html`<button part="submit" class="primary" type="submit" ?disabled=${this.disabled}>${t.submit}</button>`
            : nothing}
        ${action && error.code !== 'invalid-password'
          ? html`<button type="button" @click=${this.#removeFile}>${action}</button>`
          : nothing}
      </div>
    `;
  }

  #renderSummary(t: CasUploadStrings) {
    const r = this._result ?? {};
    const locale = this.#locale;
    const period = r.meta?.statement_period;
    const total = r.summary?.total_value;
    const rows: [string, string | undefined][] = [
      [t.investor, r.investor?.name],
      [t.period, period?.from && period?.to ? `${formatDate(period.from, locale)} – ${formatDate(period.to, locale)}` : undefined],
      [t.total, typeof total === 'number' ? formatInr(total, locale) : undefined],
      [t.demat, count(r.summary?.accounts?.demat?.count ?? r.demat_accounts?.length, locale)],
      [t.folios, count(r.summary?.accounts?.mutual_funds?.count ?? r.mutual_funds?.length, locale)],
    ];
    return html`
      <p class="ok">${t.done}</p>
      <dl part="summary" class="summary" tabindex="-1">
        ${rows.filter(([, v]) => v !== undefined).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}
      </dl>
      <div class="actions">
        <button type="button" class="primary" @click=${this.#removeFile}>${t.another}</button>
      </div>
    `;
  }
}

function asFile(blob: File | Blob): File {
  return blob instanceof File ? blob : new File([blob], 'statement.pdf', { type: blob.type || 'application/pdf' });
}

function formatSize(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return mb >= 1 ? `${nf.format(mb)} MB` : `${nf.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

function formatInr(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'INR', maximumFractionDigits: 2 }).format(value);
}

function formatDate(iso: string, locale: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

function count(n: number | undefined, locale: string): string | undefined {
  return typeof n === 'number' ? new Intl.NumberFormat(locale).format(n) : undefined;
}
