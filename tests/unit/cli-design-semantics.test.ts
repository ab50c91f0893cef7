// Engine semantics as learners draw them, checked through the design CLI
// (`npm run sim -- <design.json> --json`) with both engines.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeDesign } from '../../src/model/file';
import type { ComponentKind, Design, DesignEdge, DesignNode } from '../../src/model/types';
import { runCliOk } from './helpers/run-cli';

const tmp = mkdtempSync(join(tmpdir(), 'archlab-semantics-'));
const HANG_GUARD_MS = 300_000; // a hang guard only: a busy machine may be far slower than an idle one
/** Simulated seconds per run: at 200 req/s about 24,000 requests measured, enough for a mean within a few percent. */
const SIM_SECONDS = '120';

type Method = 'analytic' | 'simulation';

/** Offered load per component id, req/s, as the design CLI reports it. */
async function offeredRps(design: Design, method: Method): Promise<Record<string, number>> {
  const file = join(tmp, `${design.name}-${method}.json`);
  writeFileSync(file, serializeDesign(design));
  const stdout = await runCliOk('sim', [file, '--json', ...(method === 'simulation' ? ['--method', 'simulation', '--duration', SIM_SECONDS, '--seed', '7'] : [])]);
  const out = JSON.parse(stdout) as { components: Record<string, { offeredRps: number }> | { nodeId: string; summary: { offeredRps: number } }[] };
  if (Array.isArray(out.components)) return Object.fromEntries(out.components.map((c) => [c.nodeId, c.summary.offeredRps]));
  return Object.fromEntries(Object.entries(out.components).map(([id, c]) => [id, c.offeredRps]));
}

function node(id: string, kind: ComponentKind, params: Record<string, number> = {}): DesignNode {
  return { id, kind, label: id, params, position: { x: 0, y: 0 } };
}
const edge = (source: string, target: string, extra: Partial<DesignEdge> = {}): DesignEdge => ({ id: `${source}-${target}`, source, target, mode: 'sync', share: 1, callsPerRequest: 1, ...extra });

/** Client 200 req/s -> `front` -> Service, Service 2, Service 3, every connection at 100% as an old file has them. */
function threeBehind(name: string, front: ComponentKind): Design {
  return {
    id: name,
    name,
    groups: [],
    nodes: [node('client', 'client', { rps: 200 }), node('front', front), node('s1', 'service'), node('s2', 'service'), node('s3', 'service')],
    edges: [edge('client', 'front'), edge('front', 's1'), edge('front', 's2'), edge('front', 's3')],
  };
}

describe.each(['analytic', 'simulation'] as const)('design CLI, %s', (method) => {
  const within = (x: number, expected: number) => expect(Math.abs(x - expected) / expected).toBeLessThan(method === 'analytic' ? 1e-9 : 0.05);

  it('Client 200 req/s -> LB -> 3 services: each service is offered about 66.7 req/s', { timeout: HANG_GUARD_MS }, async () => {
    const rps = await offeredRps(threeBehind('lb-split', 'load-balancer'), method);
    within(rps.front!, 200);
    for (const id of ['s1', 's2', 's3']) within(rps[id]!, 200 / 3);
  });

  it('an API gateway checks every request with its rate limiter, then routes it to one of three services', { timeout: HANG_GUARD_MS }, async () => {
    const d = threeBehind('gateway-check', 'api-gateway');
    d.nodes.push(node('limiter', 'rate-limiter'));
    d.edges.splice(1, 0, edge('front', 'limiter'));
    const rps = await offeredRps(d, method);
    within(rps.limiter!, 200);
    for (const id of ['s1', 's2', 's3']) within(rps[id]!, 200 / 3);
  });

  it('cache-aside: Service asks a cache (90% hits) and, on a miss, the database beside it: the database is offered 20 req/s', { timeout: HANG_GUARD_MS }, async () => {
    const d: Design = {
      id: 'cache-aside',
      name: 'cache-aside',
      groups: [],
      nodes: [node('client', 'client', { rps: 200 }), node('svc', 'service'), node('cache', 'cache', { hitRatio: 0.9 }), node('db', 'relational-db')],
      edges: [edge('client', 'svc'), edge('svc', 'db'), edge('svc', 'cache')],
    };
    within((await offeredRps(d, method)).db!, 20);
    d.name = 'cache-aside-writes';
    d.edges[1]!.onCacheMiss = false;
    within((await offeredRps(d, method)).db!, 200);
  });

  it('saturation caps what flows on: Front finishes at most 50 req/s of the 75 sent, so the worker behind its queue gets 50', { timeout: HANG_GUARD_MS }, async () => {
    const d: Design = {
      id: 'capped',
      name: 'capped',
      groups: [],
      nodes: [
        node('client', 'client', { rps: 75 }),
        node('front', 'service', { instances: 1, concurrency: 1, serviceMs: 20 }), // 1 worker x 20 ms: at most 50 req/s
        node('jobs', 'queue'),
        node('worker', 'worker', { instances: 1, concurrency: 1, serviceMs: 10 }),
      ],
      edges: [edge('client', 'front'), edge('front', 'jobs', { mode: 'async' }), edge('jobs', 'worker', { mode: 'async' })],
    };
    const rps = await offeredRps(d, method);
    within(rps.front!, 75);
    within(rps.worker!, 50);
  });

  it('a service calling three services still calls each one: 200 req/s each', { timeout: HANG_GUARD_MS }, async () => {
    const rps = await offeredRps(threeBehind('service-fan-out', 'service'), method);
    for (const id of ['s1', 's2', 's3']) within(rps[id]!, 200);
  });
});
