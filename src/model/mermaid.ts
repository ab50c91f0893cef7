// Mermaid flowcharts in and out. Export writes each component with its kind as a class
// (`api["Photo API"]:::service`), sync calls as `-->`, async messages as `-.->`, shares and calls
// per request as edge text, zones and regions as subgraphs; import reads that back exactly, and
// reads a flowchart drawn by hand by guessing kinds from the labels (catalog keywords), unknown
// shapes becoming services listed in the notes. Mermaid has no parser that runs outside a browser,
// so this reads the flowchart subset line by line and names the line of anything it cannot read.
import { defaultParams } from './catalog';
import { guessKind } from './kind-guess';
import { fitGroupsAroundMembers } from './drawing-import';
import { COMPONENT_KINDS, type ComponentKind, type Design, type DesignEdge, type DesignGroup, type DesignNode, type EdgeMode } from './types';

export type MermaidImport = { ok: true; design: Design; notes: string[] } | { ok: false; errors: string[] };

// ---------- export ----------

const quote = (text: string) => `"${text.replace(/"/g, '#quot;')}"`;
const mermaidId = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');

function edgeText(e: DesignEdge): string {
  const parts: string[] = [];
  if (e.share < 1) parts.push(`${Math.round(e.share * 1000) / 10}%`);
  if (e.callsPerRequest !== 1) parts.push(`x${e.callsPerRequest}`);
  return parts.join(' ');
}

/** The design as a Mermaid flowchart, left to right. */
export function designToMermaid(design: Design): string {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const item of [...design.groups, ...design.nodes]) {
    let id = mermaidId(item.id);
    while (used.has(id)) id += '_';
    used.add(id);
    ids.set(item.id, id);
  }
  const lines = ['flowchart LR', `%% ${design.name.replace(/\n/g, ' ')} (exported from ArchLab)`];
  const nodeLine = (n: DesignNode, indent: string) => `${indent}${ids.get(n.id)}[${quote(n.label)}]:::${n.kind}`;
  const writeGroup = (g: DesignGroup, indent: string) => {
    lines.push(`${indent}subgraph ${ids.get(g.id)}[${quote(g.label)}]`);
    for (const child of design.groups.filter((c) => c.parentId === g.id)) writeGroup(child, `${indent}  `);
    for (const n of design.nodes.filter((x) => x.groupId === g.id)) lines.push(nodeLine(n, `${indent}  `));
    lines.push(`${indent}end`);
  };
  for (const g of design.groups.filter((x) => !x.parentId || !design.groups.some((p) => p.id === x.parentId))) writeGroup(g, '  ');
  for (const n of design.nodes.filter((x) => !x.groupId || !design.groups.some((g) => g.id === x.groupId))) lines.push(nodeLine(n, '  '));
  for (const e of design.edges) {
    const text = edgeText(e);
    const arrow = e.mode === 'async' ? '-.->' : '-->';
    lines.push(`  ${ids.get(e.source)} ${arrow}${text ? `|${quote(text)}|` : ''} ${ids.get(e.target)}`);
  }
  for (const kind of new Set(design.nodes.map((n) => n.kind))) lines.push(`  classDef ${kind} stroke-width:2px`);
  return `${lines.join('\n')}\n`;
}

// ---------- import ----------

/** Shape delimiters, longest first so "([" is not read as "(". */
const SHAPES: [string, string][] = [
  ['([', '])'], ['[(', ')]'], ['[[', ']]'], ['((', '))'], ['{{', '}}'], ['[/', '/]'], ['[\\', '\\]'], ['[/', '\\]'], ['[\\', '/]'],
  ['[', ']'], ['(', ')'], ['{', '}'], ['>', ']'],
];

interface NodeRef {
  id: string;
  label?: string;
  kind?: string;
}

class LineError extends Error {}

/** Reads `id`, `id[text]`, `id["text"]`, `id[(text)]`… with an optional `:::class`, from `s` at `at`. */
function readNode(s: string, at: number): { ref: NodeRef; end: number } {
  const idMatch = /^[A-Za-z0-9_][\w-]*/.exec(s.slice(at));
  if (!idMatch) throw new LineError(`expected a node name at “${s.slice(at, at + 20)}”`);
  let i = at + idMatch[0].length;
  const ref: NodeRef = { id: idMatch[0] };
  const shape = SHAPES.find(([open]) => s.startsWith(open, i));
  if (shape) {
    const [open, close] = shape;
    i += open.length;
    let text: string;
    if (s[i] === '"') {
      const endQuote = s.indexOf('"', i + 1);
      if (endQuote < 0) throw new LineError(`the label of “${ref.id}” has no closing quote`);
      text = s.slice(i + 1, endQuote);
      i = endQuote + 1;
      if (!s.startsWith(close, i)) throw new LineError(`the shape of “${ref.id}” is not closed with “${close}”`);
    } else {
      const end = s.indexOf(close, i);
      if (end < 0) throw new LineError(`the shape of “${ref.id}” is not closed with “${close}”`);
      text = s.slice(i, end);
      i = end;
    }
    i += close.length;
    ref.label = text.replace(/#quot;/g, '"').replace(/<br\s*\/?>/gi, ' ').trim();
  }
  const cls = /^:::([\w-]+)/.exec(s.slice(i));
  if (cls) {
    ref.kind = cls[1];
    i += cls[0].length;
  }
  return { ref, end: i };
}

// Arrows: dotted (-.->, -. text .->) are async messages; solid and thick (-->, ==>, ---) sync calls.
const ARROWS: { re: RegExp; mode: EdgeMode }[] = [
  { re: /^\s*<?-\.\s*([^.]*?)\s*\.->?\s*/, mode: 'async' },
  { re: /^\s*<?-\.+->?\s*/, mode: 'async' },
  { re: /^\s*<?==\s+(.+?)\s+={2,}>?\s*/, mode: 'sync' },
  { re: /^\s*<?={2,}>?\s*/, mode: 'sync' },
  { re: /^\s*<?--\s+(.+?)\s+-{2,}>?\s*/, mode: 'sync' },
  { re: /^\s*<?-{2,}[>ox]?\s*/, mode: 'sync' },
];

function readArrow(s: string, at: number): { mode: EdgeMode; text?: string; end: number } | null {
  const rest = s.slice(at);
  for (const { re, mode } of ARROWS) {
    const m = re.exec(rest);
    if (!m) continue;
    let end = at + m[0].length;
    let text = m[1];
    const pipe = /^\|([^|]*)\|\s*/.exec(s.slice(end));
    if (pipe) {
      text = pipe[1];
      end += pipe[0].length;
    }
    return { mode, ...(text !== undefined ? { text: text.replace(/^"|"$/g, '').trim() } : {}), end };
  }
  return null;
}

/** `A & B` (one or more nodes joined by &). */
function readNodeGroup(s: string, at: number): { refs: NodeRef[]; end: number } {
  const refs: NodeRef[] = [];
  let i = at;
  for (;;) {
    const { ref, end } = readNode(s, i);
    refs.push(ref);
    i = end;
    const amp = /^\s*&\s*/.exec(s.slice(i));
    if (!amp) return { refs, end: i };
    i += amp[0].length;
  }
}

const IGNORED = /^(classDef|style|linkStyle|click|direction|accTitle|accDescr)\b/;

interface PendingEdge {
  source: string;
  target: string;
  mode: EdgeMode;
  text?: string;
}

/** Grid spacing (px) for imported components: one card (188 x 64) plus room for connection text. */
const COLUMN = 280;
const ROW = 110;

export function mermaidToDesign(text: string, name = 'Imported flowchart'): MermaidImport {
  const errors: string[] = [];
  const notes: string[] = [];
  const nodes = new Map<string, { label?: string; kind?: string; group?: string; line: number }>();
  const groups = new Map<string, { label: string; parent?: string }>();
  const edges: PendingEdge[] = [];
  const classAssign = new Map<string, string>();
  const stack: string[] = [];
  let header = false;

  const touch = (ref: NodeRef, line: number) => {
    const known = nodes.get(ref.id);
    if (known) {
      if (ref.label !== undefined) known.label = ref.label;
      if (ref.kind !== undefined) known.kind = ref.kind;
      // As in Mermaid, a node named inside a subgraph belongs to it, wherever it was first drawn.
      if (stack.length) known.group = stack.at(-1)!;
    } else {
      nodes.set(ref.id, { ...(ref.label !== undefined ? { label: ref.label } : {}), ...(ref.kind !== undefined ? { kind: ref.kind } : {}), ...(stack.length ? { group: stack.at(-1)! } : {}), line });
    }
  };

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (!header && errors.length) return; // not a flowchart: one message is enough
    for (const statement of raw.replace(/%%.*$/, '').split(';')) {
      const s = statement.trim();
      if (!s) continue;
      try {
        if (!header) {
          if (!/^(flowchart|graph)(\s+(LR|RL|TB|TD|BT))?$/i.test(s)) throw new LineError('a Mermaid flowchart starts with “flowchart LR” (or graph TD, …)');
          header = true;
          continue;
        }
        if (IGNORED.test(s)) continue;
        const classLine = /^class\s+([\w\s,-]+?)\s+([\w-]+)$/.exec(s);
        if (classLine) {
          for (const id of classLine[1]!.split(',')) classAssign.set(id.trim(), classLine[2]!);
          continue;
        }
        if (s === 'end') {
          if (!stack.pop()) throw new LineError('“end” without a subgraph to close');
          continue;
        }
        const sub = /^subgraph\s+(.*)$/.exec(s);
        if (sub) {
          const body = sub[1]!.trim();
          let id: string;
          let label: string;
          const withShape = /^([\w-]+)\s*\[\s*"?(.*?)"?\s*\]$/.exec(body);
          if (withShape) [id, label] = [withShape[1]!, withShape[2]!];
          else if (/^[\w-]+$/.test(body)) [id, label] = [body, body];
          else [id, label] = [`group_${groups.size + 1}`, body.replace(/^"|"$/g, '')];
          groups.set(id, { label, ...(stack.length ? { parent: stack.at(-1)! } : {}) });
          stack.push(id);
          continue;
        }
        let { refs, end } = readNodeGroup(s, 0);
        for (const r of refs) touch(r, lineNo);
        while (end < s.length) {
          const arrow = readArrow(s, end);
          if (!arrow) throw new LineError(`cannot read “${s.slice(end).trim()}” (expected an arrow such as --> or -.->)`);
          const next = readNodeGroup(s, arrow.end);
          for (const r of next.refs) touch(r, lineNo);
          for (const a of refs) for (const b of next.refs) edges.push({ source: a.id, target: b.id, mode: arrow.mode, ...(arrow.text ? { text: arrow.text } : {}) });
          refs = next.refs;
          end = next.end;
        }
      } catch (e) {
        if (!(e instanceof LineError)) throw e;
        errors.push(`line ${lineNo}: ${e.message}`);
      }
    }
  });
  if (!header && errors.length === 0) errors.push('line 1: this file is empty; a Mermaid flowchart starts with “flowchart LR”');
  if (stack.length) errors.push(`line ${lines.length}: subgraph “${stack.at(-1)}” is never closed with “end”`);
  if (errors.length) return { ok: false, errors };
  if (nodes.size === 0) return { ok: false, errors: ['the flowchart has no nodes to turn into components'] };

  // Kinds: an explicit ArchLab class, else a guess from the label, else a service (listed in the notes).
  const unknown: string[] = [];
  const designNodes: DesignNode[] = [];
  for (const [id, n] of nodes) {
    const label = n.label ?? id;
    const cls = classAssign.get(id) ?? n.kind;
    let kind: ComponentKind | null = cls && (COMPONENT_KINDS as readonly string[]).includes(cls) ? (cls as ComponentKind) : guessKind(label);
    if (!kind) {
      unknown.push(label);
      kind = 'service';
    }
    designNodes.push({ id, kind, label, params: defaultParams(kind), position: { x: 0, y: 0 }, ...(n.group ? { groupId: n.group } : {}) });
  }
  if (unknown.length) notes.push(`Not recognised, added as services: ${unknown.map((l) => `“${l}”`).join(', ')}. Change their kind by replacing them from the palette if they are something else.`);

  const designEdges: DesignEdge[] = [];
  const seen = new Set<string>();
  // Connection ids share one namespace with components and zones.
  const taken = new Set<string>([...nodes.keys(), ...groups.keys()]);
  let edgeNumber = 0;
  const edgeId = () => {
    while (taken.has(`e${++edgeNumber}`));
    return `e${edgeNumber}`;
  };
  for (const e of edges) {
    if (e.source === e.target) {
      notes.push(`Left out “${e.source}” → itself: a component cannot call itself.`);
      continue;
    }
    const key = `${e.source}\n${e.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const text = e.text ?? '';
    const share = /(\d+(?:\.\d+)?)\s*%/.exec(text);
    const calls = /(?:^|\s)[x×]\s*(\d+(?:\.\d+)?)/i.exec(text);
    const mode: EdgeMode = /\basync\b/i.test(text) ? 'async' : e.mode;
    designEdges.push({
      id: edgeId(),
      source: e.source,
      target: e.target,
      mode,
      share: share ? Math.min(1, Number(share[1]) / 100) : 1,
      callsPerRequest: calls ? Number(calls[1]) : 1,
      ...(text && !share && !calls && mode === e.mode ? { label: text } : {}),
    });
  }
  for (const id of nodes.keys()) {
    if (groups.has(id)) return { ok: false, errors: [`line ${nodes.get(id)!.line}: “${id}” names both a node and a subgraph; give one of them another name`] };
  }
  const designGroups: DesignGroup[] = [...groups].map(([id, g]) => ({
    id,
    kind: g.parent || ![...groups.values()].some((x) => x.parent === id) ? 'zone' : 'region',
    label: g.label,
    ...(g.parent ? { parentId: g.parent } : {}),
    position: { x: 0, y: 0 },
    size: { width: 0, height: 0 },
  }));
  const design: Design = { id: 'imported', name, nodes: designNodes, edges: designEdges, groups: designGroups };
  placeInLayers(design);
  return { ok: true, design, notes };
}

/** Columns by longest chain of calls from a node nothing calls (left to right), rows in order of appearance; zones around their members. */
function placeInLayers(design: Design): void {
  const callers = new Map<string, string[]>();
  for (const e of design.edges) callers.set(e.target, [...(callers.get(e.target) ?? []), e.source]);
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const layerOf = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a loop: break it here
    visiting.add(id);
    const l = Math.max(-1, ...(callers.get(id) ?? []).map(layerOf)) + 1;
    visiting.delete(id);
    layer.set(id, l);
    return l;
  };
  const rows = new Map<number, number>();
  for (const n of design.nodes) {
    const l = layerOf(n.id);
    const row = rows.get(l) ?? 0;
    rows.set(l, row + 1);
    n.position = { x: l * COLUMN, y: row * ROW };
  }
  // An empty subgraph keeps a box of its own, ready to drop components into.
  for (const g of fitGroupsAroundMembers(design)) g.size = { width: 240, height: 140 };
}
