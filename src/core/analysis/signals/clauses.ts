// Clauses of an answer, and whether each states something: a claim needs a predicate, not a run of terms.
import type { TextDoc, Token } from '../../text/index.js';

/** Words that open a new clause after a comma or a coordinator ("…, and we roll back", "…, which means …"). */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'it',
  'this',
  'that',
  'these',
  'those',
  'there',
  'which',
  'who',
  'so',
  'then',
  'because',
  'since',
  'while',
  'whereas',
  'if',
  'when',
  'unless',
  'otherwise',
  'although',
  'though',
]);
const COORDINATORS: ReadonlySet<string> = new Set(['and', 'but', 'or', 'yet']);
const SUBORDINATORS: ReadonlySet<string> = new Set([
  'because',
  'since',
  'while',
  'whereas',
  'although',
  'though',
  'unless',
  'which',
]);
const HARD_BREAKS: ReadonlySet<string> = new Set([';', ':', '—', '–', '(', ')']);

/** Share of a clause's words that are terms (nouns, names, numbers) above which, with ≥ 3 terms, it is a list. */
const TERM_RUN_SHARE = 0.75;
const TERM_RUN_MIN = 3;

export interface Clause {
  readonly index: number;
  readonly sentence: number;
  /** Token range [from, to). */
  readonly from: number;
  readonly to: number;
  /**
   * A verb that says what is done or why (not a bare auxiliary), a copula with a complement, or a relation that
   * says what a term is for ("Object Lock against deletion", "detection with GuardDuty").
   */
  readonly predicate: boolean;
  /** Mostly terms strung together: "remote state, locking, OIDC for the pipeline". */
  readonly termRun: boolean;
}

const isWord = (t: Token) => t.kind === 'word' || t.kind === 'number';

/** Prepositions that relate a term to a purpose, a means or a target. */
const RELATIONS: ReadonlySet<string> = new Set([
  'for',
  'against',
  'to',
  'via',
  'through',
  'with',
  'by',
  'from',
  'into',
  'per',
  'across',
  'between',
  'instead',
  'before',
  'after',
  'until',
  'behind',
  'on',
  'in',
]);

/** Adjectives that judge rather than describe: said alone after a copula they tell an interviewer nothing. */
const EVALUATIVE: ReadonlySet<string> = new Set(
  'consistent important good great nice fine key critical crucial essential vital useful helpful valuable necessary easy simple better best handy ok okay'.split(
    ' ',
  ),
);

/** Nothing that says more after a word: only adverbs and punctuation to the clause's end ("… as well."). */
function bareAfter(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' || t.pos === 'ADV' || t.pos === 'PART' || t.norm === 'as' || t.norm === 'well')
      continue;
    return false;
  }
  return true;
}

/** A copula whose complement is a bare judgment to the clause's end: "… is always consistent." */
function bareJudgment(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if ((tokens[i] as Token).pos !== 'AUX') continue;
    for (let j = i + 1; j < to && j <= i + 4; j++) {
      const n = tokens[j] as Token;
      if (n.pos === 'ADJ' && EVALUATIVE.has(n.norm) && bareAfter(tokens, j + 1, to)) return true;
      if (n.pos !== 'ADV' && n.pos !== 'PART') break;
    }
  }
  return false;
}

function isPredicate(tokens: readonly Token[], from: number, to: number): boolean {
  // Whatever its subject says ("lands in etcd is always consistent"), a clause that only judges states nothing.
  if (bareJudgment(tokens, from, to)) return false;
  let nouns = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'VERB') return true;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') nouns++;
    // A term related to another by a preposition, after at least one term: "replication against ransomware".
    if (nouns > 0 && t.pos === 'ADP' && RELATIONS.has(t.norm)) {
      const rest = tokens.slice(i + 1, to);
      if (rest.some((n) => n.pos === 'NOUN' || n.pos === 'PROPN' || n.pos === 'VERB')) return true;
    }
    // "X is deprecated", "it is a kind of Y", "the lock is in S3": a copula with a complement states something;
    // a bare judgment ("X is always consistent", "monitoring is important") states nothing one can check.
    if (t.pos === 'AUX') {
      for (let j = i + 1; j < to && j <= i + 4; j++) {
        const n = tokens[j] as Token;
        if (n.pos === 'ADJ' && EVALUATIVE.has(n.norm) && bareAfter(tokens, j + 1, to)) break;
        if (n.pos === 'ADJ' || n.pos === 'NOUN' || n.pos === 'PROPN' || n.pos === 'ADP' || n.pos === 'NUM')
          return true;
      }
    }
  }
  return false;
}

function isTermRun(tokens: readonly Token[], from: number, to: number): boolean {
  let words = 0;
  let terms = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'VERB') return false;
    if (!isWord(t) || t.stop) continue;
    words++;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM' || t.kind === 'number' || t.pos === 'X')
      terms++;
  }
  return terms >= TERM_RUN_MIN && terms / Math.max(1, words) >= TERM_RUN_SHARE;
}

/** Split every sentence into clauses at hard punctuation and where a comma or conjunction opens a new clause. */
export function clausesOf(doc: TextDoc): Clause[] {
  const out: Clause[] = [];
  const { tokens } = doc;
  for (const s of doc.sentences) {
    let start = s.from;
    const close = (end: number) => {
      if (end <= start) return;
      let hasWord = false;
      for (let i = start; i < end; i++) if (isWord(tokens[i] as Token)) hasWord = true;
      if (hasWord)
        out.push({
          index: out.length,
          sentence: s.index,
          from: start,
          to: end,
          predicate: isPredicate(tokens, start, end),
          termRun: isTermRun(tokens, start, end),
        });
      start = end;
    };
    for (let i = s.from; i < s.to; i++) {
      const t = tokens[i] as Token;
      const next = tokens[i + 1];
      if (t.kind === 'punct' && HARD_BREAKS.has(t.norm)) {
        close(i);
        start = i + 1;
      } else if (t.norm === ',' && next && (CLAUSE_OPENERS.has(next.norm) || COORDINATORS.has(next.norm))) {
        close(i);
        start = i + 1;
      } else if (
        i > start &&
        (SUBORDINATORS.has(t.norm) || (COORDINATORS.has(t.norm) && next && CLAUSE_OPENERS.has(next.norm)))
      ) {
        close(i);
      }
    }
    close(s.to);
  }
  return out;
}

/** Clause index of every token (-1 for tokens outside any clause: dropped punctuation). */
export function clauseIndexOf(clauses: readonly Clause[], tokenCount: number): Int32Array {
  const at = new Int32Array(tokenCount).fill(-1);
  for (const c of clauses) for (let i = c.from; i < c.to; i++) at[i] = c.index;
  return at;
}
