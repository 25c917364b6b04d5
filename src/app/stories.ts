// The user's stories: the latest answer to each behavioural question, mapped onto competencies, with reuse warnings.
import { type StoryAnswer, type StoryMap, storyMap } from '../core/stories.js';
import type { AppContext } from './context.js';

export function storiesHandler(ctx: AppContext): StoryMap {
  const questions = ctx.bank.questions.filter((q) => q.kind === 'behavioral' || q.kind === 'career-story');
  const byId = new Map(questions.map((q) => [q.id, q]));
  const latest = new Map<string, StoryAnswer>();
  for (const a of ctx.store.allAnswers()) {
    const q = a.questionId ? byId.get(a.questionId) : undefined;
    if (!q) continue;
    latest.set(q.id, {
      questionId: q.id,
      questionText: q.text,
      competencies: q.competencies,
      text: a.text,
      score: a.score,
      createdAt: a.createdAt,
    });
  }
  return storyMap([...latest.values()], questions);
}
