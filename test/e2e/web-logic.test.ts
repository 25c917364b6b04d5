// The web app's pure logic, without a browser: highlight segments from analysis spans, the builders' assembly of
// STAR + Future and self-introduction answers, and what the room says when the session moved on elsewhere.
import { describe, expect, it } from 'vitest';
import { buildSegments, chooseMarks } from '../../web/src/feedback/segments.js';
import { translate } from '../../web/src/i18n.js';
import { staleChange, staleMessage } from '../../web/src/room/staleSession.js';
import type { Analysis, SessionView, TurnView } from '../../web/src/types.js';
import {
  assembleIntro,
  assembleStarFull,
  assembleStarQuick,
  countSentences,
  firstSentence,
} from '../../web/src/workshop/assemble.js';

const span = (text: string, part: string, from = 0) => {
  const start = text.indexOf(part, from);
  return { start, end: start + part.length, text: part };
};

function analysisFor(text: string): Analysis {
  const first = span(text, 'so that');
  return {
    flags: [
      { id: 'f', kind: 'red-flag', text: 'x', severity: 2, fix: 'y', evidence: [span(text, 'by hand')] },
    ],
    coverage: [
      {
        id: 'k',
        text: 'k',
        dimension: 'technical',
        weight: 1,
        status: 'hit',
        evidence: [
          span(text, 'I keep state in Git so that it is reviewed.'),
          span(text, 'keep state in Git'),
        ],
        contradicted: false,
      },
      {
        id: 'm',
        text: 'm',
        dimension: 'ops',
        weight: 1,
        status: 'missed',
        evidence: [],
        contradicted: false,
      },
    ],
    language: {
      connectors: [
        {
          phrase: 'so that',
          count: 2,
          places: [first, span(text, 'so that', first.end)],
          alternatives: [],
          rewrites: [],
        },
      ],
      fillers: [{ phrase: 'um', places: [span(text, 'Um')] }],
      hedges: [],
    },
  } as unknown as Analysis;
}

describe('highlight segments', () => {
  const text = 'I keep state in Git so that it is reviewed. Um, nobody applies by hand so that it is safe.';

  it('chooses non-overlapping marks by priority and precision, and keeps every character', () => {
    const marks = chooseMarks(text, analysisFor(text));
    expect(marks.map((m) => [m.kind, m.text])).toEqual([
      ['keypoint', 'keep state in Git'],
      ['connector', 'so that'],
      ['filler', 'Um'],
      ['flag', 'by hand'],
      ['connector', 'so that'],
    ]);
    const segments = buildSegments(text, marks);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    for (let i = 1; i < marks.length; i++)
      expect(marks[i]?.start).toBeGreaterThanOrEqual(marks[i - 1]?.end ?? 0);
  });

  it('drops spans that do not point at the same words (another text, out of range)', () => {
    const other = 'Completely different text.';
    expect(chooseMarks(other, analysisFor(text))).toEqual([]);
    expect(buildSegments(other, [])).toEqual([{ start: 0, text: other, mark: null }]);
  });
});

describe('answer builders', () => {
  const star = {
    situation: 'Releases were manual. They took hours',
    task: 'I owned the release process.',
    action: 'I built pipelines with Argo CD. I added alerts.',
    result: 'Deployments went from hours to minutes!',
    future: 'Next I want to lead a platform team',
  };

  it('assembles the full STAR + Future story, one paragraph per part', () => {
    const full = assembleStarFull(star);
    expect(full.split('\n\n')).toHaveLength(5);
    expect(full).toContain('They took hours.');
  });

  it('assembles a quick version of one sentence per part, Future optional', () => {
    expect(assembleStarQuick(star, false)).toBe(
      'Releases were manual. I owned the release process. I built pipelines with Argo CD. Deployments went from hours to minutes!',
    );
    expect(countSentences(assembleStarQuick(star, true))).toBe(5);
    expect(firstSentence('  v1.2 shipped. Then more ')).toBe('v1.2 shipped.');
  });

  it('assembles the self-introduction in the shape of the notes', () => {
    const intro = assembleIntro({
      fullName: 'Haitao Pan',
      callMe: 'Harry',
      years: '10',
      role: 'senior DevOps engineer',
      stack: 'AWS and Terraform',
      highlight: 'I cut deployments from hours to minutes',
      goal: 'I want to grow into platform engineering.',
    });
    expect(intro).toBe(
      "Hello, my name is Haitao Pan, but you can call me Harry, it's easier. I'm a senior DevOps engineer with 10 years of experience, working mainly with AWS and Terraform. I cut deployments from hours to minutes. I want to grow into platform engineering.",
    );
    expect(
      assembleIntro({
        fullName: 'Haitao Pan',
        callMe: '',
        years: '',
        role: '',
        stack: '',
        highlight: '',
        goal: '',
      }),
    ).toBe('Hello, my name is Haitao Pan.');
  });

  it('names what changed in another tab with the numbers of the progress bar, in both languages', () => {
    const turn = (position: number, step: number, kind: TurnView['kind'] = 'question'): TurnView => ({
      position,
      step,
      kind,
      questionId: 'q',
      preface: '',
      prompt: `prompt ${position}`,
      expect: 'full',
      question: null,
    });
    const answer = {
      answerId: 1,
      text: 'a',
      gradedText: 'a',
      durationSec: null,
      createdAt: '',
      score: 50,
      analysis: null,
    };
    const session = (turns: SessionView['turns'], status: SessionView['status']): SessionView =>
      ({
        id: 's',
        status,
        turns,
        retries: [],
        current: status === 'active' ? (turns.at(-1) ?? null) : null,
      }) as unknown as SessionView;
    // This tab is on the follow-up to question 1 (position 1); another tab answered it: now question 2 (position 2).
    const mine = session(
      [
        { ...turn(0, 0), answer },
        { ...turn(1, 0, 'follow-up'), answer: null },
      ],
      'active',
    );
    const moved = session(
      [
        { ...turn(0, 0), answer },
        { ...turn(1, 0, 'follow-up'), answer },
        { ...turn(2, 1), answer: null },
      ],
      'active',
    );
    const change = staleChange(mine, moved);
    expect(change).toMatchObject({ kind: 'answered' });
    if (!change) throw new Error('no change found');
    const en = (k: string, p?: Record<string, string | number>) => translate('en', k, p);
    const zh = (k: string, p?: Record<string, string | number>) => translate('zh', k, p);
    expect(staleMessage(en, change)).toBe(
      'Another tab or window answered the follow-up to question 1; the session is now at question 2.',
    );
    expect(staleMessage(zh, change)).toBe('另一个标签页或窗口已经回答了第 1 题的追问；本场现在到了第 2 题。');
    expect(staleChange(moved, moved)).toBeNull();
    // Finished with every turn answered, or ended with one left unanswered.
    expect(
      staleChange(
        mine,
        session(
          [
            { ...turn(0, 0), answer },
            { ...turn(1, 0, 'follow-up'), answer },
          ],
          'finished',
        ),
      ),
    ).toEqual({ kind: 'finished' });
    expect(staleChange(mine, session(mine.turns, 'finished'))).toEqual({ kind: 'ended' });
    expect(staleMessage(en, { kind: 'ended' })).toMatch(/ended in another tab, window or the terminal/);
  });
});
