// The best one-to-one assignment of rows to columns: the Hungarian method (Kuhn-Munkres with
// potentials), O(rows^2 * columns). Critique grading uses it so that each finding credits at most
// one key item and each key item is credited by at most one finding, in the way that gives the
// learner the most credit, whatever order the findings came in.

/**
 * For each row, the column it is assigned to, or null when no column with a positive weight is
 * left for it. `weights[r][c]` is what assigning column c to row r is worth (0: not a match);
 * every row must have the same number of columns. The total weight of the pairs is the largest
 * any one-to-one assignment can reach.
 */
export function bestAssignment(weights: readonly (readonly number[])[]): (number | null)[] {
  const rows = weights.length;
  if (rows === 0) return [];
  const realColumns = weights[0]!.length;
  // Padding columns worth nothing let every row be placed when there are more rows than columns.
  const columns = Math.max(realColumns, rows);
  const cost = (r: number, c: number) => (c < realColumns ? -weights[r]![c]! : 0);
  // 1-based potentials and the row placed in each column (0: none), as the method is usually written.
  const u = new Array<number>(rows + 1).fill(0);
  const v = new Array<number>(columns + 1).fill(0);
  const rowIn = new Array<number>(columns + 1).fill(0);
  const way = new Array<number>(columns + 1).fill(0);
  for (let r = 1; r <= rows; r++) {
    rowIn[0] = r;
    let col = 0;
    const minTo = new Array<number>(columns + 1).fill(Infinity);
    const used = new Array<boolean>(columns + 1).fill(false);
    do {
      used[col] = true;
      const row = rowIn[col]!;
      let delta = Infinity;
      let next = 0;
      for (let c = 1; c <= columns; c++) {
        if (used[c]) continue;
        const reduced = cost(row - 1, c - 1) - u[row]! - v[c]!;
        if (reduced < minTo[c]!) {
          minTo[c] = reduced;
          way[c] = col;
        }
        if (minTo[c]! < delta) {
          delta = minTo[c]!;
          next = c;
        }
      }
      for (let c = 0; c <= columns; c++) {
        if (used[c]) {
          u[rowIn[c]!]! += delta;
          v[c]! -= delta;
        } else minTo[c]! -= delta;
      }
      col = next;
    } while (rowIn[col] !== 0);
    do {
      const prev = way[col]!;
      rowIn[col] = rowIn[prev]!;
      col = prev;
    } while (col !== 0);
  }
  const assigned: (number | null)[] = new Array<number | null>(rows).fill(null);
  for (let c = 1; c <= realColumns; c++) {
    const r = rowIn[c]!;
    if (r > 0 && weights[r - 1]![c - 1]! > 0) assigned[r - 1] = c - 1;
  }
  return assigned;
}
