// The bank model: questions by id, by normalised text, with filters.
import { normaliseQuestionText } from './check.js';
import type { Category, Kind, Level, Question, RedFlag } from './schema.js';

export * from './schema.js';

export interface Bank {
  readonly questions: readonly Question[];
  /** Unsafe practices flagged on every technical and scenario question. */
  readonly commonRedFlags: readonly RedFlag[];
  byId(id: string): Question | undefined;
  byText(text: string): Question | undefined;
  /** The question whose wording is nearly the same (a word or two changed), or undefined. */
  closest(text: string): Question | undefined;
  filter(f: QuestionFilter): Question[];
}

export interface QuestionFilter {
  category?: Category | undefined;
  level?: Level | undefined;
  kind?: Kind | undefined;
  tag?: string | undefined;
  search?: string | undefined;
}

/** Overlap of words (Dice) two question texts need to count as the same question worded a little differently. */
export const CLOSE_WORDING = 0.85;

function wordSet(text: string): Set<string> {
  return new Set(normaliseQuestionText(text).match(/[\p{L}\p{N}]+/gu) ?? []);
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return a.size + b.size === 0 ? 0 : (2 * shared) / (a.size + b.size);
}

export function createBank(questions: readonly Question[], commonRedFlags: readonly RedFlag[] = []): Bank {
  const ids = new Map(questions.map((q) => [q.id, q]));
  const texts = new Map(questions.map((q) => [normaliseQuestionText(q.text), q]));
  return {
    questions,
    commonRedFlags,
    byId: (id) => ids.get(id),
    byText: (text) => texts.get(normaliseQuestionText(text)),
    closest: (text) => {
      const exact = texts.get(normaliseQuestionText(text));
      if (exact) return exact;
      const words = wordSet(text);
      let best: Question | undefined;
      let bestScore = CLOSE_WORDING;
      for (const q of questions) {
        const score = dice(words, wordSet(q.text));
        if (score >= bestScore && q.source !== 'imported') {
          best = q;
          bestScore = score;
        }
      }
      return best;
    },
    filter: (f) =>
      questions.filter(
        (q) =>
          (!f.category || q.category === f.category) &&
          (!f.level || q.level === f.level) &&
          (!f.kind || q.kind === f.kind) &&
          (!f.tag || q.tags.includes(f.tag)) &&
          (!f.search || searchText(q).includes(f.search.trim().toLowerCase())),
      ),
  };
}

const searchTexts = new WeakMap<Question, string>();

/**
 * What a search matches: the question, its tags and id, and in Chinese its translation, its intent, the key
 * points' and red flags' notes and the coaching notes ("金丝雀" finds the canary questions).
 */
export function searchText(q: Question): string {
  const cached = searchTexts.get(q);
  if (cached) return cached;
  const text = [
    q.text,
    q.tags.join(' '),
    q.id,
    q.zh.translation,
    q.zh.intent,
    q.modelAnswers.notesZh,
    ...q.keyPoints.flatMap((k) => [k.text, k.zh ?? '']),
    ...q.redFlags.map((f) => f.zh ?? ''),
  ]
    .join(' ')
    .toLowerCase();
  searchTexts.set(q, text);
  return text;
}
