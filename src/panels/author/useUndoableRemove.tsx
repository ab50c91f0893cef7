// Removing a row from a list in the authoring form can be undone: the row goes back where it was,
// as it was. One step, kept until the next removal in the same list; the form's draft is saved as
// it changes, so what was removed and not brought back is gone only once another row is removed.
import { useState } from 'react';

export function useUndoableRemove<T>(items: readonly T[], onChange: (items: T[]) => void, what: string) {
  const [removed, setRemoved] = useState<{ index: number; item: T } | null>(null);
  const remove = (index: number) => {
    setRemoved({ index, item: items[index]! });
    onChange(items.filter((_, j) => j !== index));
  };
  const undo = () => {
    if (!removed) return;
    const at = Math.min(removed.index, items.length);
    onChange([...items.slice(0, at), removed.item, ...items.slice(at)]);
    setRemoved(null);
  };
  const notice = removed ? (
    <p className="removed-notice" role="status">
      Removed {what} {removed.index + 1}.{' '}
      <button type="button" onClick={undo}>
        Undo
      </button>
    </p>
  ) : null;
  return { remove, notice };
}
