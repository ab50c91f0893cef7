// Saving the learner's course progress to a file and loading it in another browser. A file that is
// not progress, or from a newer ArchLab, is refused with the reason; one that is merges in without
// changing anything the learner did here (store/progress-file.ts has the rule).
import { useRef, useState } from 'react';
import type { Scenario } from '../../scenarios';
import { allProgress, saveProgressRecords } from '../../store/scenarioLibrary';
import { MAX_PROGRESS_FILE_CHARS, mergeProgress, mergeSummary, progressFileText, readProgressFile } from '../../store/progress-file';
import { useScenarioStore } from '../../store/scenarioStore';
import { downloadText } from '../files';
import { HiddenFileInput } from '../HiddenFileInput';

interface Report {
  kind: 'info' | 'error';
  title: string;
  lines: string[];
}

const UNCHANGED = 'Your progress in this browser is unchanged.';

export function ProgressFile({ scenarios, onLoaded }: { scenarios: Scenario[]; onLoaded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<Report | null>(null);
  const ids = scenarios.map((s) => s.id);
  const title = (id: string) => scenarios.find((s) => s.id === id)?.title ?? id;

  const save = async () => {
    const records = await allProgress(ids);
    const count = Object.keys(records).length;
    if (count === 0) {
      setReport({ kind: 'info', title: 'Nothing to save yet', lines: ['Open a scenario first: the file holds the scenarios you have started.'] });
      return;
    }
    const name = `archlab-progress-${new Date().toISOString().slice(0, 10)}.json`;
    downloadText(name, progressFileText(records, new Date()));
    setReport({
      kind: 'info',
      title: `Saved “${name}”`,
      lines: [`It holds your progress on ${count} scenario${count === 1 ? '' : 's'}. In another browser, open the course map and use “Load progress from a file”.`, 'Your scenario designs are not in it; keep them with Designs.'],
    });
  };

  const load = async (file: File) => {
    // Bytes, checked before reading: a huge file would freeze the tab before any check could refuse it.
    const read = file.size > MAX_PROGRESS_FILE_CHARS ? { ok: false as const, problems: [`The file is ${(file.size / 1e6).toFixed(1)} MB; a progress file is far smaller.`] } : readProgressFile(await file.text(), new Set(ids));
    if (!read.ok) {
      setReport({ kind: 'error', title: `“${file.name}” was not loaded`, lines: [...read.problems, UNCHANGED] });
      return;
    }
    const merge = mergeProgress(await allProgress(ids), read.records);
    const changed = Object.values(merge.changed);
    await saveProgressRecords(changed);
    // The scenario open behind the gallery goes on with the merged record, so its next save keeps it.
    for (const p of changed) useScenarioStore.getState().adoptProgress(p);
    setReport({ kind: 'info', title: `Loaded “${file.name}”`, lines: [...mergeSummary(merge, title), ...read.notes] });
    onLoaded();
  };

  return (
    <div className="progress-file">
      <span className="muted">Your progress is kept in this browser only.</span>
      <button type="button" onClick={() => void save()} data-testid="progress-save">Save progress to a file</button>
      <button type="button" onClick={() => input.current?.click()} data-testid="progress-load">Load progress from a file</button>
      <HiddenFileInput inputRef={input} accept=".json,application/json" testId="progress-input" onFile={load} />
      {report ? (
        <div className={`progress-report ${report.kind}`} role={report.kind === 'error' ? 'alert' : 'status'} data-testid="progress-report">
          <strong>{report.title}</strong>
          <ul>
            {report.lines.map((l, i) => <li key={i}>{l}</li>)}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
