// Downloads and file picking: the browser side of import and export.
import type { ComponentKind, Design } from '../model/types';
import { diagramSvg } from '../canvas/diagram-svg';

export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'design';
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(filename: string, text: string, type = 'application/json'): void {
  downloadBlob(filename, new Blob([text], { type }));
}

/** px per side: browsers refuse canvases much larger than this, so a huge diagram is drawn smaller. */
const MAX_PNG_SIDE = 8000;
/** Pixels per diagram pixel in the PNG: sharp on high-density screens and in slides. */
const PNG_SCALE = 2;

/** Each kind's icon as SVG markup, drawn once by React into a detached element. */
async function iconMarkup(): Promise<(kind: ComponentKind) => string> {
  const [{ createElement }, { createRoot }, { flushSync }, { KindIcon }] = await Promise.all([import('react'), import('react-dom/client'), import('react-dom'), import('../canvas/icons')]);
  const host = document.createElement('div');
  const root = createRoot(host);
  const cache = new Map<ComponentKind, string>();
  return (kind) => {
    if (!cache.has(kind)) {
      flushSync(() => root.render(createElement(KindIcon, { kind, size: 24 })));
      cache.set(kind, host.querySelector('svg')?.innerHTML ?? '');
    }
    return cache.get(kind)!;
  };
}

/**
 * The whole diagram (not just what is on screen) as a vector SVG, or as a PNG at twice its size
 * drawn from that SVG.
 */
export async function exportDiagramImage(design: Design, format: 'png' | 'svg', masked?: (nodeId: string) => boolean): Promise<Blob> {
  const picture = diagramSvg(design, { iconMarkup: await iconMarkup(), ...(masked ? { masked } : {}) });
  const svg = new Blob([picture.svg], { type: 'image/svg+xml' });
  if (format === 'svg') return svg;
  const scale = Math.min(PNG_SCALE, MAX_PNG_SIDE / picture.width, MAX_PNG_SIDE / picture.height);
  const url = URL.createObjectURL(svg);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(picture.width * scale));
    canvas.height = Math.max(1, Math.round(picture.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the picture.');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The picture is too large for this browser to make.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
