// Plain-text tables for the terminal: left-aligned text, right-aligned numbers.

export type Cell = string | number | null;

function show(cell: Cell, digits: number): string {
  if (cell === null) return '-';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return '-';
  return cell.toFixed(digits);
}

export function formatTable(headers: readonly string[], rows: readonly Cell[][], digits = 1): string {
  const text = rows.map((row) => row.map((cell) => show(cell, digits)));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((row) => row[i]?.length ?? 0)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] !== 'string'));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}
