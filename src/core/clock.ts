import { onAbort } from './signals.js';

/** A source of time, injectable so that expiry and backoff can be tested without sleeping. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      signal?.throwIfAborted();
      const off = onAbort(signal, () => (clearTimeout(id), reject(signal!.reason)));
      const id = setTimeout(() => (off(), resolve()), ms);
    }),
};
