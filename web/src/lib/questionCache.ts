// Whole bank questions are fetched once per page load and shared by every screen that shows them.
import { api } from '../api';
import type { Question } from '../types';

const cache = new Map<string, Promise<Question>>();

export function loadQuestion(id: string): Promise<Question> {
  let p = cache.get(id);
  if (!p) {
    p = api.question(id);
    cache.set(id, p);
    p.catch(() => cache.delete(id));
  }
  return p;
}

/** Drop a cached question after it changed (an imported question's accepted key points). */
export function forgetQuestion(id: string): void {
  cache.delete(id);
}
