// The settings of one failure (how many instances, how many times slower, what share fails, when
// a replica is promoted), built from its spec in src/model/failures.ts. Used by the simulation
// panel and the authoring form, so both editors offer the same fields with the same units.
import { FAILURE_SPECS, type FailureKind, type FailureParamKey } from '../model/failures';
import { SpecFieldInputs } from './SpecFieldInputs';

export interface FailureParamInputsProps {
  kind: FailureKind;
  /** The text in the input for a parameter ('' when left out). */
  value: (key: FailureParamKey) => string;
  onChange: (key: FailureParamKey, text: string) => void;
}

export function FailureParamInputs({ kind, value, onChange }: FailureParamInputsProps) {
  return <SpecFieldInputs fields={FAILURE_SPECS[kind].params} value={value} onChange={onChange} />;
}
