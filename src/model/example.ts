// The design a learner finds on first open: a small photo-sharing web app, big enough to
// show every idea (sync calls, an async hand-off, a cache, replicas, zones) and small enough to read.
import { defaultParams } from './catalog';
import type { ComponentKind, Design, DesignEdge, DesignNode } from './types';

function node(id: string, kind: ComponentKind, label: string, x: number, y: number, params: Record<string, number> = {}, groupId?: string): DesignNode {
  return { id, kind, label, params: { ...defaultParams(kind), ...params }, position: { x, y }, ...(groupId ? { groupId } : {}) };
}

function call(id: string, source: string, target: string, mode: 'sync' | 'async' = 'sync', share = 1, callsPerRequest = 1): DesignEdge {
  return { id, source, target, mode, share, callsPerRequest };
}

export function exampleDesign(): Design {
  return {
    id: 'example-photo-app',
    name: 'Photo sharing app (example)',
    groups: [
      { id: 'region-us-east', kind: 'region', label: 'Region us-east', position: { x: 300, y: 20 }, size: { width: 1000, height: 500 } },
      { id: 'zone-a', kind: 'zone', label: 'Zone a', parentId: 'region-us-east', position: { x: 330, y: 70 }, size: { width: 940, height: 420 } },
    ],
    nodes: [
      node('users', 'client', 'Mobile users', 0, 260, { rps: 300 }),
      node('cdn', 'cdn', 'Image CDN', 580, 600),
      node('lb', 'load-balancer', 'Load balancer', 360, 200, {}, 'zone-a'),
      node('api', 'service', 'Photo API', 580, 200, { instances: 3 }, 'zone-a'),
      node('cache', 'cache', 'Feed cache', 800, 110, {}, 'zone-a'),
      node('db', 'relational-db', 'Photos DB', 1060, 110, {}, 'zone-a'),
      node('queue', 'queue', 'Upload queue', 800, 300, {}, 'zone-a'),
      node('worker', 'worker', 'Thumbnailer', 1060, 300, {}, 'zone-a'),
      node('store', 'object-storage', 'Photo storage', 1060, 600),
    ],
    edges: [
      call('e1', 'users', 'lb'),
      call('e0', 'users', 'cdn', 'sync', 1, 3), // each page view loads about three images
      call('e2', 'lb', 'api'),
      call('e3', 'api', 'cache', 'sync', 0.9),
      call('e4', 'cache', 'db'),
      call('e5', 'api', 'queue', 'async', 0.1),
      call('e6', 'queue', 'worker', 'async'),
      call('e7', 'worker', 'store'),
      call('e8', 'cdn', 'store'),
    ],
  };
}
