// The wrap-up: how the session went across the three layers, what was weakest, what to practise next.

import { DEFAULT_POLICY } from '../analysis/policy.js';
import type { Analysis, QuestionResult as QuestionScore } from '../analysis/types.js';
import { DIMENSIONS, type Dimension } from '../bank/schema.js';
import type { SessionState, Turn } from './types.js';

export interface QuestionResult {
  readonly questionId: string;
  readonly prompt: string;
  readonly score: number;
  /** The score of the first answer, before any follow-up. */
  readonly firstScore: number;
  readonly missed: readonly string[];
  readonly flags: readonly string[];
}

export interface SessionSummary {
  readonly answered: number;
  readonly planned: number;
  readonly overall: number | null;
  readonly dimensions: Readonly<Record<Dimension, number | null>>;
  readonly questions: readonly QuestionResult[];
  readonly weakest: readonly QuestionResult[];
  readonly language: {
    readonly soThat: number;
    readonly fillers: number;
    readonly hedges: number;
    readonly tooLong: number;
  };
  readonly nextSteps: readonly string[];
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * Each planned question's turns: the first answer and the last (a follow-up's), with the result that counts:
 * the follow-up's question result (first answer and follow-up together) when there is one.
 */
export function finalAnalyses(
  state: SessionState,
): Array<{ first: Turn; last: Turn; analysis: Analysis; result: QuestionScore }> {
  const byStep = new Map<number, { first: Turn; last: Turn }>();
  for (const t of state.turns) {
    if (t.kind === 'candidate-questions' || !t.answer?.analysis) continue;
    const entry = byStep.get(t.step);
    byStep.set(t.step, entry ? { first: entry.first, last: t } : { first: t, last: t });
  }
  return [...byStep.values()].map((e) => {
    const firstAnalysis = e.first.answer?.analysis as Analysis;
    const last = e.last.answer?.analysis as Analysis;
    const result: QuestionScore =
      e.last !== e.first && last.questionResult
        ? last.questionResult
        : {
            score: firstAnalysis.score,
            grade: firstAnalysis.grade,
            dimensions: firstAnalysis.dimensions,
            missed: firstAnalysis.coverage.filter((c) => c.status !== 'hit').map((c) => c.text),
            flags: firstAnalysis.flags.map((f) => f.text),
          };
    return { ...e, analysis: firstAnalysis, result };
  });
}

/** What to add when a layer is the weakest. */
const LAYER_ADVICE: Readonly<Record<Dimension, string>> = {
  technical: 'name the concrete services, settings and steps you would use, not only the idea.',
  ops: 'name the trade-offs, how it fails and how you would notice, and what you would automate.',
  delivery: 'say who you work with, how you review and communicate, and how you hand it over.',
};

export function summarize(state: SessionState): SessionSummary {
  const results = finalAnalyses(state);
  const questions: QuestionResult[] = results.map(({ first, last, analysis, result }) => ({
    questionId: last.questionId ?? '',
    prompt: first.prompt,
    score: result.score,
    firstScore: analysis.score,
    missed: result.missed,
    flags: result.flags,
  }));
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      mean(results.map((r) => r.result.dimensions[d].score).filter((s): s is number => s !== null)),
    ]),
  ) as Record<Dimension, number | null>;
  // Language across everything said, first answers and follow-ups alike, each on its own text.
  const all = state.turns.flatMap((t) =>
    t.kind !== 'candidate-questions' && t.answer?.analysis ? [t.answer.analysis] : [],
  );
  const language = {
    soThat: all.reduce(
      (n, a) => n + (a.language.connectors.find((c) => c.phrase === 'so that')?.count ?? 0),
      0,
    ),
    fillers: all.reduce((n, a) => n + a.language.fillers.reduce((m, f) => m + f.places.length, 0), 0),
    hedges: all.reduce((n, a) => n + a.language.hedges.reduce((m, h) => m + h.places.length, 0), 0),
    tooLong: all.filter((a) => a.language.fit === 'too-long').length,
  };
  const weakest = [...questions]
    .filter((q) => q.score < DEFAULT_POLICY.bands.weakBelow)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
  const nextSteps: string[] = [];
  const weakDim = DIMENSIONS.filter((d) => dimensions[d] !== null).sort(
    (a, b) => (dimensions[a] ?? 0) - (dimensions[b] ?? 0),
  )[0];
  const label: Record<Dimension, string> = {
    technical: 'technical means',
    ops: 'ops thinking',
    delivery: 'delivery & collaboration',
  };
  if (weakDim && (dimensions[weakDim] ?? 100) < DEFAULT_POLICY.bands.weakBelow)
    nextSteps.push(`Your weakest layer is ${label[weakDim]}: ${LAYER_ADVICE[weakDim]}`);
  for (const q of weakest) {
    const add = q.missed
      .slice(0, 2)
      .map((m) => m.replace(/[.]+$/, ''))
      .join('; ');
    nextSteps.push(`Retry "${q.prompt}" (${q.score}/100); add: ${add || 'structure and a result'}.`);
  }
  if (language.soThat >= 3)
    nextSteps.push(
      `"so that" ${language.soThat} times across the session: vary it with which…, allowing…, this way…, to + verb.`,
    );
  if (language.fillers >= 5) nextSteps.push(`${language.fillers} fillers: pause silently instead.`);
  if (nextSteps.length === 0 && questions.length > 0)
    nextSteps.push(
      'Solid session. Try a harder level or the mock interview in interview style (no feedback until the end).',
    );
  return {
    answered: questions.length,
    planned: state.plan.filter((p) => p.kind === 'question').length,
    overall: mean(questions.map((q) => q.score)),
    dimensions,
    questions,
    weakest,
    language,
    nextSteps,
  };
}
