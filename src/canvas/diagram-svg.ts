// The diagram as a vector picture: regions, zones, components and connections drawn as SVG
// shapes and text from the design itself (not a screenshot of the page), so the file is small,
// stays sharp at any size, and its words can be searched and edited in a drawing tool.
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../model/types';
import { getKindSpec, paramValue } from '../model/catalog';
import { routeEdges } from '../model/routing';
import { NODE_SIZE } from '../model/card';
import { drawingBounds } from '../model/fit';
import { cardRect, connectionLine, labelBox, labelPoint, labelSize, linePath, type ConnectionLine, type Rect } from '../model/connection-geometry';
import { edgeLabel, SYNC_COLOR, ASYNC_COLOR } from './edge-label';
import { CATEGORY_COLOR } from './icons';

export interface DiagramSvgOptions {
  /** The kind's icon as SVG markup on a 24x24 grid (the canvas's icons); none when left out. */
  iconMarkup?: (kind: ComponentKind) => string;
  /** Components whose name and kind the learner must find (identify mode): drawn as the canvas shows them. */
  masked?: (nodeId: string) => boolean;
}

export interface DiagramSvg {
  svg: string;
  /** px: the picture's size at 1:1. */
  width: number;
  height: number;
}

const MARGIN = 24; // px of white around the diagram
const EMPTY_BOUNDS = { x: 0, y: 0, width: 400, height: 300 }; // px: an empty design's blank page
const BACKGROUND = '#f8fafc'; // the canvas's background
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
// px per character: 13 px semibold text averages about 7.4 px a character, 11 px regular 6.2 px;
// a label longer than the card's text area is shortened with an ellipsis (the full name is the shape's title).
const LABEL_CHAR_PX = 7.4;
const KIND_CHAR_PX = 6.2;
const TEXT_AREA_PX = NODE_SIZE.width - 64; // card width less the accent bar, icon and padding

/** Text made safe for XML: markup characters are escaped and control characters dropped. */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function fitted(text: string, charPx: number): string {
  const max = Math.max(4, Math.floor(TEXT_AREA_PX / charPx));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const num = (v: number) => (Math.round(v * 10) / 10).toString();

function groupShape(g: DesignGroup): string {
  const zone = g.kind === 'zone';
  const style = zone ? 'fill="#dbeafe" fill-opacity="0.35" stroke="#93c5fd" stroke-width="1.5"' : 'fill="#f1f5f9" fill-opacity="0.55" stroke="#94a3b8" stroke-width="2" stroke-dasharray="6 4"';
  const { x, y } = g.position;
  return [
    `<g class="group ${g.kind}">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(g.size.width)}" height="${num(g.size.height)}" rx="12" ${style}/>`,
    `<text x="${num(x + 12)}" y="${num(y + 20)}" font-size="12" fill="#334155"><tspan font-size="10" fill="#64748b" letter-spacing="0.6">${zone ? 'AVAILABILITY ZONE' : 'REGION'}</tspan> <tspan font-weight="600">${xmlText(g.label)}</tspan></text>`,
    '</g>',
  ].join('');
}

function maskedShape(n: DesignNode): string {
  const { x, y } = n.position;
  const { width: w, height: h } = NODE_SIZE;
  return [
    '<g class="node masked">',
    `<rect x="${num(x)}" y="${num(y)}" width="${w}" height="${h}" rx="10" fill="#ffffff" stroke="#cbd5e1"/>`,
    `<rect x="${num(x + 14)}" y="${num(y + (h - 34) / 2)}" width="34" height="34" rx="8" fill="#64748b" fill-opacity="0.1"/>`,
    `<text x="${num(x + 31)}" y="${num(y + h / 2 + 5)}" font-size="15" font-weight="600" fill="#64748b" text-anchor="middle">?</text>`,
    `<text x="${num(x + 58)}" y="${num(y + 28)}" font-size="13" font-weight="600" fill="#0f172a">What is this?</text>`,
    '</g>',
  ].join('');
}

function nodeShape(n: DesignNode, icon: string | undefined): string {
  const spec = getKindSpec(n.kind);
  const accent = CATEGORY_COLOR[spec.category];
  const { x, y } = n.position;
  const { width: w, height: h } = NODE_SIZE;
  const instances = paramValue(n, 'instances');
  const kindText = `${spec.label}${instances > 1 ? ` ×${instances}` : ''}`;
  const iconX = x + 14;
  const iconY = y + (h - 34) / 2;
  return [
    `<g class="node" data-kind="${n.kind}">`,
    `<title>${xmlText(`${n.label} (${spec.label})`)}</title>`,
    `<rect x="${num(x)}" y="${num(y)}" width="${w}" height="${h}" rx="10" fill="#ffffff" stroke="#cbd5e1"/>`,
    `<path d="M${num(x + 10)} ${num(y)}h-0a10 10 0 0 0 -10 10v${h - 20}a10 10 0 0 0 10 10" fill="none" stroke="${accent}" stroke-width="4"/>`,
    `<rect x="${num(iconX)}" y="${num(iconY)}" width="34" height="34" rx="8" fill="${accent}" fill-opacity="0.1"/>`,
    icon ? `<g transform="translate(${num(iconX + 6)} ${num(iconY + 6)}) scale(${22 / 24})" fill="none" stroke="${accent}" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${icon}</g>` : '',
    `<text x="${num(x + 58)}" y="${num(y + 28)}" font-size="13" font-weight="600" fill="#0f172a">${xmlText(fitted(n.label, LABEL_CHAR_PX))}</text>`,
    `<text x="${num(x + 58)}" y="${num(y + 45)}" font-size="11" fill="#64748b">${xmlText(fitted(kindText, KIND_CHAR_PX))}</text>`,
    '</g>',
  ].join('');
}

function edgeShape(e: DesignEdge, line: ConnectionLine, label: string | undefined, cards: readonly Rect[]): string {
  const color = e.mode === 'async' ? ASYNC_COLOR : SYNC_COLOR;
  const dash = e.mode === 'async' ? ' stroke-dasharray="6 4"' : '';
  const parts = [
    `<g class="edge ${e.mode}">`,
    `<path d="${linePath(line)}" fill="none" stroke="${color}" stroke-width="1.75"${dash} marker-end="url(#arrow-${e.mode})"/>`,
  ];
  if (label) {
    const at = labelPoint(line, labelSize(label), cards);
    const box = labelBox(label, at);
    parts.push(
      `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${box.height}" rx="4" fill="#ffffff" fill-opacity="0.95"/>`,
      `<text x="${num(at.x)}" y="${num(box.baselineY)}" font-size="11" font-weight="600" fill="${color}" text-anchor="middle">${xmlText(label)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/** The whole design as an SVG document: everything in it, not just what is on screen. */
export function diagramSvg(design: Design, options: DiagramSvgOptions = {}): DiagramSvg {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  // Along the path auto-layout found, or the curve from the right side to the left side, as on the canvas.
  const lines = design.edges.flatMap((e) => {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    return from && to ? [{ e, line: connectionLine(e, from.position, to.position) }] : [];
  });
  // A path may run around the outside of the cards, or a curve bulge out: the picture takes them in.
  const bounds = drawingBounds(design) ?? EMPTY_BOUNDS;
  const x0 = bounds.x - MARGIN;
  const y0 = bounds.y - MARGIN;
  const width = Math.ceil(bounds.width + 2 * MARGIN);
  const height = Math.ceil(bounds.height + 2 * MARGIN);

  const routes = routeEdges(design);
  const icons = new Map<ComponentKind, string>();
  const iconOf = (kind: ComponentKind) => {
    if (!options.iconMarkup) return undefined;
    if (!icons.has(kind)) icons.set(kind, options.iconMarkup(kind));
    return icons.get(kind);
  };
  // Regions behind zones behind connections behind components, as on the canvas.
  const groups = [...design.groups].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'region' ? -1 : 1));
  const cards = design.nodes.map((n) => cardRect(n.position));
  const edges = lines.map(({ e, line }) => edgeShape(e, line, edgeLabel(e, routes.get(e.id)), cards));
  const marker = (mode: 'sync' | 'async', color: string) =>
    `<marker id="arrow-${mode}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
    (mode === 'sync' ? `<path d="M0 0L10 5L0 10z" fill="${color}"/>` : `<path d="M0 0L10 5L0 10" fill="none" stroke="${color}" stroke-width="1.5"/>`) +
    '</marker>';
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(x0)} ${num(y0)} ${width} ${height}" font-family="${FONT}">`,
    `<title>${xmlText(design.name)}</title>`,
    `<defs>${marker('sync', SYNC_COLOR)}${marker('async', ASYNC_COLOR)}</defs>`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${width}" height="${height}" fill="${BACKGROUND}"/>`,
    ...groups.map(groupShape),
    ...edges,
    ...design.nodes.map((n) => (options.masked?.(n.id) ? maskedShape(n) : nodeShape(n, iconOf(n.kind)))),
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}
