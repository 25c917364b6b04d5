import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../analysis/index.js';
import { createBank } from '../bank/index.js';
import { Question } from '../bank/schema.js';
import { ConflictError, InputError } from '../errors.js';
import { applyAnswer, pendingTurn, startSession } from './engine.js';
import type { SessionState, TurnAnswer } from './types.js';

function question(id: string, category: string, level: 1 | 2 | 3, kind = 'technical') {
  return Question.parse({
    id,
    category,
    level,
    kind,
    text: `Question ${id}?`,
    zh: { translation: '问题', intent: '意图' },
    keyPoints: [
      {
        id: 'a',
        text: 'Point A',
        dimension: 'technical',
        weight: 2,
        concepts: [`alpha ${id}`, `first ${id}`],
      },
      { id: 'b', text: 'Point B', dimension: 'ops', weight: 1, concepts: [`beta ${id}`, `second ${id}`] },
    ],
    modelAnswers: {
      quick: `Alpha ${id}. Beta ${id}. Done.`,
      full: `Alpha ${id} and beta ${id}.`,
      notesZh: '笔记',
    },
    followUps: [
      { text: `Tell me more about A in ${id}?`, keyPoint: 'a' },
      { text: `And B in ${id}?`, keyPoint: 'b' },
    ],
  });
}

const bank = createBank([
  question('intro', 'behavioral', 1, 'self-intro'),
  question('story', 'behavioral', 2, 'behavioral'),
  question('career', 'behavioral', 2, 'career-story'),
  question('aws1', 'aws', 1),
  question('aws3', 'aws', 3),
  question('iac1', 'iac', 1),
  question('iac2', 'iac', 2),
  question('rel2', 'release', 2),
  question('obs1', 'observability', 1),
  question('del2', 'delivery', 2),
  question('scn2', 'scenario', 2, 'scenario'),
  question('scn3', 'scenario', 3, 'scenario'),
]);

const NOW = '2026-11-23T10:00:00.000Z';
let nextAnswerId = 1;

function answer(state: SessionState, text: string): SessionState {
  const turn = pendingTurn(state);
  if (!turn) throw new Error('no pending turn');
  const q = turn.questionId ? bank.byId(turn.questionId) : undefined;
  const analysis = q ? analyzeAnswer({ question: q, answer: text }) : null;
  const a: TurnAnswer = {
    answerId: nextAnswerId++,
    text,
    durationSec: null,
    score: analysis?.score ?? null,
    grade: analysis?.grade ?? null,
    analysis,
    createdAt: NOW,
  };
  return applyAnswer(bank, state, a, NOW);
}

describe('planning', () => {
  it('is deterministic for a seed and varies across seeds', () => {
    const a = startSession(bank, 's1', { mode: 'mock', seed: 42 }, NOW, 0);
    const b = startSession(bank, 's2', { mode: 'mock', seed: 42 }, NOW, 0);
    const c = startSession(bank, 's3', { mode: 'mock', seed: 43 }, NOW, 0);
    expect(a.plan).toEqual(b.plan);
    expect(a.turns[0]).toEqual(b.turns[0]);
    const plans = [1, 2, 3, 4, 5].map((seed) =>
      JSON.stringify(startSession(bank, 'x', { mode: 'mock', seed }, NOW, 0).plan),
    );
    expect(new Set([...plans, JSON.stringify(c.plan)]).size).toBeGreaterThan(1);
  });

  it('a mock interview opens with the introduction, rises in level, has one scenario and ends with your questions', () => {
    const s = startSession(bank, 's', { mode: 'mock', seed: 7, count: 6 }, NOW, 0);
    const ids = s.plan.map((p) => p.questionId);
    expect(ids[0]).toBe('intro');
    expect(s.plan.at(-1)?.kind).toBe('candidate-questions');
    const middle = s.plan.slice(1, -2).map((p) => bank.byId(p.questionId as string));
    const levels = middle.map((q) => q?.level ?? 0);
    expect([...levels].sort()).toEqual(levels);
    expect(middle.every((q) => q?.kind === 'technical')).toBe(true);
    expect(bank.byId(s.plan.at(-2)?.questionId as string)?.kind).toBe('scenario');
    expect(s.turns[0]?.preface).toMatch(/thanks for joining/i);
  });

  it('a mock interview asks exactly the number of questions asked for, within the category asked for', () => {
    const questions = (plan: readonly { kind: string }[]) => plan.filter((p) => p.kind === 'question').length;
    for (const count of [1, 2, 3, 6]) {
      const s = startSession(bank, 's', { mode: 'mock', seed: 7, count }, NOW, 0);
      expect(questions(s.plan)).toBe(count);
    }
    const aws = startSession(bank, 's', { mode: 'mock', seed: 7, count: 4, category: 'aws' }, NOW, 0);
    const technical = aws.plan
      .map((p) => (p.questionId ? bank.byId(p.questionId) : undefined))
      .filter((q) => q?.kind === 'technical');
    expect(technical.length).toBeGreaterThan(0);
    expect(technical.every((q) => q?.category === 'aws')).toBe(true);
    const level = startSession(bank, 's', { mode: 'mock', seed: 7, count: 3, level: 1 }, NOW, 0);
    expect(
      level.plan
        .map((p) => (p.questionId ? bank.byId(p.questionId) : undefined))
        .filter((q) => q?.kind === 'technical')
        .every((q) => q?.level === 1),
    ).toBe(true);
    expect(() => startSession(bank, 's', { mode: 'mock', category: 'linux', seed: 1 }, NOW, 0)).toThrow(
      /no technical question .*category "linux"/,
    );
  });

  it('story practice refuses a category with no behavioural questions instead of ignoring it', () => {
    expect(() => startSession(bank, 's', { mode: 'story', category: 'aws', seed: 1 }, NOW, 0)).toThrow(
      /story mode asks behavioural questions, and category "aws" has none; categories with stories: behavioral \(2\)/,
    );
  });

  it('a drill keeps to the category and level asked for', () => {
    const s = startSession(bank, 's', { mode: 'drill', category: 'iac', count: 5, seed: 1 }, NOW, 0);
    expect(s.plan.map((p) => p.questionId).sort()).toEqual(['iac1', 'iac2']);
    expect(() => startSession(bank, 's', { mode: 'drill', category: 'linux', seed: 1 }, NOW, 0)).toThrow(
      InputError,
    );
  });

  it('story practice starts with the introduction and the career story', () => {
    const s = startSession(bank, 's', { mode: 'story', seed: 3 }, NOW, 0);
    expect(s.plan.slice(0, 2).map((p) => p.questionId)).toEqual(['intro', 'career']);
    expect(s.plan.map((p) => p.questionId)).toContain('story');
  });

  it('quick-fire expects quick answers', () => {
    const s = startSession(bank, 's', { mode: 'quick', seed: 3, count: 3 }, NOW, 0);
    expect(s.turns[0]?.expect).toBe('quick');
    expect(s.plan).toHaveLength(3);
  });

  it('rejects bad settings with a clear message', () => {
    expect(() => startSession(bank, 's', { mode: 'mock', count: 0 }, NOW, 0)).toThrow(/count/);
  });
});

describe("the interviewer's voice", () => {
  it('never says it is moving on right before a follow-up on the same question', () => {
    for (let seed = 0; seed < 40; seed++) {
      let s = startSession(
        bank,
        `v${seed}`,
        { mode: 'drill', category: 'iac', count: 2, seed, maxFollowUps: 1 },
        NOW,
        0,
      );
      s = answer(s, 'no idea');
      s = answer(s, 'maybe');
      for (const t of s.turns.filter((x) => x.kind === 'follow-up'))
        expect(t.preface).not.toMatch(/move on|leave it there|another one/i);
    }
  });
});

describe('turns', () => {
  it('asks one follow-up on a weak answer, then moves on; a strong answer gets none', () => {
    let s = startSession(bank, 's', { mode: 'drill', category: 'aws', seed: 5 }, NOW, 0);
    const first = pendingTurn(s);
    s = answer(s, 'Alpha partially, nothing else to say here about it really.');
    const follow = pendingTurn(s);
    expect(follow?.kind).toBe('follow-up');
    expect(follow?.questionId).toBe(first?.questionId);
    expect(follow?.preface).not.toMatch(/great|good|nice/i);
    s = answer(s, 'Still not much.');
    const next = pendingTurn(s);
    expect(next?.kind).toBe('question');
    expect(next?.questionId).not.toBe(first?.questionId);
    const id = next?.questionId as string;
    s = answer(
      s,
      `Alpha ${id} and beta ${id}: we run alpha ${id} every day and we handle beta ${id} in production.`,
    );
    expect(s.status).toBe('finished');
    expect(s.finishedAt).toBe(NOW);
  });

  it('refuses an answer once the session is finished', () => {
    let s = startSession(bank, 's', { mode: 'quick', seed: 1, count: 1, maxFollowUps: 0 }, NOW, 0);
    s = answer(s, 'anything at all');
    expect(s.status).toBe('finished');
    expect(() => answer(s, 'again')).toThrow(/no pending turn/);
    const a: TurnAnswer = {
      answerId: 99,
      text: 'x',
      durationSec: null,
      score: null,
      grade: null,
      analysis: null,
      createdAt: NOW,
    };
    expect(() => applyAnswer(bank, s, a, NOW)).toThrow(ConflictError);
  });
});
