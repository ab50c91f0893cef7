import { Dialog } from './Dialog';
import type { Action } from './useActions';
import { displayShortcut } from './shortcuts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function HelpDialog({ open, onClose, actions }: { open: boolean; onClose: () => void; actions: Action[] }) {
  const groups = [...new Set(actions.map((a) => a.group))];
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose} wide>
      <div className="shortcut-grid">
        {groups.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {actions
                .filter((a) => a.group === g && a.shortcut)
                .map((a) => (
                  <div key={a.id} className="shortcut-row">
                    <dt>{a.label}</dt>
                    <dd>
                      <kbd>{displayShortcut(a.shortcut!, isMac)}</kbd>
                      {a.alsoShortcut ? <> or <kbd>{displayShortcut(a.alsoShortcut, isMac)}</kbd></> : null}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>Mouse and canvas</h3>
          <dl>
            <div className="shortcut-row"><dt>Box-select</dt><dd><kbd>Shift</kbd> + drag</dd></div>
            <div className="shortcut-row"><dt>Add to selection</dt><dd><kbd>Ctrl</kbd> + click</dd></div>
            <div className="shortcut-row"><dt>Rename</dt><dd>double-click a component</dd></div>
            <div className="shortcut-row"><dt>Move selection</dt><dd>arrow keys on a focused component</dd></div>
            <div className="shortcut-row"><dt>Focus next component</dt><dd><kbd>Tab</kbd>, then <kbd>Enter</kbd> to select</dd></div>
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
