// How the English sounds: leaned-on connectors with rewrites, fillers, hedges, most-used words, length and pace.
import type { TextDoc, Token } from '../../text/index.js';
import { isContent } from '../../text/index.js';
import { grammarRepeats } from '../grammarRules.js';
import { DEFAULT_POLICY, type Policy } from '../policy.js';
import { rewriteAnswer } from '../rewrite.js';
import type { ConnectorUse, LanguageResult, LengthFit, Span } from '../types.js';
import { checkGrammar, type GrammarLexicon } from './grammar.js';

export interface LanguageOptions {
  /** Words per minute for the estimate when no duration is given (default 130, a non-native speaker's pace). */
  readonly wpm?: number;
  /** Measured speaking time in seconds; gives the real pace. */
  readonly durationSec?: number;
  /** Pauses over 2 s in a spoken answer (from the recogniser's timings), counted and shown. */
  readonly pauses?: number;
  /** The bank's nouns and jargon, for the grammar check (without it, only the built-in word lists). */
  readonly lexicon?: GrammarLexicon;
  /** The current year, for "in 2021" as a past time marker. */
  readonly year?: number;
}

export const DEFAULT_WPM = 130;
/** Spoken targets: a quick answer is 3–4 sentences and about 30–45 s; a full one 60–120 s. */
export const TARGETS = {
  quick: { sentences: [3, 4], seconds: [30, 45] },
  full: { seconds: [60, 120] },
} as const;

const SO_THAT_ALTERNATIVES = [
  'which helps …',
  'allowing us to …',
  'this way, …',
  'enabling …',
  'to + verb …',
];

/** Connectors people lean on; each is flagged when it carries too many sentences. */
const CONNECTORS: ReadonlyArray<{ phrase: string; pattern: RegExp; min: number; alternatives: string[] }> = [
  { phrase: 'so that', pattern: /\bso that\b/gi, min: 2, alternatives: SO_THAT_ALTERNATIVES },
  {
    phrase: 'and then',
    pattern: /\band then\b/gi,
    min: 3,
    alternatives: ['after that, …', 'next, …', 'once … , …'],
  },
  {
    phrase: 'also',
    pattern: /\balso\b/gi,
    min: 3,
    alternatives: ['in addition, …', 'on top of that, …', 'as well (at the end)'],
  },
  {
    phrase: 'so (to start a sentence)',
    pattern: /(?:^|[.!?]\s+)(so)\b(?! that)/gi,
    min: 3,
    alternatives: ['as a result, …', 'that is why …', 'start with the point itself'],
  },
  {
    phrase: 'because',
    pattern: /\bbecause\b/gi,
    min: 4,
    alternatives: ['since …', 'as …', 'which is why …'],
  },
  { phrase: 'in order to', pattern: /\bin order to\b/gi, min: 2, alternatives: ['to + verb …'] },
];

const FILLERS: ReadonlyArray<{ phrase: string; pattern: RegExp }> = [
  { phrase: 'um', pattern: /\b(?:u+m+|e+r+m+|hm+)\b/gi },
  { phrase: 'uh', pattern: /\b(?:u+h+|e+r+|a+h+)\b(?!-)/gi },
  {
    phrase: 'you know',
    pattern: /\byou know\b(?! (?:how|what|where|when|why|that|the|if|whether|about|it|this))/gi,
  },
  { phrase: 'I mean', pattern: /\bI mean\b(?! (?:the|that|it)\b)/gi },
  { phrase: 'basically', pattern: /\bbasically\b/gi },
  { phrase: 'actually', pattern: /\bactually\b/gi },
  { phrase: 'literally', pattern: /\bliterally\b/gi },
  // "like" and "so" count only when set off as fillers: ", like," / "Like," / "so yeah" / ", so,".
  { phrase: 'like', pattern: /(?:(?<=,\s*)|(?<=^|[.!?]\s+))like(?=\s*,)/gi },
  { phrase: 'so', pattern: /(?:(?<=,\s*)so(?=\s*,))|(?:\bso yeah\b)|(?:(?<=^|[.!?]\s+)so(?=\s*,))/gi },
  { phrase: 'right?', pattern: /\bright\?/gi },
];

const HEDGES: ReadonlyArray<{ phrase: string; pattern: RegExp }> = [
  { phrase: 'I think', pattern: /\bI think\b/gi },
  { phrase: 'I guess', pattern: /\bI guess\b/gi },
  { phrase: 'I believe', pattern: /\bI believe\b/gi },
  { phrase: 'maybe', pattern: /\bmaybe\b/gi },
  { phrase: 'probably', pattern: /\bprobably\b/gi },
  { phrase: 'perhaps', pattern: /\bperhaps\b/gi },
  { phrase: 'not sure', pattern: /\bnot (?:really |very |totally )?sure\b/gi },
  { phrase: 'kind of', pattern: /\bkind of\b/gi },
  { phrase: 'sort of', pattern: /\bsort of\b/gi },
  { phrase: 'I suppose', pattern: /\bI suppose\b/gi },
  { phrase: 'hopefully', pattern: /\bhopefully\b/gi },
];

const LONG_SENTENCE_WORDS = 32;

/** Global patterns keep their position between tests: reset it (returns true, for use inside a filter). */
function resetPattern(pattern: RegExp): true {
  pattern.lastIndex = 0;
  return true;
}

function findAll(text: string, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    const inner = m[1] ?? m[0];
    const start = (m.index ?? 0) + m[0].lastIndexOf(inner);
    spans.push({ start, end: start + inner.length, text: inner });
  }
  return spans;
}

function wordsIn(doc: TextDoc, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const k = (doc.tokens[i] as Token).kind;
    if (k === 'word' || k === 'number') n++;
  }
  return n;
}

export function lengthFit(words: number, sentences: number, seconds: number): LengthFit {
  if (words === 0) return 'empty';
  if (seconds < 15 || words < 25) return 'too-short';
  if (sentences <= TARGETS.quick.sentences[1] && seconds <= 55) return 'quick';
  if (seconds < TARGETS.full.seconds[0]) return 'between';
  if (seconds <= TARGETS.full.seconds[1] + 15) return 'full';
  return 'too-long';
}

export function analyzeLanguage(
  doc: TextDoc,
  options: LanguageOptions = {},
  policy: Policy = DEFAULT_POLICY,
): LanguageResult {
  const { text } = doc;
  const wordCount = wordsIn(doc, 0, doc.tokens.length);
  const sentences = doc.sentences.filter((s) => wordsIn(doc, s.from, s.to) > 0);
  const sentenceCount = sentences.length;
  const longSentences = sentences
    .filter((s) => wordsIn(doc, s.from, s.to) > LONG_SENTENCE_WORDS)
    .map((s) => ({ start: s.start, end: s.end, text: s.text }));

  const grammar = checkGrammar(doc, options.lexicon, { year: options.year });
  const leaned = CONNECTORS.map((c) => ({ c, places: findAll(text, c.pattern) })).filter(
    (x) => x.places.length >= x.c.min,
  );
  const fillers = FILLERS.map((f) => ({ phrase: f.phrase, places: findAll(text, f.pattern) })).filter(
    (f) => f.places.length > 0,
  );
  const fillerPlaces = fillers.reduce((n, f) => n + f.places.length, 0);
  // The whole answer as it could be said: grammar corrected, fillers out, leaned-on connectors varied.
  const rewrite =
    leaned.length > 0 || grammar.length > 0 || fillerPlaces > 0
      ? rewriteAnswer(doc, grammar, new Set(leaned.map((x) => x.c.phrase)))
      : null;
  const connectors: ConnectorUse[] = leaned.map(({ c, places }) => ({
    phrase: c.phrase,
    count: places.length,
    places,
    alternatives: c.alternatives,
    // The sentences that carry it, rewritten.
    rewrites: (rewrite?.sentences ?? []).filter(
      (r) => c.pattern.test(r.sentence.text) && resetPattern(c.pattern),
    ),
  }));
  const hedges = HEDGES.map((h) => ({ phrase: h.phrase, places: findAll(text, h.pattern) })).filter(
    (h) => h.places.length > 0,
  );

  const counts = new Map<string, { word: string; count: number }>();
  for (const t of doc.tokens) {
    if (!isContent(t) || t.kind !== 'word' || t.norm.length < 3) continue;
    const entry = counts.get(t.stem) ?? { word: t.lemma, count: 0 };
    entry.count++;
    counts.set(t.stem, entry);
  }
  const topWords = [...counts.values()]
    .filter((w) => w.count >= 2)
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, 6);

  const measured = options.durationSec !== undefined && options.durationSec > 0 && wordCount > 0;
  const wpm = measured
    ? Math.round((wordCount / (options.durationSec as number)) * 60)
    : (options.wpm ?? DEFAULT_WPM);
  const speakingSeconds = measured
    ? Math.round(options.durationSec as number)
    : Math.round((wordCount / Math.max(1, wpm)) * 60);

  const fillerCount = fillers.reduce((n, f) => n + f.places.length, 0);
  const hedgeCount = hedges.reduce((n, h) => n + h.places.length, 0);
  const repeated = connectors.reduce((n, c) => n + c.count - 1, 0);
  const per100 = wordCount > 0 ? (fillerCount * 100) / wordCount : 0;
  const grammarPer100 = wordCount > 0 ? (grammar.length * 100) / wordCount : 0;
  const penalty =
    Math.min(35, per100 * 7) +
    Math.min(25, repeated * 6) +
    Math.min(15, hedgeCount * 3) +
    Math.min(15, longSentences.length * 5) +
    Math.min(policy.language.grammarMax, grammarPer100 * policy.language.grammarPerErrorPer100);
  const score = wordCount === 0 ? null : Math.max(0, Math.round(100 - penalty));

  return {
    wordCount,
    sentenceCount,
    averageSentenceWords: sentenceCount > 0 ? Math.round((wordCount / sentenceCount) * 10) / 10 : 0,
    longSentences,
    connectors,
    fillers,
    hedges,
    topWords,
    pace: { wpm, measured, ...(options.pauses !== undefined && measured ? { pauses: options.pauses } : {}) },
    speakingSeconds,
    fit: lengthFit(wordCount, sentenceCount, speakingSeconds),
    grammar,
    grammarRepeats: grammarRepeats(grammar),
    rewritten: rewrite && rewrite.sentences.length > 0 ? rewrite.text : null,
    score,
  };
}
