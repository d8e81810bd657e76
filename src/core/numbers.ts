/** `value` when it is a number above zero, else `fallback` (for a missing or malformed setting). */
export function positive(value: number | null | undefined, fallback: number): number {
  return (value as number) > 0 && (value as number) < Infinity ? (value as number) : fallback;
}

/** A plain decimal written as text or a number (`" 120 "`, `"1.5"`, `7`), else `NaN`. */
export function decimal(value: unknown): number {
  return /^\s*\d+(\.\d+)?\s*$/.test(value as string) ? Number(value) : NaN;
}

/** The longest delay `setTimeout` keeps: a longer one (2^31 ms or more) would fire at once. */
export const MAX_DELAY = 2147483647;

/** A timeout setting in ms: {@link positive}, and at most {@link MAX_DELAY}. */
export function delayOf(value: number | null | undefined, fallback: number): number {
  return Math.min(positive(value, fallback), MAX_DELAY);
}

/**
 * `Retry-After` as ms from `now`: delta-seconds, or an HTTP date (a past one is 0). Anything
 * else (`-1`, a joined `"5, 10"`) is `undefined`, as if the header were absent.
 */
export function retryAfterMs(value: string | null | undefined, now: number): number | undefined {
  const seconds = decimal(value);
  // Every HTTP date format has the time as hh:mm:ss; Date.parse alone accepts almost anything.
  const ms = isNaN(seconds) ? (/\d\d:\d\d:\d\d/.test(value!) ? Date.parse(value!) - now : NaN) : seconds * 1000;
  return isNaN(ms) ? undefined : Math.max(0, ms);
}
