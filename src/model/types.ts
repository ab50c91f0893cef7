import type { EdgeResilience, NodeResilience, SimulationSetup } from './simulation-setup';

// The design a learner builds: components (nodes), the calls and messages between them
// (edges), and the regions and zones they sit in (groups). Pure data, no behaviour.

export const COMPONENT_KINDS = [
  'client',
  'dns',
  'cdn',
  'load-balancer',
  'api-gateway',
  'rate-limiter',
  'service',
  'worker',
  'cache',
  'relational-db',
  'nosql',
  'queue',
  'stream',
  'object-storage',
  'search',
  'third-party-api',
] as const;

export type ComponentKind = (typeof COMPONENT_KINDS)[number];

export interface Position {
  x: number;
  y: number;
}

/** The four sides of a component's card, each with a connection dot. */
export const CARD_SIDES = ['top', 'right', 'bottom', 'left'] as const;
export type CardSide = (typeof CARD_SIDES)[number];

export interface DesignNode {
  id: string;
  kind: ComponentKind;
  label: string;
  /** Parameter values by key (see the kind's ParamSpec list); missing keys take the default. */
  params: Record<string, number>;
  position: Position;
  /** The zone or region this node sits in, if any. */
  groupId?: string;
  /** Simulator-only behaviour: admission limits, rate limits, autoscaling. */
  resilience?: NodeResilience;
}

/** sync: the caller waits for the answer, holding its worker. async: a message, fire and forget. */
export type EdgeMode = 'sync' | 'async';

export interface DesignEdge {
  id: string;
  source: string;
  target: string;
  mode: EdgeMode;
  /** Calls made along this edge per request that takes it (>= 0). */
  callsPerRequest: number;
  /** Share of the source's requests that take this edge, 0..1. */
  share: number;
  label?: string;
  /**
   * Cache-aside: a sync call to a data store made beside a sync call to a cache is made only when
   * the cache missed (see model/routing). Absent means that default; false makes every request
   * that takes it call the store (writes, or a cache that holds other data).
   */
  onCacheMiss?: boolean;
  /** Simulator-only behaviour of sync calls: timeouts, retries, circuit breaker, bulkhead. */
  resilience?: EdgeResilience;
  /**
   * The path auto-layout found for this connection around the cards (px, from the caller's card to
   * the callee's), drawn while both cards stay where that layout put them (model/connection-geometry).
   */
  path?: Position[];
  /**
   * The side of the caller's card the connection leaves from, and of the callee's card it reaches:
   * the dots it was drawn between, or where its auto-layout path leaves and arrives. Absent: the
   * right side and the left side (every design saved before cards had dots on all four sides).
   */
  sourceSide?: CardSide;
  targetSide?: CardSide;
}

export type GroupKind = 'region' | 'zone';

export interface DesignGroup {
  id: string;
  kind: GroupKind;
  label: string;
  /** A zone sits inside a region. */
  parentId?: string;
  position: Position;
  size: { width: number; height: number };
}

export interface Design {
  id: string;
  name: string;
  nodes: DesignNode[];
  edges: DesignEdge[];
  groups: DesignGroup[];
  /** A saved simulation setup (workload over time, failures), for demos and scenarios. */
  simulation?: SimulationSetup;
}

/** Describes one parameter of a component kind: what it means, its unit, range and default. */
export interface ParamSpec {
  key: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Whole numbers only (instances, replicas). */
  integer?: boolean;
  step?: number;
  default: number;
  /** One line: where the default comes from, or why it is a sensible start. */
  source: string;
  /** One line for the inspector: what changing it does. */
  help: string;
}

export interface ComponentKindSpec {
  kind: ComponentKind;
  label: string;
  /** Palette group for browsing: edge, compute, data, messaging, external. */
  category: 'traffic' | 'edge' | 'compute' | 'data' | 'messaging' | 'external';
  /** Search words beyond the label (e.g. "redis", "memcached" for cache). */
  keywords: string[];
  /** One paragraph a learner can read: what it is, when to use it, what it costs you. */
  explanation: string;
  params: ParamSpec[];
  /** What the engines, the structural checks and the panels need to know about this kind's behaviour. */
  traits: KindTraits;
  /** One sentence: what usually relieves a busy component of this kind (the explanation's advice). */
  relief?: string;
}

/**
 * Behaviour a kind has, declared once on its catalog entry. Code outside src/model asks for a
 * trait, never for a kind by name, so a new kind with existing traits needs only its entry and icon.
 */
export interface KindTraits {
  /** Where requests start (clients): a traffic source, never a station, never a target. */
  sendsRequests?: true;
  /**
   * Sends each request to one of its targets (load balancer, DNS, API gateway routes): the
   * shares of its connections are weights of a split, not independent calls.
   */
  routesOneTarget?: true;
  /** Answers a share of reads itself (the hit ratio parameter); only misses go on. */
  cachesReads?: { hitRatioParam: ParamKey };
  /** Lets at most its limit (the parameter, requests/s) through; the rest are turned away. */
  rateLimits?: { limitParam: ParamKey };
  /**
   * Event-driven proxies (load balancers, gateways, CDNs, caches) keep a connection open while a
   * downstream call is under way but do not tie up a worker for it, so their capacity is not eaten
   * by downstream latency. Services and workers do hold a worker (thread) per call.
   */
  holdsNoWorkerOnCalls?: true;
  /** One primary takes the writes; read replicas (the parameter) share the reads (readShare). */
  primaryWithReplicas?: { replicasParam: ParamKey; readShareParam: ParamKey };
  /** More instances split the data between them (shards or partitions). */
  shards?: true;
  /** Run by another company: its capacity and outages are not the learner's to change. */
  externalVendor?: true;
  /** Served from the provider's locations worldwide (DNS, CDN), outside any one zone or region. */
  worldwideEdge?: true;
  /** Keeps the data of record: 'database' answers queries, 'objects' stores files, 'index' answers searches. */
  dataStore?: 'database' | 'objects' | 'index';
  /** Holds messages for consumers to take later; the noun names what it holds. */
  buffersMessages?: { noun: 'messages' | 'events' };
  /** Application code the learner writes, which should own its data rather than share a database. */
  ownsItsData?: true;
  /** Keeps no data of its own between requests (stateless compute, proxies, limiters). */
  keepsNoData?: true;
  /** Keeps its data or traffic split by key (partitions, shards, an outside API's accounts), so one key can run hot. */
  splitByKey?: true;
}

/** A parameter key of the kind (checked against its parameters by the catalog tests). */
type ParamKey = string;

