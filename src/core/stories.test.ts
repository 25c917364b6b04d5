import { describe, expect, it } from 'vitest';
import { SAME_STORY_SHARE, type StoryAnswer, storyMap } from './stories.js';

const story = (questionId: string, competencies: StoryAnswer['competencies'], text: string): StoryAnswer => ({
  questionId,
  questionText: `Question ${questionId}?`,
  competencies,
  text,
  score: 70,
  createdAt: '2026-11-30T10:00:00.000Z',
});

const MIGRATION =
  'In my last role we moved forty services from EC2 to EKS under a hard deadline. I owned the cutover plan, ran a canary per service and kept a rollback ready. The release time went from hours to minutes and the team kept the pipeline afterwards.';
const CONFLICT =
  'In my last role we moved to trunk-based development, and a senior developer wanted to skip the staging environment. I asked for one week to compare incidents with and without staging, shared the data in the design review, and we agreed on a lighter staging check. Deploys went from hours to minutes because the check ran in parallel.';
const MENTOR =
  'A junior engineer on my team struggled with Terraform reviews. I paired with her twice a week and wrote a checklist with her. After two months she reviewed modules on her own.';

describe('storyMap', () => {
  it('maps each story onto the competencies of its question and lists the uncovered ones', () => {
    const m = storyMap([
      story('mistake', ['failure', 'ownership'], MIGRATION),
      story('mentor', ['mentoring'], MENTOR),
    ]);
    const of = (c: string) =>
      m.competencies.find((x) => x.competency === c)?.stories.map((s) => s.questionId);
    expect(of('failure')).toEqual(['mistake']);
    expect(of('ownership')).toEqual(['mistake']);
    expect(of('mentoring')).toEqual(['mentor']);
    expect(m.uncovered).toEqual(['conflict', 'influence', 'delivery-under-pressure', 'customer-focus']);
    expect(m.competencies.find((x) => x.competency === 'mentoring')?.stories[0]?.opening).toBe(
      'A junior engineer on my team struggled with Terraform reviews.',
    );
  });

  it('warns when one phrase such as "hours to minutes" recurs across answers, but not for the STAR frame', () => {
    const m = storyMap([
      story('deadline', ['delivery-under-pressure'], MIGRATION),
      story('conflict', ['conflict'], CONFLICT),
    ]);
    const phrases = m.reused.filter((r) => r.kind === 'phrase');
    expect(phrases.find((p) => p.phrase?.includes('hours to minutes'))?.questionIds).toEqual([
      'conflict',
      'deadline',
    ]);
    // "In my last role" opens both, and is the frame the coach teaches: no warning.
    expect(phrases.some((p) => /last role/i.test(p.phrase ?? ''))).toBe(false);
    expect(m.reused.some((r) => r.kind === 'story')).toBe(false);
  });

  it('warns when the same story is told for two questions, in other order and small changes', () => {
    const retold = MIGRATION.replace('under a hard deadline', 'with a difficult stakeholder').replace(
      'and the team kept the pipeline afterwards',
      'and I learned to agree the plan early',
    );
    const m = storyMap([
      story('deadline', ['delivery-under-pressure'], MIGRATION),
      story('stakeholder', ['conflict'], retold),
    ]);
    const same = m.reused.find((r) => r.kind === 'story');
    expect(same?.questionIds).toEqual(['deadline', 'stakeholder']);
    expect(same?.share).toBeGreaterThanOrEqual(SAME_STORY_SHARE);
    // Its phrases are not listed again one by one.
    expect(m.reused.filter((r) => r.kind === 'phrase' && r.questionIds.length === 2)).toEqual([]);
  });

  it('ignores placeholders and empty answers, and lists questions with no story yet', () => {
    const m = storyMap(
      [
        story('a', ['ownership'], 'I cut the cost by [your figure] percent in [N] weeks for the client.'),
        story(
          'b',
          ['influence'],
          'We saved [your figure] percent in [N] weeks after I convinced the platform team.',
        ),
        story('c', ['failure'], '   '),
      ],
      [
        { id: 'c', competencies: ['failure'] },
        { id: 'd', competencies: ['customer-focus'] },
      ] as never,
    );
    expect(m.reused.filter((r) => /your figure|weeks/.test(r.phrase ?? ''))).toEqual([]);
    expect(m.unanswered).toEqual([
      { questionId: 'c', competencies: ['failure'] },
      { questionId: 'd', competencies: ['customer-focus'] },
    ]);
  });
});
