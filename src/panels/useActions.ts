// Every command, defined once: label, shortcut and what it does. The toolbar, the keyboard
// handler and the help overlay all read this list.
import { useEffect, useMemo } from 'react';
import { redo, undo, useDesignStore } from '../store/designStore';
import { concealedExportReason, useScenarioStore } from '../store/scenarioStore';
import { connectionProblem } from '../model/connection-rules';
import { matchesShortcut } from './shortcuts';

export interface Action {
  id: string;
  label: string;
  shortcut?: string;
  /** Extra shortcuts that do the same (shown after the first). */
  alsoShortcut?: string;
  group: 'Edit' | 'Canvas' | 'Arrange' | 'File' | 'View' | 'Help';
  perform: () => void;
}

export interface ActionHandlers {
  fitView: () => void;
  autoLayout: () => void;
  exportFile: () => void;
  exportMermaid: () => void;
  importFile: () => void;
  exportPng: () => void;
  exportSvg: () => void;
  share: () => void;
  toggleHelp: () => void;
  focusSearch: () => void;
  toggleOverlay: () => void;
  openDesigns: () => void;
  newDesign: () => void;
  setConnectMode: (mode: 'sync' | 'async') => void;
  /** Ask for the component to connect `sourceId` to, by name. */
  pickConnectTarget: (sourceId: string, mode: 'sync' | 'async') => void;
  /** Say why a command could not do what was asked. */
  explain: (title: string, why: string) => void;
}

/** Two components selected: connect the first to the second. One: ask which to connect it to. */
function connectSelected(h: ActionHandlers, mode: 'sync' | 'async') {
  const s = useDesignStore.getState();
  const comps = s.selectedNodeIds.filter((id) => s.design.nodes.some((n) => n.id === id));
  if (comps.length === 1) return h.pickConnectTarget(comps[0]!, mode);
  if (comps.length !== 2) return h.explain('Nothing to connect', 'Select one component (to pick what it calls by name) or two (the caller first, then Shift+click the one it calls), then press C.');
  const why = connectionProblem(s.design, comps[0]!, comps[1]!, mode);
  if (why) h.explain('These two cannot be connected', why);
  else s.connect(comps[0]!, comps[1]!, mode);
}

/** Copies of a component the learner must name would show what it is: the selection is copied only when it holds none. */
function unlessConcealed(h: ActionHandlers, doing: string, perform: () => void) {
  const why = concealedExportReason(useScenarioStore.getState().session, useDesignStore.getState().selectedNodeIds, `${doing} the selection`);
  if (why) h.explain('Not while you are naming components', why.replace(/; a picture .*$/, '.'));
  else perform();
}

export function useActions(h: ActionHandlers): Action[] {
  const actions = useMemo<Action[]>(() => {
    const st = () => useDesignStore.getState();
    return [
      { id: 'undo', label: 'Undo', shortcut: 'Mod+Z', group: 'Edit', perform: undo },
      { id: 'redo', label: 'Redo', shortcut: 'Mod+Shift+Z', alsoShortcut: 'Mod+Y', group: 'Edit', perform: redo },
      { id: 'copy', label: 'Copy', shortcut: 'Mod+C', group: 'Edit', perform: () => unlessConcealed(h, 'Copying', () => st().copySelection()) },
      { id: 'paste', label: 'Paste', shortcut: 'Mod+V', group: 'Edit', perform: () => st().paste() },
      { id: 'duplicate', label: 'Duplicate', shortcut: 'Mod+D', group: 'Edit', perform: () => unlessConcealed(h, 'Duplicating', () => st().duplicateSelection()) },
      { id: 'delete', label: 'Delete selection', shortcut: 'Delete', alsoShortcut: 'Backspace', group: 'Edit', perform: () => st().deleteSelection() },
      { id: 'select-all', label: 'Select all', shortcut: 'Mod+A', group: 'Edit', perform: () => st().selectAll() },
      {
        id: 'rename',
        label: 'Rename component',
        shortcut: 'F2',
        group: 'Edit',
        perform: () => {
          const s = st();
          const id = s.selectedNodeIds[0];
          if (id && s.design.nodes.some((n) => n.id === id)) s.startRename(id);
        },
      },
      { id: 'search', label: 'Find a component to add', shortcut: '/', group: 'Canvas', perform: h.focusSearch },
      { id: 'connect-sync', label: 'Connect the selected component to… (sync call)', shortcut: 'C', group: 'Canvas', perform: () => connectSelected(h, 'sync') },
      { id: 'connect-async', label: 'Connect the selected component to… (async message)', shortcut: 'Shift+C', group: 'Canvas', perform: () => connectSelected(h, 'async') },
      { id: 'mode-sync', label: 'New connections are sync calls', shortcut: 'S', group: 'Canvas', perform: () => h.setConnectMode('sync') },
      { id: 'mode-async', label: 'New connections are async messages', shortcut: 'A', group: 'Canvas', perform: () => h.setConnectMode('async') },
      { id: 'group-zone', label: 'Put selection in a zone', shortcut: 'G', group: 'Arrange', perform: () => st().groupSelection('zone') },
      { id: 'group-region', label: 'Put selection in a region', shortcut: 'Shift+G', group: 'Arrange', perform: () => st().groupSelection('region') },
      { id: 'ungroup', label: 'Ungroup (remove zone or region)', shortcut: 'Mod+Shift+G', group: 'Arrange', perform: () => st().ungroupSelection() },
      { id: 'layout', label: 'Auto-layout', shortcut: 'L', group: 'Arrange', perform: h.autoLayout },
      { id: 'fit', label: 'Fit diagram to screen', shortcut: 'F', group: 'View', perform: h.fitView },
      { id: 'overlay', label: 'Show or hide load overlay', shortcut: 'O', group: 'View', perform: h.toggleOverlay },
      { id: 'designs', label: 'My designs', shortcut: 'Mod+Shift+O', group: 'File', perform: h.openDesigns },
      { id: 'new', label: 'New design', shortcut: 'Alt+N', group: 'File', perform: h.newDesign },
      { id: 'export', label: 'Export design file', shortcut: 'Mod+S', group: 'File', perform: h.exportFile },
      { id: 'mermaid', label: 'Export as a Mermaid flowchart', group: 'File', perform: h.exportMermaid },
      { id: 'import', label: 'Import a design file, or a Mermaid, draw.io or Excalidraw diagram', shortcut: 'Mod+O', group: 'File', perform: h.importFile },
      { id: 'png', label: 'Export diagram as PNG', group: 'File', perform: h.exportPng },
      { id: 'svg', label: 'Export diagram as SVG', group: 'File', perform: h.exportSvg },
      { id: 'share', label: 'Share link', group: 'File', perform: h.share },
      { id: 'help', label: 'Keyboard shortcuts', shortcut: '?', group: 'Help', perform: h.toggleHelp },
    ];
  }, [h]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (typing || e.defaultPrevented) return;
      if (document.querySelector('dialog[open]') && e.key !== '?') return;
      for (const a of actions) {
        if ((a.shortcut && matchesShortcut(e, a.shortcut)) || (a.alsoShortcut && matchesShortcut(e, a.alsoShortcut))) {
          e.preventDefault();
          a.perform();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);

  return actions;
}
