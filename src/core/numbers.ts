/** `value` when it is a number above zero, else `fallback` (for a missing or malformed setting). */
export function positive(value: number | null | undefined, fallback: number): number {
  return (value as number) > 0 && (value as number) < Infinity ? (value as number) : fallback;
}

/** A plain decimal written as text or a number (`" 120 "`, `"1.5"`, `7`), else `NaN`. */
export function decimal(value: unknown): number {
  return /^\s*\d+(\.\d+)?\s*$/.test(value as string) ? Number(value) : NaN;
}
