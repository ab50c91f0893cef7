// Small dense linear algebra for tests that build a Markov chain state by state.

/** Gaussian elimination on a dense system. */
export function solveDense(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r) => [...r]);
  const x = [...b];
  for (let i = 0; i < n; i++) {
    let piv = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(m[r]![i]!) > Math.abs(m[piv]![i]!)) piv = r;
    [m[i], m[piv]] = [m[piv]!, m[i]!];
    [x[i], x[piv]] = [x[piv]!, x[i]!];
    for (let r = i + 1; r < n; r++) {
      const f = m[r]![i]! / m[i]![i]!;
      for (let c = i; c < n; c++) m[r]![c]! -= f * m[i]![c]!;
      x[r]! -= f * x[i]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let c = i + 1; c < n; c++) s -= m[i]![c]! * x[c]!;
    x[i] = s / m[i]![i]!;
  }
  return x;
}
