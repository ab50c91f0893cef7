// What the app's designs list offers the panels: the saved designs and what can be done with them.
import type { Design } from '../model/types';
import type { DesignSummary } from './persistence';

export type SaveState = 'loading' | 'saved' | 'saving' | 'error';

export interface DesignLibrary {
  saveState: SaveState;
  designs: DesignSummary[];
  bootErrors: string[] | null;
  clearBootErrors: () => void;
  refresh: () => Promise<void>;
  open: (id: string) => Promise<void>;
  openNew: (design: Design) => Promise<void>;
  /** Opens a design under its own id: the stored copy when there is one, else this one. */
  openOrCreate: (design: Design) => Promise<void>;
  createEmpty: () => Promise<void>;
  duplicate: (id: string) => Promise<void>;
  rename: (id: string, name: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}
