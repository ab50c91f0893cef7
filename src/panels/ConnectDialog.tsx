// Connect from the keyboard: with one component selected, type part of another's name and press
// Enter. A connection that cannot be made says why, and the dialog stays open to pick another.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from './Dialog';
import { useDesignStore } from '../store/designStore';
import { isMasked, MASKED_LABEL, useScenarioStore } from '../store/scenarioStore';
import { getKindSpec } from '../model/catalog';
import { connectionProblem } from '../model/connection-rules';
import type { EdgeMode } from '../model/types';

export interface ConnectDialogProps {
  /** The caller; null keeps the dialog closed. */
  sourceId: string | null;
  mode: EdgeMode;
  onClose: () => void;
}

export function ConnectDialog({ sourceId, mode, onClose }: ConnectDialogProps) {
  const nodes = useDesignStore((s) => s.design.nodes);
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const source = nodes.find((n) => n.id === sourceId);
  const inputRef = useRef<HTMLInputElement>(null);
  // After the dialog opens (its effect runs first): the browser would focus the Close button.
  useEffect(() => {
    if (sourceId) inputRef.current?.focus();
  }, [sourceId]);
  const session = useScenarioStore((s) => s.session);
  // A component the learner is asked to name is found by neither its name nor its kind: a search would answer the question.
  const shown = useMemo(
    () => new Map(nodes.map((n) => [n.id, isMasked(session, n.id) ? { label: MASKED_LABEL, kind: '' } : { label: n.label, kind: getKindSpec(n.kind).label }])),
    [nodes, session],
  );
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return nodes.filter((n) => {
      const { label, kind } = shown.get(n.id)!;
      return n.id !== sourceId && (!q || label.toLowerCase().includes(q) || (kind !== '' && kind.toLowerCase().includes(q)));
    });
  }, [nodes, query, sourceId, shown]);

  const close = () => {
    setQuery('');
    setProblem(null);
    onClose();
  };
  const connectTo = (targetId: string) => {
    const state = useDesignStore.getState();
    const why = connectionProblem(state.design, sourceId!, targetId, mode);
    if (why) return setProblem(why);
    state.connect(sourceId!, targetId, mode);
    close();
  };

  return (
    <Dialog title={source ? `Connect “${shown.get(source.id)!.label}” to…` : 'Connect'} open={source !== undefined} onClose={close}>
      <p className="muted">New connection: {mode === 'sync' ? 'sync call' : 'async message'} (press S or A on the canvas to change).</p>
      <input
        ref={inputRef}
        type="search"
        className="connect-search"
        aria-label="Name of the component to connect to"
        placeholder="Type a name, then Enter"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            connectTo(matches[0].id);
          }
        }}
        data-testid="connect-search"
      />
      {problem ? (
        <p className="connect-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <ul className="connect-matches" aria-label="Matching components">
        {matches.length === 0 ? <li className="muted">No other component matches “{query}”.</li> : null}
        {matches.map((n, i) => (
          <li key={n.id}>
            <button type="button" className={i === 0 ? 'first' : undefined} onClick={() => connectTo(n.id)}>
              <strong>{shown.get(n.id)!.label}</strong> <span className="muted">{shown.get(n.id)!.kind}</span>
              {i === 0 ? <span className="muted"> · Enter</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
