import { LitElement, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { CasUploadError, type CasUploadErrorCode } from '../core/errors.js';
import { DEFAULT_API_BASE } from '../core/api-base.js';
import type { ApiOptions } from '../core/request.js';
import type { TokenProvider } from '../core/token-cache.js';
import { fill, type Catalog } from './catalog.js';
import { defineOnce, langOf, watchLang, awaitFiles } from './lang.js';
import type { CasUploadErrorDetail } from './events.js';

/** Number formats by locale and options: making one costs far more than using it. */
const formats = new Map<string, Intl.NumberFormat>();

/** The values of an error sentence's `{placeholders}`, or a function that gives them in the language shown. */
export type ErrorValues = Record<string, string> | (() => Record<string, string>);

/** The texts every element has: its heading and a sentence per error code it can show. */
export type BaseStrings = { heading: string } & Partial<Record<CasUploadErrorCode, string>>;

/**
 * What every element of the package shares: the token settings (contract §2-§3, §11), the
 * language and its strings, the read-only reflected `state`, events, the error report, the
 * status live region, focus after a step and the elapsed time of a long step. Each element
 * adds its own properties, states and template.
 *
 * @internal Not registered; `<cas-upload>` and the flow elements extend it.
 */
export abstract class CasElement<State extends string, S extends BaseStrings> extends LitElement {
  // Every public property is declared here, so that it exists on the prototype: frameworks
  // (React 19, Vue, Svelte) set it as a property, not as an attribute, only when it exists.
  static override properties: PropertyDeclarations = {
    tokenUrl: { attribute: 'token-url' },
    tokenMethod: { attribute: 'token-method' },
    tokenRequestInit: { attribute: false },
    tokenProvider: { attribute: false },
    apiBase: { attribute: 'api-base' },
    timeout: { type: Number },
    retries: { type: Number },
    retryDelay: { attribute: 'retry-delay', type: Number },
    disabled: { type: Boolean, reflect: true },
    strings: { attribute: false },
  };

  /** @internal Time source of the elapsed-time display; replaceable in tests. */
  static now = () => Date.now();

  /**
   * Registers the element as `tag`; does nothing when that tag is already defined, so a
   * second registration never throws.
   */
  static define(tag: string, registry?: CustomElementRegistry): void {
    defineOnce(this as unknown as CustomElementConstructor, tag, registry);
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
  /** ms to wait for each answer of the API before giving up (an upload: from when the bytes are sent; while sending, the longest pause in progress). */
  timeout = 60000;
  /** Extra attempts after a 429, 502, 503, 504 or a network failure. */
  retries = 2;
  /** Base backoff in ms: attempt n waits `retryDelay * 2^(n-1)` plus jitter, unless `Retry-After` says otherwise. */
  retryDelay = 1000;
  /** No interaction, no request. */
  disabled = false;
  /** Partial override of any UI text. */
  strings: Partial<S> = {};

  #state = 'idle' as State;
  /** The state last rendered, to notice changes in `updated()`. */
  #shown = 'idle' as State;
  #langs?: MutationObserver;
  #started = 0;
  #ticker?: ReturnType<typeof setInterval>;
  /** The token cache's key for `tokenProvider`: the first provider with the current one's code. */
  #key?: TokenProvider;
  /** @internal The texts of this element in every language. */
  declare protected catalog: Catalog<S>;
  /** @internal The live region's text. */
  protected status?: string;
  /** @internal The error shown, if any. */
  protected error?: CasUploadErrorDetail;
  /** How the error shown is said: its text's key, the values of its placeholders, the sentence without a text. */
  #said: [string, ErrorValues, string] = ['', {}, ''];
  /** @internal Set by the visitor's own actions: focus then follows what appears. */
  protected ui?: boolean;

  /** Back to `idle`: what was typed, chosen or read is dropped, and nothing is left in flight. */
  abstract reset(): void;

  /** The element's state (`idle`, …, `success` or `error`; see the element's states). Read-only. */
  get state(): State {
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
    this.go(this.#state);
    // `lang` here or on any ancestor: a change re-renders in that language.
    this.#langs = watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langs?.disconnect();
  }

  /**
   * Renders in the UI language, whose strings may be a separate file still on its way: the
   * first render waits for them for at most `LANG_WAIT` ms, later ones do not wait. Until
   * they arrive the element speaks English, and it renders again when they do (or stays in
   * English if they cannot be loaded). A view may wait the same way for a file of its own
   * ({@link loading}).
   */
  protected override async scheduleUpdate(): Promise<void> {
    const loading = this.catalog.loadStrings(this.#lang);
    const view = this.loading?.();
    if (loading || view) await awaitFiles(this, Promise.all([loading, view]), !this.hasUpdated || !!view);
    super.scheduleUpdate();
  }

  /** @internal A file the next render needs, still on its way (`undefined` when none). */
  protected loading?(): Promise<unknown> | undefined;

  /** @internal Whether the element takes no input: `disabled` (and, for a form control, a disabled fieldset around it). */
  protected get off(): boolean {
    return this.disabled;
  }

  /** `lang` of the element or its nearest ancestor, across shadow roots. */
  get #lang(): string {
    return langOf(this);
  }

  /** @internal The language the texts are shown in (see `Catalog.shownLanguage`). */
  protected get speaks(): string {
    return this.catalog.shownLanguage(this.#lang);
  }

  /** @internal The texts in the language shown, with the `strings` overrides. */
  protected get t(): S {
    return { ...this.catalog.stringsFor(this.#lang), ...this.strings };
  }

  /**
   * @internal The locale for numbers and dates: the language shown (English while a
   * language's strings are on their way or failed to load), with Indian conventions unless a
   * region is given (`en` → `en-IN`).
   */
  protected get locale(): string {
    const lang = this.speaks;
    return lang.includes('-') ? lang : `${lang}-IN`;
  }

  /** @internal A number in the locale, with one `Intl.NumberFormat` per locale and options on the page. */
  protected fmt(value: number, options?: Intl.NumberFormatOptions): string {
    const key = this.locale + JSON.stringify(options);
    let format = formats.get(key);
    if (!format) formats.set(key, (format = new Intl.NumberFormat(this.locale, options)));
    return format.format(value);
  }

  /** @internal The settings of every API call: the token source, `api-base`, timeout and retries. */
  protected api(signal?: AbortSignal): ApiOptions {
    const { tokenProvider: provider, tokenMethod } = this;
    // A new function with the same code (an inline function made on every render) is the same
    // token source: it costs no token request.
    if (provider && String(provider) !== String(this.#key)) this.#key = provider;
    return {
      token: provider
        ? { provider, key: this.#key }
        : {
            url: this.tokenUrl ?? '',
            method: String(tokenMethod).toUpperCase() === 'POST' ? 'POST' : undefined,
            init: this.tokenRequestInit,
          },
      apiBase: this.apiBase,
      timeout: this.timeout,
      retries: this.retries,
      retryDelay: this.retryDelay,
      signal,
    };
  }

  /** @internal Fires a `cas-upload-*` event (bubbling, composed); `false` when a listener prevented it. */
  protected emit(type: string, detail: unknown, cancelable?: boolean): boolean {
    return this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }

  /** @internal Moves to `state`: reflected as the attribute, rendered again. */
  protected go(state: State): void {
    this.#state = state;
    this.setAttribute('state', state);
    this.requestUpdate();
  }

  /**
   * @internal Shows and reports `error` (state `error`, the live region, `cas-upload-error`);
   * returns it with the message in the UI language: the text of its code (or of `key`),
   * `{placeholders}` filled from `values` (a function when they are texts too). The error view
   * makes the sentence again at each render, so a change of `lang` or `strings` says it anew.
   */
  protected fail(error: CasUploadError, values: ErrorValues = {}, key?: keyof S & string): CasUploadError {
    const { apiMessage, status, retryable, requestId } = error;
    const code = error.code as CasUploadErrorDetail['code'];
    this.#said = [key ?? code, values, error.message];
    const message = this.#sentence();
    this.error = { code, message, apiMessage, status, retryable, requestId };
    this.status = message;
    this.go('error' as State);
    this.emit('cas-upload-error', { ...this.error });
    return new CasUploadError(code, message, error);
  }

  /** The sentence of the error shown, in the language shown now. */
  #sentence(): string {
    const [key, values, fallback] = this.#said;
    return fill((this.t as Record<string, string>)[key] ?? fallback, typeof values == 'function' ? values() : values);
  }

  /** @internal Starts (or stops) the elapsed time of a long step, shown every second. */
  protected tick(on: boolean): void {
    clearInterval(this.#ticker);
    if (on) {
      this.#started = (this.constructor as typeof CasElement).now();
      this.#ticker = setInterval(() => this.requestUpdate(), 1000);
    }
  }

  /** @internal The elapsed time of the step, in whole seconds, as text ("12s"). */
  protected get elapsed(): string {
    const seconds = Math.floor(((this.constructor as typeof CasElement).now() - this.#started) / 1000);
    return this.fmt(Math.max(0, seconds), { style: 'unit', unit: 'second', unitDisplay: 'narrow' });
  }

  /** @internal The part (a selector) that takes focus when `state` appears; Cancel keeps following. */
  protected focusFor?(state: State): string | undefined;

  protected override updated(): void {
    // Focus follows what appears when the visitor acted, or when focus was in the element
    // only: Cancel while busy (and it keeps following), then the error, or the next step.
    const state = this.#state;
    if (state === this.#shown) return;
    this.#shown = state;
    if (!this.ui && !this.matches(':focus-within')) return;
    const target = this.focusFor?.(state);
    if (target) this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    this.ui = target == '[part~=cancel]';
  }

  /** @internal The error message (part `error`), focusable when it appears. */
  protected errorView(): TemplateResult {
    return html`<p part="error" id="err" tabindex="-1">${this.error && this.#sentence()}</p>`;
  }

  /**
   * @internal The form around an element's `body`: its language, the heading (slot
   * `heading`), a fieldset that `disabled` turns off, and the status live region.
   */
  protected frame(body: unknown, submit: (e: Event) => void): TemplateResult {
    // Templates lose their line breaks when built (scripts/template-whitespace.mjs).
    return html`<form part="base" lang=${this.speaks} @submit=${submit} novalidate aria-labelledby="h">
      <fieldset ?disabled=${this.off}>
        <h2 part="heading" id="h"><slot name="heading">${this.t.heading}</slot></h2>
        ${body}
      </fieldset>
      <p part="status" class="sr" role="status" aria-live="polite">${this.status}</p>
    </form>`;
  }
}
