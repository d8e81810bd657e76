import { html, nothing, type PropertyDeclarations } from 'lit';
import { prop } from '../shared/prop.js';
import { styles } from './styles.js';
import { en, type CasMailbackStrings } from './en.js';
import { catalog, fill } from '../shared/catalog.js';
import { FlowElement } from '../shared/flow-element.js';
import { CasUploadError } from '../core/errors.js';
import {
  requestMailback,
  checkMailbackDetails,
  isoDay,
  MailbackDetailsError,
  MAILBACK_EARLIEST,
  MAILBACK_MIN_PASSWORD,
  type MailbackField,
} from '../core/mailback.js';
import type { CasPrefill } from '../shared/events.js';
import { Details } from '../shared/details.js';

/** The element's state, reflected as the read-only `state` attribute. */
export type CasMailbackState = 'idle' | 'sending' | 'sent' | 'error';

/** The date-range presets, in the order offered. */
const RANGES = ['sinceStart', 'lastFy', 'thisFy', 'lastYear', 'custom'] as const;
type Range = (typeof RANGES)[number];

/** A field that can be wrong: one of the checked details, or the password typed again. */
type Bad = MailbackField | 'confirm';
/** The fields in form order, as the message names them. */
const ORDER: Bad[] = ['email', 'pan', 'fromDate', 'toDate', 'password', 'confirm'];

/** The texts of `<cas-mailback>`; Hindi is a file of its own, loaded when first used. */
const strings = catalog<CasMailbackStrings>(en, { hi: () => import('./hi.js').then((m) => m.hi) }, 'cas-mailback');

/** `[from, to]` of a preset on `today` (an Indian financial year runs from 1 April to 31 March). */
export function rangeOf(range: Range, today: Date = new Date()): [string, string] {
  const y = today.getFullYear();
  const fy = today.getMonth() >= 3 ? y : y - 1;
  const now = isoDay(today);
  if (range === 'lastFy') return [`${fy - 1}-04-01`, `${fy}-03-31`];
  if (range === 'thisFy') return [`${fy}-04-01`, now];
  if (range === 'lastYear') return [isoDay(new Date(y - 1, today.getMonth(), today.getDate() + 1)), now];
  return [MAILBACK_EARLIEST, now];
}

/**
 * `<cas-mailback>`: asks KFintech to e-mail the investor a CAMS+KFintech mutual-fund statement
 * (CAS), protected with a password the investor chooses; it arrives within 2-5 minutes, and the
 * investor then uploads it. Alone, its `upload` button fires `cas-upload-mailback-upload`;
 * inside `<cas-connect>` it opens the upload flow.
 *
 * @summary Has KFintech e-mail a mutual-fund statement to the investor.
 * @tagname cas-mailback
 *
 * @fires {CustomEvent<CasMailbackSentDetail>} cas-upload-mailback-sent - KFintech accepted the request: `{ fromDate, toDate, requestId }`.
 * @fires {CustomEvent<CasUploadErrorDetail>} cas-upload-error - A coded error; never for `aborted`.
 * @fires {CustomEvent<CasMailbackCancelDetail>} cas-upload-cancel - The request in flight was cancelled.
 * @fires {CustomEvent<Record<string, never>>} cas-upload-mailback-upload - The investor has the PDF and wants to upload it (the `upload` button; cancelable: `<cas-connect>` prevents it and opens the upload).
 *
 * @slot heading - Replaces the heading text.
 *
 * @csspart base - The `<form>` that holds everything else.
 * @csspart heading - The heading, an `<h2>` (the `heading` slot's default text inside it).
 * @csspart email-input - The e-mail address the statement is sent to.
 * @csspart pan-input - The PAN (optional).
 * @csspart range - The date-range presets (`<select>`).
 * @csspart from-input - The first day (`<input type="date">`, default the earliest KFintech serves).
 * @csspart to-input - The last day (`<input type="date">`, default today).
 * @csspart password-input - The password the investor chooses for the PDF.
 * @csspart confirm-input - The password typed again (while it is hidden).
 * @csspart show-password - Shows the password (then it is typed once).
 * @csspart submit - Sends the request.
 * @csspart cancel - Cancels the request in flight.
 * @csspart wait - What is happening while sending.
 * @csspart progress - The busy indicator.
 * @csspart status - The `aria-live` status region (visually hidden).
 * @csspart error - The error message.
 * @csspart retry - Sends again after a retryable error.
 * @csspart summary - The sent state: where and when the statement arrives, and its password.
 * @csspart upload - Go on to the upload of the PDF.
 * @csspart another - Ask again.
 *
 * @cssprop [--cas-upload-accent=#0b63ce] - Buttons, focus ring (dark: #8ab4f8); every `--cas-upload-*` property of `<cas-upload>` applies.
 */
export class CasMailbackElement extends FlowElement<CasMailbackState, CasMailbackStrings> {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    prefill: { attribute: false },
  };

  /**
   * Registers the element as `tag` (default `cas-mailback`); does nothing when that tag is
   * already defined, so a second registration never throws.
   */
  static override define(tag = 'cas-mailback', registry?: CustomElementRegistry): void {
    super.define(tag, registry);
  }

  /** @internal Today, for the presets and checks; replaceable in tests. */
  static today = () => new Date();

  protected override catalog = strings;

  /**
   * What the host already knows of the investor, shown in the fields (property only; personal
   * data, never reflected to an attribute, an event or the console): `email` and `pan` of
   * `{ pan?, email?, boId?, dob? }`. Shown as given and editable; the checks run on submit. A
   * later value fills only the fields the investor has not typed in; `reset()` shows it in
   * every field again.
   */
  prefill?: CasPrefill;

  /** The details that `prefill` fills, as shown and typed. */
  #details = new Details(this);

  // What the investor typed (beyond #details): personal data, kept here only (never an
  // attribute or an event).
  #range: Range = 'sinceStart';
  #from = '';
  #to = '';
  #password = '';
  #confirm = '';
  #bad: Bad[] = [];
  /** Where the statement went, for the sent state only. */
  #sentTo = '';

  constructor() {
    super();
    this.#preset('sinceStart');
  }

  /** Aborts the request in flight (the request is really aborted); fires `cas-upload-cancel`. What was typed stays. */
  cancel(): void {
    if (!this.run) return;
    this.stop();
    this.#password = this.#confirm = '';
    this.status = this.t.cancelled;
    this.go('idle');
    this.emit('cas-upload-cancel', { step: 'sending' });
  }

  /** Back to `idle` with the default dates and the fields of `prefill` (empty without it). */
  reset(): void {
    this.stop();
    this.#details.reset();
    this.#password = this.#confirm = this.#sentTo = this.status = '';
    this.shown = false;
    this.#bad = [];
    this.error = undefined;
    this.#preset('sinceStart');
    this.go('idle');
  }

  #preset(range: Range): void {
    this.#range = range;
    if (range !== 'custom') [this.#from, this.#to] = rangeOf(range, CasMailbackElement.today());
    this.requestUpdate();
  }

  async #send(): Promise<void> {
    const details = {
      email: this.#details.v.email,
      fromDate: this.#from,
      toDate: this.#to,
      password: this.#password,
      pan: this.#details.v.pan,
    };
    // Every field that fails the checks, marked and named in one message (form order), the
    // two passwords that differ among them.
    let bad: Bad[] = [];
    try {
      checkMailbackDetails(details, CasMailbackElement.today());
    } catch (err) {
      bad = (err as MailbackDetailsError).fields;
    }
    if (!this.shown && this.#confirm !== this.#password) bad = [...bad, 'confirm'];
    this.#bad = bad;
    if (bad.length) return this.#invalid(bad);
    const run = this.begin('sending', this.t.sending);
    try {
      const { requestId } = await requestMailback(details, {
        ...this.api(run.signal),
        today: CasMailbackElement.today(),
      });
      if (!this.ended(run)) return;
      this.#sentTo = this.#details.v.email.trim();
      this.#password = this.#confirm = '';
      this.status = fill(this.t.sent, { email: this.#sentTo });
      this.go('sent');
      this.emit('cas-upload-mailback-sent', { fromDate: this.#from, toDate: this.#to, requestId });
    } catch (err) {
      if (!this.ended(run)) return;
      const error = err instanceof CasUploadError ? err : new CasUploadError('server-error');
      if (error.code === 'aborted') return this.go('idle');
      const fields = err instanceof MailbackDetailsError && err.fields;
      if (fields) return this.#invalid((this.#bad = fields), error);
      this.fail(error, { min: String(MAILBACK_MIN_PASSWORD) });
    }
  }

  /** `invalid-details` naming each of `bad` (or only the passwords that differ), in form order. */
  #invalid(bad: Bad[], error = new CasUploadError('invalid-details')): void {
    const only = bad.length == 1 && bad[0] == 'confirm';
    const names = () => ({ fields: ORDER.filter((f) => bad.includes(f)).map((f) => this.t[`${f}Name`]).join(', ') });
    this.fail(error, names, only ? 'mismatch' : 'checkFields');
  }

  #submit(e: Event): void {
    e.preventDefault();
    if (this.run || this.disabled) return;
    this.ui = true;
    this.#send();
  }

  /** The `upload` button: alone, `cas-upload-mailback-upload`; `<cas-connect>` takes it from there. */
  #upload(): void {
    this.emit('cas-upload-mailback-upload', {}, true);
  }

  /** Focus after a step: Cancel while sending, then the error or the summary. */
  protected override focusFor(state: CasMailbackState): string {
    return { idle: '#email', sending: '[part~=cancel]', sent: '[part~=summary]', error: '[part~=error]' }[state];
  }

  // Templates lose their line breaks when built (scripts/template-whitespace.mjs).
  protected override render() {
    const t = this.t;
    const state = this.state;
    const error = this.error;
    const button = this.button.bind(this);
    let body;
    switch (state) {
      case 'sending':
        body = this.waitView(t.sending, undefined, t.cancel);
        break;
      case 'sent':
        body = html`<div part="summary" role="group" tabindex="-1" aria-labelledby="ok">
            <p id="ok">${fill(t.sent, { email: this.#sentTo })}</p>
            <p>${t.sentWhen}</p>
            <p>${t.sentPassword}</p>
            <p class="m">${t.sentSpam}</p>
          </div>
          <div class="a">
            ${button('upload', t.upload, () => this.#upload())}${button('another', t.another, () => ((this.ui = true), this.reset()))}
          </div>`;
        break;
      // `idle` and `error`: the form.
      default: {
        const bad = this.#bad;
        const today = isoDay(CasMailbackElement.today());
        const set = (range: Range) => () => this.#preset(range);
        body = html`<p class="m">${t.intro}</p>
          ${error ? this.errorView() : nothing}${this.field(
            'email',
            'email-input',
            t.email,
            this.#details.v.email,
            this.#details.set('email'),
            {
              type: 'email',
              auto: 'email',
              hint: t.emailHint,
              invalid: bad.includes('email'),
            },
          )}${this.field('pan', 'pan-input', t.pan, this.#details.v.pan, this.#details.set('pan'), { hint: t.panHint, invalid: bad.includes('pan') })}
          <div class="f">
            <label for="range">${t.range}</label
            ><select
              id="range"
              part="range"
              @change=${(e: Event) => set((e.target as HTMLSelectElement).value as Range)()}
            >
              ${RANGES.map((r) => html`<option value=${r} ?selected=${r === this.#range} ${prop('selected', r === this.#range)}>${t[r]}</option>`)}
            </select>
          </div>
          <div class="dates">
            ${this.field(
              'from',
              'from-input',
              t.from,
              this.#from,
              (v) => ((this.#from = v), (this.#range = 'custom'), this.requestUpdate()),
              {
                type: 'date',
                min: MAILBACK_EARLIEST,
                max: today,
                invalid: bad.includes('fromDate'),
              },
            )}${this.field(
              'to',
              'to-input',
              t.to,
              this.#to,
              (v) => ((this.#to = v), (this.#range = 'custom'), this.requestUpdate()),
              {
                type: 'date',
                min: MAILBACK_EARLIEST,
                max: today,
                invalid: bad.includes('toDate'),
              },
            )}
          </div>
          ${this.field('pw', 'password-input', t.password, this.#password, (v) => (this.#password = v), {
            type: 'password',
            auto: 'new-password',
            hint: fill(t.passwordHint, { min: MAILBACK_MIN_PASSWORD }),
            invalid: bad.includes('password'),
          })}${
            this.shown
              ? nothing
              : this.field('pw2', 'confirm-input', t.confirm, this.#confirm, (v) => (this.#confirm = v), {
                  type: 'password',
                  auto: 'new-password',
                  invalid: bad.includes('confirm'),
                })
          }${this.showToggle(t.show)}
          <div class="a">${error?.retryable ? button('retry', t.retry) : button('submit', t.send)}</div>`;
      }
    }
    return this.frame(body, (e) => this.#submit(e));
  }
}
