// Text pipeline: sentences, tokens, lemmas, stems and negation scopes with character spans into the original text.

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import porter2 from 'wink-porter2-stemmer';
import { canonicalStem, PROTECTED } from './lexicon.js';
import {
  POST_NEGATORS,
  SCOPE_BREAKERS,
  STOPWORDS,
  STRONG_NEGATORS,
  WEAK_NEGATORS,
  WEAK_SCOPE_BREAKERS,
} from './stopwords.js';

// The model loads on first use (about 80 ms), so commands that never read text start faster.
let pipeline: { nlp: ReturnType<typeof winkNLP>; its: ReturnType<typeof winkNLP>['its'] } | null = null;
function wink() {
  if (!pipeline) {
    const nlp = winkNLP(model, ['sbd', 'pos']);
    pipeline = { nlp, its: nlp.its };
  }
  return pipeline;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'cjk' | 'other';

export interface Token {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** The original characters. */
  readonly text: string;
  /** Lower-cased original. */
  readonly norm: string;
  readonly lemma: string;
  /** Canonical stem used for matching (lexicon synonyms folded in). */
  readonly stem: string;
  /** Stems of the parts of a compound token (`terraform.tfstate` → terraform, tfstate). */
  readonly parts: readonly string[];
  readonly pos: string;
  readonly kind: TokenKind;
  readonly sentence: number;
  readonly stop: boolean;
  /** Inside the scope of not / never / no / without. */
  negated: boolean;
  /** Inside the scope of avoid / instead of / rather than … (used for red flags). */
  softNegated: boolean;
  /** Index of the token whose scope negates this one (-1 when none): a phrase that contains its own negator is not negated by it. */
  negator: number;
  softNegator: number;
}

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** First token index and one past the last. */
  readonly from: number;
  readonly to: number;
}

export interface TextDoc {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const CHUNK_END = /[。！？!?\n]+|(?<=[.])\s+(?=[\u3400-\u9fff])/g;
const COMPOUND_DOT = /([A-Za-z0-9])[./](?=[A-Za-z0-9])/g;
const ABBREVIATIONS = /^(?:e\.g|i\.e|etc|vs|a\.k\.a)$/i;
const SPLIT_PARTS = /[._/\-:]+/;

/**
 * Same-length pre-pass: dots inside identifiers (`v1.5.7`, `terraform.tfstate`) become letters so the
 * sentence splitter keeps them whole; character offsets stay valid.
 */
export function maskInnerDots(text: string): string {
  return breakLongRuns(maskDots(text));
}

const LONG_RUN = 48;

/** wink's tokenizer is quadratic in a token's length: a space every 48 characters of a non-space run caps it. */
function breakLongRuns(text: string): string {
  return text.replace(/\S{49,}/g, (run) => run.replace(new RegExp(`(.{${LONG_RUN - 1}}).`, 'gs'), '$1 '));
}

function maskDots(text: string): string {
  // Maximal runs only: a pattern that backtracks inside a run is quadratic on a 20,000-letter word.
  return text.replace(/[A-Za-z0-9._/-]+/g, (run) => {
    if (
      !/[A-Za-z0-9][./][A-Za-z0-9]/.test(run) ||
      !/[A-Za-z]/.test(run) ||
      ABBREVIATIONS.test(run.replace(/\.+$/, ''))
    )
      return run;
    return run.replace(COMPOUND_DOT, '$1x');
  });
}

function splitChunks(text: string): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(CHUNK_END)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end > start) chunks.push({ start, end });
    start = end;
  }
  if (start < text.length) chunks.push({ start, end: text.length });
  return chunks;
}

function kindOf(winkType: string, text: string): TokenKind {
  if (CJK.test(text)) return 'cjk';
  if (winkType === 'word' || winkType === 'email' || winkType === 'url' || winkType === 'hashtag')
    return 'word';
  if (winkType === 'number' || winkType === 'ordinal') return 'number';
  if (winkType === 'punctuation') return 'punct';
  return /[A-Za-z]/.test(text) ? 'word' : 'other';
}

const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

/** Stem a single lower-case word the same way answer tokens are stemmed (memoised: Porter is the hot spot). */
export function stemWord(lemma: string): string {
  const cached = stemCache.get(lemma);
  if (cached !== undefined) return cached;
  const stem = computeStem(lemma);
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(lemma, stem);
  return stem;
}

function computeStem(lemma: string): string {
  if (PROTECTED.has(lemma))
    return canonicalStem(lemma === 'vpcs' ? 'vpc' : lemma === 'canaries' ? 'canari' : lemma);
  const base = /^[a-z]+$/.test(lemma) ? porter2(lemma) : lemma;
  return canonicalStem(base);
}

/** Read a text into sentences and tokens. Never throws; empty text gives an empty document. */
export function readText(text: string): TextDoc {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const masked = maskInnerDots(text);
  for (const chunk of splitChunks(masked)) {
    const piece = masked.slice(chunk.start, chunk.end);
    if (!piece.trim()) continue;
    const { nlp, its } = wink();
    const doc = nlp.readDoc(piece);
    const words = doc.tokens().out() as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    // wink types its.lemma as a span function; on tokens it yields one lemma per token.
    const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.normal) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const types = doc.tokens().out(its.type) as string[];
    const starts: number[] = [];
    let cursor = 0;
    for (let t = 0; t < words.length; t++) {
      cursor += (spaces[t] ?? '').length;
      const w = words[t] ?? '';
      if (piece.slice(cursor, cursor + w.length) !== w) {
        const found = piece.indexOf(w, cursor);
        if (found >= 0) cursor = found;
      }
      starts.push(cursor);
      cursor += w.length;
    }
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    for (const [first, last] of spans) {
      const from = tokens.length;
      const sentenceIndex = sentences.length;
      for (let t = first; t <= last; t++) {
        let start = chunk.start + (starts[t] ?? 0);
        let length = (words[t] ?? '').length;
        let lemma = lemmas[t] ?? '';
        // wink splits some acronyms ("IAM" → "I" "AM"); glue letter runs with no space between them.
        const prev = tokens[tokens.length - 1];
        const word = words[t] ?? '';
        // … and identifiers with underscores ("use_lockfile", "manage_master_user_password") stay one token.
        const glued =
          (/^[A-Za-z]+$/.test(word) && /^[A-Za-z]+$/.test(prev?.text ?? '')) ||
          (word === '_' && /^\w+$/.test(prev?.text ?? '')) ||
          (/^\w+$/.test(word) && /\w_$/.test(prev?.text ?? '')) ||
          // … and hyphenated compounds: "on-call" is one word, not "on", "-", "call".
          (word === '-' &&
            /\w$/.test(prev?.text ?? '') &&
            (spaces[t + 1] ?? ' ') === '' &&
            /^\w/.test(words[t + 1] ?? '')) ||
          (/^\w/.test(word) && /\w-$/.test(prev?.text ?? ''));
        if (t > first && spaces[t] === '' && prev && prev.sentence === sentenceIndex && glued) {
          tokens.pop();
          length += start - prev.start;
          start = prev.start;
          lemma = text.slice(start, start + length);
        }
        const original = text.slice(start, start + length);
        tokens.push(
          makeToken(tokens.length, start, original, lemma, pos[t] ?? 'X', types[t] ?? '', sentenceIndex),
        );
      }
      if (tokens.length === from) continue;
      const sStart = tokens[from]?.start ?? 0;
      const sEnd = tokens[tokens.length - 1]?.end ?? sStart;
      sentences.push({
        index: sentenceIndex,
        start: sStart,
        end: sEnd,
        text: text.slice(sStart, sEnd),
        from,
        to: tokens.length,
      });
    }
  }
  markNegation(tokens, sentences);
  return { text, tokens, sentences };
}

function makeToken(
  index: number,
  start: number,
  original: string,
  winkLemma: string,
  pos: string,
  winkType: string,
  sentence: number,
): Token {
  // "DR." at a sentence end reads as the abbreviation "dr."; the word is "dr".
  const norm =
    /^[A-Za-z]{1,5}\.$/.test(original) && !/^(?:etc|vs|inc|ltd)\.$/i.test(original)
      ? original.slice(0, -1).toLowerCase()
      : original.toLowerCase();
  const kind = kindOf(winkType, original);
  // Masked compounds and acronyms keep their own spelling: wink reads "CD" as "could".
  const literal = /[./_]/.test(original) || /^[A-Z0-9]{2,6}s?$/.test(original);
  const lemma = kind === 'word' && !literal ? winkLemma.toLowerCase() : norm;
  const stem =
    kind !== 'word'
      ? norm
      : literal
        ? canonicalStem(/[A-Z0-9]s$/.test(original) ? norm.slice(0, -1) : norm)
        : stemWord(lemma);
  const split = norm.split(SPLIT_PARTS).filter((p) => p.length > 0);
  // "non-root" is not "root": a negating prefix keeps the parts from being indexed on their own.
  const negatedCompound = split.length > 1 && (split[0] === 'non' || split[0] === 'no');
  const parts =
    split.length > 1
      ? negatedCompound
        ? [canonicalStem(split.join(''))]
        : [...split.map((p) => stemWord(p)), canonicalStem(split.join(''))]
      : [];
  return {
    index,
    start,
    end: start + original.length,
    text: original,
    norm,
    lemma,
    stem,
    parts,
    pos,
    kind,
    sentence,
    stop: STOPWORDS.has(norm) || STOPWORDS.has(lemma),
    negated: false,
    softNegated: false,
    negator: -1,
    softNegator: -1,
  };
}

const COORDINATORS: ReadonlySet<string> = new Set(['and', 'or']);
/** Verbs that pass their negation down to the clause they introduce. */
const NEG_RAISING: ReadonlySet<string> = new Set([
  'think',
  'believe',
  'suppose',
  'expect',
  'feel',
  'guess',
  'want',
]);
const SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'you', 'they', 'he', 'she']);
const CLAUSE_STARTERS: ReadonlySet<string> = new Set([
  ...SUBJECTS,
  'it',
  'the',
  'this',
  'that',
  'our',
  'my',
  'then',
  'there',
]);
/** "X doesn't help", "X is not a good idea", "X won't work": a negated verdict on what came before. */
const REJECTING: ReadonlySet<string> = new Set([
  'help',
  'work',
  'scale',
  'solve',
  'fix',
  'good',
  'safe',
  'acceptable',
  'option',
  'enough',
  'recommended',
  'advisable',
  'wise',
  'appropriate',
  'ok',
  'okay',
  'fine',
]);

/** The next word after position i in the sentence, skipping articles ("not a good idea" → good). */
function nextWord(tokens: readonly Token[], i: number, end: number): string {
  for (let j = i + 1; j < end && j <= i + 3; j++) {
    const t = tokens[j] as Token;
    if (t.norm === 'a' || t.norm === 'an' || t.norm === 'the' || t.norm === 'really' || t.norm === 'very')
      continue;
    return t.lemma;
  }
  return '';
}

const STRONG_WINDOW = 8;
const WEAK_WINDOW = 6;
const POST_WINDOW = 8;

/** Words after a comma that go on with a list rather than start a clause. */
const LIST_LINKS: ReadonlySet<string> = new Set(['or', 'nor']);

/** Mark negation scopes: from a negator to the next punctuation, conjunction or window end. */
function markNegation(tokens: Token[], sentences: readonly Sentence[]): void {
  for (const s of sentences) {
    for (let i = s.from; i < s.to; i++) {
      const tok = tokens[i] as Token;
      const strong = STRONG_NEGATORS.has(tok.norm) || STRONG_NEGATORS.has(tok.lemma);
      const weak = !strong && (WEAK_NEGATORS.has(tok.lemma) || WEAK_NEGATORS.has(tok.norm));
      if (strong || weak) {
        let end = i + (strong ? STRONG_WINDOW : WEAK_WINDOW);
        // After "like" or "such as" come examples of what is avoided: "block things like using X, or turning off Y".
        let examples = false;
        for (let j = i + 1; j < s.to && j <= end; j++) {
          const next = tokens[j] as Token;
          if (
            !strong &&
            !examples &&
            (next.norm === 'like' || (next.norm === 'such' && tokens[j + 1]?.norm === 'as'))
          ) {
            examples = true;
            end = j + WEAK_WINDOW;
          }
          // What is avoided or blocked may be spelled out: "I avoid two extremes: a thin wrapper …", "block
          // things like A, or B".
          if (!strong && next.norm === ':' && j <= i + 4) {
            end = j + WEAK_WINDOW;
            continue;
          }
          if (!strong && next.norm === ',' && LIST_LINKS.has(tokens[j + 1]?.norm ?? '')) {
            end = Math.max(end, j + 1 + WEAK_WINDOW);
            continue;
          }
          if (next.kind === 'punct' && next.norm !== '-' && next.norm !== '/') break;
          // "not come in and rewrite everything" keeps the scope; "never apply from laptops and we use CI" ends it.
          if (COORDINATORS.has(next.norm)) {
            if (CLAUSE_STARTERS.has(tokens[j + 1]?.norm ?? '')) break;
            continue;
          }
          if (SCOPE_BREAKERS.has(next.norm)) break;
          // A new subject starts a new clause: "if that doesn't work I roll back".
          // … except after "think / believe": "I don't think we need to escalate" still negates the escalation.
          if (j > i + 1 && SUBJECTS.has(next.norm) && !NEG_RAISING.has((tokens[j - 1] as Token).lemma)) break;
          if (!strong && !examples && WEAK_SCOPE_BREAKERS.has(next.norm) && j > i + 1) break;
          if (strong) {
            next.negated = true;
            next.negator = i;
          }
          next.softNegated = true;
          next.softNegator = i;
        }
      }
      // "blaming developers doesn't help", "that is not a good idea": the claim before it is rejected.
      const rejects = (tok.norm === "n't" || tok.norm === 'not') && REJECTING.has(nextWord(tokens, i, s.to));
      if (rejects || POST_NEGATORS.has(tok.norm) || POST_NEGATORS.has(tok.lemma)) {
        for (let j = i - 1; j >= s.from && j >= i - POST_WINDOW; j--) {
          const prev = tokens[j] as Token;
          // "DynamoDB locking, which is now deprecated": a comma before a relative clause does not end it.
          if (prev.kind === 'punct' && !(prev.norm === ',' && tokens[j + 1]?.norm === 'which')) break;
          prev.softNegated = true;
          prev.softNegator = i;
        }
      }
    }
  }
}

/** Content tokens: words and numbers that are not stopwords. */
export function isContent(t: Token): boolean {
  return (t.kind === 'word' || t.kind === 'number') && !t.stop;
}
