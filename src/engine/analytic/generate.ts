// Large designs for benchmarks and property tests: the model's structural generator, then
// instances sized so that no component runs hotter than about 70%. A healthy design is the
// realistic case to time (nothing saturated, so no saturation search).
import { generateDesign } from '../../model/generate';
import type { Design } from '../../model/types';
import { compileDesign } from './design-model';
import { createModelState, solveModel } from './solve-model';

const HOT = 0.7;
const TARGET = 0.5;
const MAX_INSTANCES = 1000;

export interface HealthyDesignOptions {
  components: number;
  /** Connections; defaults to 1.5 per component. */
  edges?: number;
  seed?: number;
}

export function generateHealthyDesign({ components, edges = Math.round(components * 1.5), seed = 1 }: HealthyDesignOptions): Design {
  const design = generateDesign({ nodes: components, edges, seed });
  for (let pass = 0; pass < 10; pass++) {
    const built = compileDesign(design);
    if (!built.ok) throw new Error(built.errors.map((e) => e.message).join(' '));
    const { model, externalRps, figures } = built.compiled;
    const state = solveModel(model, createModelState(model), externalRps);
    let resized = false;
    design.nodes.forEach((node, j) => {
      if (model.isStation[j] !== 1) return;
      const util = Math.max(state.primary[j]!.utilization, figures[j]!.replicas > 0 ? state.replica[j]!.utilization : 0);
      const instances = figures[j]!.instances;
      if (!(util <= HOT) && instances < MAX_INSTANCES) {
        const factor = Number.isFinite(util) ? util / TARGET : 4;
        node.params = { ...node.params, instances: Math.min(MAX_INSTANCES, Math.ceil(instances * factor)) };
        resized = true;
      }
    });
    if (!resized) break;
  }
  return design;
}
