// Service-level objectives: targets a run is graded against, and the verdict per target.

export interface SloTargets {
  /** Least share of client requests that must succeed, 0..1 (e.g. 0.999). */
  availability?: number;
  /** Most p99 end-to-end response time of successful requests, ms. */
  p99Ms?: number;
  /** Most share of client requests that may fail, 0..1. */
  errorRate?: number;
}

export interface SloMeasured {
  availability: number | null;
  p99Ms: number | null;
  errorRate: number | null;
}

export interface SloCheck {
  target: keyof SloTargets;
  /** The threshold: a floor for availability, a ceiling for the others. */
  threshold: number;
  actual: number | null;
  pass: boolean;
}

export interface SloReport {
  pass: boolean;
  checks: SloCheck[];
}

/** Each target given is checked; a figure that could not be measured (no requests) fails. */
export function checkSlo(targets: SloTargets, measured: SloMeasured): SloReport {
  const checks: SloCheck[] = [];
  const check = (target: keyof SloTargets, atLeast: boolean): void => {
    const threshold = targets[target];
    if (threshold === undefined) return;
    const actual = measured[target];
    const pass = actual !== null && (atLeast ? actual >= threshold : actual <= threshold);
    checks.push({ target, threshold, actual, pass });
  };
  check('availability', true);
  check('p99Ms', false);
  check('errorRate', false);
  return { pass: checks.every((c) => c.pass), checks };
}
