// The API's shapes as the web app sees them (docs/API.md). Analysis, comparison, question and summary types come
// from the pure core, so the contract stays single-sourced; the response envelopes are declared here.
import type { AnswerComparison } from '../../src/core/analysis/compare.js';
import type { Analysis, Span } from '../../src/core/analysis/types.js';
import type { Category, Dimension, Kind, Question } from '../../src/core/bank/schema.js';
import type {
  IncidentDebrief,
  LayerScore as IncidentLayerScore,
  Metrics as IncidentMetrics,
  ScenarioSummary as IncidentScenarioSummary,
  TakenAction as IncidentTakenAction,
  IncidentTurn,
  IncidentView,
} from '../../src/core/incident/types.js';
import type { SessionSummary } from '../../src/core/interview/summary.js';
import type { Expect, Mode, Style, TurnKind } from '../../src/core/interview/types.js';
import type { StoryMap } from '../../src/core/storyTypes.js';
import type { Competency } from '../../src/core/vocabulary.js';

export { CATEGORIES, COMPETENCIES, DIMENSIONS, MODES, STYLES } from '../../src/core/vocabulary.js';
export type {
  Analysis,
  AnswerComparison,
  Category,
  Competency,
  Dimension,
  Expect,
  IncidentDebrief,
  IncidentLayerScore,
  IncidentMetrics,
  IncidentScenarioSummary,
  IncidentTakenAction,
  IncidentTurn,
  IncidentView,
  Kind,
  Mode,
  Question,
  SessionSummary,
  Span,
  StoryMap,
  Style,
};

export interface QuestionSummary {
  readonly id: string;
  readonly category: Category;
  readonly level: 1 | 2 | 3;
  readonly kind: Kind;
  readonly text: string;
  readonly zh: string;
  readonly tags: readonly string[];
  readonly source: string;
}

export interface TurnView {
  readonly position: number;
  readonly step: number;
  readonly kind: TurnKind;
  readonly questionId: string | null;
  readonly preface: string;
  readonly prompt: string;
  readonly expect: Expect;
  readonly question: Pick<QuestionSummary, 'id' | 'category' | 'level' | 'kind' | 'text'> | null;
}

export interface TurnAnswerView {
  readonly answerId: number;
  readonly text: string;
  /** The text the analysis spans point into: the answer's own (a follow-up is graded on its own). */
  readonly gradedText: string;
  readonly durationSec: number | null;
  readonly createdAt: string;
  readonly score: number | null;
  readonly analysis: Analysis | null;
}

export interface SessionView {
  readonly id: string;
  readonly config: {
    readonly mode: Mode;
    readonly style: Style;
    readonly category?: Category;
    readonly level?: 1 | 2 | 3;
    readonly count: number;
    readonly seed: number;
    readonly maxFollowUps: number;
  };
  readonly status: 'active' | 'finished';
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly planned: number;
  readonly turns: ReadonlyArray<TurnView & { readonly answer: TurnAnswerView | null }>;
  /** Questions of the session answered again after their feedback, oldest first (not turns). */
  readonly retries: ReadonlyArray<SessionRetryView>;
  readonly current: TurnView | null;
  readonly summary: SessionSummary | null;
}

export interface SessionRetryView {
  readonly step: number;
  readonly answerId: number;
  readonly text: string;
  readonly createdAt: string;
  readonly score: number | null;
  readonly analysis: Analysis | null;
}

/** What POST /api/sessions/:id/retries answers. */
export interface SessionRetryResult {
  readonly sessionId: string;
  readonly step: number;
  readonly answerId: number;
  readonly version: number;
  readonly analysis: Analysis;
  readonly comparison: AnswerComparison | null;
  /** The question's result in the session before its first retry and now. */
  readonly question: { readonly before: number; readonly after: number; readonly times: number };
  readonly due: string | null;
}

export interface SessionListItem {
  readonly id: string;
  readonly mode: Mode;
  readonly style: Style;
  readonly status: 'active' | 'finished';
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly answered: number;
  readonly averageScore: number | null;
  readonly endedEarly: boolean;
}

export interface SessionAnswerResult {
  readonly sessionId: string;
  readonly answered: {
    readonly position: number;
    readonly answerId: number;
    readonly version: number;
    readonly score: number | null;
    /** The text the analysis spans point into. */
    readonly gradedText: string;
  };
  readonly analysis: Analysis | null;
  readonly comparison: AnswerComparison | null;
  readonly next: TurnView | null;
  readonly finished: boolean;
  readonly summary: SessionSummary | null;
}

export interface StoredAnswer {
  readonly answerId: number;
  readonly version: number;
  readonly text: string;
  readonly score: number | null;
  readonly grade: number | null;
  readonly analysis: Analysis | null;
  readonly createdAt: string;
  readonly sessionId: string | null;
}

export interface PracticeResult {
  readonly answerId: number;
  readonly version: number;
  readonly analysis: Analysis;
  readonly comparison: AnswerComparison | null;
  readonly due: string;
}

export interface ReviewItem {
  readonly questionId: string;
  readonly text: string;
  readonly category: string;
  readonly level: number;
  readonly due: string;
  readonly lastScore: number;
  readonly weak: boolean;
  readonly plan: readonly string[];
  readonly reviews: number;
}

export interface Progress {
  readonly answers: number;
  readonly questionsPractised: number;
  readonly dimensions: Readonly<Record<Dimension, number | null>>;
  readonly overTime: ReadonlyArray<
    { date: string; score: number; count: number } & Readonly<Record<Dimension, number | null>>
  >;
  readonly categories: ReadonlyArray<{
    category: string;
    total: number;
    practised: number;
    averageScore: number | null;
  }>;
  readonly weak: ReadonlyArray<{ questionId: string; text: string; score: number }>;
  readonly interview: { readonly date: string; readonly daysLeft: number } | null;
  readonly review: readonly ReviewItem[];
}

export interface SessionOptions {
  mode: Mode;
  style?: Style;
  category?: Category;
  level?: 1 | 2 | 3;
  count?: number;
  /** Exactly these bank questions, in order (1–30). */
  questionIds?: string[];
}

/** The answer limit the server enforces (MAX_ANSWER_CHARS). */
export const MAX_ANSWER_CHARS = 20_000;

/** Import limits the server enforces (src/app/import.ts, src/server/routes/imports.ts). */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_REQUEST_BYTES = 12 * 1024 * 1024;
export const MAX_IMPORT_FILES = 50;

export interface ImportFileReport {
  readonly path: string;
  readonly format: string | null;
  readonly encoding: string | null;
  readonly repaired: boolean;
  readonly characters: number;
  readonly questions: ReadonlyArray<{
    readonly text: string;
    readonly answer?: string;
    readonly line: number;
    readonly section?: string;
    readonly level?: 1 | 2 | 3;
    readonly partial?: boolean;
  }>;
  readonly warnings: ReadonlyArray<{ readonly line: number; readonly message: string }>;
  readonly unsure: ReadonlyArray<{
    readonly line: number;
    readonly column: number;
    readonly from: string;
    readonly to: string;
  }>;
  readonly error: string | null;
}

export interface DedupeEntry {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly importId: string | null;
  readonly files: readonly ImportFileReport[];
  readonly imported: number;
  readonly importedIds: readonly string[];
  readonly skipped: readonly DedupeEntry[];
  readonly kept: readonly DedupeEntry[];
}

export interface KeyPointDraft {
  readonly id: string;
  readonly text: string;
  readonly concepts: readonly string[];
}

export interface ImportedQuestion {
  readonly id: string;
  readonly importId: string;
  readonly text: string;
  readonly answer: string | null;
  readonly section: string | null;
  readonly level: 1 | 2 | 3 | null;
  readonly sourceFile: string;
  readonly sourceLine: number;
  readonly keyPoints: readonly KeyPointDraft[];
  readonly createdAt: string;
}

export const EXPORT_FORMATS = ['anki', 'md', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One past incident round (GET /api/incidents); `overall` is null until it is finished. */
export interface IncidentListItem {
  readonly id: string;
  readonly scenarioId: string;
  readonly finished: boolean;
  readonly minute: number;
  readonly overall: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What POST /api/incidents/:id/turns answers: the turn just taken and the whole round after it. */
export interface IncidentTurnResult {
  readonly turn: IncidentTurn;
  readonly view: IncidentView;
}

/** The turn limit the server enforces (MAX_TURN_CHARS in the incident engine). */
export const MAX_INCIDENT_TURN_CHARS = 2000;
