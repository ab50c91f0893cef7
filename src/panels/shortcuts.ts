// Keyboard shortcut matching shared by the global handler and the help overlay.
// "Mod" means Ctrl on Linux/Windows and Cmd on macOS.

export interface ParsedShortcut {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export function parseShortcut(s: string): ParsedShortcut {
  const parts = s.split('+');
  const key = parts.pop()!.toLowerCase();
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

export function matchesShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, shortcut: string): boolean {
  const p = parseShortcut(shortcut);
  const key = e.key.toLowerCase();
  if (key !== p.key) return false;
  if ((e.ctrlKey || e.metaKey) !== p.mod) return false;
  if (e.altKey !== p.alt) return false;
  // Characters typed with Shift ("?") already carry it in the key itself.
  if (/^[a-z0-9]$/.test(p.key) || p.key.length > 1) return e.shiftKey === p.shift;
  return true;
}

export function displayShortcut(s: string, isMac: boolean): string {
  return s
    .split('+')
    .map((k) => (k === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : k === 'Shift' ? (isMac ? '⇧' : 'Shift') : k))
    .join(isMac ? '' : '+');
}

/** True on Apple keyboards, where Mod is Cmd. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
