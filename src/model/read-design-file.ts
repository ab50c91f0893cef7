// What Import makes of a file's text: an ArchLab design, a drawing from another tool turned into
// one, a scenario handed to the wrong door, or the reasons it cannot be opened. Pure, so the app
// runs it in a worker (workers/import.worker.ts: a large file never blocks the page) and tests run
// it directly.
import { parseDesignFile } from './file';
import { kindOfText, type KindFound } from './file-kind';
import { foreignFormatOf } from './foreign-formats';
import type { Design } from './types';

export type DesignFileRead =
  | { kind: 'design'; design: Design; migratedFrom?: number }
  /** A drawing from another tool (format: its name in messages), with what the conversion could not keep. */
  | { kind: 'drawing'; format: string; design: Design; notes: string[] }
  | { kind: 'drawing-refused'; format: string; errors: string[] }
  /** A scenario given to the design door. */
  | { kind: 'scenario'; found: KindFound }
  | { kind: 'refused'; errors: string[] };

export async function readDesignFile(fileName: string, text: string): Promise<DesignFileRead> {
  const format = foreignFormatOf(fileName, text);
  if (format) {
    const drawn = (await format.reader())(text, fileName.replace(/\.[^.]+$/, ''));
    return drawn.ok ? { kind: 'drawing', format: format.name, design: drawn.design, notes: drawn.notes } : { kind: 'drawing-refused', format: format.name, errors: drawn.errors };
  }
  const parsed = parseDesignFile(text);
  if (parsed.ok) return { kind: 'design', design: parsed.design, ...(parsed.migratedFrom !== undefined ? { migratedFrom: parsed.migratedFrom } : {}) };
  const found = kindOfText(text);
  return found?.kind === 'scenario' ? { kind: 'scenario', found } : { kind: 'refused', errors: parsed.errors };
}
