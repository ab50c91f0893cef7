// A first visit's welcome: the on-ramp's first scenario, offered in the inspector's empty state
// (never over the canvas). It goes for good once the learner dismisses it or starts a scenario;
// the shell keeps that in localStorage. A learner who already has scenario progress is not new.
import { useEffect, useState } from 'react';
import { hasAnyProgress, loadLibrary, type LibraryEntry } from '../../store/scenarioLibrary';
import { onRamp } from '../../scenarios/course';

interface Offer {
  entry: LibraryEntry;
  steps: number;
}

export function OnRampOffer({ onStart, onDismiss, onNotNew }: { onStart: (entry: LibraryEntry) => void; onDismiss: () => void; onNotNew: () => void }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      if (await hasAnyProgress()) {
        if (live) onNotNew();
        return;
      }
      const { entries } = await loadLibrary();
      const ramp = onRamp(entries.map((e) => e.scenario));
      const entry = entries.find((e) => e.scenario.id === ramp[0]?.id);
      if (live && entry) setOffer({ entry, steps: ramp.length });
    })();
    return () => {
      live = false;
    };
  }, [onNotNew]);
  if (!offer) return null;
  const first = offer.entry.scenario;
  return (
    <section
      className="onramp-offer"
      aria-labelledby="onramp-offer-title"
      data-testid="onramp-offer"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDismiss();
        }
      }}
    >
      <h2 id="onramp-offer-title">New to ArchLab?</h2>
      <p>
        Start with the on-ramp. Its first scenario, <b>{first.title}</b> ({first.estimatedMinutes} min), shows what a component, a connection and a result
        are, in plain words. {offer.steps - 1} more short beginner scenarios follow, easiest first.
      </p>
      <div className="onramp-actions">
        <button type="button" className="primary" onClick={() => onStart(offer.entry)} data-testid="onramp-start">
          Start the on-ramp
        </button>
        <button type="button" onClick={onDismiss} data-testid="onramp-dismiss">
          No thanks
        </button>
      </div>
      <p className="muted">It stays in Scenarios ▸ Course map whenever you want it.</p>
    </section>
  );
}
