// A simulation setup names components, zones and regions (a client's workload, a failure's
// target, the sides of a partition). When the learner deletes some of them, the setup keeps only
// what still refers to something, so the design stays valid (model/validate.ts checks the names).
import type { FailureEvent, SimulationSetup } from './simulation-setup';

function keeps(failure: FailureEvent, removed: ReadonlySet<string>): FailureEvent | null {
  switch (failure.kind) {
    case 'group-outage':
      return removed.has(failure.groupId) ? null : failure;
    case 'partition': {
      const sideA = failure.sideA.filter((id) => !removed.has(id));
      const sideB = failure.sideB.filter((id) => !removed.has(id));
      return sideA.length === 0 || sideB.length === 0 ? null : { ...failure, sideA, sideB };
    }
    default:
      return removed.has(failure.nodeId) ? null : failure;
  }
}

/** The setup without workloads and failures of removed ids (components, zones or regions). */
export function withoutParts(setup: SimulationSetup, removed: ReadonlySet<string>): SimulationSetup {
  const out: SimulationSetup = { ...setup };
  if (setup.workload) out.workload = Object.fromEntries(Object.entries(setup.workload).filter(([clientId]) => !removed.has(clientId)));
  if (setup.failures) out.failures = setup.failures.map((f) => keeps(f, removed)).filter((f): f is FailureEvent => f !== null);
  return out;
}
