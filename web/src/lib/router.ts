// Hash routing: #/interview/s-123 → ['interview', 's-123']. The server also serves index.html for any path, so a
// reload on any screen keeps the app.
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

export function parseHash(hash: string): string[] {
  return hash
    .replace(/^#\/?/, '')
    .split('?')[0]
    ?.split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s)) as string[];
}

export function useRoute(): string[] {
  return parseHash(useSyncExternalStore(subscribe, snapshot));
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function navigate(...parts: string[]): void {
  window.location.hash = href(...parts).slice(1);
}
