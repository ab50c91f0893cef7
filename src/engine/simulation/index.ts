// The discrete-event simulator's public surface.
export { simulateCase, simulateCaseDetailed } from './simulate-case';
export type { SimulateOptions, SimResult, SimStationResult, SimReport, StationSimReport, EndToEndReport, RunReport, StopReason } from './simulate-case';
export { benchDesign, benchDesignHour, benchEventsPerSec, type DesignBenchResult } from './bench';
export { Random } from './random';
export { serviceTime, sampleServiceTime, serviceShapeName, type ServiceTime, type ServiceFamily } from './service-time';
export { EventHeap } from './event-heap';
export { NetworkSimulator } from './network-simulator';
export { compileNetwork, type CompiledNetwork } from './compiled-network';
export { offeredTraffic, type OfferedTraffic } from './traffic';
export { simulateDesign, defaultWarmupS, DEFAULT_MAX_LIVE_REQUESTS, MAX_LIVE_REQUESTS_LIMIT } from './design-sim';
export { DesignSimError } from './design-sim-model';
export { logSentence } from './log-text';
export type {
  AutoscalePolicy,
  CircuitBreakerPolicy,
  ComponentSeries,
  ComponentSimReport,
  ComponentSimSummary,
  DesignSimOptions,
  DesignSimReport,
  EdgeResilience,
  EdgeSimSummary,
  FailureEvent,
  FailureReason,
  FlowSeries,
  FlowSimReport,
  FlowSimSummary,
  NodeResilience,
  ResilienceSettings,
  RetryPolicy,
  SimLogEntry,
  WorkloadShape,
} from './design-sim-types';
export type { SloReport, SloTargets } from '../metrics/slo';
