// One small line drawing per component kind, drawn on a 24x24 grid in the text colour,
// plus an accent colour per palette category.
import type { ReactElement } from 'react';
import type { ComponentKind, ComponentKindSpec } from '../model/types';

/** Accent per category; each has at least 4.5:1 contrast on white, so it also works for text. */
export const CATEGORY_COLOR: Record<ComponentKindSpec['category'], string> = {
  traffic: '#4338ca', // indigo
  edge: '#0f766e', // teal
  compute: '#1d4ed8', // blue
  data: '#b45309', // amber
  messaging: '#7e22ce', // purple
  external: '#be123c', // rose
};

/** A component still to be named (identify): slate, the colour of no category. */
export const UNKNOWN_COLOR = '#64748b';

// A cog's outline: `teeth` flat-topped teeth between radius `inner` and `outer`.
function cogPath(cx: number, cy: number, inner: number, outer: number, teeth: number): string {
  const step = (2 * Math.PI) / teeth;
  const point = (r: number, a: number) => `${(cx + r * Math.cos(a)).toFixed(2)} ${(cy + r * Math.sin(a)).toFixed(2)}`;
  const parts: string[] = [];
  for (let i = 0; i < teeth; i++) {
    const a = i * step - Math.PI / 2;
    parts.push(
      `${i === 0 ? 'M' : 'L'}${point(inner, a - step * 0.3)}`,
      `L${point(outer, a - step * 0.17)}`,
      `L${point(outer, a + step * 0.17)}`,
      `L${point(inner, a + step * 0.3)}`,
    );
  }
  return `${parts.join(' ')}Z`;
}

const ICONS: Record<ComponentKind, ReactElement> = {
  // a person on a laptop screen
  client: (
    <>
      <rect x="4" y="4" width="16" height="11.5" rx="1.5" />
      <circle cx="12" cy="8.5" r="1.9" />
      <path d="M8.6 13.6a3.4 3.4 0 0 1 6.8 0" />
      <path d="M2 19.5h20" />
    </>
  ),
  // a globe with a signpost pointing the way
  dns: (
    <>
      <circle cx="9" cy="9" r="6" />
      <path d="M3 9h12" />
      <path d="M9 3c-1.7 1.7-2.5 3.7-2.5 6s.8 4.3 2.5 6c1.7-1.7 2.5-3.7 2.5-6S10.7 4.7 9 3z" />
      <path d="M18.5 17v4.5" />
      <path d="M14 13.25h6.5l1.75 1.875L20.5 17H14z" />
    </>
  ),
  // a globe wired to edge locations
  cdn: (
    <>
      <circle cx="12" cy="12.5" r="5.5" />
      <path d="M6.5 12.5h11" />
      <path d="M12 7c-1.5 1.5-2.3 3.3-2.3 5.5s.8 4 2.3 5.5c1.5-1.5 2.3-3.3 2.3-5.5S13.5 8.5 12 7z" />
      <circle cx="4" cy="4.5" r="1.6" />
      <circle cx="20" cy="4.5" r="1.6" />
      <path d="M5.2 5.7l2.8 2.9M18.8 5.7L16 8.6M12 18v2" />
      <circle cx="12" cy="21.4" r="1.4" />
    </>
  ),
  // one stream splitting into three
  'load-balancer': (
    <>
      <circle cx="4" cy="12" r="1.75" />
      <path d="M5.75 12H10" />
      <path d="M10 12c2.6 0 3-6 6-6h4.5M10 12h10.5M10 12c2.6 0 3 6 6 6h4.5" />
      <path d="M18.5 4l2 2-2 2M18.5 10l2 2-2 2M18.5 16l2 2-2 2" />
    </>
  ),
  // an arched doorway with a request walking in
  'api-gateway': (
    <>
      <path d="M5 21V10a7 7 0 0 1 14 0v11" />
      <path d="M3 21h18" />
      <path d="M8.5 15.5h7" />
      <path d="M12.5 12.5l3 3-3 3" />
    </>
  ),
  // a gauge with its needle held back
  'rate-limiter': (
    <>
      <path d="M3.5 17a8.5 8.5 0 1 1 17 0" />
      <path d="M12 8.5v1.7M6 11l1.2 1.2M18 11l-1.2 1.2" />
      <circle cx="12" cy="17" r="1.5" />
      <path d="M13.1 16l3.4-3.9" />
      <path d="M3.5 20.5h17" />
    </>
  ),
  // a box
  service: (
    <>
      <path d="M12 2.75l8 4.5v9.5l-8 4.5-8-4.5v-9.5z" />
      <path d="M4 7.25l8 4.5 8-4.5M12 11.75v9.5" />
    </>
  ),
  // a cog with a circling arrow: work done in the background, over and over
  worker: (
    <>
      <path d={cogPath(10, 10, 5, 7, 8)} />
      <circle cx="10" cy="10" r="2" />
      <path d="M21 14.5a7.5 7.5 0 0 1-6.5 6.5" />
      <path d="M16.5 18.8l-2 2.2 2.4 1.6" />
    </>
  ),
  // a small disk with a lightning bolt beside it
  cache: (
    <>
      <ellipse cx="9" cy="6" rx="6" ry="2.5" />
      <path d="M3 6v12c0 1.4 2.7 2.5 6 2.5M15 6v3.5" />
      <path d="M3 12c0 1.4 2.7 2.5 6 2.5" />
      <path d="M18 9.5l-4 6h3.5l-1.5 5.5 5-7h-3.5l1.5-4.5z" />
    </>
  ),
  // a database cylinder
  'relational-db': (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.75" />
      <path d="M5 5.5v13c0 1.5 3.1 2.75 7 2.75s7-1.25 7-2.75v-13" />
      <path d="M5 12c0 1.5 3.1 2.75 7 2.75s7-1.25 7-2.75" />
    </>
  ),
  // rows of key and value blocks
  nosql: (
    <>
      <rect x="3" y="3.5" width="6" height="4.5" rx="1" />
      <rect x="11" y="3.5" width="10" height="4.5" rx="1" />
      <rect x="3" y="9.75" width="6" height="4.5" rx="1" />
      <rect x="11" y="9.75" width="10" height="4.5" rx="1" />
      <rect x="3" y="16" width="6" height="4.5" rx="1" />
      <rect x="11" y="16" width="10" height="4.5" rx="1" />
    </>
  ),
  // messages waiting in line, moving one way
  queue: (
    <>
      <rect x="2.5" y="6" width="5" height="5" rx="1" />
      <rect x="9.5" y="6" width="5" height="5" rx="1" />
      <rect x="16.5" y="6" width="5" height="5" rx="1" />
      <path d="M3.5 16.5h16.5" />
      <path d="M17.5 14l2.5 2.5-2.5 2.5" />
    </>
  ),
  // a flowing log of events
  stream: (
    <>
      <path d="M3 7c1.5-1.5 3-1.5 4.5 0s3 1.5 4.5 0 3-1.5 4.5 0 3 1.5 4.5 0" />
      <path d="M3 12c1.5-1.5 3-1.5 4.5 0s3 1.5 4.5 0 3-1.5 4.5 0 3 1.5 4.5 0" />
      <path d="M3 17c1.5-1.5 3-1.5 4.5 0s3 1.5 4.5 0 3-1.5 4.5 0 3 1.5 4.5 0" />
    </>
  ),
  // a bucket
  'object-storage': (
    <>
      <ellipse cx="12" cy="6" rx="8" ry="2.5" />
      <path d="M4 6l1.9 12.6c.2 1.6 2.9 2.9 6.1 2.9s5.9-1.3 6.1-2.9L20 6" />
    </>
  ),
  // a magnifying glass
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.3 15.3L21 21" />
    </>
  ),
  // a plug: something you connect to but do not own
  'third-party-api': (
    <>
      <path d="M9 2.75v4.5M15 2.75v4.5" />
      <path d="M6.5 7.25h11v3.5a5.5 5.5 0 0 1-11 0z" />
      <path d="M12 16.25v2.25a2.75 2.75 0 0 0 2.75 2.75H19" />
    </>
  ),
};

/** The line icon for a component kind; decorative, so hidden from screen readers. */
export function KindIcon({ kind, size = 20 }: { kind: ComponentKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[kind]}
    </svg>
  );
}
