// The wrap-up: how the session went across the three layers, what was weakest, what to practise next.

import { repeatsOf } from '../analysis/grammarRules.js';
import { DEFAULT_POLICY } from '../analysis/policy.js';
import type { Analysis, GrammarRule, QuestionResult as QuestionScore } from '../analysis/types.js';
import { DIMENSIONS, type Dimension } from '../bank/schema.js';
import type { SessionState, Turn } from './types.js';

export interface QuestionResult {
  readonly questionId: string;
  readonly prompt: string;
  readonly score: number;
  /** The score of the first answer, before any follow-up. */
  readonly firstScore: number;
  readonly missed: readonly string[];
  /** The missed key points in Chinese (the bank's notes), in the same order; the English where there is none. */
  readonly missedZh: readonly string[];
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
    /** Grammar errors across the session, and the kinds that repeat most ("past tense missing 4×"). */
    readonly grammar: number;
    readonly grammarRepeats: ReadonlyArray<{ readonly label: string; readonly zh: string }>;
  };
  readonly nextSteps: readonly string[];
  /** The next steps in Chinese, in the same order. */
  readonly nextStepsZh: readonly string[];
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
const LAYER_ADVICE: Readonly<Record<Dimension, { en: string; zh: string }>> = {
  technical: {
    en: 'name the concrete services, settings and steps you would use, not only the idea.',
    zh: '说出具体会用的服务、配置和步骤，而不只是思路。',
  },
  ops: {
    en: 'name the trade-offs, how it fails and how you would notice, and what you would automate.',
    zh: '讲清取舍、会怎么出故障、你怎么发现，以及会自动化什么。',
  },
  delivery: {
    en: 'say who you work with, how you review and communicate, and how you hand it over.',
    zh: '说清你和谁协作、怎么评审和沟通、怎么交接。',
  },
};
const LAYER_ZH: Record<Dimension, string> = {
  technical: '技术手段',
  ops: '运维思维',
  delivery: '交付与协作',
};

export function summarize(state: SessionState): SessionSummary {
  const results = finalAnalyses(state);
  // Each key point's Chinese note, from any analysis of the session that covered it.
  const zhOf = new Map<string, string>();
  for (const t of state.turns)
    for (const c of t.answer?.analysis?.coverage ?? []) if (c.zh) zhOf.set(c.text, c.zh);
  const questions: QuestionResult[] = results.map(({ first, last, analysis, result }) => ({
    questionId: last.questionId ?? '',
    prompt: first.prompt,
    score: result.score,
    firstScore: analysis.score,
    missed: result.missed,
    missedZh: result.missed.map((m) => zhOf.get(m) ?? m),
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
    grammar: all.reduce((n, a) => n + (a.language.grammar?.length ?? 0), 0),
    grammarRepeats: grammarAcross(all),
  };
  const weakest = [...questions]
    .filter((q) => q.score < DEFAULT_POLICY.bands.weakBelow)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
  const steps: Array<{ en: string; zh: string }> = [];
  const weakDim = DIMENSIONS.filter((d) => dimensions[d] !== null).sort(
    (a, b) => (dimensions[a] ?? 0) - (dimensions[b] ?? 0),
  )[0];
  const label: Record<Dimension, string> = {
    technical: 'technical means',
    ops: 'ops thinking',
    delivery: 'delivery & collaboration',
  };
  if (weakDim && (dimensions[weakDim] ?? 100) < DEFAULT_POLICY.bands.weakBelow)
    steps.push({
      en: `Your weakest layer is ${label[weakDim]}: ${LAYER_ADVICE[weakDim].en}`,
      zh: `最弱的一层是${LAYER_ZH[weakDim]}：${LAYER_ADVICE[weakDim].zh}`,
    });
  for (const q of weakest) {
    const add = q.missed
      .slice(0, 2)
      .map((m) => m.replace(/[.]+$/, ''))
      .join('; ');
    const addZh = q.missedZh
      .slice(0, 2)
      .map((m) => m.replace(/[.。]+$/, ''))
      .join('；');
    steps.push({
      en: `Retry "${q.prompt}" (${q.score}/100); add: ${add || 'structure and a result'}.`,
      zh: `重答 "${q.prompt}"（${q.score}/100），补上：${addZh || '结构和结果'}。`,
    });
  }
  if (language.soThat >= 3)
    steps.push({
      en: `"so that" ${language.soThat} times across the session: vary it with which…, allowing…, this way…, to + verb.`,
      zh: `整场说了 ${language.soThat} 次 "so that"：换着用 which…、allowing…、this way…、to + 动词。`,
    });
  if (language.grammarRepeats[0] && language.grammar >= 3)
    steps.push({
      en: `Grammar: ${language.grammarRepeats.map((r) => r.label).join(', ')}; say the corrected sentences aloud.`,
      zh: `语法：${language.grammarRepeats.map((r) => r.zh).join('，')}；把改正后的句子大声读几遍。`,
    });
  if (language.fillers >= 5)
    steps.push({
      en: `${language.fillers} fillers: pause silently instead.`,
      zh: `${language.fillers} 个口头填充词：改成安静地停顿。`,
    });
  if (steps.length === 0 && questions.length > 0)
    steps.push({
      en: 'Solid session. Try a harder level or the mock interview in interview style (no feedback until the end).',
      zh: '这一场不错。试试更高的难度，或者用面试模式（结束前不给反馈）。',
    });
  return {
    answered: questions.length,
    planned: state.plan.filter((p) => p.kind === 'question').length,
    overall: mean(questions.map((q) => q.score)),
    dimensions,
    questions,
    weakest,
    language,
    nextSteps: steps.map((x) => x.en),
    nextStepsZh: steps.map((x) => x.zh),
  };
}

/** The kinds of grammar error across the session's answers, most frequent first, at most three. */
function grammarAcross(all: readonly Analysis[]): Array<{ label: string; zh: string }> {
  const counts = new Map<GrammarRule, number>();
  for (const a of all)
    for (const r of a.language.grammarRepeats ?? []) counts.set(r.rule, (counts.get(r.rule) ?? 0) + r.count);
  return repeatsOf(counts)
    .slice(0, 3)
    .map((r) => ({ label: r.label, zh: r.zh }));
}
