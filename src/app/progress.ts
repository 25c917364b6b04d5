// Progress across all practice: the three layers, scores over time, coverage per category, and what is weak
// before the interview date.

import { isWeak } from '../core/analysis/policy.js';
import { DIMENSIONS, type Dimension } from '../core/bank/schema.js';
import type { AppContext } from './context.js';
import { interviewDate, reviewHandler } from './review.js';

export interface Progress {
  readonly answers: number;
  readonly questionsPractised: number;
  readonly dimensions: Readonly<Record<Dimension, number | null>>;
  readonly overTime: ReadonlyArray<
    { date: string; score: number; count: number } & Record<Dimension, number | null>
  >;
  readonly categories: ReadonlyArray<{
    category: string;
    total: number;
    practised: number;
    averageScore: number | null;
  }>;
  readonly weak: ReadonlyArray<{ questionId: string; text: string; score: number }>;
  readonly interview: { readonly date: string; readonly daysLeft: number } | null;
  readonly review: ReturnType<typeof reviewHandler>['items'];
  /** Live incident rounds: finished rounds and the latest overall score per scenario. */
  readonly incidents: {
    readonly rounds: number;
    readonly averageOverall: number | null;
    readonly byScenario: ReadonlyArray<{ scenarioId: string; rounds: number; last: number; best: number }>;
  };
}

const mean = (xs: readonly number[]) =>
  xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;

export function progressHandler(ctx: AppContext): Progress {
  const answers = ctx.store.allAnswers().filter((a) => a.analysis && a.questionId);
  const latest = new Map<string, (typeof answers)[number]>();
  for (const a of answers) latest.set(a.questionId as string, a);
  const last = [...latest.values()];
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      mean(
        last.map((a) => a.analysis?.dimensions[d].score).filter((s): s is number => typeof s === 'number'),
      ),
    ]),
  ) as Record<Dimension, number | null>;
  const byDay = new Map<string, typeof answers>();
  for (const a of answers)
    byDay.set(a.createdAt.slice(0, 10), [...(byDay.get(a.createdAt.slice(0, 10)) ?? []), a]);
  const overTime = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, list]) => ({
      date,
      count: list.length,
      score: mean(list.map((a) => a.score ?? 0)) ?? 0,
      ...(Object.fromEntries(
        DIMENSIONS.map((d) => [
          d,
          mean(
            list
              .map((a) => a.analysis?.dimensions[d].score)
              .filter((s): s is number => typeof s === 'number'),
          ),
        ]),
      ) as Record<Dimension, number | null>),
    }));
  const categories = [...new Set(ctx.bank.questions.map((q) => q.category))].map((category) => {
    const qs = ctx.bank.questions.filter((q) => q.category === category);
    const practised = qs.filter((q) => latest.has(q.id));
    return {
      category,
      total: qs.length,
      practised: practised.length,
      averageScore: mean(practised.map((q) => latest.get(q.id)?.score ?? 0)),
    };
  });
  const weak = last
    .filter((a) => isWeak(a.score ?? 0))
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .map((a) => ({
      questionId: a.questionId as string,
      text: ctx.bank.byId(a.questionId as string)?.text ?? (a.questionId as string),
      score: a.score ?? 0,
    }));
  const date = interviewDate(ctx);
  const now = ctx.now();
  return {
    answers: answers.length,
    questionsPractised: latest.size,
    dimensions,
    overTime,
    categories,
    weak,
    interview: date
      ? {
          date: date.toISOString().slice(0, 10),
          daysLeft: Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 86_400_000)),
        }
      : null,
    // Due now first, then what comes back later: a queue with cards is never shown as empty.
    incidents: (() => {
      const finished = ctx.store
        .listIncidents(10_000)
        .filter((r) => r.state.finished && r.overall !== null)
        .reverse();
      const by = new Map<string, { scenarioId: string; rounds: number; last: number; best: number }>();
      for (const r of finished) {
        const e = by.get(r.scenarioId) ?? { scenarioId: r.scenarioId, rounds: 0, last: 0, best: 0 };
        by.set(r.scenarioId, {
          scenarioId: r.scenarioId,
          rounds: e.rounds + 1,
          last: r.overall as number,
          best: Math.max(e.best, r.overall as number),
        });
      }
      return {
        rounds: finished.length,
        averageOverall: mean(finished.map((r) => r.overall as number)),
        byScenario: [...by.values()],
      };
    })(),
    review: (() => {
      const r = reviewHandler(ctx);
      return [...r.items, ...r.upcoming];
    })(),
  };
}
