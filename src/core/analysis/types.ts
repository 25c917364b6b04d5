// The analysis result: every score comes with the evidence (character spans of the answer) behind it.
import type { Dimension } from '../bank/schema.js';
import type { Measures } from './combine.js';
import type { MessageCode } from './messages.js';

export interface Span {
  readonly start: number;
  readonly end: number;
  /** The answer's own words at this span. */
  readonly text: string;
}

export type CoverageStatus = 'hit' | 'partial' | 'missed';

/**
 * How a covered key point was said: `stated` as a claim; `paraphrase` partly in other words than its phrasings;
 * `named` in a clause with no predicate or a run of terms;
 * `unexplained` in a clause whose terms do not go together the way they do in correct answers.
 */
export type CoverageBasis = 'stated' | 'paraphrase' | 'named' | 'unexplained';

export interface KeyPointCoverage {
  readonly id: string;
  readonly text: string;
  /** The bank's Chinese note on the key point, when it has one. */
  readonly zh?: string;
  readonly dimension: Dimension;
  readonly weight: number;
  readonly status: CoverageStatus;
  /** The phrasing that matched (or matched best). */
  readonly concept?: string;
  readonly evidence: readonly Span[];
  /** The answer mentions it, but under a negation ("we never lock state") or to dismiss it ("… is overkill"). */
  readonly contradicted: boolean;
  /** How it was said, for a hit or a mention counted as partial. */
  readonly basis?: CoverageBasis;
  /** For a contradiction: negated, or dismissed (rejected, belittled, skipped). */
  readonly stance?: 'negated' | 'dismissed';
  /** Its words were there, as the evidence of a red flag: the flag wins. */
  readonly flaggedInstead?: boolean;
}

export interface FlagHit {
  readonly id: string;
  /** `red-flag` from the bank, or `contradiction` when a key point is negated. */
  readonly kind: 'red-flag' | 'contradiction';
  readonly text: string;
  readonly severity: 1 | 2 | 3;
  readonly fix: string;
  readonly evidence: readonly Span[];
  /** The bank's Chinese note on the flag (the mistake and what to do instead), when it has one. */
  readonly zh?: string;
}

export type StarPart = 'situation' | 'task' | 'action' | 'result' | 'future';

export interface StructureResult {
  /** Whether STAR + Future applies to this question kind. */
  readonly applies: boolean;
  readonly parts: Readonly<Record<StarPart, Span | null>>;
  readonly present: readonly StarPart[];
  readonly missing: readonly StarPart[];
  readonly quantifiedResult: boolean;
  /** A `[your figure]` style placeholder is still in the answer. */
  readonly placeholders: readonly Span[];
  readonly ownership: { readonly i: number; readonly we: number; readonly note: string | null };
}

export interface ConnectorUse {
  readonly phrase: string;
  readonly count: number;
  readonly places: readonly Span[];
  readonly alternatives: readonly string[];
  /** Suggested rewrites of the sentences that carry it. */
  readonly rewrites: ReadonlyArray<{ readonly sentence: Span; readonly suggestion: string }>;
}

export type LengthFit = 'empty' | 'too-short' | 'quick' | 'between' | 'full' | 'too-long';

export interface LanguageResult {
  readonly wordCount: number;
  readonly sentenceCount: number;
  readonly averageSentenceWords: number;
  readonly longSentences: readonly Span[];
  readonly connectors: readonly ConnectorUse[];
  readonly fillers: ReadonlyArray<{ readonly phrase: string; readonly places: readonly Span[] }>;
  readonly hedges: ReadonlyArray<{ readonly phrase: string; readonly places: readonly Span[] }>;
  readonly topWords: ReadonlyArray<{ readonly word: string; readonly count: number }>;
  /**
   * Words per minute, and whether they were measured (spoken: words over the seconds between the first and last
   * recognised word) or estimated (typed: at 130 wpm); for spoken answers, pauses over 2 s.
   */
  readonly pace: { readonly wpm: number; readonly measured: boolean; readonly pauses?: number };
  readonly speakingSeconds: number;
  readonly fit: LengthFit;
  /** Grammar errors with their corrections (see signals/grammar.ts). */
  readonly grammar: readonly GrammarFinding[];
  /** Which kinds of grammar error repeat, most frequent first. */
  readonly grammarRepeats: readonly GrammarRepeat[];
  /** The whole answer as it could be said (grammar corrected, fillers dropped, connectors varied); null if unchanged. */
  readonly rewritten: string | null;
  /**
   * 0–100: how the English sounds (grammar errors per 100 words, fillers, repetition, hedges, sentence length);
   * null when there is nothing to judge (no words, or no real answer).
   */
  readonly score: number | null;
}

export interface GrammarRepeat {
  readonly rule: GrammarFinding['rule'];
  /** The error type (tense, agreement, article, plural, preposition, adjective-adverb, conjunction). */
  readonly type: string;
  readonly count: number;
  /** "past tense missing 3×", and in Chinese. */
  readonly label: string;
  readonly zh: string;
}

export interface SubstanceResult {
  /** No real attempt ("I don't know", empty, only symbols). */
  readonly nonAnswer: boolean;
  /** Share of the answer's content words that belong to the question's topic (0–1). */
  readonly relevance: number;
  /** Names terms without saying anything about them. */
  readonly buzzwordList: boolean;
  /** 0–1 factor applied to content credit: the form factor times the relevance factor. */
  readonly factor: number;
  /** Non-answer (0), a bare list of terms, or notes instead of sentences. */
  readonly formFactor: number;
  /** How much of the answer is about the question. */
  readonly relevanceFactor: number;
  readonly notes: readonly string[];
  /** The notes as message codes (their English is `notes`; see messages.ts for the Chinese). */
  readonly noteCodes: readonly MessageCode[];
  /** The notes in Chinese, in the same order. */
  readonly notesZh: readonly string[];
}

export type FeedbackKind =
  | 'strength'
  | 'missed'
  | 'partial'
  | 'red-flag'
  | 'contradiction'
  | 'structure'
  | 'connector'
  | 'filler'
  | 'hedge'
  | 'length'
  | 'substance'
  | 'ownership'
  | 'quantify'
  | 'unexplained'
  | 'confidence'
  | 'grammar';

export interface FeedbackItem {
  readonly kind: FeedbackKind;
  /** The message's code in messages.ts. */
  readonly code: MessageCode;
  readonly severity: 'info' | 'minor' | 'major';
  readonly message: string;
  /** The message and the next step in Chinese (English words to say stay English inside them). */
  readonly zh: { readonly message: string; readonly next: string };
  /** The answer's words this is about, when it is about words that are there. */
  readonly quote?: Span;
  readonly keyPointId?: string;
  /** What to do next. */
  readonly next: string;
  /** The follow-up an interviewer would ask, and in Chinese when the bank has it. */
  readonly followUp?: string;
  readonly followUpZh?: string;
}

export interface DimensionScore {
  readonly score: number | null;
  /** Key points of this dimension hit, of all. */
  readonly hit: number;
  readonly total: number;
}

/** What a signal found, as data: a stable code, the answer's words it is about, and what was measured. */
export type FindingCode =
  | 'keypoint.stated'
  | 'keypoint.paraphrase'
  | 'keypoint.named'
  | 'keypoint.unexplained'
  | 'keypoint.partial'
  | 'keypoint.negated'
  | 'keypoint.dismissed'
  | 'keypoint.flagged'
  | 'keypoint.missed'
  | 'flag.red'
  | 'clause.unexplained'
  | 'relation.unattested'
  | 'answer.mostly-unexplained'
  | 'answer.other-question'
  | 'substance.non-answer'
  | 'substance.list'
  | 'substance.off-topic'
  | 'confidence.low'
  | 'star.missing';

export interface Finding {
  readonly code: FindingCode;
  /** The signal that found it (a file under signals/). */
  readonly signal: 'coverage' | 'redFlags' | 'coherence' | 'substance' | 'confidence' | 'structure';
  /** The key point, flag or part it is about, when it is about one. */
  readonly ref?: string;
  readonly spans: readonly Span[];
  readonly measures: Readonly<Record<string, number>>;
}

/** How far the grade can be trusted: low when the evidence is thin, with the reasons. */
export interface Confidence {
  readonly level: 'high' | 'low';
  readonly reasons: ReadonlyArray<'too-short' | 'other-language' | 'unknown-words'>;
}

/** A sentence whose terms do not go together the way they do in correct answers: it explains nothing. */
export interface Unexplained {
  readonly quote: Span;
  /** The terms it strings together. */
  readonly terms: readonly string[];
}

/** A question's result across its first answer and a follow-up (see followUp.ts). */
export interface QuestionResult {
  readonly score: number;
  readonly grade: number;
  readonly dimensions: Readonly<Record<Dimension, DimensionScore>>;
  readonly missed: readonly string[];
  readonly flags: readonly string[];
}

export interface Analysis {
  readonly mode: 'bank' | 'reference';
  readonly questionId: string | null;
  /** 0–100. */
  readonly score: number;
  /** 0–5. */
  readonly grade: number;
  readonly dimensions: Readonly<Record<Dimension, DimensionScore>>;
  readonly coverage: readonly KeyPointCoverage[];
  readonly flags: readonly FlagHit[];
  readonly substance: SubstanceResult;
  readonly structure: StructureResult;
  readonly language: LanguageResult;
  readonly reference: { readonly similarity: number; readonly missingTerms: readonly string[] } | null;
  /** Whether the grade can be trusted (low: thin evidence), with the reasons. */
  readonly confidence: Confidence;
  /** Every signal's findings in one list of typed data (codes, spans, measures): what the scores rest on. */
  readonly findings: readonly Finding[];
  /** Sentences that name terms without making sense of them (bank mode). */
  readonly unexplained: readonly Unexplained[];
  /** What the signals measured (bank mode), as the combination saw it. */
  readonly measures?: Measures;
  /** For a follow-up answer: the question's result with it, first answer and follow-up taken together. */
  readonly questionResult?: QuestionResult;
  readonly feedback: readonly FeedbackItem[];
  readonly followUp: string | null;
  /** The follow-up in Chinese, when the bank has it. */
  readonly followUpZh: string | null;
  /** Notes on input that could not be graded (empty, too long, not English), and in Chinese. */
  readonly notes: readonly string[];
  readonly notesZh: readonly string[];
}

// Grammar findings (signals/grammar.ts).

export type GrammarRule =
  | 'tense-past'
  | 'tense-future'
  | 'tense-perfect'
  | 'tense-simple-past'
  | 'agreement'
  | 'article-missing'
  | 'article-a-an'
  | 'article-extra'
  | 'plural-after-number'
  | 'uncountable-plural'
  | 'preposition'
  | 'adverb-form'
  | 'comparative'
  | 'participle-adjective'
  | 'doubled-conjunction';

export interface GrammarFinding {
  /** Character span of the wrong words in the answer. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** What to say instead ("" to drop the words). */
  readonly fix: string;
  /** The whole sentence with every correction found in it. */
  readonly sentence: string;
  readonly rule: GrammarRule;
  /** One line in English and in Chinese on why. */
  readonly message: string;
  readonly zh: string;
}
