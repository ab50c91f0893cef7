// Plain-text tables for the terminal: left-aligned text, right-aligned numbers.

export type Cell = string | number | null;

function show(cell: Cell, digits: number): string {
  if (cell === null) return '-';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return '-';
  return cell.toFixed(digits);
}

/** How an approximate figure is shown: a tilde before it ("~69.4"). */
export const APPROXIMATE_MARK = '~';
const APPROXIMATE_NUMBER = /^~-?\d+(\.\d+)?$/;

/** A figure that may be approximate: "~12.3" when it is (right-aligned like a number), the number otherwise. */
export function maybeApproximate(value: number | null | undefined, approximate: boolean, digits = 1): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return approximate ? `${APPROXIMATE_MARK}${value.toFixed(digits)}` : value;
}

/** The note under a table with approximate figures. */
export const APPROXIMATE_NOTE = `${APPROXIMATE_MARK} an approximate percentile: the queue's wait is fitted to its mean (several servers or a queue limit with service that is not exponential, workers held through calls), so its tail is an estimate; the other percentiles are exact for the model.`;

export function formatTable(headers: readonly string[], rows: readonly Cell[][], digits = 1): string {
  const text = rows.map((row) => row.map((cell) => show(cell, digits)));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((row) => row[i]?.length ?? 0)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] !== 'string' || APPROXIMATE_NUMBER.test(row[i])));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}
