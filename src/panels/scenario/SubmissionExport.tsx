// Every mode's "Export submission": the learner's scored work as a versioned JSON file, tied to
// this scenario's content by its hash, with the name they give, for `scenario grade` to read.
import { buildSubmission, type Scenario, type SubmissionBody } from '../../scenarios';
import { downloadText, slug } from '../files';
import { usePersistentState } from '../usePersistentState';

export function SubmissionExport({ scenario, body }: { scenario: Scenario; body: () => SubmissionBody | null }) {
  const [learner, setLearner] = usePersistentState('learnerName', '');
  const exportIt = () => {
    const content = body();
    if (!content) return;
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
