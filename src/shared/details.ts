import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CasPrefill } from './events.js';

/** The investor's details that `prefill` gives: a field each, in the flows that have it. */
export type Detail = keyof CasPrefill;

/**
 * The investor's details of a flow (`<cas-cdsl-fetch>`, `<cas-mailback>`) as its fields show
 * them: first its `prefill` (contract §18), then as typed. What the investor typed wins: a later
 * `prefill` fills only the fields not typed in since the last {@link Details.reset}, which
 * shows `prefill` in every field again. Personal data, kept here only: never an attribute, an
 * event or the console. The one place of this behaviour; the flows that have these fields use it.
 */
export class Details implements ReactiveController {
  /** The value of each detail, as shown. */
  readonly v: Record<Detail, string> = { pan: '', email: '', boId: '', dob: '' };
  /** The details typed in since the last reset. */
  #typed = new Set<Detail>();
  /** The `prefill` last taken. */
  #given?: CasPrefill;

  constructor(private host: ReactiveControllerHost & { prefill?: CasPrefill }) {
    host.addController(this);
  }

  /** Before each render: a new `prefill` fills the fields not typed in. */
  hostUpdate(): void {
    if (this.host.prefill !== this.#given) this.reset(false);
  }

  /** Every field back to `prefill`'s value as given (empty without one); `all: false` leaves what was typed. */
  reset(all = true): void {
    if (all) this.#typed.clear();
    const given = (this.#given = this.host.prefill);
    for (const k of Object.keys(this.v) as Detail[]) if (!this.#typed.has(k)) this.v[k] = String(given?.[k] ?? '');
  }

  /** The setter of a field: the investor typed `value` in `key`'s field. */
  set(key: Detail): (value: string) => void {
    return (value) => {
      this.v[key] = value;
      this.#typed.add(key);
    };
  }
}
