// The design a learner finds on first open: a small photo-sharing web app, big enough to
// show every idea (sync calls, an async hand-off, a cache, replicas, zones) and small enough to read.
import { defaultParams } from './catalog';
import type { ComponentKind, Design, DesignEdge, DesignNode } from './types';

function node(id: string, kind: ComponentKind, label: string, x: number, y: number, params: Record<string, number> = {}, groupId?: string): DesignNode {
  return { id, kind, label, params: { ...defaultParams(kind), ...params }, position: { x, y }, ...(groupId ? { groupId } : {}) };
}

function call(id: string, source: string, target: string, mode: 'sync' | 'async' = 'sync', share = 1, callsPerRequest = 1, sides: Pick<DesignEdge, 'sourceSide' | 'targetSide'> = {}): DesignEdge {
  return { id, source, target, mode, share, callsPerRequest, ...sides };
}

/** Leaves the caller's bottom: clear of the cards beside it. */
const down = (targetSide: 'left' | 'top') => ({ sourceSide: 'bottom', targetSide }) as const;

export function exampleDesign(): Design {
  return {
    id: 'example-photo-app',
    name: 'Photo sharing app (example)',
    // Laid out compactly (62 px between columns, room for a connection's label; 50 px between
    // rows) so the whole design is read on a 1280 x 800 laptop screen: at 54% its cards show
    // their names (model/card.ts); spread out as it was, it fitted at 35%.
    groups: [
      { id: 'region-us-east', kind: 'region', label: 'Region us-east', position: { x: 240, y: 0 }, size: { width: 1018, height: 300 } },
      { id: 'zone-a', kind: 'zone', label: 'Zone a', parentId: 'region-us-east', position: { x: 260, y: 40 }, size: { width: 978, height: 240 } },
    ],
    nodes: [
      node('users', 'client', 'Mobile users', 0, 137, { rps: 300 }),
      node('cdn', 'cdn', 'Image CDN', 530, 340),
      node('lb', 'load-balancer', 'Load balancer', 280, 137, {}, 'zone-a'),
      node('api', 'service', 'Photo API', 530, 137, { instances: 3 }, 'zone-a'),
      node('cache', 'cache', 'Feed cache', 780, 80, {}, 'zone-a'),
      node('db', 'relational-db', 'Photos DB', 1030, 80, {}, 'zone-a'),
      node('queue', 'queue', 'Upload queue', 780, 196, {}, 'zone-a'),
      node('worker', 'worker', 'Thumbnailer', 1030, 196, {}, 'zone-a'),
      node('store', 'object-storage', 'Photo storage', 1030, 340),
    ],
    edges: [
      call('e1', 'users', 'lb'),
      call('e0', 'users', 'cdn', 'sync', 1, 3, down('left')), // each page view loads about three images
      call('e2', 'lb', 'api'),
      call('e3', 'api', 'cache', 'sync', 0.9),
      call('e4', 'cache', 'db'),
      call('e5', 'api', 'queue', 'async', 0.1, 1, down('left')),
      call('e6', 'queue', 'worker', 'async'),
      call('e7', 'worker', 'store', 'sync', 1, 1, down('top')),
      call('e8', 'cdn', 'store'),
    ],
  };
}
