// The last simulation run of the Results ▸ Simulation tab and the design it ran on, so other
// panels (a critique finding's evidence) can quote its figures while the design is unchanged.
import { create } from 'zustand';
import type { DesignSimReport } from '../engine/simulation/design-sim-types';
import type { Design } from '../model/types';

interface LastSimulationState {
  last: { design: Design; report: DesignSimReport } | null;
  setLast: (last: { design: Design; report: DesignSimReport } | null) => void;
}

export const useLastSimulation = create<LastSimulationState>()((set) => ({
  last: null,
  setLast: (last) => set({ last }),
}));
