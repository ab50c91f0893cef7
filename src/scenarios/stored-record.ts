// Reading a learner's record back from storage (saved progress): a record written by an older
// version, cut short or edited by hand must not break anything. These tests keep what is well
// formed; each mode's spec reads its own fields with them (`readProgress`).
export type StoredObject = Record<string, unknown>;

export const isObj = (v: unknown): v is StoredObject => typeof v === 'object' && v !== null && !Array.isArray(v);
export const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A string of at most `max` characters (default 10,000: longer than any note a learner writes). */
export const text = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
/** Findings or answers in one scenario: far beyond any real one. */
export const MAX_ITEMS = 10_000;

/** The entries of an object that read as a T (at most MAX_ITEMS), and how many did not. */
export function entries<T>(v: unknown, read: (x: unknown) => T | null): { kept: Record<string, T>; dropped: number } {
  const kept: Record<string, T> = {};
  if (!isObj(v)) return { kept, dropped: 0 };
  const all = Object.entries(v);
  let n = 0;
  for (const [k, x] of all.slice(0, MAX_ITEMS)) {
    const value = read(x);
    if (value !== null) {
      kept[k] = value;
      n++;
    }
  }
  return { kept, dropped: all.length - n };
}
