// Builds large, valid, realistic-looking designs for benchmarks and property tests:
// tiers from clients through load balancers and services to caches, databases and queues,
// laid out in columns and spread over zones. Deterministic for a given seed.
import { defaultParams } from './catalog';
import type { ComponentKind, Design, DesignEdge, DesignNode } from './types';

/** Small seeded generator (mulberry32) so the same seed always gives the same design. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROWS = 20;

const TIERS: ComponentKind[][] = [
  ['client'],
  ['load-balancer', 'api-gateway'],
  ['service', 'service', 'rate-limiter'],
  ['service', 'cache', 'queue'],
  ['relational-db', 'nosql', 'worker', 'search', 'object-storage'],
];

export interface GenerateOptions {
  nodes: number;
  edges: number;
  seed?: number;
  zones?: number;
}

export function generateDesign({ nodes: count, edges: edgeCount, seed = 1, zones = 3 }: GenerateOptions): Design {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const perTier = Math.max(1, Math.floor(count / TIERS.length));
  const tierOf: number[] = [];
  const nodes: DesignNode[] = [];
  for (let i = 0; i < count; i++) {
    const tier = Math.min(TIERS.length - 1, Math.floor(i / perTier));
    const row = i - tier * perTier;
    const kind = pick(TIERS[tier]!);
    const params = defaultParams(kind);
    if (kind === 'client') params.rps = 5 + Math.floor(rand() * 20);
    if ('instances' in params) params.instances = 2 + Math.floor(rand() * 6);
    // Each tier is a block of columns, 20 rows tall, so the whole design is wider than tall like a real diagram.
    const col = Math.floor(row / ROWS);
    const colsPerTier = Math.ceil(perTier / ROWS);
    nodes.push({ id: `n${i}`, kind, label: `${kind} ${i}`, params, position: { x: (tier * colsPerTier + col) * 260 + tier * 120, y: (row % ROWS) * 100 } });
    tierOf.push(tier);
  }
  // Zones are horizontal bands across every tier but the clients.
  const rowsPerZone = Math.ceil(ROWS / zones);
  const firstX = Math.min(...nodes.filter((n) => n.kind !== 'client').map((n) => n.position.x), 0) - 30;
  const lastX = Math.max(...nodes.map((n) => n.position.x)) + 220;
  const groups = Array.from({ length: zones }, (_, z) => ({
    id: `zone-${z}`,
    kind: 'zone' as const,
    label: `Zone ${String.fromCharCode(97 + z)}`,
    position: { x: firstX, y: z * rowsPerZone * 100 - 40 },
    size: { width: lastX - firstX, height: rowsPerZone * 100 },
  }));
  for (const n of nodes) {
    if (n.kind === 'client') continue;
    n.groupId = `zone-${Math.min(zones - 1, Math.floor(n.position.y / 100 / rowsPerZone))}`;
  }
  // Edges only go to a later tier, so sync calls never form a loop.
  const byTier: string[][] = TIERS.map(() => []);
  nodes.forEach((n, i) => byTier[tierOf[i]!]!.push(n.id));
  const edges: DesignEdge[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (edges.length < edgeCount && guard++ < edgeCount * 20) {
    const from = Math.floor(rand() * (TIERS.length - 1));
    const to = Math.min(TIERS.length - 1, from + 1 + (rand() < 0.15 ? 1 : 0));
    const s = pick(byTier[from]!);
    const t = pick(byTier[to]!);
    const key = `${s}>${t}`;
    if (!s || !t || seen.has(key)) continue;
    seen.add(key);
    const target = nodes[Number(t.slice(1))]!;
    edges.push({
      id: `e${edges.length}`,
      source: s,
      target: t,
      mode: target.kind === 'queue' || target.kind === 'worker' ? 'async' : 'sync',
      callsPerRequest: 1,
      share: Math.round((0.2 + rand() * 0.8) * 100) / 100,
    });
  }
  return { id: `generated-${count}`, name: `Generated ${count} components`, nodes, edges, groups };
}
