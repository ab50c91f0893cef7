// A simulation setup names components, zones and regions (a client's workload, a failure's
// target, the sides of a partition). When the learner deletes some of them, the setup keeps only
// what still refers to something, so the design stays valid (model/validate.ts checks the names).
import { FAILURE_SPECS, failureTargetIds, type TargetFields } from './failures';
import type { FailureEvent, SimulationSetup } from './simulation-setup';

function keeps(failure: FailureEvent, removed: ReadonlySet<string>): FailureEvent | null {
  if (FAILURE_SPECS[failure.kind].target !== 'network') return failureTargetIds(failure).some((id) => removed.has(id)) ? null : failure;
  const { sideA, sideB } = failure as TargetFields['network'];
  const keptA = sideA.filter((id) => !removed.has(id));
  const keptB = sideB.filter((id) => !removed.has(id));
  return keptA.length === 0 || keptB.length === 0 ? null : ({ ...failure, sideA: keptA, sideB: keptB } as FailureEvent);
}

/** The setup without workloads and failures of removed ids (components, zones or regions). */
export function withoutParts(setup: SimulationSetup, removed: ReadonlySet<string>): SimulationSetup {
  const out: SimulationSetup = { ...setup };
  if (setup.workload) out.workload = Object.fromEntries(Object.entries(setup.workload).filter(([clientId]) => !removed.has(clientId)));
  if (setup.failures) out.failures = setup.failures.map((f) => keeps(f, removed)).filter((f): f is FailureEvent => f !== null);
  return out;
}

/** The failure with every id it names passed through `rename`. */
function renamedFailure(failure: FailureEvent, rename: (id: string) => string): FailureEvent {
  switch (FAILURE_SPECS[failure.kind].target) {
    case 'group':
      return { ...failure, groupId: rename((failure as TargetFields['group']).groupId) } as FailureEvent;
    case 'network': {
      const { sideA, sideB } = failure as TargetFields['network'];
      return { ...failure, sideA: sideA.map(rename), sideB: sideB.map(rename) } as FailureEvent;
    }
    default:
      return { ...failure, nodeId: rename((failure as TargetFields['component']).nodeId) } as FailureEvent;
  }
}

/** The setup naming the same parts under the ids `rename` gives them. */
export function withRenamedParts(setup: SimulationSetup, rename: (id: string) => string): SimulationSetup {
  const out: SimulationSetup = { ...setup };
  if (setup.workload) out.workload = Object.fromEntries(Object.entries(setup.workload).map(([clientId, shapes]) => [rename(clientId), shapes]));
  if (setup.failures) out.failures = setup.failures.map((f) => renamedFailure(f, rename));
  return out;
}
