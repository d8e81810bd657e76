import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { prop } from './prop.js';
import { CasElement, type BaseStrings } from './cas-element.js';
import type { ParseResult } from '../core/types.js';
import { systemClock } from '../core/clock.js';

/** The texts of {@link FlowElement.resultView}. */
export interface ResultStrings {
  done: string;
  statement: string;
  investor: string;
  total: string;
  another: string;
}

/** What a field of {@link FlowElement.field} has beyond its label and value. */
export interface FieldAttrs {
  type?: string;
  hint?: string;
  invalid?: boolean;
  auto?: string;
  mode?: string;
  max?: string;
  min?: string;
}

/**
 * What the flows without a PDF in hand (`<cas-cdsl-fetch>`, `<cas-mailback>`, `<cas-inbox>`,
 * `<cas-forward>`) share beyond {@link CasElement}: one step in flight with its abort controller
 * (stopped when the element is removed), labelled fields, buttons, the wait view of a long step
 * and the success summary. Apart from `CasElement`, so that `<cas-upload>` does not carry them.
 *
 * @internal Not registered; the flow elements extend it.
 */
export abstract class FlowElement<State extends string, S extends BaseStrings> extends CasElement<State, S> {
  /** Stops the step in flight (its request is really aborted) and fires `cas-upload-cancel`. */
  abstract cancel(): void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page (not only moved): nothing is left running, and a step cut short
    // rests, so that an element put back shows no wait that never ends.
    queueMicrotask(() => {
      if (this.isConnected) return;
      const cut = this.run;
      this.stop();
      if (cut) this.rest();
    });
  }

  /** @internal Where a step cut short by the element's removal leaves it: `idle`, what was typed kept. */
  protected rest(): void {
    this.status = '';
    this.shown = false;
    this.go('idle' as State);
  }

  /** @internal "Show password" is ticked: the password fields (`type: 'password'`) show what is typed. */
  protected shown = false;

  /** @internal The "Show password" checkbox (part `show-password`, 24 × 24 px) of the password fields shown. */
  protected showToggle(label: string): TemplateResult {
    return html`<label
      ><input
        type="checkbox"
        part="show-password"
        ?checked=${this.shown}
        ${prop('checked', this.shown)}
        @change=${(e: Event) => ((this.shown = (e.target as HTMLInputElement).checked), this.requestUpdate())}
      />${label}</label
    >`;
  }

  /** @internal The step in flight, if any: its abort controller. */
  protected run?: AbortController;

  /** @internal Aborts the step in flight (the request is really aborted) and stops its elapsed time. */
  protected stop(): void {
    this.run?.abort();
    this.run = undefined;
    this.tick(false);
  }

  /** @internal Starts a step that waits on the API: a fresh abort controller, the state, the elapsed time. */
  protected begin(state: State, status: string): AbortController {
    this.stop();
    this.error = undefined;
    this.status = status;
    this.tick(true);
    this.go(state);
    return (this.run = new AbortController());
  }

  /** @internal The run ended: `false` when it is no longer the current one (cancelled, or replaced). */
  protected ended(run: AbortController): boolean {
    if (this.run !== run) return false;
    this.run = undefined;
    this.tick(false);
    return true;
  }

  /**
   * @internal A labelled field of the form (`<input>` with `id` and `part`), its value kept by
   * `set`; a `password` field shows its text while {@link FlowElement.shown}. Typing renders nothing, so the value is compared with the input's own (`live()`): an
   * emptied value (`reset()`) empties what was typed.
   */
  protected field(
    id: string,
    part: string,
    label: string,
    value: string,
    set: (v: string) => void,
    attrs: FieldAttrs = {},
  ): TemplateResult {
    const described = [this.error && 'err', attrs.hint && `${id}-h`].filter(Boolean).join(' ');
    return html`<div class="f">
      <label for=${id}>${label}</label
      ><input
        id=${id}
        part=${part}
        name=${id}
        type=${attrs.type == 'password' && this.shown ? 'text' : (attrs.type ?? 'text')}
        autocomplete=${attrs.auto ?? 'off'}
        inputmode=${attrs.mode ?? nothing}
        max=${attrs.max ?? nothing}
        min=${attrs.min ?? nothing}
        spellcheck="false"
        autocapitalize=${part === 'pan-input' ? 'characters' : 'off'}
        aria-describedby=${described || nothing}
        aria-invalid=${Boolean(attrs.invalid)}
        .value=${live(value)}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />${attrs.hint ? html`<span id="${id}-h" class="m">${attrs.hint}</span>` : nothing}
    </div>`;
  }

  /** @internal A button: `submit` without `click`. */
  protected button(part: string, label: string, click?: () => void): TemplateResult {
    return html`<button part=${part} type=${click ? 'button' : 'submit'} @click=${click}>${label}</button>`;
  }

  /**
   * @internal A long step (part `wait`): what is happening, the seconds elapsed, an optional
   * hint, the busy indicator, and Cancel.
   */
  protected waitView(label: string, hint: string | undefined, cancel: string): TemplateResult {
    return html`<div part="wait" class="f">
        <span id="wl">${label} <span class="m">${this.elapsed}</span></span
        >${hint ? html`<span class="m">${hint}</span>` : nothing}<progress
          part="progress"
          class="parsing"
          aria-labelledby="wl"
        ></progress>
      </div>
      <div class="a">
        ${this.button('cancel', cancel, () => ((this.ui = true), this.cancel()))}
      </div>`;
  }

  /**
   * @internal A fetched statement was read: state `success`, said in the live region (`done`),
   * and `cas-upload-success` with the `file` read, every one of `files` the fetch returned, and
   * the flow's `extra` facts.
   */
  protected succeeded(
    done: string,
    source: 'cdsl' | 'inbox' | 'forward',
    { result, requestId }: { result: ParseResult; requestId: string | null },
    file: { filename: string },
    files: { filename: string; url: string }[],
    started: number,
    extra?: Record<string, unknown>,
  ): void {
    this.status = done;
    this.go('success' as State);
    this.emit('cas-upload-success', {
      result,
      file: { name: file.filename, size: null },
      files: files.map(({ filename, url }) => ({ filename, url })),
      parser: 'smart',
      durationMs: systemClock.now() - started,
      requestId,
      source,
      ...extra,
    });
  }

  /**
   * @internal The success of a flow that parsed a fetched statement (part `summary`): the file,
   * the investor, the total value, and the `another` button that resets.
   */
  protected resultView(t: ResultStrings, filename: string | undefined, r: ParseResult = {}): TemplateResult {
    const total = r.summary?.total_value;
    const rows = [
      [t.statement, filename],
      [t.investor, r.investor?.name],
      // `1e999` in JSON reads as `Infinity`: "—".
      [t.total, typeof total == 'number' && (isFinite(total) ? this.fmt(total, { style: 'currency', currency: 'INR' }) : '—')],
    ];
    return html`<div part="summary" role="group" tabindex="-1" aria-labelledby="ok">
        <p id="ok">${t.done}</p>
        <dl>
          ${rows.map(([k, v]) =>
            v
              ? html`<dt>${k}</dt>
                  <dd>${v}</dd>`
              : nothing,
          )}
        </dl>
      </div>
      <div class="a">
        ${this.button('another', t.another, () => ((this.ui = true), this.reset()))}
      </div>`;
  }
}
