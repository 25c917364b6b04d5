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
  filter(f: QuestionFilter): Question[];
}

export interface QuestionFilter {
  category?: Category | undefined;
  level?: Level | undefined;
  kind?: Kind | undefined;
  tag?: string | undefined;
  search?: string | undefined;
}

export function createBank(questions: readonly Question[], commonRedFlags: readonly RedFlag[] = []): Bank {
  const ids = new Map(questions.map((q) => [q.id, q]));
  const texts = new Map(questions.map((q) => [normaliseQuestionText(q.text), q]));
  return {
    questions,
    commonRedFlags,
    byId: (id) => ids.get(id),
    byText: (text) => texts.get(normaliseQuestionText(text)),
    filter: (f) =>
      questions.filter(
        (q) =>
          (!f.category || q.category === f.category) &&
          (!f.level || q.level === f.level) &&
          (!f.kind || q.kind === f.kind) &&
          (!f.tag || q.tags.includes(f.tag)) &&
          (!f.search ||
            `${q.text} ${q.tags.join(' ')} ${q.id}`.toLowerCase().includes(f.search.toLowerCase())),
      ),
  };
}
