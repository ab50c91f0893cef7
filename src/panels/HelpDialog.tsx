import { Dialog } from './Dialog';
import type { Action } from './useActions';
import { displayShortcut, IS_MAC } from './shortcuts';


export interface HelpDialogProps {
  open: boolean;
  onClose: () => void;
  actions: Action[];
  wheelZooms: boolean;
  onWheelZooms: (on: boolean) => void;
}

export function HelpDialog({ open, onClose, actions, wheelZooms, onWheelZooms }: HelpDialogProps) {
  const mod = IS_MAC ? 'Cmd' : 'Ctrl';
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
                      <kbd>{displayShortcut(a.shortcut!, IS_MAC)}</kbd>
                      {a.alsoShortcut ? <> or <kbd>{displayShortcut(a.alsoShortcut, IS_MAC)}</kbd></> : null}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>Mouse and canvas</h3>
          <dl>
            <div className="shortcut-row"><dt>Box-select</dt><dd>drag on empty canvas</dd></div>
            <div className="shortcut-row"><dt>Add to or remove from selection</dt><dd><kbd>Shift</kbd> + click, or <kbd>Shift</kbd> + <kbd>Enter</kbd> on a focused component</dd></div>
            <div className="shortcut-row"><dt>Pan</dt><dd><kbd>Space</kbd> + drag, or drag with the middle button</dd></div>
            <div className="shortcut-row"><dt>{wheelZooms ? 'Zoom' : 'Scroll'}</dt><dd>mouse wheel{wheelZooms ? ' (Space + wheel scrolls)' : ' (Shift + wheel: sideways)'}</dd></div>
            <div className="shortcut-row"><dt>Zoom</dt><dd><kbd>{mod}</kbd> + wheel, or pinch</dd></div>
            <div className="shortcut-row"><dt>Connect</dt><dd>drag from a dot on any side of a component and drop anywhere on another</dd></div>
            <div className="shortcut-row"><dt>Rename</dt><dd>double-click a component</dd></div>
            <div className="shortcut-row"><dt>Move selection</dt><dd>arrow keys on a focused component</dd></div>
            <div className="shortcut-row"><dt>Focus next component</dt><dd><kbd>Tab</kbd>, then <kbd>Enter</kbd> to select</dd></div>
          </dl>
          <label className="setting">
            <input type="checkbox" checked={wheelZooms} onChange={(e) => onWheelZooms(e.target.checked)} data-testid="wheel-zooms" />
            The mouse wheel zooms instead of scrolling
          </label>
        </section>
      </div>
    </Dialog>
  );
}
