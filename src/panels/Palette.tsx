// The component palette: search, browse by category, drag onto the canvas or press Enter to add.
import { useMemo, useState, forwardRef } from 'react';
import { CATALOG, searchCatalog } from '../model/catalog';
import { COMPONENT_KINDS, type ComponentKind, type ComponentKindSpec } from '../model/types';
import { KindIcon, CATEGORY_COLOR } from '../canvas/icons';
import { DRAG_MIME } from '../canvas/Canvas';

const CATEGORY_LABEL: Record<ComponentKindSpec['category'], string> = {
  traffic: 'Traffic',
  edge: 'Edge & entry',
  compute: 'Compute',
  data: 'Data',
  messaging: 'Messaging',
  external: 'External',
};

export interface PaletteProps {
  onAdd: (kind: ComponentKind) => void;
}

export const Palette = forwardRef<HTMLInputElement, PaletteProps>(function Palette({ onAdd }, searchRef) {
  const [query, setQuery] = useState('');
  const specs = useMemo(() => (query.trim() ? searchCatalog(query) : COMPONENT_KINDS.map((k) => CATALOG[k])), [query]);
  const byCategory = useMemo(() => {
    const map = new Map<ComponentKindSpec['category'], ComponentKindSpec[]>();
    for (const s of specs) map.set(s.category, [...(map.get(s.category) ?? []), s]);
    return [...map.entries()];
  }, [specs]);

  return (
    <nav className="palette" aria-label="Component palette">
      <div className="palette-search">
        <input
          ref={searchRef}
          type="search"
          placeholder="Search components (/)"
          aria-label="Search components"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && specs[0]) {
              // The search is done: clear it and leave it at once, so a "/" typed straight after starts a new
              // search instead of landing in this box while focus travels to the new component.
              setQuery('');
              e.currentTarget.blur();
              onAdd(specs[0].kind);
            }
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>
      <div className="palette-list">
        {byCategory.length === 0 ? <p className="muted">No component matches “{query}”.</p> : null}
        {byCategory.map(([category, items]) => (
          <section key={category} aria-label={CATEGORY_LABEL[category]}>
            <h3>{CATEGORY_LABEL[category]}</h3>
            <ul>
              {items.map((s) => (
                <li key={s.kind}>
                  <button
                    type="button"
                    className="palette-item"
                    draggable
                    data-kind={s.kind}
                    title={`${s.label}: drag onto the canvas, or press Enter to add`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(DRAG_MIME, s.kind);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => onAdd(s.kind)}
                  >
                    <span className="palette-icon" style={{ color: CATEGORY_COLOR[s.category] }}>
                      <KindIcon kind={s.kind} size={18} />
                    </span>
                    {s.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  );
});
