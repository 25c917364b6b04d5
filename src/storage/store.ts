// The storage interface the app layer uses, and its SQLite implementation. Rows map to domain types explicitly.

import { z } from 'zod';
import type { Analysis } from '../core/analysis/types.js';
import { ConflictError } from '../core/errors.js';
import type { IncidentState } from '../core/incident/engine.js';
import type { PlannedStep, SessionRetry, SessionState, Turn, TurnAnswer } from '../core/interview/types.js';
import type { ReviewCard } from '../core/schedule/index.js';
import type { Db } from './db.js';

export interface NewAnswer {
  readonly questionId: string | null;
  readonly sessionId: string | null;
  readonly text: string;
  readonly durationSec: number | null;
  readonly analysis: Analysis | null;
  readonly createdAt: string;
  /** A retry inside the session: the plan step it answers again. */
  readonly retryStep?: number | null;
}

export interface StoredAnswer extends TurnAnswer {
  readonly questionId: string | null;
  readonly sessionId: string | null;
  readonly version: number;
  /** The plan step a retry inside a session answers again; null for every other answer. */
  readonly retryStep: number | null;
}

export interface SessionListItem {
  readonly id: string;
  readonly mode: string;
  readonly style: string;
  readonly status: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly answered: number;
  readonly averageScore: number | null;
  /** Ended by the user before its last question. */
  readonly endedEarly: boolean;
}

export interface ImportedRecord {
  readonly id: string;
  readonly importId: string;
  readonly text: string;
  readonly answer: string | null;
  readonly section: string | null;
  readonly level: 1 | 2 | 3 | null;
  readonly sourceFile: string;
  readonly sourceLine: number;
  readonly dedupeKey: string;
  /** Key points the user accepted (from the proposals, or edited). */
  readonly keyPoints: ReadonlyArray<{ id: string; text: string; concepts: readonly string[] }>;
  readonly createdAt: string;
}

export interface Store {
  transaction<T>(fn: () => T): T;
  insertSession(state: SessionState): void;
  /** Writes the session's status and any turns not stored yet; the answered turn is linked to its answer. */
  saveProgress(state: SessionState, answeredPosition: number, answerId: number): void;
  getSession(id: string): SessionState | null;
  listSessions(limit: number): SessionListItem[];
  latestActiveSession(): SessionState | null;
  /** Finish an unfinished session now (ended early); false when there is no such active session. */
  endSession(id: string, now: string): boolean;
  /** Delete a session and its turns; its answers stay in the practice history (unlinked). Returns the answers kept. */
  deleteSession(id: string): number | null;
  insertAnswer(answer: NewAnswer): StoredAnswer;
  answersFor(questionId: string): StoredAnswer[];
  allAnswers(): StoredAnswer[];
  getCard(questionId: string): ReviewCard | null;
  saveCard(card: ReviewCard, answerId: number | null, rating: number, now: string): void;
  listCards(): ReviewCard[];
  /** Move a card's due date (interview planning) without counting a review. */
  saveCardDue(questionId: string, due: string): void;
  getSetting(key: string): string | null;
  setSetting(key: string, value: string): void;
  insertImport(id: string, createdAt: string, files: unknown, questions: readonly ImportedRecord[]): void;
  listImported(): ImportedRecord[];
  setImportedKeyPoints(id: string, keyPoints: ImportedRecord['keyPoints']): boolean;
  /** Insert or update an incident round with its whole state (after every turn). */
  saveIncident(record: IncidentRecord): void;
  getIncident(id: string): IncidentRecord | null;
  listIncidents(limit: number): IncidentRecord[];
}

export interface IncidentRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly state: IncidentState;
  readonly overall: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface IncidentRow {
  id: string;
  scenario_id: string;
  state: string;
  overall: number | null;
  created_at: string;
  updated_at: string;
}

const toIncident = (r: IncidentRow): IncidentRecord => ({
  id: r.id,
  scenarioId: r.scenario_id,
  state: JSON.parse(r.state) as IncidentState,
  overall: r.overall,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

interface SessionRow {
  id: string;
  mode: string;
  style: string;
  config: string;
  plan: string;
  status: 'active' | 'finished';
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

interface TurnRow {
  id: number;
  session_id: string;
  position: number;
  step: number;
  kind: Turn['kind'];
  question_id: string | null;
  preface: string;
  prompt: string;
  expect: Turn['expect'];
  answer_id: number | null;
  created_at: string;
}

interface AnswerRow {
  id: number;
  question_id: string | null;
  session_id: string | null;
  text: string;
  duration_sec: number | null;
  score: number | null;
  grade: number | null;
  analysis: string | null;
  version: number;
  created_at: string;
  retry_step: number | null;
}

interface CardRow {
  question_id: string;
  card: string;
  due: string;
  last_score: number;
  best_score: number;
  reviews: number;
  updated_at: string;
}

interface ImportedRow {
  id: string;
  import_id: string;
  text: string;
  answer: string | null;
  section: string | null;
  level: number | null;
  source_file: string;
  source_line: number;
  dedupe_key: string;
  key_points: string;
  created_at: string;
}

/** JSON columns are checked on the way back in: a damaged row is reported, not trusted. */
const ConfigJson = z.looseObject({
  mode: z.string(),
  style: z.string(),
  seed: z.number(),
  count: z.number(),
});
const PlanJson = z.array(
  z.object({ kind: z.enum(['question', 'candidate-questions']), questionId: z.string().nullable() }),
);
const AnalysisJson = z.looseObject({ score: z.number(), grade: z.number(), coverage: z.array(z.unknown()) });
const KeyPointsJson = z.array(z.object({ id: z.string(), text: z.string(), concepts: z.array(z.string()) }));
const CardJson = z.looseObject({
  due: z.string(),
  stability: z.number(),
  difficulty: z.number(),
  reps: z.number(),
});

function toAnswer(row: AnswerRow): StoredAnswer {
  const analysis = row.analysis
    ? (AnalysisJson.parse(JSON.parse(row.analysis)) as unknown as Analysis)
    : null;
  return {
    answerId: row.id,
    questionId: row.question_id,
    sessionId: row.session_id,
    text: row.text,
    durationSec: row.duration_sec,
    score: row.score,
    grade: row.grade,
    analysis,
    version: row.version,
    createdAt: row.created_at,
    retryStep: row.retry_step,
  };
}

function toCard(row: CardRow): ReviewCard {
  return {
    questionId: row.question_id,
    card: CardJson.parse(JSON.parse(row.card)) as unknown as ReviewCard['card'],
    due: row.due,
    lastScore: row.last_score,
    bestScore: row.best_score,
    reviews: row.reviews,
  };
}

export class SqliteStore implements Store {
  constructor(private readonly db: Db) {}

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  saveIncident(r: IncidentRecord): void {
    this.db
      .prepare(
        `INSERT INTO incidents (id, scenario_id, state, finished, overall, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET state = excluded.state, finished = excluded.finished, overall = excluded.overall, updated_at = excluded.updated_at`,
      )
      .run(
        r.id,
        r.scenarioId,
        JSON.stringify(r.state),
        r.state.finished ? 1 : 0,
        r.overall,
        r.createdAt,
        r.updatedAt,
      );
  }

  getIncident(id: string): IncidentRecord | null {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    return row ? toIncident(row) : null;
  }

  listIncidents(limit: number): IncidentRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM incidents ORDER BY updated_at DESC, id DESC LIMIT ?')
        .all(limit) as IncidentRow[]
    ).map(toIncident);
  }

  insertSession(state: SessionState): void {
    this.db
      .prepare(
        'INSERT INTO sessions (id, mode, style, config, plan, status, created_at, updated_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        state.id,
        state.config.mode,
        state.config.style,
        JSON.stringify(state.config),
        JSON.stringify(state.plan),
        state.status,
        state.createdAt,
        state.createdAt,
        state.finishedAt,
      );
    for (const turn of state.turns) this.insertTurn(state.id, turn, state.createdAt);
  }

  private insertTurn(sessionId: string, turn: Turn, now: string): void {
    this.db
      .prepare(
        'INSERT INTO turns (session_id, position, step, kind, question_id, preface, prompt, expect, answer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        sessionId,
        turn.position,
        turn.step,
        turn.kind,
        turn.questionId,
        turn.preface,
        turn.prompt,
        turn.expect,
        turn.answer?.answerId ?? null,
        now,
      );
  }

  endSession(id: string, now: string): boolean {
    return (
      this.db
        .prepare(
          "UPDATE sessions SET status = 'finished', finished_at = ?, updated_at = ?, ended_early = 1 WHERE id = ? AND status = 'active'",
        )
        .run(now, now, id).changes === 1
    );
  }

  deleteSession(id: string): number | null {
    return this.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(id)) return null;
      this.db.prepare('DELETE FROM turns WHERE session_id = ?').run(id);
      const kept = this.db
        .prepare('UPDATE answers SET session_id = NULL, retry_step = NULL WHERE session_id = ?')
        .run(id).changes;
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      return kept;
    });
  }

  saveProgress(state: SessionState, answeredPosition: number, answerId: number): void {
    const now =
      state.finishedAt ?? state.turns[state.turns.length - 1]?.answer?.createdAt ?? new Date().toISOString();
    const linked = this.db
      .prepare('UPDATE turns SET answer_id = ? WHERE session_id = ? AND position = ? AND answer_id IS NULL')
      .run(answerId, state.id, answeredPosition);
    if (linked.changes !== 1) {
      throw new ConflictError(
        `question ${answeredPosition + 1} of session ${state.id} was already answered (another tab or process?); reload the session`,
      );
    }
    const stored = this.db.prepare('SELECT COUNT(*) AS n FROM turns WHERE session_id = ?').get(state.id) as {
      n: number;
    };
    for (const turn of state.turns.slice(stored.n)) this.insertTurn(state.id, turn, now);
    this.db
      .prepare('UPDATE sessions SET status = ?, updated_at = ?, finished_at = ? WHERE id = ?')
      .run(state.status, now, state.finishedAt, state.id);
  }

  getSession(id: string): SessionState | null {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    if (!row) return null;
    const turns = this.db
      .prepare('SELECT * FROM turns WHERE session_id = ? ORDER BY position')
      .all(id) as TurnRow[];
    const answers = new Map(
      (this.db.prepare('SELECT * FROM answers WHERE session_id = ? ORDER BY id').all(id) as AnswerRow[]).map(
        (a) => [a.id, toAnswer(a)],
      ),
    );
    const retries: SessionRetry[] = [...answers.values()].flatMap((a) =>
      a.retryStep !== null ? [{ step: a.retryStep, answer: a }] : [],
    );
    return {
      id: row.id,
      config: ConfigJson.parse(JSON.parse(row.config)) as unknown as SessionState['config'],
      plan: PlanJson.parse(JSON.parse(row.plan)) as PlannedStep[],
      status: row.status,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      turns: turns.map((t) => ({
        position: t.position,
        step: t.step,
        kind: t.kind,
        questionId: t.question_id,
        preface: t.preface,
        prompt: t.prompt,
        expect: t.expect,
        answer: t.answer_id !== null ? (answers.get(t.answer_id) ?? null) : null,
      })),
      retries,
    };
  }

  listSessions(limit: number): SessionListItem[] {
    const rows = this.db
      .prepare(
        `SELECT s.id, s.mode, s.style, s.status, s.created_at, s.finished_at, s.ended_early,
                COUNT(a.id) AS answered, ROUND(AVG(a.score)) AS average
           FROM sessions s LEFT JOIN answers a ON a.session_id = s.id
          GROUP BY s.id ORDER BY s.created_at DESC, s.id DESC LIMIT ?`,
      )
      .all(limit) as Array<{
      id: string;
      mode: string;
      style: string;
      status: string;
      created_at: string;
      finished_at: string | null;
      ended_early: number;
      answered: number;
      average: number | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      mode: r.mode,
      style: r.style,
      status: r.status,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
      answered: r.answered,
      averageScore: r.average,
      endedEarly: r.ended_early === 1,
    }));
  }

  latestActiveSession(): SessionState | null {
    const row = this.db
      .prepare("SELECT id FROM sessions WHERE status = 'active' ORDER BY updated_at DESC, id DESC LIMIT 1")
      .get() as { id: string } | undefined;
    return row ? this.getSession(row.id) : null;
  }

  insertAnswer(answer: NewAnswer): StoredAnswer {
    const version = answer.questionId
      ? (
          this.db
            .prepare('SELECT COALESCE(MAX(version), 0) + 1 AS v FROM answers WHERE question_id = ?')
            .get(answer.questionId) as { v: number }
        ).v
      : 1;
    const result = this.db
      .prepare(
        'INSERT INTO answers (question_id, session_id, text, duration_sec, score, grade, analysis, version, created_at, retry_step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        answer.questionId,
        answer.sessionId,
        answer.text,
        answer.durationSec,
        answer.analysis?.score ?? null,
        answer.analysis?.grade ?? null,
        answer.analysis ? JSON.stringify(answer.analysis) : null,
        version,
        answer.createdAt,
        answer.retryStep ?? null,
      );
    return {
      answerId: Number(result.lastInsertRowid),
      questionId: answer.questionId,
      sessionId: answer.sessionId,
      text: answer.text,
      durationSec: answer.durationSec,
      score: answer.analysis?.score ?? null,
      grade: answer.analysis?.grade ?? null,
      analysis: answer.analysis,
      version,
      createdAt: answer.createdAt,
      retryStep: answer.retryStep ?? null,
    };
  }

  answersFor(questionId: string): StoredAnswer[] {
    return (
      this.db
        .prepare('SELECT * FROM answers WHERE question_id = ? ORDER BY version')
        .all(questionId) as AnswerRow[]
    ).map(toAnswer);
  }

  allAnswers(): StoredAnswer[] {
    return (this.db.prepare('SELECT * FROM answers ORDER BY id').all() as AnswerRow[]).map(toAnswer);
  }

  getCard(questionId: string): ReviewCard | null {
    const row = this.db.prepare('SELECT * FROM cards WHERE question_id = ?').get(questionId) as
      | CardRow
      | undefined;
    return row ? toCard(row) : null;
  }

  saveCard(card: ReviewCard, answerId: number | null, rating: number, now: string): void {
    this.db
      .prepare(
        `INSERT INTO cards (question_id, card, due, last_score, best_score, reviews, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(question_id) DO UPDATE SET card = excluded.card, due = excluded.due, last_score = excluded.last_score,
           best_score = excluded.best_score, reviews = excluded.reviews, updated_at = excluded.updated_at`,
      )
      .run(
        card.questionId,
        JSON.stringify(card.card),
        card.due,
        card.lastScore,
        card.bestScore,
        card.reviews,
        now,
      );
    this.db
      .prepare(
        'INSERT INTO review_logs (question_id, answer_id, score, rating, due, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(card.questionId, answerId, card.lastScore, rating, card.due, now);
  }

  listCards(): ReviewCard[] {
    return (this.db.prepare('SELECT * FROM cards ORDER BY due').all() as CardRow[]).map(toCard);
  }

  saveCardDue(questionId: string, due: string): void {
    const row = this.db.prepare('SELECT card FROM cards WHERE question_id = ?').get(questionId) as
      | { card: string }
      | undefined;
    if (!row) return;
    const card = { ...(JSON.parse(row.card) as Record<string, unknown>), due };
    this.db
      .prepare('UPDATE cards SET card = ?, due = ? WHERE question_id = ?')
      .run(JSON.stringify(card), due, questionId);
  }

  getSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }

  insertImport(id: string, createdAt: string, files: unknown, questions: readonly ImportedRecord[]): void {
    this.db
      .prepare('INSERT INTO imports (id, created_at, files, imported) VALUES (?, ?, ?, ?)')
      .run(id, createdAt, JSON.stringify(files), questions.length);
    const insert = this.db.prepare(
      'INSERT INTO imported_questions (id, import_id, text, answer, section, level, source_file, source_line, dedupe_key, key_points, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const q of questions) {
      insert.run(
        q.id,
        id,
        q.text,
        q.answer,
        q.section,
        q.level,
        q.sourceFile,
        q.sourceLine,
        q.dedupeKey,
        JSON.stringify(q.keyPoints),
        q.createdAt,
      );
    }
  }

  listImported(): ImportedRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM imported_questions ORDER BY created_at, source_file, source_line')
      .all() as ImportedRow[];
    return rows.map((r) => ({
      id: r.id,
      importId: r.import_id,
      text: r.text,
      answer: r.answer,
      section: r.section,
      level: r.level === 1 || r.level === 2 || r.level === 3 ? r.level : null,
      sourceFile: r.source_file,
      sourceLine: r.source_line,
      dedupeKey: r.dedupe_key,
      keyPoints: KeyPointsJson.parse(JSON.parse(r.key_points)),
      createdAt: r.created_at,
    }));
  }

  setImportedKeyPoints(id: string, keyPoints: ImportedRecord['keyPoints']): boolean {
    const r = this.db
      .prepare('UPDATE imported_questions SET key_points = ? WHERE id = ?')
      .run(JSON.stringify(keyPoints), id);
    return r.changes === 1;
  }
}
