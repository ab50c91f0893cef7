// draw.io (diagrams.net) files in: the first page's shapes, containers and connectors, read into a
// Drawing (see drawing-import.ts). A page is stored either as plain XML (<mxGraphModel> inside
// <diagram>) or compressed (base64 of raw deflate of the URI-encoded XML); both are read.
import { XMLParser } from 'fast-xml-parser';
import { Inflate } from 'fflate';
import { MAX_FILE_CHARS } from './file';
import { drawingToDesign, plainLabel, type Drawing, type DrawingImport, type DrawnBox } from './drawing-import';

// Characters of text (for draw.io, once unpacked): the same 20 MB limit as a design file.
const MAX_XML_CHARS = MAX_FILE_CHARS;

interface Cell {
  id: string;
  value: string;
  style: string;
  parent?: string;
  vertex: boolean;
  edge: boolean;
  source?: string;
  target?: string;
  geometry?: { x: number; y: number; width: number; height: number };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true, isArray: (tag) => ['diagram', 'mxCell', 'object', 'UserObject'].includes(tag) });

const num = (v: unknown) => {
  const n = Number(v ?? 0);
  return Number.isFinite(n) ? n : 0;
};
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * The text of a compressed page: base64, then raw deflate, then URI-encoded XML. Unpacked a slice
 * at a time (deflate grows a byte at most ~1,000-fold, so a 16 KB slice gives at most ~16 MB), and
 * given up as soon as the text passes the limit: a small file cannot unpack into gigabytes.
 */
function inflatePage(text: string): string {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const parts: string[] = [];
  let size = 0;
  const decoder = new TextDecoder();
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > MAX_XML_CHARS) throw new Error('too large');
    parts.push(decoder.decode(chunk, { stream: true }));
  });
  const SLICE = 16_384; // bytes of compressed input per step
  for (let at = 0; at < bytes.length; at += SLICE) inflater.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  return decodeURIComponent(parts.join('') + decoder.decode());
}

type Node = Record<string, unknown>;

function cellsOf(model: Node): Cell[] {
  const root = (model.root ?? {}) as Node;
  const cells: Cell[] = [];
  const read = (c: Node, extra?: Node) => {
    const g = c.mxGeometry as Node | undefined;
    cells.push({
      id: str(extra?.id ?? c.id),
      value: str(extra?.label ?? c.value),
      style: str(c.style),
      ...(c.parent !== undefined ? { parent: str(c.parent) } : {}),
      vertex: str(c.vertex) === '1',
      edge: str(c.edge) === '1',
      ...(c.source !== undefined ? { source: str(c.source) } : {}),
      ...(c.target !== undefined ? { target: str(c.target) } : {}),
      ...(g ? { geometry: { x: num(g.x), y: num(g.y), width: num(g.width), height: num(g.height) } } : {}),
    });
  };
  for (const c of (root.mxCell as Node[] | undefined) ?? []) read(c);
  // Shapes with custom properties wrap their mxCell in <object> or <UserObject label="...">.
  for (const tag of ['object', 'UserObject']) {
    for (const o of (root[tag] as Node[] | undefined) ?? []) {
      const inner = (o.mxCell as Node[] | undefined)?.[0];
      if (inner) read(inner, o);
    }
  }
  return cells;
}

/** The draw.io file's first page as a Drawing, or the reason it cannot be read. */
export function readDrawio(text: string): { ok: true; drawing: Drawing } | { ok: false; errors: string[] } {
  if (!/<mxfile|<mxGraphModel/.test(text.slice(0, 4096))) return { ok: false, errors: ['this is not a draw.io file (no <mxfile> or <mxGraphModel> at its start)'] };
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (e) {
    return { ok: false, errors: [`the XML cannot be read: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const notes: string[] = [];
  let model = doc.mxGraphModel as Node | undefined;
  if (!model) {
    // A page with no attributes reads as plain text; one with attributes as an object with #text.
    const pages = (((doc.mxfile as Node | undefined)?.diagram as unknown[] | undefined) ?? []).map((p) => (p && typeof p === 'object' ? (p as Node) : { '#text': str(p) }));
    if (pages.length === 0) return { ok: false, errors: ['the file has no pages'] };
    if (pages.length > 1) notes.push(`Only the first of ${pages.length} pages (“${str(pages[0]!.name) || 'Page-1'}”) was imported.`);
    const page = pages[0]!;
    if (page.mxGraphModel) model = page.mxGraphModel as Node;
    else {
      const packed = str(page['#text']);
      if (!packed.trim()) return { ok: false, errors: ['the first page is empty'] };
      try {
        const inner = parser.parse(inflatePage(packed)) as Node;
        model = inner.mxGraphModel as Node | undefined;
      } catch {
        return { ok: false, errors: ['the first page is compressed and could not be unpacked; in draw.io, choose File ▸ Properties ▸ uncheck Compressed, save, and import again'] };
      }
      if (!model) return { ok: false, errors: ['the first page holds no diagram'] };
    }
  }
  const cells = cellsOf(model);
  const byId = new Map(cells.map((c) => [c.id, c]));
  // Absolute positions: a shape's geometry is relative to the container it sits in.
  const absolute = (c: Cell, depth = 0): { x: number; y: number } => {
    const own = c.geometry ?? { x: 0, y: 0 };
    const parent = c.parent ? byId.get(c.parent) : undefined;
    if (!parent || !parent.vertex || depth > 50) return { x: own.x, y: own.y };
    const p = absolute(parent, depth + 1);
    return { x: p.x + own.x, y: p.y + own.y };
  };
  const vertices = cells.filter((c) => c.vertex && c.geometry && !/(^|;)(edgeLabel|text)(;|$)/.test(c.style));
  const parents = new Set(vertices.map((c) => c.parent).filter((p): p is string => p !== undefined));
  const isContainer = (c: Cell) => parents.has(c.id) || /(^|;)(swimlane|group)(;|$)|container=1/.test(c.style);
  const box = (c: Cell): DrawnBox => {
    const p = absolute(c);
    const parent = c.parent && byId.get(c.parent)?.vertex ? c.parent : undefined;
    return { id: c.id, label: plainLabel(c.value), x: p.x, y: p.y, width: c.geometry!.width, height: c.geometry!.height, ...(parent ? { parent } : {}) };
  };
  const containers = vertices.filter(isContainer).map(box);
  const shapes = vertices.filter((c) => !isContainer(c)).map(box);
  const boxes = shapes.filter((b) => b.label !== '');
  if (boxes.length < shapes.length) notes.push(`Left out ${shapes.length - boxes.length} shape${shapes.length - boxes.length === 1 ? '' : 's'} without a label.`);
  const boxIds = new Set(boxes.map((b) => b.id));
  // An edge's text is its value, or the value of a label cell placed on it.
  const edgeText = new Map<string, string>();
  for (const c of cells) if (c.vertex && c.parent && byId.get(c.parent)?.edge && c.value) edgeText.set(c.parent, plainLabel(c.value));
  const arrows = cells
    .filter((c) => c.edge)
    .map((c) => ({ source: c.source ?? '', target: c.target ?? '', dashed: /(^|;)dashed=1/.test(c.style), label: plainLabel(c.value) || edgeText.get(c.id) || '' }))
    .filter((a) => boxIds.has(a.source) || boxIds.has(a.target) || a.source === '' || a.target === '');
  return { ok: true, drawing: { boxes, containers, arrows, notes } };
}

/** A draw.io file as an ArchLab design. */
export function drawioToDesign(text: string, name = 'Imported diagram'): DrawingImport {
  if (text.length > MAX_XML_CHARS) return { ok: false, errors: ['the file is too large to import (over 20 million characters)'] };
  const read = readDrawio(text);
  return read.ok ? drawingToDesign(read.drawing, name, 'draw.io diagram') : read;
}
