// A number input that keeps what the learner typed, shows why it is wrong, and only
// commits a valid value (on Enter or leaving the field), so one edit is one undo step.
import { useEffect, useId, useState } from 'react';

export interface NumberFieldProps {
  label: string;
  unit: string;
  value: number;
  help?: string;
  /** Where the default comes from, shown under the help in smaller print. */
  source?: string;
  /** A message when the value is not allowed, else null. */
  validate: (value: number) => string | null;
  onCommit: (value: number) => void;
  onReset?: () => void;
  isDefault?: boolean;
  step?: number;
  testId?: string;
}

export function NumberField({ label, unit, value, help, source, validate, onCommit, onReset, isDefault, step, testId }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);

  const commit = () => {
    const trimmed = text.trim();
    const n = trimmed === '' ? NaN : Number(trimmed);
    const message = Number.isFinite(n) ? validate(n) : `${label} needs a number${trimmed ? ` (got “${trimmed}”)` : ''}.`;
    setError(message);
    if (!message && n !== value) onCommit(n);
  };

  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-row">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          value={text}
          data-testid={testId}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-err` : ''}`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(String(value));
              setError(null);
            }
            if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && step) {
              e.preventDefault();
              const next = Number((value + (e.key === 'ArrowUp' ? step : -step)).toFixed(6));
              if (!validate(next)) onCommit(next);
            }
          }}
        />
        <span className="unit">{unit}</span>
        {onReset ? (
          <button type="button" className="reset" onClick={onReset} disabled={isDefault} title="Reset to default" aria-label={`Reset ${label} to default`}>
            ↺
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="error" id={`${id}-err`} role="alert">
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {source ? <p className="source">{source}</p> : null}
    </div>
  );
}
