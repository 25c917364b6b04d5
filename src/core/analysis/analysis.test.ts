import { describe, expect, it } from 'vitest';
import { Question } from '../bank/schema.js';
import { analyzeAnswer, MAX_ANSWER_CHARS } from './index.js';

// A small rubric of our own, so these tests do not move when the bank's wording improves.
const question = Question.parse({
  id: 'tf-state',
  category: 'iac',
  level: 1,
  kind: 'technical',
  text: 'How do you manage Terraform state in a team?',
  zh: { translation: '团队里如何管理 Terraform state？', intent: '远程后端、加锁、CI apply' },
  keyPoints: [
    {
      id: 'remote',
      text: 'Remote backend',
      dimension: 'technical',
      weight: 3,
      concepts: ['remote state', 's3 backend', 'state in s3'],
    },
    {
      id: 'lock',
      text: 'State locking',
      dimension: 'technical',
      weight: 3,
      concepts: ['state locking', 'lock the state', 'use_lockfile'],
    },
    {
      id: 'ci',
      text: 'Apply only from CI',
      dimension: 'delivery',
      weight: 2,
      concepts: ['apply in ci', 'apply from the pipeline'],
    },
    {
      id: 'drift',
      text: 'Drift detection',
      dimension: 'ops',
      weight: 2,
      concepts: ['detect drift', 'scheduled plan'],
    },
  ],
  redFlags: [
    {
      id: 'git',
      text: 'State in Git',
      severity: 3,
      phrasings: ['commit state to git', 'state file in git'],
      fix: 'Use a remote backend.',
    },
  ],
  modelAnswers: {
    quick: 'I keep state in S3. I lock the state with use_lockfile. We apply in CI and detect drift nightly.',
    full: 'I keep remote state in an S3 backend. I lock the state with use_lockfile. We only apply in CI after review. A scheduled plan detects drift.',
    notesZh: '四个要点。',
  },
  followUps: [
    { text: 'What if the lock is stuck?', keyPoint: 'lock' },
    { text: 'How do you notice console changes?', keyPoint: 'drift' },
    { text: 'Why not keep it in Git?', redFlag: 'git' },
  ],
});

const run = (answer: string, extra: { durationSec?: number } = {}) =>
  analyzeAnswer({ question, answer, ...extra });

describe('coverage', () => {
  it('finds each key point with evidence quoting the answer', () => {
    const answer =
      'We keep remote state in an S3 backend. I lock the state with use_lockfile so two applies never collide.';
    const a = run(answer);
    const remote = a.coverage.find((c) => c.id === 'remote');
    expect(remote?.status).toBe('hit');
    const span = remote?.evidence[0];
    expect(span && answer.slice(span.start, span.end)).toBe(span?.text);
    expect(a.coverage.find((c) => c.id === 'lock')?.status).toBe('hit');
    expect(a.coverage.find((c) => c.id === 'ci')?.status).toBe('missed');
  });

  it('does not count a negated key point, and flags it', () => {
    const a = run('We keep state in S3, but we never lock the state because it is slow.');
    const lock = a.coverage.find((c) => c.id === 'lock');
    expect(lock?.status).toBe('missed');
    expect(lock?.contradicted).toBe(true);
    expect(a.flags.some((f) => f.kind === 'contradiction' && f.id === 'not-lock')).toBe(true);
  });

  it('raises a red flag with evidence, but not when the claim is avoided', () => {
    const bad = run('We commit the state file to Git so everyone has it.');
    expect(bad.flags.map((f) => f.id)).toContain('git');
    expect(bad.flags[0]?.evidence[0]?.text).toMatch(/commit the state file to Git/);
    const good = run('We avoid committing state to Git; it lives in an S3 backend.');
    expect(good.flags.map((f) => f.id)).not.toContain('git');
  });

  it('asks the follow-up for the red flag first, else for the heaviest missed key point', () => {
    expect(run('We commit state to Git.').followUp).toBe('Why not keep it in Git?');
    expect(run('Remote state in S3 and we apply in CI, and a scheduled plan checks drift.').followUp).toBe(
      'What if the lock is stuck?',
    );
  });
});

describe('scores', () => {
  const full =
    'We keep remote state in an S3 backend with versioning. I lock the state with use_lockfile, which stops two applies at once. We apply in CI only after the plan is reviewed. A scheduled plan runs every night to detect drift.';
  it('orders full > partial > superficial > off-topic', () => {
    const scores = [
      run(full).score,
      run('We keep remote state in an S3 backend that the team shares.').score,
      run('State matters a lot, so we are careful with it and talk to each other.').score,
      run('I enjoy hiking and my favourite food is dumplings from my home town.').score,
    ];
    expect(scores[0]).toBeGreaterThanOrEqual(90);
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
    expect(scores[1]).toBeGreaterThan(scores[2] as number);
    expect(scores[3]).toBeLessThanOrEqual(5);
  });

  it('scores a non-answer zero and a bare buzzword list low', () => {
    expect(run("I don't know.").score).toBe(0);
    const list = run(
      'Remote state, S3 backend, state locking, use_lockfile, apply in CI, detect drift, scheduled plan.',
    );
    expect(list.substance.buzzwordList).toBe(true);
    expect(list.score).toBeLessThan(run('We keep remote state in an S3 backend that the team shares.').score);
  });

  it('treats bullet notes as notes, not as a string of buzzwords', () => {
    const notes = run(
      '- keep remote state in an S3 backend\n- lock the state with use_lockfile\n- apply in CI after review\n- a scheduled plan to detect drift',
    );
    expect(notes.substance.buzzwordList).toBe(false);
    expect(notes.notes.some((n) => /reads like notes/.test(n))).toBe(true);
    const terms = run(
      'Remote state, S3 backend, state locking, use_lockfile, apply in CI, detect drift, scheduled plan.',
    );
    expect(notes.score).toBeGreaterThan(terms.score * 2);
    expect(notes.score).toBeLessThan(run(full).score);
  });

  it('caps an answer with an unsafe red flag', () => {
    expect(run(`${full} Also we commit the state file to Git as a backup.`).score).toBeLessThanOrEqual(55);
  });

  it('reports per-dimension scores, null where the rubric has none', () => {
    const a = run(full);
    expect(a.dimensions.technical.score).toBeGreaterThan(80);
    expect(a.dimensions.ops.total).toBe(1);
    expect(a.grade).toBe(5);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(run(full))).toBe(JSON.stringify(run(full)));
  });
});

describe('language', () => {
  it('counts "so that", places it, and suggests a rewrite', () => {
    const a = run(
      'I store state in S3 so that everyone can use it. I lock the state so that two people cannot apply at once. We apply in CI so that it is reviewed.',
    );
    const c = a.language.connectors.find((x) => x.phrase === 'so that');
    expect(c?.count).toBe(3);
    expect(c?.places).toHaveLength(3);
    expect(c?.alternatives).toContain('which helps …');
    expect(c?.rewrites.map((r) => r.suggestion)).toEqual([
      'I store state in S3, allowing everyone to use it.',
      'I lock the state. This way, two people cannot apply at once.',
      'We apply in CI, which ensures it is reviewed.',
    ]);
    expect(a.feedback.some((f) => f.kind === 'connector')).toBe(true);
  });

  it('counts "like" and "so" as fillers only when set off', () => {
    const a = run(
      'Um, so, I would, like, check logs. It looks like a config error, so I fixed it. You know, basically done.',
    );
    const names = Object.fromEntries(a.language.fillers.map((f) => [f.phrase, f.places.length]));
    expect(names.like).toBe(1);
    expect(names.so).toBe(1);
    expect(names.um).toBe(1);
    expect(names['you know']).toBe(1);
    expect(names.basically).toBe(1);
  });

  it('estimates speaking time at 130 wpm, or uses the measured duration', () => {
    const words = Array.from({ length: 130 }, () => 'state').join(' ');
    expect(run(words).language.speakingSeconds).toBe(60);
    const measured = run(words, { durationSec: 30 }).language;
    expect(measured.pace).toEqual({ wpm: 260, measured: true });
  });

  it('tells a quick answer from a full one', () => {
    expect(run(question.modelAnswers.quick).language.fit).toBe('too-short');
    const quick =
      'I keep remote state in an S3 backend with versioning and encryption turned on. I lock the state with use_lockfile, which stops two applies from writing at once. We only apply in CI after someone reviews the plan in the pull request. A scheduled plan runs every night and tells us when something drifted.';
    expect(run(quick).language.fit).toBe('quick');
  });
});

describe('bad input never throws', () => {
  const inputs = [
    '',
    '   \n\t ',
    '😀🎉🚀',
    '我觉得我们应该使用远程状态。',
    '\u0000\u0007 state \u001b[31m',
    '我们用 S3 remote state 和 use_lockfile。',
    'x'.repeat(MAX_ANSWER_CHARS + 1),
    'a '.repeat(9000),
  ];
  for (const input of inputs) {
    it(`handles ${JSON.stringify(input.slice(0, 20))} (${input.length} chars)`, () => {
      const a = run(input);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      if (!/[A-Za-z]{3}/.test(input) || input.length > MAX_ANSWER_CHARS) {
        expect(a.score).toBe(0);
        expect(a.notes.length).toBeGreaterThan(0);
      }
    });
  }
  it('grades the English part of a mixed answer', () => {
    expect(
      run('我们用 S3 remote state，并且 lock the state with use_lockfile。').coverage.filter(
        (c) => c.status === 'hit',
      ),
    ).toHaveLength(2);
  });
});

describe('reference-only mode', () => {
  it('grades against a reference answer on the same scale', () => {
    const reference = 'A pointer is a variable that stores the memory address of another variable.';
    const good = analyzeAnswer({
      questionText: 'What is a pointer?',
      reference,
      answer: 'It is a variable holding the memory address of another variable.',
    });
    const bad = analyzeAnswer({
      questionText: 'What is a pointer?',
      reference,
      answer: 'A loop repeats code many times.',
    });
    expect(good.mode).toBe('reference');
    expect(good.score).toBeGreaterThan(bad.score + 30);
  });
});
