import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../core/analysis/index.js';
import { createBank } from '../core/bank/index.js';
import { Question } from '../core/bank/schema.js';
import { ConflictError, StorageError } from '../core/errors.js';
import { applyAnswer, startSession } from '../core/interview/engine.js';
import { reviewCard } from '../core/schedule/index.js';
import { openDatabase } from './db.js';
import { SqliteStore } from './store.js';

const q = Question.parse({
  id: 'q1',
  category: 'iac',
  level: 1,
  kind: 'technical',
  text: 'How do you manage state?',
  zh: { translation: '状态', intent: '意图' },
  keyPoints: [
    { id: 'remote', text: 'Remote', dimension: 'technical', concepts: ['remote state', 's3 backend'] },
  ],
  modelAnswers: { quick: 'One. Two. Three.', full: 'Remote state.', notesZh: '笔记' },
});
const bank = createBank([q]);
const NOW = '2026-11-23T10:00:00.000Z';

function fresh() {
  return new SqliteStore(openDatabase(':memory:'));
}

describe('SqliteStore', () => {
  it('applies the migrations to a fresh database', () => {
    const db = openDatabase(':memory:');
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'answers',
        'cards',
        'review_logs',
        'schema_migrations',
        'sessions',
        'settings',
        'turns',
      ]),
    );
  });

  it('round-trips a session with its answers, and numbers answer versions per question', () => {
    const store = fresh();
    const state = startSession(bank, 's1', { mode: 'drill', seed: 1, count: 1, maxFollowUps: 0 }, NOW, 0);
    store.insertSession(state);
    const analysis = analyzeAnswer({ question: q, answer: 'We keep remote state in an S3 backend.' });
    const stored = store.insertAnswer({
      questionId: 'q1',
      sessionId: 's1',
      text: 'We keep remote state in an S3 backend.',
      durationSec: 12,
      analysis,
      createdAt: NOW,
    });
    const next = applyAnswer(bank, state, stored, NOW);
    store.saveProgress(next, 0, stored.answerId);
    const back = store.getSession('s1');
    expect(back?.status).toBe('finished');
    expect(back?.turns[0]?.answer?.text).toBe('We keep remote state in an S3 backend.');
    expect(back?.turns[0]?.answer?.analysis?.score).toBe(analysis.score);
    expect(back?.config.seed).toBe(1);
    const second = store.insertAnswer({
      questionId: 'q1',
      sessionId: null,
      text: 'again',
      durationSec: null,
      analysis: null,
      createdAt: NOW,
    });
    expect(second.version).toBe(2);
    expect(store.answersFor('q1').map((a) => a.version)).toEqual([1, 2]);
    expect(store.listSessions(10)[0]).toMatchObject({ id: 's1', answered: 1 });
  });

  it('refuses to link a second answer to the same turn', () => {
    const store = fresh();
    const state = startSession(bank, 's1', { mode: 'drill', seed: 1, count: 1, maxFollowUps: 0 }, NOW, 0);
    store.insertSession(state);
    const a = store.insertAnswer({
      questionId: 'q1',
      sessionId: 's1',
      text: 'one',
      durationSec: null,
      analysis: null,
      createdAt: NOW,
    });
    const next = applyAnswer(bank, state, a, NOW);
    store.saveProgress(next, 0, a.answerId);
    const b = store.insertAnswer({
      questionId: 'q1',
      sessionId: 's1',
      text: 'two',
      durationSec: null,
      analysis: null,
      createdAt: NOW,
    });
    expect(() => store.saveProgress(next, 0, b.answerId)).toThrow(ConflictError);
  });

  it('keeps review cards and settings', () => {
    const store = fresh();
    const card = reviewCard(null, 'q1', 40, new Date(NOW));
    store.saveCard(card, null, 1, NOW);
    expect(store.getCard('q1')).toMatchObject({ questionId: 'q1', lastScore: 40, reviews: 1 });
    store.saveCardDue('q1', '2026-12-01T00:00:00.000Z');
    expect(store.listCards()[0]?.due).toBe('2026-12-01T00:00:00.000Z');
    store.setSetting('interviewDate', '2026-12-15');
    expect(store.getSetting('interviewDate')).toBe('2026-12-15');
  });

  it('names the file and what to do when it is not a database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockops-db-'));
    const file = join(dir, 'mockops.db');
    writeFileSync(file, 'this is not a sqlite file, just text that happens to be here'.repeat(100));
    expect(() => openDatabase(file)).toThrow(StorageError);
    expect(() => openDatabase(file)).toThrow(/not a readable mockops database.*mv/);
  });

  it('names the folder when it cannot write', () => {
    if (process.getuid?.() === 0) {
      // root ignores file permissions; a path under a regular file cannot be created by anyone.
      const dir = mkdtempSync(join(tmpdir(), 'mockops-ro-'));
      writeFileSync(join(dir, 'file'), 'x');
      expect(() => openDatabase(join(dir, 'file', 'mockops.db'))).toThrow(/cannot (write|be used)/);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'mockops-ro-'));
    chmodSync(dir, 0o500);
    expect(() => openDatabase(join(dir, 'mockops.db'))).toThrow(/read-only/);
  });
});
