// The shell: toolbar, palette, canvas, inspector, dialogs. It wires actions to the store and I/O.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { useFitDiagram } from '../canvas/fit-view';
import { freeSpot } from '../canvas/placement';
import { ConnectDialog } from '../panels/ConnectDialog';
import { Palette } from '../panels/Palette';
import { Inspector } from '../panels/Inspector';
import { HelpDialog } from '../panels/HelpDialog';
import { DesignsDialog } from '../panels/DesignsDialog';
import { Dialog } from '../panels/Dialog';
import { Menu } from '../panels/Menu';
import { HiddenFileInput } from '../panels/HiddenFileInput';
import { NODE_SIZE, redo, undo, useDesignStore } from '../store/designStore';
import { useActions, type ActionHandlers } from '../panels/useActions';
import { useDesignLibrary } from './useDesignLibrary';
import { usePersistentState } from '../panels/usePersistentState';
import { ErrorBoundary } from './ErrorBoundary';
import { downloadBlob, downloadText, exportDiagramImage, slug } from '../panels/files';
import { MAX_FILE_CHARS, serializeDesign } from '../model/file';
import type { DesignFileRead } from '../model/read-design-file';
import { importClient } from '../store/runs';
import { designToMermaid } from '../model/mermaid';
import { DIRECTION_WORDS } from '../model/layout-graph';
import { FOREIGN_EXTENSIONS } from '../model/foreign-formats';
import { describeFound, kindOfText } from '../model/file-kind';
import type { NoticeAction, SaveState } from '../store/designLibrary';
import { shareLink } from './share';
import type { ComponentKind, EdgeMode } from '../model/types';
import { useStore } from 'zustand';
import { ResultsPanel } from '../panels/ResultsPanel';
import { useAnalysis } from '../panels/useAnalysis';
import { lazy, Suspense } from 'react';
import { concealedExportReason, figuresHidden, isMasked, useScenarioStore } from '../store/scenarioStore';
import { useScenarioSession } from './useScenarioSession';
import { loadLibrary, loadProgressChecked, type LibraryEntry } from '../store/scenarioLibrary';
import { DEMOS } from '../model/demos';
import { monthlyRequestScale, type Scenario } from '../scenarios';
import { withArticle } from '../model/format';

// Scenario screens load on first use: they bring the YAML parser and the grader.
const ScenarioGallery = lazy(() => import('../panels/scenario/ScenarioGallery').then((m) => ({ default: m.ScenarioGallery })));
/** The layout worker loads elkjs (useWarmUpWhenIdle; or sooner, when the pointer or focus reaches Auto-layout), so a press does not wait for it. */
const warmUpLayout = () => void import('../canvas/layout').then((m) => m.warmUpLayout()).catch(() => undefined);
/** ms: where the browser cannot say when it is idle (no requestIdleCallback), the wait after the first paint; the first analysis is done by then on a 2-core laptop. */
const IDLE_FALLBACK_MS = 2000;

/**
 * Runs work once the app is ready (its design loaded and drawn), has painted that frame, and the
 * browser is idle: elkjs (about 1.5 MB of script) is kept out of the first page load, which it
 * would slow, yet ready before the first Auto-layout (which waited 3.5 s for it when it loaded on
 * the press). Waiting for idle alone fetched it while the design was still being read from storage.
 */
function useWhenIdle(work: () => void, ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    let idle: number | undefined;
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      if (typeof window.requestIdleCallback === 'function') idle = window.requestIdleCallback(work);
      else timer = window.setTimeout(work, IDLE_FALLBACK_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [work, ready]);
}
const AuthorDialog = lazy(() => import('../panels/author/AuthorDialog').then((m) => ({ default: m.AuthorDialog })));
const OnRampOffer = lazy(() => import('../panels/scenario/OnRampOffer').then((m) => ({ default: m.OnRampOffer })));
const ScenarioPanel = lazy(() => import('../panels/scenario/ScenarioPanel').then((m) => ({ default: m.ScenarioPanel })));

const SAVE_STATE_WORDS: Record<SaveState, string> = { saved: 'Saved', saving: 'Saving…', loading: 'Loading…', unsaved: 'Not in My designs yet', error: 'Not saved' };
const KEEP_DESIGN_HELP = 'Not in My designs yet: it joins them once you change it, or now with Save.';

interface Notice {
  kind: 'info' | 'error';
  title: string;
  lines: string[];
  action?: NoticeAction;
}

/** Puts the caret in the design's name, all of it selected to type over (the field is remade when the design changes). */
function focusDesignName() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLInputElement>('input.design-name');
    field?.focus();
    field?.select();
  });
}

/**
 * Moves the keyboard focus to a component's card once React Flow has drawn it (a frame or two after it
 * is added), unless the person has already moved focus on (a fast "/" starts the next search): their
 * keystrokes must not be taken from where they are typing.
 */
function focusComponent(id: string, framesLeft = 30, from: Element | null = document.activeElement) {
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now !== from && now !== document.body && now !== null) return;
    const card = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (card) card.focus();
    else if (framesLeft > 0) focusComponent(id, framesLeft - 1, from);
  });
}

function Shell() {
  const design = useDesignStore((s) => s.design);
  const canUndo = useStore(useDesignStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDesignStore.temporal, (s) => s.futureStates.length > 0);
  const library = useDesignLibrary();
  const flow = useReactFlow();
  const fitDiagram = useFitDiagram();
  const [connectMode, setConnectMode] = useState<EdgeMode>('sync');
  const [connectFrom, setConnectFrom] = useState<{ id: string; mode: EdgeMode } | null>(null);
  const [wheelZooms, setWheelZooms] = usePersistentState('wheel-zooms', false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [designsOpen, setDesignsOpen] = useState(false);
  const [share, setShare] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  // What the app is busy with, in words; onStop when it can be stopped.
  const [busy, setBusy] = useState<{ text: string; onStop?: () => void } | null>(null);
  // Stops the auto-layout under way (null when none is).
  const stopLayout = useRef<(() => void) | null>(null);
  useWhenIdle(warmUpLayout, library.saveState !== 'loading');
  const [overlayOn, setOverlayOn] = usePersistentState('overlay', true);
  const [whatIf, setWhatIf] = useState<Record<string, number>>({});
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [authorOpen, setAuthorOpen] = useState(false);
  const scenarioFileRef = useRef<HTMLInputElement>(null);
  const [sideTab, setSideTab] = usePersistentState<'scenario' | 'inspector'>('side-tab', 'scenario');
  const [activeScenario, setActiveScenario] = usePersistentState<string | null>('active-scenario', null);
  const session = useScenarioStore((s) => s.session);
  const progressProblem = useCallback((line: string) => setNotice({ kind: 'info', title: 'Saved progress', lines: [line] }), []);
  const scenarioSession = useScenarioSession(library, progressProblem);
  const startScenario = useCallback(
    async (entry: LibraryEntry) => {
      setGalleryOpen(false);
      setActiveScenario(await scenarioSession.start(entry.scenario));
      setSideTab('scenario');
    },
    [scenarioSession, setActiveScenario, setSideTab],
  );
  const startLoaded = useCallback(
    async (scenario: Scenario, preview: boolean) => {
      setGalleryOpen(false);
      setAuthorOpen(false);
      const key = await scenarioSession.start(scenario, preview);
      setActiveScenario(preview ? null : key);
      setSideTab('scenario');
    },
    [scenarioSession, setActiveScenario, setSideTab],
  );
  // A scenario link (#scenario=...) opens the scenario; a broken one says why and changes nothing.
  useEffect(() => {
    const openFromHash = async () => {
      if (!window.location.hash.startsWith('#scenario=')) return;
      const { decodeScenarioLink } = await import('../scenarios');
      const decoded = decodeScenarioLink(window.location.hash);
      history.replaceState(null, '', window.location.pathname + window.location.search);
      if (!decoded) return;
      if (decoded.ok) await startLoaded(decoded.scenario, false);
      else if (decoded.designHash) {
        const { designHash } = decoded;
        setNotice({ kind: 'error', title: 'This is a design link', lines: [...decoded.problems, 'Your designs and progress are untouched.'], action: { label: 'Open the design', perform: () => void (window.location.hash = designHash) } });
      } else setNotice({ kind: 'error', title: 'This scenario link could not be opened', lines: [...decoded.problems, 'Your designs and progress are untouched.'] });
    };
    void openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, [startLoaded]);
  const onScenarioFile = async (file: File) => {
    const { parseScenarioYaml, issueText } = await import('../scenarios');
    const text = await file.text();
    const parsed = parseScenarioYaml(text);
    if (!parsed.ok) {
      const found = kindOfText(text);
      if (found?.kind === 'design') {
        setNotice({
          kind: 'error',
          title: `“${file.name}” is a design, not a scenario`,
          lines: [`It holds ${describeFound(found)}. Open it as a design (Import) to get your own copy of it.`, 'Your designs and progress are untouched.'],
          action: { label: 'Open it as a design', perform: () => void onImport(file) },
        });
        return;
      }
      setNotice({ kind: 'error', title: `“${file.name}” is not a scenario ArchLab can open`, lines: parsed.issues.map((i) => `${i.line !== null ? `line ${i.line}: ` : ''}${issueText(i)}`) });
      return;
    }
    await startLoaded(parsed.scenario, false);
  };
  const openDemo = async (id: string) => {
    const demo = DEMOS.find((d) => d.id === id);
    if (!demo) return;
    await library.openOrCreate(demo.design);
    setNotice({ kind: 'info', title: `Demo: ${demo.title}`, lines: [demo.lesson, 'Open Results ▸ Simulation and press Run simulation; drag the replay slider to watch it on the canvas.'] });
  };
  const leaveScenario = useCallback(() => {
    scenarioSession.exit();
    setActiveScenario(null);
  }, [scenarioSession, setActiveScenario]);
  // A reload comes back into the scenario the learner was in.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || library.saveState === 'loading') return;
    resumed.current = true;
    if (!activeScenario || session) return;
    void loadLibrary().then(async ({ entries }) => {
      const entry = entries.find((e) => e.scenario.id === activeScenario);
      if (!entry) return setActiveScenario(null);
      // Progress first, then the session: starting empty would save over the learner's answers.
      const read = await loadProgressChecked(entry.scenario.id);
      if (read.problem) progressProblem(read.problem);
      await scenarioSession.resume(entry.scenario, read.progress);
    });
  }, [activeScenario, library.saveState, session, setActiveScenario, progressProblem, scenarioSession]);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const flash = useCallback((text: string) => {
    setToast(text);
    setTimeout(() => setToast((t) => (t === text ? null : t)), 2500);
  }, []);

  // The first visit offers the on-ramp; once dismissed, or once any scenario is started, never again.
  const [onRampOffer, setOnRampOffer] = usePersistentState<'offer' | 'dismissed' | 'started'>('onramp-offer', 'offer');
  const scenarioButton = useRef<HTMLButtonElement>(null);
  const inScenario = session !== null && !session.preview;
  useEffect(() => {
    if (inScenario) setOnRampOffer((o) => (o === 'offer' ? 'started' : o));
  }, [inScenario, setOnRampOffer]);
  const notNewLearner = useCallback(() => setOnRampOffer('started'), [setOnRampOffer]);
  const dismissOnRamp = useCallback(() => {
    setOnRampOffer('dismissed');
    // The offer goes, so the focus moves to where the on-ramp still is.
    scenarioButton.current?.focus();
    flash('The on-ramp stays in Scenarios ▸ Course map.');
  }, [flash, setOnRampOffer]);

  // What-if loads belong to the design on screen; opening another starts from its own rates.
  useEffect(() => setWhatIf({}), [design.id]);
  const whatIfRps = useMemo(() => (Object.keys(whatIf).length ? whatIf : null), [whatIf]);
  const openScenario = session?.scenario;
  const monthScale = useMemo(() => (openScenario ? monthlyRequestScale(openScenario) : undefined), [openScenario]);
  const { analysis, stale, error } = useAnalysis(design, whatIfRps, monthScale);
  const onWhatIf = useCallback(
    (clientId: string, rps: number | null) =>
      setWhatIf((w) => {
        const next = { ...w };
        if (rps === null) delete next[clientId];
        else next[clientId] = rps;
        return next;
      }),
    [],
  );

  // Added from the palette or the search box: near the middle of the view, clear of the cards already
  // there; then the new card has the keyboard focus, so arrows move it and Tab goes on from it.
  const addAtCentre = useCallback(
    (kind: ComponentKind) => {
      const el = document.querySelector('.canvas-wrap');
      const r = el?.getBoundingClientRect();
      const p = flow.screenToFlowPosition({ x: (r?.left ?? 0) + (r?.width ?? 800) / 2, y: (r?.top ?? 0) + (r?.height ?? 600) / 2 });
      const state = useDesignStore.getState();
      const id = state.addComponent(kind, freeSpot(state.design.nodes, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 }));
      focusComponent(id);
    },
    [flow],
  );

  const exportImage = useCallback(
    async (format: 'png' | 'svg') => {
      setBusy({ text: `Rendering ${format.toUpperCase()}…` });
      try {
        const { session } = useScenarioStore.getState();
        const blob = await exportDiagramImage(useDesignStore.getState().design, format, (id) => isMasked(session, id));
        downloadBlob(`${slug(useDesignStore.getState().design.name)}.${format}`, blob);
      } catch (e) {
        setNotice({ kind: 'error', title: 'The picture could not be made', lines: [e instanceof Error ? e.message : String(e)] });
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  const handlers = useMemo<ActionHandlers>(
    () => ({
      fitView: () => fitDiagram(300),
      autoLayout: async () => {
        if (stopLayout.current) return; // one at a time: the one under way shows its progress
        const stopped = new Promise<'stopped'>((resolve) => {
          stopLayout.current = () => resolve('stopped');
        });
        const stop = () => stopLayout.current?.();
        setBusy({ text: 'Arranging the diagram…', onStop: stop });
        const layoutModule = import('../canvas/layout');
        try {
          const { autoLayout } = await layoutModule;
          const area = document.querySelector('.canvas-wrap .react-flow')?.getBoundingClientRect();
          const canvas = { width: area?.width || 880, height: area?.height || 547 }; // px: the canvas at 1440 x 900, should it not be measurable
          const done = await Promise.race([autoLayout(useDesignStore.getState().design, canvas, (text) => setBusy({ text, onStop: stop })), stopped]);
          if (done === 'stopped') {
            // The worker is stopped mid-layout (a fresh one starts next time); its answer is never awaited.
            (await layoutModule).stopLayout();
            flash('Auto-layout stopped. The diagram is as it was.');
            return;
          }
          useDesignStore.getState().applyLayout(done.layout);
          setTimeout(() => fitDiagram(300), 50);
          flash(`Arranged ${DIRECTION_WORDS[done.direction]}, the way it fits this canvas best. Undo with Ctrl+Z.`);
        } catch (e) {
          setNotice({ kind: 'error', title: 'Auto-layout failed', lines: [e instanceof Error ? e.message : String(e), 'The diagram is as it was.'] });
        } finally {
          stopLayout.current = null;
          setBusy(null);
        }
      },
      exportMermaid: () => {
        const d = useDesignStore.getState().design;
        const concealed = concealedExportReason(useScenarioStore.getState().session, d.nodes.map((n) => n.id), 'A Mermaid flowchart');
        if (concealed) return setNotice({ kind: 'info', title: 'Not while you are naming components', lines: [concealed] });
        downloadText(`${slug(d.name)}.mmd`, designToMermaid(d), 'text/vnd.mermaid');
      },
      exportFile: () => {
        const d = useDesignStore.getState().design;
        const concealed = concealedExportReason(useScenarioStore.getState().session, d.nodes.map((n) => n.id), 'A design file');
        if (concealed) return setNotice({ kind: 'info', title: 'Not while you are naming components', lines: [concealed] });
        downloadText(`${slug(d.name)}.archlab.json`, serializeDesign(d));
      },
      importFile: () => fileRef.current?.click(),
      exportPng: () => void exportImage('png'),
      exportSvg: () => void exportImage('svg'),
      share: () => {
        const d = useDesignStore.getState().design;
        const concealed = concealedExportReason(useScenarioStore.getState().session, d.nodes.map((n) => n.id), 'A share link');
        if (concealed) return setNotice({ kind: 'info', title: 'Not while you are naming components', lines: [concealed] });
        setShare(shareLink(d, window.location.href));
      },
      toggleHelp: () => setHelpOpen((o) => !o),
      focusSearch: () => searchRef.current?.focus(),
      toggleOverlay: () => setOverlayOn((o) => !o),
      openDesigns: () => {
        void library.refresh();
        setDesignsOpen(true);
      },
      newDesign: () => void library.createEmpty(),
      setConnectMode,
      pickConnectTarget: (id, mode) => setConnectFrom({ id, mode }),
      explain: (title, why) => setNotice({ kind: 'info', title, lines: [why] }),
    }),
    [fitDiagram, exportImage, flash, library, setOverlayOn],
  );
  const actions = useActions(handlers);
  const run = (id: string) => actions.find((a) => a.id === id)?.perform();

  // Stops the import under way (null when none is).
  const stopImport = useRef<(() => void) | null>(null);
  const onImport = async (file: File) => {
    // Bytes: reading a huge file would freeze the tab before any check could refuse it.
    if (file.size > MAX_FILE_CHARS) {
      setNotice({ kind: 'error', title: `“${file.name}” could not be opened`, lines: [`The file is ${(file.size / 1e6).toFixed(0)} MB; ArchLab opens files of at most ${MAX_FILE_CHARS / 1e6} MB.`, 'Your current design has not been changed.'] });
      return;
    }
    stopImport.current?.(); // a second file replaces one still being read
    // Read, parsed and checked in a worker of its own, so the page stays usable and Stop ends it at once.
    const worker = importClient();
    const stopped = new Promise<'stopped'>((resolve) => {
      stopImport.current = () => resolve('stopped');
    });
    const stop = () => stopImport.current?.();
    setBusy({ text: `Opening “${file.name}”…`, onStop: stop });
    let read: DesignFileRead | 'stopped';
    try {
      read = await Promise.race([worker.call<DesignFileRead>((w) => w.read(file)), stopped]);
    } catch (e) {
      read = { kind: 'refused', errors: [e instanceof Error ? e.message : String(e)] };
    } finally {
      worker.cancel();
      stopImport.current = null;
      setBusy((b) => (b?.onStop === stop ? null : b));
    }
    if (read === 'stopped') {
      flash(`Stopped opening “${file.name}”. Your current design has not been changed.`);
      return;
    }
    if (read.kind === 'drawing-refused') {
      setNotice({ kind: 'error', title: `“${file.name}” could not be read as ${withArticle(read.format)}`, lines: [...read.errors, 'Your current design has not been changed.'] });
      return;
    }
    if (read.kind === 'scenario') {
      const { found } = read;
      setNotice({
        kind: 'error',
        title: `“${file.name}” is a scenario, not a design`,
        lines: [`It holds ${describeFound(found)}. Open it as a scenario to work through it.`, 'Your current design has not been changed.'],
        action: { label: 'Open it as a scenario', perform: () => void onScenarioFile(file) },
      });
      return;
    }
    if (read.kind === 'refused') {
      setNotice({ kind: 'error', title: `“${file.name}” could not be opened`, lines: [...read.errors, 'Your current design has not been changed.'] });
      return;
    }
    await library.openNew(read.design);
    if (read.kind === 'drawing') {
      if (read.notes.length) setNotice({ kind: 'info', title: `Imported “${file.name}”`, lines: read.notes });
      else flash(`Imported “${file.name}”. ${KEEP_DESIGN_HELP}`);
      return;
    }
    flash(`${read.migratedFrom ? `Imported “${read.design.name}” (updated from file version ${read.migratedFrom}).` : `Imported “${read.design.name}”.`} ${KEEP_DESIGN_HELP}`);
  };

  const bootNotice = library.bootNotice && !notice ? { kind: 'error' as const, ...library.bootNotice } : null;
  const shownNotice = notice ?? bootNotice;

  return (
    <div className="app">
      <header className="topbar" role="banner">
        <h1 className="brand">
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <rect x="2" y="3" width="8" height="6" rx="1.5" fill="#2563eb" />
            <rect x="14" y="3" width="8" height="6" rx="1.5" fill="#7c3aed" />
            <rect x="8" y="15" width="8" height="6" rx="1.5" fill="#0f766e" />
            <path d="M6 9v3h12V9M12 12v3" stroke="#334155" strokeWidth="1.6" fill="none" />
          </svg>
          ArchLab
        </h1>
        <input
          key={design.id + design.name}
          className="design-name"
          aria-label="Design name"
          title={design.name}
          defaultValue={design.name}
          onBlur={(e) => useDesignStore.getState().renameDesign(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        {/* A design opened from a file or a link shows Save in the status's place (the top bar has no room for both); the status is still read out. */}
        <span className={`save-state ${library.saveState}${library.saveState === 'unsaved' ? ' sr-only' : ''}`} role="status" data-testid="save-state">
          {SAVE_STATE_WORDS[library.saveState]}
        </span>
        {library.saveState === 'unsaved' ? (
          <button type="button" className="keep-design" data-testid="keep-design" title={KEEP_DESIGN_HELP} aria-label="Save to My designs" onClick={() => void library.saveNow()}>
            Save
          </button>
        ) : null}
        <nav className="toolbar" aria-label="Toolbar">
          <button ref={scenarioButton} type="button" onClick={() => setGalleryOpen(true)} data-testid="open-scenarios">Scenarios</button>
          <Menu label="More">
            <button type="button" onClick={() => setAuthorOpen(true)} data-testid="open-author">Author a scenario from this design</button>
            <button type="button" onClick={() => scenarioFileRef.current?.click()}>Open a scenario file (.yaml)</button>
            <span className="menu-heading">Demos: failures over time</span>
            {DEMOS.map((d) => (
              <button key={d.id} type="button" onClick={() => void openDemo(d.id)} data-testid={`demo-${d.id}`}>{d.title}</button>
            ))}
          </Menu>
          <button type="button" onClick={() => run('designs')}>Designs</button>
          <span className="sep" />
          <button type="button" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">↶</button>
          <button type="button" onClick={redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">↷</button>
          <span className="sep" />
          <div className="segmented" role="radiogroup" aria-label="New connections are">
            {(['sync', 'async'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={connectMode === m} className={connectMode === m ? 'on' : ''} onClick={() => setConnectMode(m)} title={m === 'sync' ? 'New connections are sync calls (S)' : 'New connections are async messages (A)'}>
                {m === 'sync' ? '→ Sync' : '⇢ Async'}
              </button>
            ))}
          </div>
          <span className="sep" />
          <Menu label="Group">
              <button type="button" onClick={() => run('group-zone')}>Put selection in a zone (G)</button>
              <button type="button" onClick={() => run('group-region')}>Put selection in a region (Shift+G)</button>
              <button type="button" onClick={() => run('ungroup')}>Ungroup (Ctrl+Shift+G)</button>
          </Menu>
          <button type="button" onClick={() => run('layout')} onPointerEnter={warmUpLayout} onFocus={warmUpLayout} title="Auto-layout (L)">Auto-layout</button>
          <span className="sep" />
          <button type="button" onClick={() => run('import')} title="Import a design file, or a Mermaid, draw.io or Excalidraw diagram (Ctrl+O)">Import</button>
          <Menu label="Export">
              <button type="button" onClick={() => run('export')}>Design file (.json)</button>
              <button type="button" onClick={() => run('mermaid')}>Mermaid flowchart (.mmd)</button>
              <button type="button" onClick={() => run('png')}>Picture (PNG)</button>
              <button type="button" onClick={() => run('svg')}>Picture (SVG)</button>
          </Menu>
          <button type="button" onClick={() => run('share')}>Share link</button>
          <span className="sep" />
          <button type="button" aria-pressed={overlayOn} onClick={() => run('overlay')} title="Show or hide load overlay (O)">Overlay</button>
          <button type="button" onClick={() => run('help')} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
        </nav>
      </header>
      {library.saveError ? (
        <div className="save-error-banner" role="alert" data-testid="save-error">
          <span>{library.saveError}</span>
          <button type="button" className="primary" onClick={() => run('export')}>Export design file</button>
          <button type="button" onClick={() => void library.retrySave()}>Try saving again</button>
        </div>
      ) : null}
      {library.conflict ? (
        <div className="save-error-banner tab-conflict" role="alert" data-testid="tab-conflict">
          <span>
            “{library.conflict.name}” was changed and saved in another tab after you opened it here, so your changes in this tab have not been saved over
            it. Keep both, or take the other tab's version:
          </span>
          <button type="button" className="primary" onClick={() => void library.resolveConflict('copy')}>Keep my changes as a copy</button>
          <button type="button" onClick={() => void library.resolveConflict('theirs')}>Show the other tab's version (drop my changes)</button>
        </div>
      ) : null}
      <Palette ref={searchRef} onAdd={addAtCentre} />
      <main className="canvas-wrap" aria-label="Diagram">
        <Canvas connectMode={connectMode} overlayOn={overlayOn} wheelZooms={wheelZooms} />
        {busy ? (
          <div className="busy" role="status">
            <span className="spinner" aria-hidden="true" /> {busy.text}
            {busy.onStop ? (
              <button type="button" className="busy-stop" onClick={busy.onStop}>
                Stop
              </button>
            ) : null}
          </div>
        ) : null}
      </main>
      {/* Identify asks what the parts are, compare asks for a prediction: figures would give them away. */}
      {figuresHidden(session) ? null : <ResultsPanel analysis={analysis} stale={stale} error={error} whatIf={whatIf} onWhatIf={onWhatIf} />}
      <aside className="sidebar" aria-label={session && sideTab === 'scenario' ? 'Scenario' : 'Inspector'}>
        {session ? (
          <div className="tabs side-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={sideTab === 'scenario'} onClick={() => setSideTab('scenario')}>Scenario</button>
            <button type="button" role="tab" aria-selected={sideTab === 'inspector'} onClick={() => setSideTab('inspector')}>Inspector</button>
          </div>
        ) : null}
        {session && sideTab === 'scenario' ? (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <ScenarioPanel
              onExit={leaveScenario}
              onShow={(side) => void scenarioSession.show(side)}
              onOpenDesign={(d) => void library.openOrCreate(d)}
              solution={analysis?.ok && !stale ? analysis.solution : null}
            />
          </Suspense>
        ) : (
          <Inspector
            welcome={
              onRampOffer === 'offer' && !session ? (
                <Suspense fallback={null}>
                  <OnRampOffer onStart={(e) => void startScenario(e)} onDismiss={dismissOnRamp} onNotNew={notNewLearner} />
                </Suspense>
              ) : null
            }
          />
        )}
      </aside>
      {galleryOpen ? (
        <Suspense fallback={null}>
          <ScenarioGallery open={galleryOpen} onClose={() => setGalleryOpen(false)} onStart={(e) => void startScenario(e)} />
        </Suspense>
      ) : null}
      <HiddenFileInput inputRef={fileRef} accept={['.json', 'application/json', '.xml', ...FOREIGN_EXTENSIONS].join(',')} testId="import-input" onFile={onImport} />
      <HiddenFileInput inputRef={scenarioFileRef} accept=".yaml,.yml,application/yaml,text/yaml" testId="scenario-input" onFile={onScenarioFile} />
      {authorOpen ? (
        <Suspense fallback={null}>
          <AuthorDialog open={authorOpen} onClose={() => setAuthorOpen(false)} designs={library.designs} onPreview={(sc) => void startLoaded(sc, true)} onFlash={flash} />
        </Suspense>
      ) : null}
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} actions={actions} wheelZooms={wheelZooms} onWheelZooms={setWheelZooms} />
      <ConnectDialog sourceId={connectFrom?.id ?? null} mode={connectFrom?.mode ?? connectMode} onClose={() => setConnectFrom(null)} />
      <DesignsDialog open={designsOpen} onClose={() => setDesignsOpen(false)} library={library} currentId={design.id} onDuplicated={focusDesignName} />
      <Dialog title="Share this design" open={share !== null} onClose={() => setShare(null)}>
        <p>Anyone who opens this link gets their own copy of the design. Nothing is uploaded: the design is inside the link.</p>
        <input className="share-link" readOnly value={share ?? ''} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} data-testid="share-link" />
        <div className="dialog-actions">
          <button
            type="button"
            className="primary"
            onClick={() =>
              navigator.clipboard?.writeText(share ?? '').then(
                () => flash('Link copied.'),
                () => flash('Copy failed: select the link and press Ctrl+C.'),
              )
            }
          >
            Copy link
          </button>
        </div>
      </Dialog>
      <Dialog
        title={shownNotice?.title ?? ''}
        open={shownNotice !== null}
        onClose={() => {
          setNotice(null);
          if (!notice) library.clearBootNotice();
        }}
      >
        <ul className="notice-lines" data-testid="notice">
          {shownNotice?.lines.map((l, i) => <li key={i}>{l}</li>)}
        </ul>
        {shownNotice?.action ? (
          <div className="dialog-actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                const action = shownNotice.action!;
                setNotice(null);
                library.clearBootNotice();
                action.perform();
              }}
            >
              {shownNotice.action.label}
            </button>
          </div>
        ) : null}
      </Dialog>
      <div className="toast" role="status" aria-live="polite">
        {toast}
      </div>
    </div>
  );
}

export function App() {
  return (
    <ErrorBoundary>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </ErrorBoundary>
  );
}
