import { html, nothing, type PropertyDeclarations } from 'lit';
import { styles } from './styles.js';
import { CasUploadError } from '../core/errors.js';
import { checkPdf, DEFAULT_MAX_SIZE } from '../core/pdf-check.js';
import { positive, delayOf } from '../core/numbers.js';
import { sharedTokenCache } from '../core/token-cache.js';
import { uploadCas, type Parser } from '../core/upload.js';
import type { ProgressDetail } from '../core/parse-request.js';
import type { ParseResult } from '../core/types.js';
import { uploadStrings, fill, type CasUploadStrings } from './texts.js';
import { CasElement } from '../shared/cas-element.js';
import { prop } from '../shared/prop.js';
import type { summaryList } from './summary.js';
import { loadSummaryList } from './load-summary.js';
import { loadPasswordCheck } from './load-password.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasUploadState = 'idle' | 'ready' | 'uploading' | 'parsing' | 'success' | 'error';

/** Package version, set at build time. */
export const version: string = typeof __CAS_UPLOAD_VERSION__ === 'string' ? __CAS_UPLOAD_VERSION__ : '0.0.0-dev';
declare const __CAS_UPLOAD_VERSION__: string | undefined;

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

/** The password check on the device (a file of its own), asked for when a file is chosen; a failed load is asked for again at the next. */
let passwordCheck: ReturnType<typeof loadPasswordCheck> | undefined;
const loadCheck = (): ReturnType<typeof loadPasswordCheck> =>
  (passwordCheck ??= loadPasswordCheck().catch((err) => {
    passwordCheck = undefined;
    throw err;
  }));

/** Errors whose remedy is another file: the file is dropped and the chooser offered again. */
const FILE_ERRORS = ['invalid-file', 'file-too-large', 'parse-failed'];
/**
 * ms between two drawings of the upload progress: the page draws a frame for the progress only
 * this often, whatever the number of progress events; the bar, the percent shown and
 * `aria-valuenow` lag the bytes sent by at most this much. The bar steps to each value with no
 * transition: a running transition, even one the compositor runs, costs the page's main thread
 * work at every frame it is shown.
 */
const DRAW_MS = 1000;

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
 * @slot heading - Replaces the heading text (inside the element's own `<h2>`).
 * @slot hint - Replaces the password hint.
 *
 * @csspart base - The `<form>` that holds everything else.
 * @csspart heading - The heading, an `<h2>` (the `heading` slot's default text inside it).
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
 * @csspart progress-label - The text above the progress bar: the percent sent (with the seconds until the first bytes are reported), then "Reading" and the seconds it has taken.
 * @csspart progress - The progress bar (`role="progressbar"` with `aria-valuenow`); its bar is a child moved by a transform.
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
export class CasUploadElement extends CasElement<CasUploadState, CasUploadStrings> {
  static override styles = styles;
  /** A form control: `<fieldset disabled>`, form reset and `required` reach it (`ElementInternals`). */
  static formAssociated = true;
  /** `focus()` and `autofocus` move focus to the first control inside. */
  static override shadowRootOptions: ShadowRootInit = { ...CasElement.shadowRootOptions, delegatesFocus: true };

  static override properties: PropertyDeclarations = {
    parser: {},
    fileField: { attribute: 'file-field' },
    maxSize: { attribute: 'max-size', type: Number },
    required: { type: Boolean, reflect: true },
    allowEmptyPassword: { attribute: 'allow-empty-password', type: Boolean },
    password: { attribute: false },
  };

  /**
   * Registers the element as `tag` (default `cas-upload`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static override define(tag = 'cas-upload', registry?: CustomElementRegistry): void {
    super.define(tag, registry);
  }

  protected override catalog = uploadStrings;

  /** `smart`, `cdsl`, `nsdl` or `cams_kfintech`; posts to `{api-base}/v4/{parser}/parse`. */
  parser: Parser = 'smart';
  /** Multipart field name of the PDF. */
  fileField = 'pdf_file';
  /** Largest accepted file, in bytes. */
  maxSize = DEFAULT_MAX_SIZE;
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
  #internals = this.attachInternals();
  /** Disabled by a `<fieldset disabled>` around it (or its own `disabled`). */
  #formOff = false;
  #file?: File;
  #progress?: ProgressDetail;
  #result?: ParseResult;
  #reveal = false;
  #over = false;
  #announced = -1;
  #run?: AbortController;
  /** The password of a failed upload, kept for one Retry (the page says so); never shown. */
  #retry?: string;
  /** Whether the upload in flight uses that kept password (then it is not kept again). */
  #again = false;
  /** Upload was pressed with no password: the field asks for one. */
  #ask = false;
  /** Upload was pressed with no file: the drop zone asks for one. */
  #needFile = false;
  /** The wrong password of the last upload from the form, for "Check the password" only; never shown unasked. */
  #wrong?: string;
  /** The upload just started: its request goes out before the "uploading" view is drawn. */
  #sending = false;
  /** Draws the view now, before the 100 ms the progress view waits are over. */
  #drawNow?: () => void;
  /** Whether the run in flight fired `cas-upload-start` (only then is a cancel announced). */
  #live = false;
  /** The progress label's text: written in place, only when the sentence shown changes. */
  #text?: Text;
  /** When the progress was last drawn (`now()`, ms). */
  #drawn = -Infinity;
  /** The timer that draws the latest progress when `DRAW_MS` are over (0: none). */
  #later: ReturnType<typeof setTimeout> | 0 = 0;
  /** @internal Schedules a later drawing of the progress (`setTimeout`); replaceable in tests. */
  static later = (draw: () => void, ms: number): ReturnType<typeof setTimeout> => setTimeout(draw, ms);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // An element removed from the page stops its upload; nothing is left running. One that
    // is only moved (reconnected in the same task, as frameworks do) keeps it.
    queueMicrotask(() => this.isConnected || this.#abort(false));
  }

  /**
   * Uploads `file` (or the one chosen in the UI) with `password` (or the `password` property)
   * and resolves with the API's JSON body. Rejects with a {@link CasUploadError}. A new call
   * cancels the upload in flight, whose promise rejects with `aborted`. An encrypted PDF's
   * password is checked on the device first: a wrong one rejects with `invalid-password`
   * before any request (nothing is sent); when the check cannot tell, the upload goes on.
   */
  async upload(file?: File | Blob, password?: string): Promise<ParseResult> {
    const pw = password ?? this.password;
    this.password = '';
    if (this.off) throw new CasUploadError('aborted');
    this.#abort(true);
    const again = this.#again;
    this.#retry = undefined;
    this.#again = this.#ask = false;
    this.#wrong = undefined;
    const chosen = file
      ? file instanceof File
        ? file
        : new File([file], 'statement.pdf', { type: 'application/pdf' })
      : this.#file;
    if (!chosen) throw this.#fail(new CasUploadError('invalid-file'));
    this.#file = chosen;
    const run = (this.#run = new AbortController());
    this.error = this.#result = undefined;
    const t = this.t;
    const mine = () => this.#run === run;
    try {
      const { result, requestId, durationMs } = await uploadCas({
        file: chosen,
        fileName: chosen.name,
        password: pw,
        ...this.api(run.signal),
        parser: this.parser,
        fileField: this.fileField,
        maxSize: this.maxSize,
        // A wrong password ends here, on the device: no token request, no upload. The check
        // not loaded, or unsure, lets the upload go on.
        checkPassword: (f, p) => loadCheck().then((m) => m.checkPdfPassword(f, p)),
        onStart: () => {
          // A listener may also cancel, or start another upload: then this one is over.
          this.#live = true;
          loadSummary(true);
          if (!this.emit('cas-upload-start', { file: chosen, parser: this.parser }, true) || !mine()) return false;
          this.tick(true);
          this.#sending = true;
          this.#onProgress({ phase: 'upload', loaded: 0, total: chosen.size });
          return true;
        },
        onProgress: (p) => {
          if (!mine()) return;
          this.emit('cas-upload-progress', { ...p });
          // A listener may have cancelled: then nothing more of this run is shown.
          if (mine()) this.#onProgress(p);
        },
      });
      if (!mine()) throw new CasUploadError('aborted');
      this.#end();
      // The file is let go: nothing of the upload stays but its result.
      this.#file = undefined;
      this.#result = result;
      this.status = t.done;
      this.go('success');
      this.emit('cas-upload-success', {
        result,
        file: { name: chosen.name, size: chosen.size },
        parser: this.parser,
        durationMs,
        requestId,
        source: 'upload',
      });
      return result;
    } catch (err) {
      const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
      if (!mine()) throw new CasUploadError('aborted');
      this.#end();
      if (error.code === 'aborted') {
        this.go(this.#file ? 'ready' : 'idle');
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
    this.#file = this.#retry = this.#result = this.error = this.#progress = this.#wrong = undefined;
    this.password = this.status = '';
    this.#reveal = this.#ask = this.#needFile = false;
    this.go('idle');
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

  protected override get off(): boolean {
    return this.disabled || this.#formOff;
  }

  /**
   * The "uploading" view is drawn 100 ms after the upload started, once its request is sent: an
   * upload answered sooner goes straight to its outcome (drawn as it ends), with no flash of a
   * progress bar. The success view waits for the summary's file (loaded since the upload started).
   */
  protected override loading(): Promise<unknown> | undefined {
    if (this.#sending) {
      this.#sending = false;
      // Sooner when the upload ends (its outcome is drawn at once); then whatever the view by
      // then needs (the summary).
      return new Promise<void>((r) => setTimeout((this.#drawNow = r), 100)).then(() => this.loading());
    }
    return this.state === 'success' ? loadSummary() : undefined;
  }

  protected override updated(): void {
    // `required`: invalid (the form waits) until a statement was read.
    this.#internals.setValidity(
      this.required && this.state !== 'success' ? { valueMissing: true } : {},
      this.t.required,
      this.#q('button') ?? undefined,
    );
    this.#draw();
    super.updated();
  }

  #size(bytes: number): string {
    const mb = bytes >= 1048576;
    return this.fmt(mb ? bytes / 1048576 : Math.max(1, bytes / 1024), {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: mb ? 1 : 0,
    });
  }

  #onProgress(p: ProgressDetail): void {
    this.#progress = p;
    if (p.phase === 'parse') {
      const t = this.t;
      // The seconds count again from when the API starts reading (5-30 s).
      if (this.state !== 'parsing') ((this.status = t.parsing), this.tick(true));
      this.go('parsing');
    } else {
      // The seconds are shown only until bytes are reported: no ticking render from then on.
      if (p.loaded) this.tick(false);
      // Drawn again only when the bytes go out (again, on a retry); at once when a step of
      // 25 % is reached (announced, its render in the task of the drawing, so in its frame);
      // else in place, with no render, at most once every DRAW_MS: now if that long has passed
      // since the last drawing, else by one timer when it has (so a pause in progress still
      // shows the latest bytes).
      if (this.state !== 'uploading') (this.#announce(), this.go('uploading'));
      else if (this.#announce()) this.#step();
      else if (!this.#later) {
        const wait = this.#drawn + DRAW_MS - (this.constructor as typeof CasUploadElement).now();
        if (wait <= 0) this.#step();
        else this.#later = (this.constructor as typeof CasUploadElement).later(this.#step, wait);
      }
    }
  }

  /** A drawing of the upload progress, with the announcement of a step it reached. */
  #step = (): void => {
    clearTimeout(this.#later);
    this.#later = 0;
    this.#announce();
    this.#draw();
  };

  /**
   * Announces the progress in steps of 25 %, not at every progress event: a render at each step
   * only. Whether it announced one.
   */
  #announce(): boolean {
    const step = Math.floor(this.#percent / 25) * 25;
    return step !== this.#announced && ((this.status = fill(this.t.uploading, { percent: (this.#announced = step) })), this.requestUpdate(), true);
  }

  /**
   * Draws the progress in place (each render, and at most once every DRAW_MS after progress):
   * the bar moved by a transform (no layout, no paint), the label
   * and `aria-valuenow` written only when the percent shown changes.
   */
  #draw(): void {
    const bar = this.#q('[part=progress]');
    if (!bar) return;
    this.#drawn = (this.constructor as typeof CasUploadElement).now();
    const parsing = this.state === 'parsing';
    const p = this.#progress;
    const pct = String(parsing ? 100 : this.#percent);
    const t = this.t;
    const text = parsing ? t.parsing : fill(t.uploading, { percent: +pct });
    const transform = `scaleX(${parsing ? 1 : p?.total ? Math.round(Math.min(1, p.loaded / p.total) * 1e3) / 1e3 : 0})`;
    const fill_ = bar.firstElementChild as HTMLElement;
    if (fill_.style.transform !== transform) fill_.style.transform = transform;
    if (bar.getAttribute('aria-valuenow') !== pct) bar.setAttribute('aria-valuenow', pct);
    if (this.#text!.data !== text) this.#text!.data = text;
  }

  get #percent(): number {
    const p = this.#progress;
    return p?.total ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0;
  }

  #end(): void {
    this.#drawNow?.();
    this.#run = undefined;
    this.#live = false;
    this.#announced = -1;
    this.#progress = undefined;
    clearTimeout(this.#later);
    this.#later = 0;
    this.#drawn = -Infinity;
    this.tick(false);
  }

  #abort(notify: boolean): void {
    const run = this.#run;
    if (!run) return;
    notify &&= this.#live;
    this.#end();
    run.abort();
    this.status = this.t.aborted;
    this.go(this.#file ? 'ready' : 'idle');
    const f = this.#file!;
    if (notify) this.emit('cas-upload-cancel', { file: { name: f.name, size: f.size } });
  }

  /** Shows and reports `error`; returns it with the message in the UI language. */
  #fail(error: CasUploadError): CasUploadError {
    if (FILE_ERRORS.includes(error.code)) this.#file = undefined;
    return this.fail(error, () => ({ max: this.#size(positive(this.maxSize, DEFAULT_MAX_SIZE)) }));
  }

  async #choose(file?: File): Promise<void> {
    if (this.off || !file || this.#run) return;
    this.ui = true;
    this.#retry = this.#result = this.error = this.#wrong = undefined;
    this.#ask = this.#needFile = false;
    try {
      await checkPdf(file, this.maxSize);
    } catch (err) {
      if (!this.#run) this.#fail(err as CasUploadError);
      return;
    }
    // An upload started meanwhile (`upload(file)` from the page) keeps the element.
    if (this.#run) return;
    this.#file = file;
    this.status = fill(this.t.chosen, { name: file.name, size: this.#size(file.size) });
    this.go('ready');
    this.emit('cas-upload-select', { file });
    // The password check is fetched now, for the upload (the first render did not wait for it).
    loadCheck().catch(() => {});
    // The token is fetched now, while the visitor types the password: the upload shares it.
    if (this.tokenProvider || this.tokenUrl)
      sharedTokenCache.get(this.api().token, undefined, delayOf(this.timeout, 60000)).catch(() => {});
  }

  #submit(e: Event): void {
    e.preventDefault();
    if (this.#run) return;
    this.ui = true;
    // No file yet: the drop zone says so, and the Upload button stays (`upload()` from the
    // page rejects with `invalid-file`).
    if (!this.#file) {
      this.#needFile = true;
      this.status = this.t.fileNeeded;
      this.#q('[part~=choose]')?.focus();
      this.requestUpdate();
      return;
    }
    const kept = this.password ? undefined : this.#retry;
    const pw = kept ?? this.password;
    // CAS statements always have a password: ask for it, unless the host allows none.
    if (!pw && !this.allowEmptyPassword) {
      this.#ask = true;
      this.status = this.t.passwordNeeded;
      this.#q('#pw')?.focus();
      this.requestUpdate();
      return;
    }
    this.#again = kept !== undefined;
    // A wrong password is kept (in memory only) for "Check the password"; the field is emptied.
    this.upload(undefined, pw).catch((e) => {
      if (e.code == 'invalid-password' && this.state == 'error') this.#wrong = pw;
    });
  }

  /**
   * "Check the password": the wrong password back in its field (hidden unless "Show password"),
   * focused and selected, so the visitor sees what was typed and where to type.
   */
  #check(): void {
    const pw = this.#q<HTMLInputElement>('#pw')!;
    if (this.#wrong && !this.password) pw.value = this.password = this.#wrong;
    this.#wrong = undefined;
    pw.focus();
    pw.select();
  }

  #q<E extends HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  /** Focus after a step: Cancel while busy, then the error (or the password), or the summary. */
  protected override focusFor(state: CasUploadState): string {
    return {
      idle: '[part~=choose]',
      ready: '#pw',
      uploading: '[part~=cancel]',
      parsing: '[part~=cancel]',
      success: '[part~=summary]',
      error: this.error?.code === 'invalid-password' ? '#pw' : '[part~=error]',
    }[state];
  }

  // Templates lose their line breaks when built (scripts/template-whitespace.mjs). The summary's list is
  // summary.ts, loaded when an upload starts.
  protected override render() {
    const t = this.t;
    const state = this.state;
    const file = this.#file;
    const error = this.error;
    const code = error?.code;
    const button = (part: string, label: string, click?: () => void) =>
      html`<button part=${part} type=${click ? 'button' : 'submit'} @click=${click}>${label}</button>`;
    const name = file && html`<p part="file">${file.name} <span class="m">${this.#size(file.size)}</span></p>`;
    const again = () => ((this.ui = true), this.reset());
    const note = this.#ask ? t.passwordNeeded : this.#retry !== undefined && !this.password ? t.passwordKept : '';
    let body;
    switch (state) {
      case 'success':
        body = html`<div part="summary" role="group" tabindex="-1" aria-labelledby="ok">
            <p id="ok">${t.done}</p>
            ${summaryView?.({
              html,
              nothing,
              result: this.#result ?? {},
              t,
              locale: this.locale,
              fmt: (v, o) => this.fmt(v, o),
            })}
          </div>
          <div class="a">${button('another', t.another, again)}</div>`;
        break;
      case 'uploading':
      case 'parsing': {
        const parsing = state === 'parsing';
        body = html`${name}
          <div class="f">
            <span part="progress-label" id="pl"
              >${(this.#text ??= document.createTextNode(''))} <span class="m"
                >${parsing || !this.#progress?.loaded ? this.elapsed : ''}</span
              ></span
            ><div
              part="progress"
              role="progressbar"
              class=${state}
              aria-valuemin="0"
              aria-valuemax="100"
              aria-labelledby="pl"
            ><i></i></div>
          </div>
          <div class="a">${button('cancel', t.cancel, () => this.cancel())}</div>`;
        break;
      }
      // `idle`, `ready` and `error`: the file and its password.
      default: {
        const drag = (over: boolean) => (e: DragEvent) => {
          e.preventDefault();
          this.#over = over && !this.off;
          this.requestUpdate();
        };
        body = html`${error && this.errorView()}
          <div
            part="dropzone"
            class=${this.#over ? 'over' : ''}
            @dragover=${drag(true)}
            @dragleave=${drag(false)}
            @drop=${(e: DragEvent) => {
              drag(false)(e);
              this.#choose(e.dataTransfer?.files[0]);
            }}
          >
            <input
              part="file-input"
              type="file"
              accept="application/pdf,.pdf"
              hidden
              @change=${(e: Event) => this.#choose((e.target as HTMLInputElement).files?.[0])}
            />${
              file
                ? html`${name}<button part="remove" type="button" aria-label="${t.remove} ${file.name}" @click=${again}>
                      ${t.remove}
                    </button>`
                : html`${button('choose', FILE_ERRORS.includes(code!) ? t.chooseAnother : t.choose, () => this.#q<HTMLInputElement>('[type=file]')!.click())}<span
                      part="drop-hint"
                      class="m"
                      >${t.drop}</span
                    >${this.#needFile ? html`<span id="fn" class="d">${t.fileNeeded}</span>` : nothing}`
            }
          </div>
          <div class="f">
            <label part="password-label" for="pw">${t.password}</label
            ><input
              part="password-input"
              id="pw"
              name="password"
              type=${this.#reveal ? 'text' : 'password'}
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              aria-describedby=${`${error ? 'err ' : ''}${note ? 'pn ' : ''}hint`}
              aria-invalid=${code === 'invalid-password' || this.#ask}
              .value=${this.password}
              @input=${(e: Event) => ((this.#ask = false), (this.password = (e.target as HTMLInputElement).value))}
            />${note && html`<span id="pn" class=${this.#ask ? 'd' : 'm'}>${note}</span>`}<label
              part="show-password"
              class="m"
              ><input
                type="checkbox"
                ?checked=${this.#reveal}
                ${prop('checked', this.#reveal)}
                @change=${() => ((this.#reveal = !this.#reveal), this.requestUpdate())}
              /> ${t.show}</label
            ><span part="hint" id="hint" class="m"><slot name="hint">${t.passwordHint}</slot></span>
          </div>
          <div class="a">
            ${
              error?.retryable ? button('retry', t.retry) : file || !error ? button('submit', t.submit) : nothing
            }${code === 'invalid-password' ? button('check', t.checkPassword, () => this.#check()) : nothing}
          </div>`;
      }
    }
    // A disabled fieldset disables every control in it.
    return this.frame(body, this.#submit);
  }
}
