// The analytic engine's public API: what the UI (through its worker), the CLI and tests call.
export { solveDesign, solveCompiledDesign } from './design';
export type { ComponentResult, DesignSolution, DesignSolveResult, FlowResult, HopBreakdown } from './design-results';
export { compileDesign, readNodeFigures, type DesignProblem, type NodeFigures, type SolveDesignOptions } from './design-model';
export { computeHeadroom, DEFAULT_MAX_BLOCKING, type EntryHeadroom, type HeadroomOptions, type HeadroomResult } from './headroom';
export { explainMainProblem, type Explanation } from './explain';
export { solveNetwork, type NetworkResult, type NetworkStationResult } from './network';
export { parseNetworkCase, type NetworkCase, type NetworkStation, type ParseNetworkResult } from './network-case';
export { NETWORK_RTT_MS, hopKind, placementOf, type HopKind, type NetworkRtt, type Placement } from './network-latency';
export { solveStation, stationPercentileMs, type StationSolution, type StationSpec } from './station';
export { erlangB, erlangC } from './erlang';
export { allenCunneenWaitMs, mmcWaitMs, pollaczekKhinchineWaitMs } from './wait-time';
export { generateHealthyDesign, type HealthyDesignOptions } from './generate';
