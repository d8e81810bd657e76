/** Helpers of the flow elements' browser tests (mailback, inbox, connect). */
import { expect, aTimeout } from '@open-wc/testing';
import { part } from './helpers.js';
import type { Clock } from '../src/core/clock.js';

type Flow = HTMLElement & { state: string; updateComplete: Promise<unknown> };

/** Records every `cas-upload-*` event, in order, checking each bubbles and is composed. */
export function record(el: HTMLElement, types = ['success', 'error', 'cancel', 'mailback-sent', 'mailback-upload']) {
  const seen: { type: string; detail: any }[] = [];
  for (const type of types) {
    el.addEventListener(`cas-upload-${type}`, (e) => {
      const ev = e as CustomEvent;
      expect(ev.bubbles && ev.composed, `${type} bubbles and is composed`).to.equal(true);
      seen.push({ type: ev.type, detail: ev.detail });
    });
  }
  return seen;
}

/** Types into a field (by part) as a visitor does. */
export function type(el: HTMLElement, name: string, value: string): void {
  const input = part(el, name) as HTMLInputElement;
  expect(input, name).to.exist;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Clicks a part and waits for the render. */
export async function press(el: Flow, name: string): Promise<void> {
  const button = part(el, name);
  expect(button, name).to.exist;
  button!.click();
  await el.updateComplete;
}

/** Waits (at most `ms`) for `state`. */
export async function until(el: Flow, state: string, ms = 5000): Promise<void> {
  for (let t = 0; el.state !== state && t < ms; t += 10) await aTimeout(10);
  expect(el.state).to.equal(state);
  await el.updateComplete;
}

/** Waits (at most `ms`) for `check` to hold. */
export async function waitFor(check: () => unknown, what: string, ms = 5000): Promise<void> {
  for (let t = 0; !check() && t < ms; t += 10) await aTimeout(10);
  expect(check(), what).to.be.ok;
}

/** A console call as one line: each argument as text, and an object's own fields too (a PAN logged inside an object shows). */
export function logLine(args: unknown[]): string {
  return args
    .map((x) => {
      if (typeof x != 'object' || x === null) return String(x);
      try {
        return `${String(x)} ${JSON.stringify(x)}`;
      } catch {
        return String(x);
      }
    })
    .join(' ');
}

/** Captures the console while `run` runs; then checks that no `secret` is in the element's attributes, its events, the console or storage. */
export async function expectSecretsKept(secrets: string[], run: (log: string[]) => Promise<{ el: HTMLElement; events: { detail: any }[] }>) {
  const logged: string[] = [];
  const original = { ...console };
  for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) console[k] = (...a: unknown[]) => logged.push(logLine(a));
  try {
    const { el, events } = await run(logged);
    const nodes = (root: Element): Element[] => [root, ...[...(root.shadowRoot?.querySelectorAll('*') ?? [])].flatMap((n) => nodes(n))];
    const attrs = nodes(el).flatMap((n) => [...n.attributes].map((a) => a.value)).join(' ');
    // The parsed result is the API's own answer: everything else is checked.
    const details = JSON.stringify(events.map(({ detail }) => ({ ...detail, result: undefined })));
    const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
    for (const secret of secrets) {
      expect(attrs, `attributes: ${secret}`).to.not.include(secret);
      expect(el.outerHTML, `markup: ${secret}`).to.not.include(secret);
      expect(details, `events: ${secret}`).to.not.include(secret);
      expect(logged.join('\n'), `console: ${secret}`).to.not.include(secret);
      expect(storage, `storage: ${secret}`).to.not.include(secret);
      expect(location.href, `address: ${secret}`).to.not.include(secret);
    }
  } finally {
    Object.assign(console, original);
  }
}

/**
 * A clock the test moves: `sleep` waits until `advance` (or `next`) passes its time; a sleep of
 * 0 ms or less ends at once.
 */
export function fakeClock(start = Date.now()) {
  let now = start;
  const sleepers: { at: number; done: () => void }[] = [];
  const clock: Clock & { pending(): number; advance(ms: number): void; next(): Promise<number> } = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        if (ms <= 0) return void queueMicrotask(resolve);
        const sleeper = { at: now + ms, done: resolve };
        sleepers.push(sleeper);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers.splice(sleepers.indexOf(sleeper), 1);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    pending: () => sleepers.length,
    advance(ms) {
      now += ms;
      for (const s of sleepers.filter((s) => s.at <= now)) {
        sleepers.splice(sleepers.indexOf(s), 1);
        s.done();
      }
    },
    /** Waits for a sleep to be asked, then moves the time to its end; returns how far it moved. */
    async next() {
      await waitFor(() => sleepers.length > 0, 'the element sleeps');
      const by = Math.max(0, Math.min(...sleepers.map((s) => s.at)) - now);
      clock.advance(by);
      return by;
    },
  };
  return clock;
}
