// Auto-layout off the UI thread. elkjs is only loaded here, so it never weighs on the first page load.
import * as Comlink from 'comlink';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

const elk = new ELK();

const api = {
  async layout(graph: ElkNode): Promise<ElkNode> {
    return elk.layout(graph);
  },
};

export type LayoutWorkerApi = typeof api;
Comlink.expose(api);
