// A small piece of UI state (a toggle, a tab) kept in localStorage so it survives a reload.
import { useEffect, useState } from 'react';

export function usePersistentState<T>(key: string, initial: T): [T, React.Dispatch<React.SetStateAction<T>>] {
  const storageKey = `archlab:${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      return raw === null ? initial : (JSON.parse(raw) as T);
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the setting just does not survive a reload.
    }
  }, [storageKey, value]);
  return [value, setValue];
}
