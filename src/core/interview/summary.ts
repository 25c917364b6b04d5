// The wrap-up: how the session went across the three layers, what was weakest, what to practise next.

import { repeatsOf } from '../analysis/grammarRules.js';
import { DEFAULT_POLICY } from '../analysis/policy.js';
import type { Analysis, GrammarRule, QuestionResult as QuestionScore } from '../analysis/types.js';
import { DIMENSIONS, type Dimension } from '../bank/schema.js';
import type { SessionState, Turn } from './types.js';

export interface QuestionResult {
  /** The plan step this question is (retries name it). */
  readonly step: number;
  readonly questionId: string;
  readonly prompt: string;
  /** The question's result: after its follow-up, and after the latest retry when it was retried. */
  readonly score: number;
  /** The score of the first answer, before any follow-up. */
  readonly firstScore: number;
  /** Retried inside the session: how often, and the question's score before the first retry and after the last. */
  readonly retried: { readonly times: number; readonly before: number; readonly after: number } | null;
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

/** An answer's own result, as the question's result when nothing else is added to it. */
function ownResult(a: Analysis): QuestionScore {
  return {
    score: a.score,
    grade: a.grade,
    dimensions: a.dimensions,
    missed: a.coverage.filter((c) => c.status !== 'hit').map((c) => c.text),
    flags: a.flags.map((f) => f.text),
  };
}

export interface StepResult {
  readonly first: Turn;
  readonly last: Turn;
  /** The first answer's analysis. */
  readonly analysis: Analysis;
  /** The result that counts for the question. */
  readonly result: QuestionScore;
  readonly retried: QuestionResult['retried'];
  /** The answer the next retry or follow-up builds on: the latest retry, else the first answer. */
  readonly base: Analysis;
  readonly baseText: string;
}

/**
 * Each planned question's turns: the first answer and the last (a follow-up's), with the result that counts, taken
 * in the order things were said: the first answer; a follow-up's question result (what it added to the answer
 * before it); a retry's own result (a retry answers the whole question again, so it replaces what came before).
 */
export function finalAnalyses(state: SessionState): StepResult[] {
  const byStep = new Map<number, { first: Turn; last: Turn }>();
  for (const t of state.turns) {
    if (t.kind === 'candidate-questions' || !t.answer?.analysis) continue;
    const entry = byStep.get(t.step);
    byStep.set(t.step, entry ? { first: entry.first, last: t } : { first: t, last: t });
  }
  return [...byStep.entries()].map(([step, e]) => {
    const firstAnalysis = e.first.answer?.analysis as Analysis;
    // Answer ids grow as answers are saved: they order the follow-ups and retries of the step.
    const later = [
      ...state.turns
        .filter((t) => t.step === step && t !== e.first && t.kind === 'follow-up' && t.answer?.analysis)
        .map((t) => ({ kind: 'follow-up' as const, answer: t.answer as NonNullable<Turn['answer']> })),
      ...state.retries
        .filter((r) => r.step === step && r.answer.analysis)
        .map((r) => ({ kind: 'retry' as const, answer: r.answer })),
    ].sort((a, b) => a.answer.answerId - b.answer.answerId);
    let result = ownResult(firstAnalysis);
    let base = firstAnalysis;
    let baseText = e.first.answer?.text ?? '';
    let times = 0;
    let before = result.score;
    for (const x of later) {
      const a = x.answer.analysis as Analysis;
      if (x.kind === 'follow-up') {
        if (a.questionResult) result = a.questionResult;
        continue;
      }
      if (times === 0) before = result.score;
      times++;
      result = ownResult(a);
      base = a;
      baseText = x.answer.text;
    }
    const retried = times > 0 ? { times, before, after: result.score } : null;
    return { ...e, analysis: firstAnalysis, result, retried, base, baseText };
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
  const questions: QuestionResult[] = results.map(({ first, last, analysis, result, retried }) => ({
    step: first.step,
    questionId: last.questionId ?? '',
    prompt: first.prompt,
    score: result.score,
    firstScore: analysis.score,
    retried,
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
  // Language across everything said, first answers, follow-ups and retries alike, each on its own text.
  const all = [
    ...state.turns.flatMap((t) =>
      t.kind !== 'candidate-questions' && t.answer?.analysis ? [t.answer.analysis] : [],
    ),
    ...state.retries.flatMap((r) => (r.answer.analysis ? [r.answer.analysis] : [])),
  ];
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
