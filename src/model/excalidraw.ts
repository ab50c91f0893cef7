// Excalidraw files in: rectangles, ellipses and diamonds with text become components, frames
// become zones (a frame is Excalidraw's container), and arrows bound to shapes at both ends become
// connections (dashed or dotted arrows are async messages). Read into a Drawing (drawing-import.ts).
import { MAX_FILE_CHARS } from './file';
import { drawingToDesign, plainLabel, type DrawingImport, type DrawnArrow, type DrawnBox } from './drawing-import';

// Characters of text (for draw.io, once unpacked): the same 20 MB limit as a design file.
const MAX_CHARS = MAX_FILE_CHARS;
const SHAPES = new Set(['rectangle', 'ellipse', 'diamond']);

type Element = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const bound = (v: unknown) => (v && typeof v === 'object' ? str((v as Element).elementId) : '');

/** An Excalidraw file (.excalidraw, or the JSON copied from it) as an ArchLab design. */
export function excalidrawToDesign(text: string, name = 'Imported drawing'): DrawingImport {
  if (text.length > MAX_CHARS) return { ok: false, errors: ['the file is too large to import (over 20 million characters)'] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`the file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const elements = doc && typeof doc === 'object' ? (doc as Element).elements : undefined;
  if (!doc || typeof doc !== 'object' || str((doc as Element).type) !== 'excalidraw' || !Array.isArray(elements)) {
    return { ok: false, errors: ['this is not an Excalidraw file (it needs "type": "excalidraw" and a list of elements)'] };
  }
  const live = (elements as unknown[]).filter((e): e is Element => !!e && typeof e === 'object' && (e as Element).isDeleted !== true);
  // A shape's words are the text elements bound to it; a text element standing alone labels nothing.
  const texts = new Map<string, string[]>();
  let looseTexts = 0;
  for (const e of live) {
    if (str(e.type) !== 'text') continue;
    const owner = str(e.containerId);
    const words = plainLabel(str(e.originalText) || str(e.text));
    if (!owner) {
      looseTexts++;
      continue;
    }
    texts.set(owner, [...(texts.get(owner) ?? []), words]);
  }
  const labelOf = (e: Element) => plainLabel((texts.get(str(e.id)) ?? []).join(' ') || str(e.name));
  const boxOf = (e: Element): DrawnBox => {
    const frame = str(e.frameId);
    return { id: str(e.id), label: labelOf(e), x: num(e.x), y: num(e.y), width: Math.abs(num(e.width)), height: Math.abs(num(e.height)), ...(frame ? { parent: frame } : {}) };
  };
  const containers = live.filter((e) => str(e.type) === 'frame' || str(e.type) === 'magicframe').map(boxOf);
  const shapes = live.filter((e) => SHAPES.has(str(e.type))).map(boxOf);
  const boxes = shapes.filter((b) => b.label !== '');
  const notes: string[] = [];
  if (boxes.length < shapes.length) notes.push(`Left out ${shapes.length - boxes.length} shape${shapes.length - boxes.length === 1 ? '' : 's'} without text.`);
  if (looseTexts) notes.push(`Left out ${looseTexts} text${looseTexts === 1 ? '' : 's'} not inside a shape.`);
  const arrows: DrawnArrow[] = live
    .filter((e) => str(e.type) === 'arrow' || str(e.type) === 'line')
    .map((e) => ({ source: bound(e.startBinding), target: bound(e.endBinding), dashed: str(e.strokeStyle) === 'dashed' || str(e.strokeStyle) === 'dotted', label: labelOf(e) }));
  return drawingToDesign({ boxes, containers, arrows, notes }, name, 'Excalidraw drawing');
}
