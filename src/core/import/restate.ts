// Topic titles that restate a bank question in other words: "Terraform state management" is "How do you manage
// Terraform state in a team to avoid conflicts and drift?", "Example of major incident" is "Can you give an
// example of a major incident you handled? …". Exact-text de-duplication misses them; this finds them from the
// words themselves (stems, the thesaurus' terms, how rare each is in the bank), with no list of phrasings.
//
// Only titles are matched: short, one line, no question mark or full stop at the end, not opening with a
// question or prompt word. A full question worded differently may well be a different question; a title names
// a topic, and when one bank question and only one covers that topic, it is that question.
//
// Two ways to be sure:
//  1. The title's words: nearly all of the title (by weight: rare words count more) is in one bank question's
//     text, clearly more than in any other.
//  2. The answer beside the title, when there is a substantive one: it is clearly closest to one bank question's
//     model answers and key points, and most of the title's words are in that question's material.
// With an answer, (1) also needs the answer not to point elsewhere.
import { stemWord } from '../text/index.js';
import { canonicalStem } from '../text/lexicon.js';
import { STOPWORDS } from '../text/stopwords.js';
import { canonicalRuns } from '../text/terms.js';

/** Share of the title's weight a bank question's text must hold (1). */
const TITLE_COVERAGE = 0.75;
/** By how much (1)'s best question must beat the next one. */
const TITLE_MARGIN = 0.25;
/** A title is 2–10 content words; one word ("Terraform") names a field, not a question. */
const MIN_UNITS = 2;
const MAX_UNITS = 10;
const MAX_TITLE_CHARS = 100;
/** An answer with fewer content words than this says too little to point at a question. */
const MIN_ANSWER_TERMS = 5;
/** (2): the answer's likeness (weighted cosine) to its closest question, and how far ahead of the next it is. */
const ANSWER_SIMILARITY = 0.15;
const ANSWER_LEAD = 1.5;
/** (2): share of the title's weight the question's material must hold. */
const ANSWER_TITLE_COVERAGE = 0.5;
/** (1) with an answer: the title's question must be among the answer's closest this many. */
const ANSWER_RANK = 3;

/** What the finder reads of a bank question (a `Question` has it all). */
export interface BankQuestionText {
  readonly id: string;
  readonly text: string;
  readonly modelAnswers?: { readonly full?: string; readonly quick?: string };
  readonly keyPoints?: ReadonlyArray<{ readonly text: string; readonly concepts?: readonly string[] }>;
}

export interface Restatement {
  /** The bank question's id. */
  readonly id: string;
  /** Which evidence decided: the title's words alone, or the answer with the title. */
  readonly by: 'title' | 'answer';
}

/** Words that join a title's terms without naming anything ("EC2 vs ECS"). */
const JOINERS = new Set(['vs', 'versus', 'v']);
const OPENERS =
  /^(?:what|what's|what’s|how|why|when|where|which|who|whom|whose|can|could|would|will|do|does|did|is|are|was|were|have|has|had|should|shall|may|might|must|if|tell|describe|explain|walk|talk|give|imagine|suppose|compare|design|list|name|define|discuss|share|show)\b/i;

/** A topic title rather than a sentence or a question. */
export function isTopicTitle(text: string): boolean {
  const t = String(text ?? '').trim();
  if (!t || t.length > MAX_TITLE_CHARS || t.includes('\n')) return false;
  if (/[?？.。!！]["'”’)）]*$/u.test(t)) return false;
  if (OPENERS.test(t)) return false;
  return t.split(/\s+/).length <= MAX_UNITS;
}

interface Unit {
  readonly stem: string;
  /** A compound's parts ("multi-account" → multi, account), each of which must then be found. */
  readonly parts: readonly string[];
}

interface Term {
  readonly stem: string;
  /** Stems of a compound's parts, then of the parts written together ("multi-account" → multi, account, multiaccount). */
  readonly parts: readonly string[];
}

const WORD = /[\p{L}\p{N}]+(?:[-._/][\p{L}\p{N}]+)*/gu;

/**
 * Content words with the text pipeline's stems, read without its tagger: a title and a whole bank's model
 * answers are read in milliseconds, and every text here is read the same way.
 */
function contentTokens(text: string): Term[] {
  const out: Term[] = [];
  for (const m of String(text).toLowerCase().matchAll(WORD)) {
    const word = m[0];
    if (STOPWORDS.has(word) || JOINERS.has(word) || /^\p{L}$/u.test(word) || /[\u3400-\u9fff]/u.test(word))
      continue;
    const split = word.split(/[-._/]+/).filter((p) => p);
    if (split.length > 1) {
      out.push({
        stem: canonicalStem(word),
        parts: [...split.map((p) => stemWord(p)), canonicalStem(split.join(''))],
      });
    } else out.push({ stem: stemWord(word), parts: [] });
  }
  return out;
}

/** The title's terms: stems with thesaurus phrasings folded ("roll back" → rollback), compounds with parts. */
function unitsOf(text: string): Unit[] {
  const tokens = contentTokens(text);
  return canonicalRuns(tokens.map((t) => t.stem)).map((r) => {
    const token = r.first === r.last ? tokens[r.first] : undefined;
    return { stem: r.stem, parts: token && token.parts.length > 1 ? token.parts.slice(0, -1) : [] };
  });
}

/** Every term a text holds: stems, canonical terms and the parts of compounds. */
function termsOf(text: string): Set<string> {
  const tokens = contentTokens(text);
  const out = new Set(canonicalRuns(tokens.map((t) => t.stem)).map((r) => r.stem));
  for (const t of tokens) {
    out.add(t.stem);
    for (const p of t.parts) out.add(p);
  }
  return out;
}

type Idf = (term: string) => number;

function idfOver(sets: readonly ReadonlySet<string>[]): Idf {
  const df = new Map<string, number>();
  for (const s of sets) for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sets.length;
  return (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
}

function has(terms: ReadonlySet<string>, u: Unit): boolean {
  return terms.has(u.stem) || (u.parts.length > 0 && u.parts.every((p) => terms.has(p)));
}

/** Share of the units' weight found in the terms. */
function coverage(units: readonly Unit[], terms: ReadonlySet<string>, idf: Idf): number {
  let found = 0;
  let total = 0;
  for (const u of units) {
    const w = idf(u.stem);
    total += w;
    if (has(terms, u)) found += w;
  }
  return total > 0 ? found / total : 0;
}

/** Weighted cosine of two term sets. */
function likeness(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: Idf): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const t of a) {
    const w = idf(t) ** 2;
    na += w;
    if (b.has(t)) dot += w;
  }
  for (const t of b) nb += idf(t) ** 2;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

interface Indexed {
  readonly id: string;
  /** Terms of the question's text. */
  readonly question: ReadonlySet<string>;
  /** Terms of the question, its model answers and its key points. */
  readonly material: ReadonlySet<string>;
}

/** The two best scores' indices (best first); -1 when absent. */
function topTwo(scores: readonly number[]): [number, number] {
  let a = -1;
  let b = -1;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] ?? 0;
    if (a === -1 || s > (scores[a] ?? 0)) {
      b = a;
      a = i;
    } else if (b === -1 || s > (scores[b] ?? 0)) b = i;
  }
  return [a, b];
}

/**
 * A finder for the bank question an imported title restates. The bank (its questions, model answers and key
 * points) is read on the first title, so imports without titles pay nothing. Never throws.
 */
export function restatementFinder(
  bank: readonly BankQuestionText[],
): (q: { readonly text: string; readonly answer?: string | undefined }) => Restatement | undefined {
  let index: { items: Indexed[]; questionIdf: Idf; materialIdf: Idf } | undefined;
  const build = () => {
    const items = bank.map((q) => ({
      id: q.id,
      question: termsOf(q.text),
      material: termsOf(
        [
          q.text,
          q.modelAnswers?.full ?? '',
          q.modelAnswers?.quick ?? '',
          ...(q.keyPoints ?? []).map((k) => `${k.text}. ${(k.concepts ?? []).join('. ')}`),
        ].join('\n'),
      ),
    }));
    return {
      items,
      questionIdf: idfOver(items.map((i) => i.question)),
      materialIdf: idfOver(items.map((i) => i.material)),
    };
  };

  return (q) => {
    try {
      if (bank.length === 0 || !isTopicTitle(q.text)) return undefined;
      const units = unitsOf(q.text);
      if (units.length < MIN_UNITS || units.length > MAX_UNITS) return undefined;
      index ??= build();
      const { items, questionIdf, materialIdf } = index;

      const answerTerms = q.answer ? termsOf(q.answer) : undefined;
      const byAnswer =
        answerTerms && answerTerms.size >= MIN_ANSWER_TERMS
          ? items.map((i) => likeness(answerTerms, i.material, materialIdf))
          : undefined;

      // The question the answer clearly points at, if it does.
      const [top, second] = byAnswer ? topTwo(byAnswer) : [-1, -1];
      const topScore = byAnswer?.[top] ?? 0;
      const pointed =
        top >= 0 && topScore >= ANSWER_SIMILARITY && topScore >= ANSWER_LEAD * (byAnswer?.[second] ?? 0)
          ? top
          : -1;

      // (1) the title's words, unless the answer is about something else.
      const covered = items.map((i) => coverage(units, i.question, questionIdf));
      const [best, next] = topTwo(covered);
      const bestCover = covered[best] ?? 0;
      if (best >= 0 && bestCover >= TITLE_COVERAGE && bestCover - (covered[next] ?? 0) >= TITLE_MARGIN) {
        const mine = byAnswer?.[best] ?? 0;
        const closer = byAnswer ? byAnswer.filter((s) => s > mine).length : 0;
        const elsewhere = pointed >= 0 && pointed !== best && mine * ANSWER_LEAD < topScore;
        if (closer < ANSWER_RANK && !elsewhere) return { id: items[best]?.id ?? '', by: 'title' };
        return undefined;
      }

      // (2) the answer, confirmed by the title.
      const item = items[pointed];
      if (item && coverage(units, item.material, materialIdf) >= ANSWER_TITLE_COVERAGE)
        return { id: item.id, by: 'answer' };
      return undefined;
    } catch {
      return undefined;
    }
  };
}
