// The learner's designs: open, new, rename, duplicate, delete (asks first). A saved design that
// no longer opens is listed as needing repair, with the reasons; it can be exported as it was stored,
// or a repaired copy opened beside it (the notice then says what the copy changed).
// Scenario attempts are listed apart, under their scenario's name: they can be opened, exported,
// kept as a design of the learner's own, or deleted.
import { useState } from 'react';
import { Dialog } from './Dialog';
import { isScenarioAttempt, type DesignLibrary } from '../store/designLibrary';
import type { DesignSummary } from '../store/persistence';

export interface DesignsDialogProps {
  open: boolean;
  onClose: () => void;
  library: DesignLibrary;
  currentId: string;
  /** A copy was made and opened. */
  onDuplicated: () => void;
}

export function DesignsDialog({ open, onClose, library, currentId, onDuplicated }: DesignsDialogProps) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  /** Why something asked of a row was not done, shown on that row. */
  const [refused, setRefused] = useState<{ id: string; why: string } | null>(null);
  const unlessRefused = (id: string, done?: () => void) => (why: string | null) => {
    setRefused(why ? { id, why } : null);
    if (!why) done?.();
  };
  const mine = library.designs.filter((d) => !isScenarioAttempt(d.id));
  const attempts = library.designs.filter((d) => isScenarioAttempt(d.id));
  const row = (d: DesignSummary, attempt: boolean) => (
    <li key={d.id} className={d.id === currentId ? 'current' : ''} data-testid={attempt ? 'attempt-row' : 'design-row'}>
      {d.needsRepair ? (
        <div className="design-open" data-testid="needs-repair">
          <strong>{d.name}</strong>
          <span className="needs-repair">Needs repair: it no longer passes ArchLab's checks and is kept exactly as it was saved.</span>
          <ul className="repair-reasons">
            {d.needsRepair.map((reason, i) => (
              <li key={i}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : renaming === d.id ? (
        <input
          autoFocus
          aria-label="New name"
          defaultValue={d.name}
          onKeyDown={(e) => {
            if (e.key === 'Enter') library.rename(d.id, e.currentTarget.value).then(() => setRenaming(null));
            if (e.key === 'Escape') {
              e.stopPropagation();
              e.preventDefault();
              setRenaming(null);
            }
          }}
          onBlur={(e) => library.rename(d.id, e.currentTarget.value).then(() => setRenaming(null))}
        />
      ) : (
        <button type="button" className="design-open" onClick={() => void library.open(d.id).then(unlessRefused(d.id, onClose))}>
          <strong>{d.name}</strong>
          <span className="muted">
            {d.nodeCount} components · edited {new Date(d.updatedAt).toLocaleString()}
            {d.id === currentId ? ' · open now' : ''}
          </span>
        </button>
      )}
      {refused?.id === d.id ? (
        <span className="refused" role="alert" data-testid="row-refused">
          {refused.why}
        </span>
      ) : null}
      {confirming === d.id ? (
        <span className="confirm" role="alert">
          Delete “{d.name}” for good?
          <button type="button" className="danger" onClick={() => library.remove(d.id).then(() => setConfirming(null))}>
            Delete
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="row-actions">
          {d.needsRepair ? (
            <>
              <button
                type="button"
                onClick={() => {
                  onClose();
                  void library.openRepaired(d.id);
                }}
              >
                Open a repaired copy
              </button>
              <button type="button" onClick={() => void library.exportStored(d.id).then(unlessRefused(d.id))}>Export as file</button>
            </>
          ) : attempt ? (
            <>
              <button type="button" onClick={() => void library.keepAsDesign(d.id).then(unlessRefused(d.id))}>Keep as my design</button>
              <button type="button" onClick={() => void library.exportStored(d.id).then(unlessRefused(d.id))}>Export as file</button>
            </>
          ) : (
            <>
              <button type="button" onClick={() => setRenaming(d.id)}>Rename</button>
              {/* The list closes first: a rename typed while it still stood was lost when it closed. The copy
                  opens with its name ready to type over (onDuplicated). */}
              <button
                type="button"
                onClick={() => {
                  onClose();
                  void library.duplicate(d.id).then(onDuplicated);
                }}
              >
                Duplicate
              </button>
            </>
          )}
          <button type="button" onClick={() => setConfirming(d.id)} aria-label={`Delete ${d.name}`}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
  return (
    <Dialog title="My designs" open={open} onClose={onClose} wide>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            // Closed at once: closing when the new design is ready would also close the list if it was opened again meanwhile.
            onClose();
            void library.createEmpty();
          }}
        >
          New design
        </button>
      </div>
      <ul className="design-list">{mine.map((d) => row(d, false))}</ul>
      {attempts.length ? (
        <details className="attempts">
          <summary>Scenario attempts ({attempts.length}): your work in scenarios, kept with them</summary>
          <ul className="design-list">{attempts.map((d) => row(d, true))}</ul>
        </details>
      ) : null}
    </Dialog>
  );
}
