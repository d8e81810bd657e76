import { html, nothing, type PropertyDeclarations } from 'lit';
import { styles } from './styles.js';
import { en, type CasCdslFetchStrings } from './en.js';
import { catalog, fill } from '../shared/catalog.js';
import { FlowElement } from '../shared/flow-element.js';
import type { ErrorValues } from '../shared/cas-element.js';
import { CasUploadError } from '../core/errors.js';
import {
  requestCdslOtp,
  verifyCdslOtp,
  parseCasUrl,
  CdslDetailsError,
  type CdslField,
  type CdslFile,
} from '../core/cdsl.js';
import { systemClock } from '../core/clock.js';
import type { ParseResult } from '../core/types.js';
import type { CasPrefill } from '../shared/events.js';
import { Details } from '../shared/details.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasCdslFetchState = 'idle' | 'requesting' | 'otp' | 'verifying' | 'parsing' | 'success' | 'error';

/** Where the flow stands when nothing is in flight: the form shown (also under an error). */
type Step = 'details' | 'otp' | 'password';

/** A new OTP may be asked for this long after the last one (CDSL sends each by SMS). */
const RESEND_MS = 30_000;
/** Seconds as the countdown shows them ("28 seconds", in the language shown). */
const SECONDS: Intl.NumberFormatOptions = { style: 'unit', unit: 'second', unitDisplay: 'long' };

/** The texts of `<cas-cdsl-fetch>`; Hindi is a file of its own, loaded when first used. */
const strings = catalog<CasCdslFetchStrings>(en, { hi: () => import('./hi.js').then((m) => m.hi) }, 'cas-cdsl-fetch');

/**
 * `<cas-cdsl-fetch>`: fetches an investor's newest CDSL statement with an OTP (PAN, BO ID and
 * date of birth, then the OTP that CDSL sends by SMS) and parses it with the CAS Parser API:
 * no PDF needed.
 *
 * @summary Fetches a CDSL statement with an OTP and emits the parsed result.
 * @tagname cas-cdsl-fetch
 *
 * @fires {CustomEvent<CasUploadSuccessDetail>} cas-upload-success - The parsed statement, with `source: 'cdsl'` and `files`.
 * @fires {CustomEvent<CasUploadErrorDetail>} cas-upload-error - A coded error; never for `aborted`.
 * @fires {CustomEvent<CasCdslFetchCancelDetail>} cas-upload-cancel - The flow was cancelled (the request in flight aborted).
 *
 * @slot heading - Replaces the heading text.
 *
 * @csspart base - The `<form>` that holds everything else.
 * @csspart heading - The heading, an `<h2>` (the `heading` slot's default text inside it).
 * @csspart pan-input - The PAN field.
 * @csspart bo-id-input - The BO ID field.
 * @csspart dob-input - The date of birth field (`<input type="date">`).
 * @csspart otp-input - The OTP field (`autocomplete="one-time-code"`, `inputmode="numeric"`).
 * @csspart password-input - The statement's password, when it is not the PAN.
 * @csspart show-password - The "Show password" checkbox beside the password (24 × 24 px).
 * @csspart submit - The main button of the step shown.
 * @csspart cancel - Cancels the step in flight, or the flow.
 * @csspart back - Back to the details.
 * @csspart resend - On the OTP step: asks CDSL for a new OTP; offered 30 s after the last one (before that `aria-disabled`, the seconds left counted down beside it), never sent on its own.
 * @csspart wait - What is happening during a long step, with the seconds elapsed.
 * @csspart progress - The busy indicator (`<progress>` without a value).
 * @csspart status - The `aria-live` status region (visually hidden).
 * @csspart error - The error message.
 * @csspart retry - The Retry button.
 * @csspart summary - The success summary.
 * @csspart another - "Fetch again", after success.
 *
 * @cssprop [--cas-upload-accent=#0b63ce] - Buttons, focus ring, progress (dark: #8ab4f8); every `--cas-upload-*` property of `<cas-upload>` applies.
 */
export class CasCdslFetchElement extends FlowElement<CasCdslFetchState, CasCdslFetchStrings> {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    periods: { type: Number },
    prefill: { attribute: false },
  };

  /**
   * Registers the element as `tag` (default `cas-cdsl-fetch`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static override define(tag = 'cas-cdsl-fetch', registry?: CustomElementRegistry): void {
    super.define(tag, registry);
  }

  protected override catalog = strings;

  /** Monthly statements asked of CDSL (`num_periods`); the newest one is parsed. */
  periods = 1;
  /**
   * What the host already knows of the investor, shown in the fields (property only; personal
   * data, never reflected to an attribute, an event or the console): `pan`, `boId` and `dob`
   * (`YYYY-MM-DD`, as a date field holds it) of `{ pan?, email?, boId?, dob? }`. Shown as given
   * and editable; the checks run on submit. A later value fills only the fields the investor
   * has not typed in; `reset()` shows it in every field again.
   */
  prefill?: CasPrefill;

  /** The details that `prefill` fills, as shown and typed. */
  #details = new Details(this);

  // What the investor typed (beyond #details): personal data, kept here only
  // (never an attribute or an event).
  #otp = '';
  #password = '';
  /** The password of the last parse, for Retry. */
  #tried = '';
  #step: Step = 'details';
  #session?: string;
  #files?: CdslFile[];
  #result?: ParseResult;
  #bad: CdslField[] = [];
  /** When the last OTP was asked for (the elements' clock, `CasElement.now`): a new one is offered 30 s later. */
  #sentAt = 0;
  /** Counts the seconds to a new OTP down, while the OTP step shows them. */
  #countdown?: ReturnType<typeof setInterval>;
  /** The page is shown again (back from the SMS app, or from the back/forward cache): the countdown catches up at once. */
  #onShow = () => this.#count();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.#onShow);
    addEventListener('pageshow', this.#onShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.#onShow);
    removeEventListener('pageshow', this.#onShow);
    clearInterval(this.#countdown);
  }

  /** Whole seconds before a new OTP may be asked for (0: now), on the OTP step. */
  get #wait(): number {
    const left = this.#sentAt + RESEND_MS - (this.constructor as typeof CasCdslFetchElement).now();
    return this.#step === 'otp' ? Math.max(0, Math.ceil(left / 1000)) : 0;
  }

  /**
   * The countdown's tick: the seconds shown again; at 0 the countdown stops and says, politely,
   * that a new OTP may be asked for (never asked for on its own).
   */
  #count(): void {
    if (!this.#countdown) return;
    if (!this.#wait) {
      clearInterval(this.#countdown);
      this.#countdown = undefined;
      if (this.#step === 'otp' && !this.run) this.status = this.t.resendNow;
    }
    this.requestUpdate();
  }

  /** Stops what is in flight (the request is really aborted), drops the OTP session and goes back to the details, kept; fires `cas-upload-cancel`. */
  cancel(): void {
    const from = this.state;
    if (!this.run && from !== 'otp' && this.#step === 'details') return;
    this.stop();
    this.rest();
    this.status = this.t.cancelled;
    this.emit('cas-upload-cancel', { step: from });
  }

  /** @internal Back to the details, kept; the OTP session dropped (as Cancel does, without a word). */
  protected override rest(): void {
    clearInterval(this.#countdown);
    this.#countdown = undefined;
    this.#session = this.#files = undefined;
    this.#step = 'details';
    this.#otp = this.#password = this.#tried = '';
    this.error = undefined;
    super.rest();
  }

  /** Back to `idle` with the fields of `prefill` (empty without it), clearing what was typed, the session, result and error. */
  reset(): void {
    this.stop();
    clearInterval(this.#countdown);
    this.#countdown = undefined;
    this.shown = false;
    this.#details.reset();
    this.#otp = this.#password = this.#tried = this.status = '';
    this.#session = this.#files = this.#result = this.error = undefined;
    this.#step = 'details';
    this.#bad = [];
    this.go('idle');
  }

  #failed(run: AbortController, err: unknown, step: Step, key?: keyof CasCdslFetchStrings, values?: ErrorValues): void {
    if (!this.ended(run)) return;
    const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
    const code = error.code;
    if (code === 'aborted') return this.go(this.#step === 'details' ? 'idle' : (this.#step as 'otp'));
    // An expired session, one without statements, or a verify that may have spent the OTP (its
    // answer lost, or CDSL not reached): from the details again (kept as typed), where Retry
    // asks for a new OTP; the one tried is never sent again, where it would read as wrong.
    if (code === 'session-expired' || code === 'no-statements' || (step == 'otp' && /^(ne|ti|ser|fe)/.test(code))) {
      this.#session = undefined;
      step = 'details';
    }
    this.#step = step;
    if (code === 'invalid-otp') this.#otp = '';
    this.fail(error, values, key);
  }

  async #request(): Promise<void> {
    const run = this.begin('requesting', this.t.requesting);
    this.#bad = [];
    try {
      const { sessionId } = await requestCdslOtp(this.#details.v, this.api(run.signal));
      if (!this.ended(run)) return;
      this.#session = sessionId;
      this.#otp = '';
      this.#step = 'otp';
      this.#sentAt = (this.constructor as typeof CasCdslFetchElement).now();
      clearInterval(this.#countdown);
      this.#countdown = setInterval(() => this.#count(), 1000);
      this.status = `${this.t.otpSent} ${fill(this.t.resendIn, { seconds: this.fmt(RESEND_MS / 1000, SECONDS) })}`;
      this.go('otp');
    } catch (err) {
      const fields = err instanceof CdslDetailsError && err.fields;
      if (fields) this.#bad = fields;
      // Each field is named by its label (the fields' names are the labels' keys).
      this.#failed(run, err, 'details', fields ? 'checkFields' : undefined, () => ({
        fields: (fields || []).map((f) => this.t[f]).join(', '),
      }));
    }
  }

  async #verify(): Promise<void> {
    const run = this.begin('verifying', this.t.verifying);
    const started = systemClock.now();
    try {
      const { files } = await verifyCdslOtp(this.#session!, this.#otp, {
        ...this.api(run.signal),
        periods: this.periods,
      });
      if (this.run !== run) return;
      this.#files = files;
      this.#parse(this.#panPassword, run, started);
    } catch (err) {
      this.#failed(run, err, 'otp');
    }
  }

  /** Parses the newest statement with `password` (first the PAN, then what the investor types). */
  async #parse(
    password: string,
    run = this.begin('parsing', this.t.parsing),
    started = systemClock.now(),
  ): Promise<void> {
    if (this.state !== 'parsing') {
      this.status = this.t.parsing;
      this.go('parsing');
    }
    const file = this.#files![0];
    const byPan = password === this.#panPassword;
    this.#tried = password;
    try {
      const parsed = await parseCasUrl(file.url, password, this.api(run.signal));
      if (!this.ended(run)) return;
      this.#result = parsed.result;
      this.#step = 'details';
      this.#session = undefined;
      this.#password = this.#tried = '';
      this.succeeded(this.t.done, 'cdsl', parsed, file, this.#files!, started);
    } catch (err) {
      this.#password = '';
      // The PAN was not the password: ask for it, in words that say so.
      const panRefused = byPan && (err as CasUploadError).code === 'invalid-password';
      this.#failed(run, err, 'password', panRefused ? 'panNotPassword' : undefined);
    }
  }

  /** The PAN as the statement's password: in capitals. */
  get #panPassword(): string {
    return this.#details.v.pan.trim().toUpperCase();
  }

  #submit(e: Event): void {
    e.preventDefault();
    if (this.run || this.disabled) return;
    this.ui = true;
    const step = this.#step;
    if (step === 'otp') this.#verify();
    // After a wrong password, the one typed; after another failure, the one tried.
    else if (step === 'password') this.#parse(this.error?.code === 'invalid-password' ? this.#password : this.#tried);
    else this.#request();
  }

  /** Focus after a step: Cancel while waiting, then the field of the next step, the error, or the summary. */
  protected override focusFor(state: CasCdslFetchState): string {
    const code = this.error?.code;
    return {
      idle: '#pan',
      requesting: '[part~=cancel]',
      otp: '#otp',
      verifying: '[part~=cancel]',
      parsing: '[part~=cancel]',
      success: '[part~=summary]',
      error: code === 'invalid-otp' ? '#otp' : code === 'invalid-password' ? '#pw' : '[part~=error]',
    }[state];
  }

  // Templates lose their line breaks when built (scripts/template-whitespace.mjs).
  protected override render() {
    const t = this.t;
    const state = this.state;
    const error = this.error;
    const code = error?.code;
    const button = this.button.bind(this);
    const cancel = button('cancel', t.cancel, () => ((this.ui = true), this.cancel()));
    const main = (label: string) => (error?.retryable ? button('retry', t.retry) : button('submit', label));
    const wait = this.#wait;
    let body;
    switch (state) {
      case 'requesting':
      case 'verifying':
      case 'parsing':
        body = this.waitView(t[state], state === 'requesting' ? t.requestingHint : undefined, t.cancel);
        break;
      case 'success':
        body = this.resultView(t, this.#files?.[0]?.filename, this.#result);
        break;
      // `idle`, `otp` and `error`: the form of the step the flow is at.
      default:
        switch (this.#step) {
          case 'otp':
            body = html`<p>${t.otpSent}</p>
              ${error ? this.errorView() : nothing}${this.field(
                'otp',
                'otp-input',
                t.otp,
                this.#otp,
                (v) => (this.#otp = v),
                {
                  auto: 'one-time-code',
                  mode: 'numeric',
                  invalid: code === 'invalid-otp',
                },
              )}
              <div class="a">${main(t.verify)}${cancel}</div>
              <p id="rs" class="m">${wait ? fill(t.resendIn, { seconds: this.fmt(wait, SECONDS) }) : t.resendNow}</p>
              <div class="a">
                <button
                  part="resend"
                  type="button"
                  aria-disabled=${wait > 0}
                  aria-describedby="rs"
                  @click=${() => wait || ((this.ui = true), this.#request())}
                >
                  ${t.resend}</button
                >${button('back', t.back, () => ((this.ui = true), this.cancel()))}
              </div>`;
            break;
          case 'password':
            body = html`${this.errorView()}${
                code === 'invalid-password'
                  ? html`${this.field('pw', 'password-input', t.password, this.#password, (v) => (this.#password = v), {
                      type: 'password',
                      hint: t.passwordHint,
                      invalid: true,
                    })}${this.showToggle(t.show)}`
                  : nothing
              }
              <div class="a">${main(t.parse)}${cancel}</div>`;
            break;
          default: {
            const bad = this.#bad;
            body = html`<p class="m">${t.intro}</p>
              ${error ? this.errorView() : nothing}${this.field(
                'pan',
                'pan-input',
                t.pan,
                this.#details.v.pan,
                this.#details.set('pan'),
                {
                  hint: t.panHint,
                  invalid: bad.includes('pan'),
                },
              )}${this.field('bo', 'bo-id-input', t.boId, this.#details.v.boId, this.#details.set('boId'), {
                hint: t.boIdHint,
                mode: 'numeric',
                invalid: bad.includes('boId'),
              })}${this.field('dob', 'dob-input', t.dob, this.#details.v.dob, this.#details.set('dob'), {
                type: 'date',
                invalid: bad.includes('dob'),
                max: new Date().toISOString().slice(0, 10),
              })}
              <div class="a">${main(t.sendOtp)}</div>`;
          }
        }
    }
    return this.frame(body, this.#submit);
  }
}
