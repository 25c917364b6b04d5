// Small preferences kept in localStorage (language, read-aloud); every access tolerates a disabled storage.
import { useCallback, useState } from 'react';

export function readPref(key: string): string | null {
  try {
    return window.localStorage.getItem(`mockops.${key}`);
  } catch {
    return null;
  }
}

export function writePref(key: string, value: string): void {
  try {
    window.localStorage.setItem(`mockops.${key}`, value);
  } catch {
    // Private mode or storage disabled: the preference lasts for this page only.
  }
}

export function useBooleanPref(key: string, fallback: boolean): [boolean, (v: boolean) => void] {
  const [value, setValue] = useState(() => {
    const raw = readPref(key);
    return raw === null ? fallback : raw === '1';
  });
  const set = useCallback(
    (v: boolean) => {
      setValue(v);
      writePref(key, v ? '1' : '0');
    },
    [key],
  );
  return [value, set];
}
