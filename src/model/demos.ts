// The built-in demos: small, realistic designs that each show one way systems fail over time
// (or one way to stop it), with the traffic and failures saved on the design so the simulator
// replays them the same way every time. Parameters are catalog defaults except where a demo
// needs otherwise; each such override says why. tests/unit/demos.test.ts measures each effect.
import { edge, groupsAround, node } from './demos/build';
import type { EdgeResilience } from './simulation-setup';
import type { Design } from './types';

export interface Demo {
  id: string;
  title: string;
  /** Two or three sentences for the learner: what to look at, and why it happens. */
  lesson: string;
  design: Design;
}

// ---- a) retry storm ---------------------------------------------------------------------------

/**
 * Tomcat's default thread pool (maxThreads = 200, tomcat.apache.org HTTP connector docs), so the
 * API's own workers are never what runs out and the database takes the whole storm.
 */
const TOMCAT_THREADS = 200;

/** The API's database client: gives up after 100 ms and tries again, three times, with jittered backoff. */
const impatientDbCalls = (budgetRatio?: number): EdgeResilience => ({
  timeoutMs: 100,
  retry: { maxRetries: 3, baseBackoffMs: 25, ...(budgetRatio !== undefined ? { budgetRatio } : {}) },
});

function retryStorm(budgetRatio?: number): Design {
  const budget = budgetRatio !== undefined;
  const nodes = [
    node('shoppers', 'client', 'Shoppers', 0, 0, { params: { rps: 300 } }),
    node('lb', 'load-balancer', 'Load balancer', 1, 0),
    node('api', 'service', 'Catalog API', 2, 0, { params: { concurrency: TOMCAT_THREADS } }),
    node('db', 'relational-db', 'Products DB', 3, 0),
  ];
  return {
    id: budget ? 'demo-retry-budget' : 'demo-retry-storm',
    name: budget ? 'Retry storm, with a retry budget' : 'Retry storm',
    nodes,
    edges: [
      edge('e-shoppers-lb', 'shoppers', 'lb'),
      edge('e-lb-api', 'lb', 'api'),
      edge('e-api-db', 'api', 'db', { label: budget ? '100 ms timeout, 3 retries, 10% budget' : '100 ms timeout, 3 retries', resilience: impatientDbCalls(budgetRatio) }),
    ],
    groups: [],
    simulation: {
      durationS: 180,
      seed: 1,
      // A bad query plan makes every query 32x slower for a minute (74 ms): the database could
      // still carry the real traffic at that speed (300 req/s x 74 ms on 32 workers: 69% busy),
      // but not the traffic plus the retries. At 32x the storm takes hold on every seed tried
      // (16 of 16, the database offered 3.5x its traffic or more); at 30x seed 1 settled with
      // few retries (2.2x), the lesson unseen.
      failures: [{ kind: 'slowdown', nodeId: 'db', atS: 60, durationS: 60, factor: 32 }],
    },
  };
}

// ---- b) worker-pool exhaustion ------------------------------------------------------------------

/** Gives up on the payment provider after a second and stops calling it while most calls fail. */
const guardedPaymentCalls: EdgeResilience = {
  timeoutMs: 1000,
  circuitBreaker: { failureRatio: 0.5, minCalls: 20, windowS: 10, openS: 5 },
};

function poolExhaustion(protectedCalls: boolean): Design {
  const nodes = [
    node('shoppers', 'client', 'Shoppers', 0, 0.5, { params: { rps: 100 } }),
    node('lb', 'load-balancer', 'Load balancer', 1, 0.5),
    node('web', 'service', 'Storefront', 2, 0.5),
    node('orders', 'service', 'Orders service', 3, 0.5),
    node('db', 'relational-db', 'Orders DB', 4, 0),
    node('pay', 'third-party-api', 'Payment provider', 4, 1),
  ];
  return {
    id: protectedCalls ? 'demo-pool-exhaustion-protected' : 'demo-pool-exhaustion',
    name: protectedCalls ? 'Slow dependency, with timeout and breaker' : 'Slow dependency, without protection',
    nodes,
    edges: [
      edge('e-shoppers-lb', 'shoppers', 'lb'),
      edge('e-lb-web', 'lb', 'web'),
      edge('e-web-orders', 'web', 'orders'),
      edge('e-orders-db', 'orders', 'db'),
      edge('e-orders-pay', 'orders', 'pay', {
        share: 0.3, // three requests in ten are checkouts that take a payment
        label: protectedCalls ? 'checkouts: 1 s timeout, breaker' : 'checkouts',
        ...(protectedCalls ? { resilience: guardedPaymentCalls } : {}),
      }),
    ],
    groups: [],
    simulation: {
      durationS: 240,
      seed: 1,
      failures: [{ kind: 'slowdown', nodeId: 'pay', atS: 60, durationS: 90, factor: 10 }],
    },
  };
}

// ---- c) cache stampede --------------------------------------------------------------------------

function cacheStampede(): Design {
  const nodes = [
    node('shoppers', 'client', 'Shoppers', 0, 0, { params: { rps: 2500 } }),
    node('lb', 'load-balancer', 'Load balancer', 1, 0),
    node('api', 'service', 'Product API', 2, 0, { params: { instances: 5 } }), // 2,500 req/s at ~24 ms a request needs ~60 workers
    node('cache', 'cache', 'Product cache', 3, 0),
    // db.m5.large has 2 vCPU: at the catalog's ~4 active queries per vCPU, 8 at once. Sized for
    // the misses alone, as databases behind a good cache often are.
    node('db', 'relational-db', 'Products DB', 4, 0, { params: { concurrency: 8 } }),
  ];
  return {
    id: 'demo-cache-stampede',
    name: 'Cache stampede',
    nodes,
    edges: [edge('e-shoppers-lb', 'shoppers', 'lb'), edge('e-lb-api', 'lb', 'api'), edge('e-api-cache', 'api', 'cache'), edge('e-cache-db', 'cache', 'db', { label: 'misses' })],
    groups: [],
    simulation: {
      durationS: 150,
      seed: 1,
      // The cache node restarts; until it is back every read falls through to the database.
      failures: [{ kind: 'crash', nodeId: 'cache', atS: 60, durationS: 45 }],
    },
  };
}

// ---- d) queue backlog -------------------------------------------------------------------------

function queueBacklog(): Design {
  const nodes = [
    node('uploaders', 'client', 'Uploaders', 0, 0, { params: { rps: 40 } }),
    node('lb', 'load-balancer', 'Load balancer', 1, 0),
    node('api', 'service', 'Upload API', 2, 0),
    node('jobs', 'queue', 'Thumbnail jobs', 3, 0),
    node('workers', 'worker', 'Thumbnailer', 4, 0),
    node('store', 'object-storage', 'Photo storage', 5, 0),
  ];
  return {
    id: 'demo-queue-backlog',
    name: 'Queue backlog through a spike',
    nodes,
    edges: [
      edge('e-uploaders-lb', 'uploaders', 'lb'),
      edge('e-lb-api', 'lb', 'api'),
      edge('e-api-jobs', 'api', 'jobs', { mode: 'async', label: 'one job per upload' }),
      edge('e-jobs-workers', 'jobs', 'workers', { mode: 'async' }),
      edge('e-workers-store', 'workers', 'store'),
    ],
    groups: [],
    simulation: {
      durationS: 300,
      seed: 1,
      // An event ends and everyone uploads their photos at once: two and a half times the usual rate for a minute.
      workload: { uploaders: [{ kind: 'spike', startS: 60, durationS: 60, multiplier: 2.5 }] },
    },
  };
}

// ---- e) autoscaling lag -----------------------------------------------------------------------

function autoscaleLag(): Design {
  const nodes = [
    node('visitors', 'client', 'Visitors', 0, 0, { params: { rps: 500 } }),
    node('lb', 'load-balancer', 'Load balancer', 1, 0),
    // Target tracking at 60% busy, new instances serving 60 s after the decision (EC2 launch and
    // app start; the simulator's defaults, spelled out here because they are the lesson).
    node('api', 'service', 'Web API', 2, 0, { resilience: { autoscale: { targetUtilization: 0.6, provisioningS: 60, cooldownS: 60, evaluationS: 15 } } }),
    node('db', 'relational-db', 'Accounts DB', 3, 0),
  ];
  return {
    id: 'demo-autoscale-lag',
    name: 'Autoscaling lag after a traffic step',
    nodes,
    edges: [edge('e-visitors-lb', 'visitors', 'lb'), edge('e-lb-api', 'lb', 'api'), edge('e-api-db', 'api', 'db')],
    groups: [],
    simulation: {
      durationS: 240,
      seed: 1,
      // A newsletter goes out: traffic triples in a moment and stays there.
      workload: { visitors: [{ kind: 'step', atS: 60, toRps: 1500 }] },
    },
  };
}

// ---- f) zone outage ---------------------------------------------------------------------------

function zoneOutage(spread: boolean): Design {
  const region = { id: 'region', kind: 'region' as const, label: 'Region us-east-1' };
  const zoneA = { id: 'zone-a', kind: 'zone' as const, label: 'Zone us-east-1a', parentId: 'region' };
  const zoneB = { id: 'zone-b', kind: 'zone' as const, label: 'Zone us-east-1b', parentId: 'region' };
  const apis = spread
    ? [
        node('api-a', 'service', 'Orders API (a)', 2, 0, { groupId: 'zone-a' }),
        node('api-b', 'service', 'Orders API (b)', 2, 2, { groupId: 'zone-b' }),
      ]
    : [node('api-a', 'service', 'Orders API', 2, 1, { params: { instances: 4 }, groupId: 'zone-a' })];
  const nodes = [
    node('customers', 'client', 'Customers', 0, 1, { params: { rps: 400 } }),
    // Managed load balancers and DynamoDB-style tables span the region's zones.
    node('lb', 'load-balancer', 'Load balancer', 1, 1, { groupId: 'region' }),
    ...apis,
    node('table', 'nosql', 'Orders table', 3, 1, { groupId: 'region' }),
  ];
  return {
    id: spread ? 'demo-zone-outage-two-zones' : 'demo-zone-outage-one-zone',
    name: spread ? 'Zone outage, spread over two zones' : 'Zone outage, all in one zone',
    nodes,
    edges: [
      edge('e-customers-lb', 'customers', 'lb'),
      ...(spread
        ? [edge('e-lb-api-a', 'lb', 'api-a', { share: 0.5 }), edge('e-lb-api-b', 'lb', 'api-b', { share: 0.5 }), edge('e-api-a-table', 'api-a', 'table'), edge('e-api-b-table', 'api-b', 'table')]
        : [edge('e-lb-api-a', 'lb', 'api-a'), edge('e-api-a-table', 'api-a', 'table')]),
    ],
    groups: groupsAround(nodes, spread ? [region, zoneA, zoneB] : [region, zoneA]),
    simulation: {
      durationS: 180,
      seed: 1,
      failures: [{ kind: 'group-outage', groupId: 'zone-a', atS: 60, durationS: 60 }],
    },
  };
}

// ---- the list -----------------------------------------------------------------------------------

export const DEMOS: readonly Demo[] = [
  {
    id: 'retry-storm',
    title: 'Retry storm',
    lesson:
      'Watch the Products DB\'s offered load when it slows down at 60 s: it jumps to three or four times the real traffic. ' +
      'Each query now takes longer than the API\'s 100 ms timeout, so the API gives up and asks again, up to three more times, while the database still works through the abandoned queries. ' +
      'The retries, not the users, are what keep the database overloaded.',
    design: retryStorm(),
  },
  {
    id: 'retry-budget',
    title: 'Retry storm, with a retry budget',
    lesson:
      'The same slowdown, but the API may retry at most one call in ten. ' +
      'Compare the Products DB\'s offered load with the retry storm demo: it barely rises, so the slowed database keeps up and recovers as soon as the slowdown ends. ' +
      'A budget keeps retries for rare, random failures and stops them when everything is failing.',
    design: retryStorm(0.1),
  },
  {
    id: 'pool-exhaustion',
    title: 'Slow dependency, without protection',
    lesson:
      'At 60 s the payment provider becomes ten times slower, and only checkouts call it. ' +
      'Yet watch the Orders service and then the Storefront fill up: every worker waits on a payment call, so browsing requests queue behind them and the whole site slows to a crawl. ' +
      'A synchronous call lends the caller\'s workers to the slowest thing it calls.',
    design: poolExhaustion(false),
  },
  {
    id: 'pool-exhaustion-protected',
    title: 'Slow dependency, with timeout and breaker',
    lesson:
      'The same slowdown, but the Orders service gives up on a payment after 1 s and a circuit breaker stops calling the provider while most calls fail. ' +
      'Checkouts fail fast during the slowdown, but the Orders service and Storefront stay far from full and browsing keeps working. ' +
      'Failing part of the traffic on purpose saves the rest of it.',
    design: poolExhaustion(true),
  },
  {
    id: 'cache-stampede',
    title: 'Cache stampede',
    lesson:
      'At 60 s the product cache restarts and every read falls through to the Products DB. ' +
      'Watch the database\'s offered load jump about tenfold, 1 / (1 - hit ratio) with a 90% hit ratio, and its utilization leap from under 10% to over 70%: it was sized for the misses alone. ' +
      'A cache hides how much load really sits behind it until the day it is gone.',
    design: cacheStampede(),
  },
  {
    id: 'queue-backlog',
    title: 'Queue backlog through a spike',
    lesson:
      'From 60 s to 120 s uploads arrive two and a half times faster than the thumbnail workers can finish them. ' +
      'Watch the Thumbnailer\'s queue: it grows through the spike and drains slowly afterwards, while the Upload API stays fast because it only hands the job over. ' +
      'A queue turns a burst into delay instead of errors, as long as the workers have spare capacity to catch up.',
    design: queueBacklog(),
  },
  {
    id: 'autoscale-lag',
    title: 'Autoscaling lag after a traffic step',
    lesson:
      'At 60 s traffic triples, and the autoscaler asks for more Web API instances at its next check, but they take a minute to start: until then the API is overloaded and its p99 latency climbs into seconds. ' +
      'Once they serve, the backlog clears and latency falls back to normal. ' +
      'Autoscaling follows load and cannot catch a sudden step, so keep headroom or scale ahead of known events.',
    design: autoscaleLag(),
  },
  {
    id: 'zone-outage-one-zone',
    title: 'Zone outage, all in one zone',
    lesson:
      'Every Orders API instance runs in zone us-east-1a, and at 60 s that zone goes dark for a minute. ' +
      'Watch the Customers\' availability fall to nearly zero: four instances are no help when they share one failure domain. ' +
      'Compare it with the two-zone demo.',
    design: zoneOutage(false),
  },
  {
    id: 'zone-outage-two-zones',
    title: 'Zone outage, spread over two zones',
    lesson:
      'The same four instances, two per zone, behind a load balancer that spans both. ' +
      'When zone us-east-1a goes dark, only the requests in flight there and those sent in the seconds before the health checks notice fail; then zone b carries everything. ' +
      'Spreading works only if each zone has room for the whole load, so watch the zone b instances\' utilization double.',
    design: zoneOutage(true),
  },
];

/** A fresh copy of a demo's design, safe to edit; undefined for an unknown id. */
export function demoDesign(id: string): Design | undefined {
  const demo = DEMOS.find((d) => d.id === id);
  return demo ? structuredClone(demo.design) : undefined;
}
