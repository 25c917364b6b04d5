// Small preferences kept in localStorage (language, read-aloud); every access tolerates a disabled storage.
import { useCallback, useRef, useState } from 'react';

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

export function removePref(key: string): void {
  try {
    window.localStorage.removeItem(`mockops.${key}`);
  } catch {
    // Nothing stored.
  }
}

/**
 * Text kept in localStorage as it is typed, so a reload or a closed tab does not lose it (an unsent answer, a
 * STAR field). `clear` forgets it once it is sent or saved. A `null` key keeps the text in memory only.
 */
export function useStoredText(
  key: string | null,
): [string, (v: string | ((cur: string) => string)) => void, () => void] {
  const storageKey = key ? `draft.${key}` : null;
  const [value, setValue] = useState(() => (storageKey ? (readPref(storageKey) ?? '') : ''));
  const [shownFor, setShownFor] = useState(storageKey);
  // Another key (the next question): start from what is stored for it.
  if (shownFor !== storageKey) {
    setShownFor(storageKey);
    setValue(storageKey ? (readPref(storageKey) ?? '') : '');
  }
  const set = useCallback(
    (v: string | ((cur: string) => string)) => {
      setValue((cur) => {
        const next = typeof v === 'function' ? v(cur) : v;
        if (storageKey) {
          if (next === '') removePref(storageKey);
          else writePref(storageKey, next);
        }
        return next;
      });
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    if (storageKey) removePref(storageKey);
  }, [storageKey]);
  return [value, set, clear];
}

/** A choice (a tab) remembered across reloads. */
export function useStoredChoice<T extends string>(
  key: string,
  allowed: readonly T[],
  fallback: T,
): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const raw = readPref(key);
    return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
  });
  const set = useCallback(
    (v: T) => {
      setValue(v);
      writePref(key, v);
    },
    [key],
  );
  return [value, set];
}

/** Every stored preference whose key starts with `prefix`, as [the rest of the key, value]. */
export function prefsWithPrefix(prefix: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  try {
    const store = window.localStorage;
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(`mockops.${prefix}`)) continue;
      const value = store.getItem(key);
      if (value !== null) out.push([key.slice(`mockops.${prefix}`.length), value]);
    }
  } catch {
    // Storage disabled: nothing kept.
  }
  return out;
}

/**
 * When something was first shown (epoch ms), remembered across reloads: the answer timer counts from when its
 * question appeared, not from the reload. A `null` key is "now", kept in memory.
 */
export function useShownAt(key: string | null): number {
  const shown = useRef(new Map<string, number>()).current;
  if (!key) return Date.now();
  const known = shown.get(key);
  if (known !== undefined) return known;
  const stored = Number(readPref(`shown.${key}`));
  // A stored moment in the future (a clock set back) is not trusted: count from now.
  const at = Number.isFinite(stored) && stored > 0 && stored <= Date.now() ? stored : Date.now();
  if (at !== stored) writePref(`shown.${key}`, String(at));
  shown.set(key, at);
  return at;
}

/** Forget when it was shown (the question is answered). */
export function forgetShown(key: string): void {
  removePref(`shown.${key}`);
}
