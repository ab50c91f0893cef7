// Downloads and file picking: the browser side of import and export.
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

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

const IMAGE_PADDING = 0.08; // share of the picture left as margin around the diagram

/** Renders the whole diagram (not just what is on screen) as PNG or SVG. html-to-image loads on first use. */
export async function exportDiagramImage(nodes: Node[], format: 'png' | 'svg'): Promise<Blob> {
  const { toPng, toSvg } = await import('html-to-image');
  const viewportEl = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewportEl) throw new Error('The canvas is not on screen.');
  const bounds = getNodesBounds(nodes);
  const width = Math.min(8000, Math.max(400, Math.ceil(bounds.width * 1.2)));
  const height = Math.min(8000, Math.max(300, Math.ceil(bounds.height * 1.2)));
  const vp = getViewportForBounds(bounds, width, height, 0.05, 2, IMAGE_PADDING);
  const options = {
    backgroundColor: '#f8fafc',
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
  };
  const dataUrl = format === 'png' ? await toPng(viewportEl, options) : await toSvg(viewportEl, options);
  const res = await fetch(dataUrl);
  return res.blob();
}
