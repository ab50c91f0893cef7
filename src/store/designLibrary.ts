// What the app's designs list offers the panels: the saved designs and what can be done with them.
import type { Design } from '../model/types';
import type { DesignSummary } from './persistence';

/** A learner's working copy of a scenario's design (useScenarioSession): it lives with the scenario, not among their own designs. */
export function isScenarioAttempt(id: string): boolean {
  return id.startsWith('scenario-') || id.startsWith('preview-');
}

/** The name an attempt gets when the learner keeps it as a design of their own. */
export function attemptDesignName(name: string): string {
  return name.replace(/^(Scenario|Preview): /, '');
}

/** 'unsaved': opened from a file or a link and not in My designs yet (it joins them at its first change, or on Save). */
export type SaveState = 'loading' | 'saved' | 'saving' | 'unsaved' | 'error';

/** The one thing a notice offers to do about what it says ("Open the scenario"). */
export interface NoticeAction {
  label: string;
  perform: () => void;
}

/** Something the learner must hear about at start: a link that did not open, a design that needs repair. */
export interface BootNotice {
  title: string;
  lines: string[];
  action?: NoticeAction;
}

/** This tab's changes to the open design were not saved: another tab saved a newer version of it first. */
export interface DesignConflict {
  name: string;
}

export interface DesignLibrary {
  saveState: SaveState;
  /** What was not saved and why, while the last write failed (storage full, blocked). */
  saveError: string | null;
  /** Tries the failed write again. */
  retrySave: () => Promise<void>;
  /** Keeps the open design in My designs now, unchanged (one opened from a file or a link). */
  saveNow: () => Promise<void>;
  /** Set while this tab's changes wait for the learner's choice; autosave is paused meanwhile. */
  conflict: DesignConflict | null;
  /** Shows the other tab's version (this tab's changes are dropped), or keeps this tab's as a copy beside it. */
  resolveConflict: (keep: 'theirs' | 'copy') => Promise<void>;
  designs: DesignSummary[];
  bootNotice: BootNotice | null;
  clearBootNotice: () => void;
  /** A stored record that does not open, as a file holding exactly what was stored. */
  /** Resolves to why it was not done (a scenario attempt that would show what the learner is asked to name), or null. */
  exportStored: (id: string) => Promise<string | null>;
  /** Opens a copy of a stored design that needs repair, mended to pass the checks, beside it; a notice says what changed. */
  openRepaired: (id: string) => Promise<void>;
  refresh: () => Promise<void>;
  /** Resolves to why it was not done (a scenario attempt that would show what the learner is asked to name), or null. */
  open: (id: string) => Promise<string | null>;
  openNew: (design: Design) => Promise<void>;
  /** Opens a design under its own id: the stored copy when there is one (brought up to date by `upToDate`, and saved when that changes it), else this one. */
  openOrCreate: (design: Design, upToDate?: (stored: Design) => Design) => Promise<void>;
  createEmpty: () => Promise<void>;
  duplicate: (id: string) => Promise<void>;
  /** Keeps a copy of a scenario attempt among the learner's own designs (the attempt stays with its scenario). */
  /** Resolves to why it was not done (a scenario attempt that would show what the learner is asked to name), or null. */
  keepAsDesign: (id: string) => Promise<string | null>;
  rename: (id: string, name: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}
