// Diagrams drawn in other tools that ArchLab opens as designs: one entry per format, used by the
// app's Import and by `npm run import`. Adding a format is a reader and one entry here.
import type { Design } from './types';

export type ForeignImport = { ok: true; design: Design; notes: string[] } | { ok: false; errors: string[] };

export interface ForeignFormat {
  /** In messages: “… could not be read as a draw.io diagram”. */
  name: string;
  /** Lower-case, with the dot. */
  extensions: readonly string[];
  /** For files with a generic extension (.json, .xml): whether the text is this format. */
  sniff?: (text: string) => boolean;
  /** The reader, loaded on first use (the XML parser and inflater stay out of the app's first download). */
  reader: () => Promise<(text: string, name: string) => ForeignImport>;
}

export const FOREIGN_FORMATS: readonly ForeignFormat[] = [
  { name: 'Mermaid flowchart', extensions: ['.mmd', '.mermaid'], reader: async () => (await import('./mermaid')).mermaidToDesign },
  { name: 'draw.io diagram', extensions: ['.drawio', '.dio'], sniff: (t) => /^\s*(<\?xml[^>]*>\s*)?<(mxfile|mxGraphModel)\b/.test(t.slice(0, 4096)), reader: async () => (await import('./drawio')).drawioToDesign },
  { name: 'Excalidraw drawing', extensions: ['.excalidraw'], sniff: (t) => /^\s*\{\s*"type"\s*:\s*"excalidraw"/.test(t.slice(0, 4096)), reader: async () => (await import('./excalidraw')).excalidrawToDesign },
];

const extensionOf = (fileName: string) => /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';

/** The format a file is in, by its extension, or for .json and .xml files by its first characters; null for ArchLab's own files. */
export function foreignFormatOf(fileName: string, text: string): ForeignFormat | null {
  const ext = extensionOf(fileName);
  return FOREIGN_FORMATS.find((f) => f.extensions.includes(ext)) ?? (ext === '.json' || ext === '.xml' ? (FOREIGN_FORMATS.find((f) => f.sniff?.(text)) ?? null) : null);
}

/** Every extension Import accepts for drawings from other tools, for a file picker's accept list. */
export const FOREIGN_EXTENSIONS = FOREIGN_FORMATS.flatMap((f) => f.extensions);
