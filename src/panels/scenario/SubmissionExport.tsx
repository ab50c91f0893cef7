// Every mode's "Export submission": the learner's scored work as a versioned JSON file, tied to
// this scenario's content by its hash, with the name they give, for `scenario grade` to read.
import { buildSubmission, type SubmissionBody } from '../../scenarios';
import { useScenarioStore } from '../../store/scenarioStore';
import { downloadText, slug } from '../files';
import { usePersistentState } from '../usePersistentState';

/** body: the learner's work in the file's ids (the CLI grades it against the file, not the page). */
export function SubmissionExport({ body }: { body: () => SubmissionBody | null }) {
  const [learner, setLearner] = usePersistentState('learnerName', '');
  const scenario = useScenarioStore((s) => s.session?.source);
  const exportIt = () => {
    const content = body();
    if (!content || !scenario) return;
    const submission = buildSubmission(scenario, content, { learner, submittedAt: new Date().toISOString() });
    const who = learner.trim() ? `-${slug(learner)}` : '';
    downloadText(`${scenario.id}${who}-submission.json`, `${JSON.stringify(submission, null, 2)}\n`);
  };
  return (
    <div className="submission-export">
      <label>
        Your name (on the submission)
        <input type="text" value={learner} maxLength={200} onChange={(e) => setLearner(e.target.value)} placeholder="so your instructor knows it is yours" />
      </label>
      <button type="button" onClick={exportIt} data-testid="export-submission">
        Export submission (.json)
      </button>
    </div>
  );
}
