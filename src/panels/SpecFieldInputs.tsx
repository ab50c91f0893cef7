// Number inputs built from specs in src/model (a failure's parameters, a workload's fields): label,
// unit, what leaving one out means, help on hover. Every editor of a spec'd thing uses it, so the
// simulation panel and the authoring form offer the same fields with the same units.

export interface SpecField {
  key: string;
  label: string;
  unit: string;
  whenAbsent?: string;
  help: string;
}

export interface SpecFieldInputsProps<F extends SpecField> {
  fields: readonly F[];
  /** The text in the input for a field ('' when left out). */
  value: (key: F['key']) => string;
  onChange: (key: F['key'], text: string) => void;
}

export function SpecFieldInputs<F extends SpecField>({ fields, value, onChange }: SpecFieldInputsProps<F>) {
  return (
    <>
      {fields.map((f) => (
        <label key={f.key} className="inline-field" title={f.help}>
          {f.label}
          <input inputMode="decimal" aria-label={f.label} value={value(f.key)} placeholder={f.whenAbsent ?? ''} onChange={(e) => onChange(f.key, e.target.value)} />
          {f.unit ? <span className="unit">{f.unit}</span> : null}
        </label>
      ))}
    </>
  );
}
