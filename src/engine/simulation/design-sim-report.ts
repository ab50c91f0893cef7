// Turns a finished simulation into the report: per-bucket series for every component and client
// flow, whole-run (measured period) summaries with batch-means confidence intervals, per-edge
// resilience counts, and the SLO verdict. Figures with nothing behind them are null.
import type { BucketRecorder } from '../metrics/bucket-recorder';
import { checkSlo, type SloTargets } from '../metrics/slo';
import type { ResponseTally } from '../metrics/response-tally';
import {
  F_FAILED,
  F_OK,
  F_SENT,
  FAILURE_REASONS,
  N_ARRIVALS,
  N_BUSY,
  N_CAP,
  N_ERRORS,
  N_OK,
  N_QMAX,
  N_QUEUE,
  N_REJECTED,
  N_RETRIES,
  N_TIMEOUTS,
  R_DOWN,
  R_OPEN,
  R_REJECTED,
  R_TIMEOUT,
} from './design-sim-codes';
import type { DesignSimulator } from './design-sim-engine';
import type { ComponentSimReport, DesignSimReport, EdgeSimSummary, FailureReason, FlowSimReport, FlowSimSummary, ResponseFigures } from './design-sim-types';

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function buildReport(sim: DesignSimulator, slo: SloTargets | undefined): DesignSimReport {
  const { model, settings } = sim;
  const bucketLengthsMs = Array.from({ length: settings.buckets }, (_, b) => Math.min(settings.bucketMs, settings.durationMs - b * settings.bucketMs));
  const components: ComponentSimReport[] = [];
  for (let j = 0; j < model.size; j++) if (model.isClient[j] === 0) components.push(describeComponent(sim, j, bucketLengthsMs));
  const flows: FlowSimReport[] = Array.from(model.clients, (c, ci) => ({
    clientId: model.ids[c]!,
    label: model.labels[c]!,
    series: flowSeries(sim.flows, ci, bucketLengthsMs),
    summary: flowSummary(sim.flows, ci),
  }));
  const overall = flowSummary(sim.flows, sim.allFlowsRow);
  return {
    seed: settings.seed,
    durationS: settings.durationMs / 1000,
    warmupS: settings.warmupMs / 1000,
    bucketS: settings.bucketMs / 1000,
    timeS: bucketLengthsMs.map((_, b) => (b * settings.bucketMs) / 1000),
    events: sim.events,
    stoppedEarly: sim.stoppedEarly,
    stopReason: sim.stopReason,
    stoppedAtS: sim.stoppedEarly ? sim.now / 1000 : null,
    components,
    flows,
    overall,
    edges: describeEdges(sim),
    slo: slo ? checkSlo(slo, { availability: overall.availability, p99Ms: overall.p99ResponseMs, errorRate: overall.errorRate }) : null,
    log: sim.log,
    warnings: overall.p99Stable || overall.p99ResponseMs === null ? model.warnings : [...model.warnings, unstableP99(overall)],
  };
}

function unstableP99(overall: FlowSimSummary): string {
  const ms = (x: number | null) => (x === null ? '?' : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
  return `The p99 (${ms(overall.p99ResponseMs)}) is not yet stable: with this many requests it could lie anywhere from ${ms(overall.p99LowMs)} to ${ms(overall.p99HighMs)} (95%). Run longer for a figure you can quote.`;
}

function perSecond(recorder: BucketRecorder, row: number, field: number, lengthsMs: number[]): number[] {
  return Array.from(recorder.fieldSeries(row, field), (x, b) => (x * 1000) / lengthsMs[b]!);
}

function sumSeries(a: number[], b: number[]): number[] {
  return a.map((x, i) => x + b[i]!);
}

function percentileSeries(recorder: BucketRecorder, row: number, k: number): (number | null)[] {
  return Array.from(recorder.percentileRow(row, k), orNull);
}

function describeComponent(sim: DesignSimulator, j: number, lengthsMs: number[]): ComponentSimReport {
  const { model } = sim;
  const rec = sim.nodes;
  const busy = rec.fieldSeries(j, N_BUSY);
  const capacity = rec.fieldSeries(j, N_CAP);
  const queue = rec.fieldSeries(j, N_QUEUE);
  const concurrency = model.concurrency[j]!;
  const measuredS = sim.measuredMs / 1000;
  const first = model.stationStart[j]!;
  const last = model.stationStart[j + 1]!;
  let replicaBusy = 0;
  let replicaCapacity = 0;
  for (let s = first + 1; s < last; s++) {
    replicaBusy += sim.measuredBusy[s]!;
    replicaCapacity += sim.measuredCapacity[s]!;
  }
  const tally = rec.tallies[j]!;
  return {
    nodeId: model.ids[j]!,
    label: model.labels[j]!,
    kind: model.kinds[j]!,
    series: {
      offeredRps: perSecond(rec, j, N_ARRIVALS, lengthsMs),
      throughputRps: perSecond(rec, j, N_OK, lengthsMs),
      errorRps: perSecond(rec, j, N_ERRORS, lengthsMs),
      timeoutRps: perSecond(rec, j, N_TIMEOUTS, lengthsMs),
      rejectedRps: perSecond(rec, j, N_REJECTED, lengthsMs),
      retryRps: perSecond(rec, j, N_RETRIES, lengthsMs),
      utilization: Array.from(busy, (x, b) => ratio(x, capacity[b]!)),
      queueLength: Array.from(queue, (x, b) => x / lengthsMs[b]!),
      maxQueueLength: Array.from(rec.fieldSeries(j, N_QMAX)),
      instances: Array.from(capacity, (x, b) => x / concurrency / lengthsMs[b]!),
      p50Ms: percentileSeries(rec, j, 0),
      p95Ms: percentileSeries(rec, j, 1),
      p99Ms: percentileSeries(rec, j, 2),
    },
    summary: {
      offeredRps: measuredS > 0 ? rec.total(j, N_ARRIVALS) / measuredS : 0,
      throughputRps: measuredS > 0 ? rec.total(j, N_OK) / measuredS : 0,
      arrivals: rec.total(j, N_ARRIVALS),
      completions: rec.total(j, N_OK),
      errors: rec.total(j, N_ERRORS),
      timeouts: rec.total(j, N_TIMEOUTS),
      rejections: rec.total(j, N_REJECTED),
      retries: rec.total(j, N_RETRIES),
      utilization: ratio(sim.measuredBusy[first]!, sim.measuredCapacity[first]!),
      utilizationHalfWidth: orNull(sim.utilizationBatches[j]!.halfWidth95()),
      replicaUtilization: last - first > 1 ? ratio(replicaBusy, replicaCapacity) : null,
      meanQueueLength: measuredS > 0 ? rec.total(j, N_QUEUE) / (measuredS * 1000) : 0,
      maxQueueLength: rec.total(j, N_QMAX),
      ...responseFigures(tally),
    },
  };
}

/** p99's 95% interval is "stable" when it spans at most ±5% of the p99 itself. */
export const STABLE_P99_RELATIVE_HALF_WIDTH = 0.05;

/**
 * A distribution-free 95% interval for the p99: the order statistics at ranks n*0.99 -/+ 1.96
 * sqrt(n*0.99*0.01) (normal approximation to the binomial). It assumes independent responses;
 * responses close in time are correlated, so the true interval is at least this wide.
 */
function p99Interval(tally: ResponseTally): { low: number | null; high: number | null; stable: boolean } {
  const n = tally.histogram.count;
  if (n === 0) return { low: null, high: null, stable: false };
  const spread = 1.96 * Math.sqrt(n * 0.99 * 0.01);
  const low = tally.histogram.percentile(Math.max(1, Math.floor(n * 0.99 - spread)) / n);
  const high = tally.histogram.percentile(Math.min(n, Math.ceil(n * 0.99 + spread)) / n);
  const p99 = tally.histogram.percentile(0.99);
  const stable = p99 > 0 && (high - low) / 2 <= STABLE_P99_RELATIVE_HALF_WIDTH * p99;
  return { low: orNull(low), high: orNull(high), stable };
}

function responseFigures(tally: ResponseTally): ResponseFigures {
  const interval = p99Interval(tally);
  return {
    meanResponseMs: orNull(tally.mean),
    meanResponseHalfWidthMs: orNull(tally.halfWidth95),
    p50ResponseMs: orNull(tally.histogram.percentile(0.5)),
    p95ResponseMs: orNull(tally.histogram.percentile(0.95)),
    p99ResponseMs: orNull(tally.histogram.percentile(0.99)),
    p99LowMs: interval.low,
    p99HighMs: interval.high,
    p99Stable: interval.stable,
  };
}

function flowSeries(rec: BucketRecorder, row: number, lengthsMs: number[]): FlowSimReport['series'] {
  const ok = rec.fieldSeries(row, F_OK);
  const failed = rec.fieldSeries(row, F_FAILED);
  return {
    sentRps: perSecond(rec, row, F_SENT, lengthsMs),
    okRps: perSecond(rec, row, F_OK, lengthsMs),
    failedRps: perSecond(rec, row, F_FAILED, lengthsMs),
    timeoutRps: perSecond(rec, row, F_FAILED + R_TIMEOUT, lengthsMs),
    rejectedRps: perSecond(rec, row, F_FAILED + R_REJECTED, lengthsMs),
    downRps: sumSeries(perSecond(rec, row, F_FAILED + R_DOWN, lengthsMs), perSecond(rec, row, F_FAILED + R_OPEN, lengthsMs)),
    availability: Array.from(ok, (x, b) => ratio(x, x + failed[b]!)),
    p50Ms: percentileSeries(rec, row, 0),
    p95Ms: percentileSeries(rec, row, 1),
    p99Ms: percentileSeries(rec, row, 2),
  };
}

function flowSummary(rec: BucketRecorder, row: number): FlowSimSummary {
  const succeeded = rec.total(row, F_OK);
  const failed = rec.total(row, F_FAILED);
  const failedBy = Object.fromEntries(FAILURE_REASONS.map((reason, k) => [reason, rec.total(row, F_FAILED + 1 + k)])) as Record<FailureReason, number>;
  const availability = ratio(succeeded, succeeded + failed);
  return {
    sent: rec.total(row, F_SENT),
    succeeded,
    failed,
    failedBy,
    availability,
    errorRate: availability === null ? null : 1 - availability,
    ...responseFigures(rec.tallies[row]!),
  };
}

function describeEdges(sim: DesignSimulator): EdgeSimSummary[] {
  const { model } = sim;
  const edges: EdgeSimSummary[] = [];
  for (let s = 0; s < model.outTarget.length; s++) {
    if (model.edgeSync[s] === 0 || sim.edgeCallCount[s] === 0) continue;
    edges.push({
      edgeId: model.edgeIds[s]!,
      calls: sim.edgeCallCount[s]!,
      retries: sim.edgeRetryCount[s]!,
      timeouts: sim.edgeTimeoutCount[s]!,
      shortCircuited: sim.edgeShortCircuitCount[s]!,
      bulkheadRejected: sim.edgeBulkheadCount[s]!,
      breakerOpenings: sim.edgeOpenCount[s]!,
    });
  }
  return edges;
}
