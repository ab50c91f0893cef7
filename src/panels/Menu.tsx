// A small drop-down built on <details>: keyboard-operable for free; closes after a choice or on Escape.
import type { ReactNode } from 'react';

export function Menu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details
      className="menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') e.currentTarget.removeAttribute('open');
      }}
    >
      <summary>{label}</summary>
      <div className="menu-items" onClick={(e) => e.currentTarget.parentElement?.removeAttribute('open')}>
        {children}
      </div>
    </details>
  );
}
