// Key-point coverage as claims: a key point counts when the answer states it, not when its words appear.
// A mention is judged where it stands: in a clause with a predicate (not a fragment or a run of terms), whose
// terms go together as in correct answers (coherence), not negated or dismissed, and not the evidence of a red
// flag. A paired term ("use_lockfile") needs a partner ("S3") in the same clause or the next one.
import type { Token } from '../../text/index.js';
import { readText, stemWord } from '../../text/index.js';
import {
  type CompiledPhrase,
  type DocIndex,
  indexDoc,
  matchPhrase,
  type PhraseMatch,
  spanOf,
} from '../phrases.js';
import type { Policy } from '../policy.js';
import type { CompiledPair, Rubric } from '../rubric.js';
import type { CoverageBasis, FlagHit, KeyPointCoverage, Span } from '../types.js';
import { type Clause, clausesOf } from './clauses.js';
import type { CoherenceResult } from './coherence.js';
import { type Dismissal, stanceOf } from './dismissal.js';
import { bestParaphrase, type KeyPointBag } from './paraphrase.js';

export interface CoverageContext {
  readonly index: DocIndex;
  readonly rubric: Rubric;
  readonly clauses: readonly Clause[];
  /** Clause index of every token. */
  readonly clauseAt: Int32Array;
  readonly coherence: CoherenceResult;
  /** Red flags found in the answer: a mention that is a flag's evidence is the flag, not a hit. */
  readonly flags: readonly FlagHit[];
  readonly policy: Policy;
  /** The key points' descriptions, for points said in other words. */
  readonly bags: readonly KeyPointBag[];
}

export function toSpan(index: DocIndex, tokens: readonly number[]): Span {
  const { start, end } = spanOf(index, tokens);
  return { start, end, text: index.doc.text.slice(start, end) };
}

/** The span of the tokens [from, to) (a clause, a dismissal). */
export function rangeSpan(index: DocIndex, from: number, to: number): Span {
  return toSpan(index, [from, to - 1]);
}

function sentenceSpan(index: DocIndex, sentence: number): Span {
  const s = index.doc.sentences[sentence];
  const start = s?.start ?? 0;
  const end = s?.end ?? 0;
  return { start, end, text: index.doc.text.slice(start, end) };
}

/** A stem that says something about the topic rather than about the question's own words. */
/** Verbs whose object is a thing to get rid of: "find manual changes", "prevent drift", "avoid wildcards". */
const SEEKING: ReadonlySet<string> = new Set(
  [
    'find',
    'detect',
    'catch',
    'spot',
    'prevent',
    'avoid',
    'stop',
    'block',
    'remove',
    'reduce',
    'eliminate',
    'fix',
    'alert',
    'flag',
    'deny',
    'forbid',
    'ban',
    'limit',
  ].map((w) => stemWord(w)),
);

/** A phrasing whose matched words leave out a verb that seeks out or keeps away what they name. */
function seeksOut(phrase: CompiledPhrase, matched: readonly string[]): boolean {
  const got = new Set(matched);
  return phrase.stems.some((s) => SEEKING.has(s) && !got.has(s));
}

function specific(stem: string, rubric: Rubric): boolean {
  return stem.length >= 3 && !rubric.questionStems.has(stem);
}

interface Judged {
  readonly tokens: readonly number[];
  readonly sentence: number;
  readonly concept: string;
  readonly basis: CoverageBasis;
  readonly stance: 'stated' | 'negated' | 'dismissed';
  readonly dismissal: Dismissal | null;
}

const RANK: Record<CoverageBasis, number> = { stated: 4, paraphrase: 3, named: 2, unexplained: 1 };

const judged = new WeakMap<CoverageContext, Map<string, Judged>>();

/** Judge one mention: how it stands (stated, negated, dismissed) and what its clause makes of it. */
function judge(ctx: CoverageContext, tokens: readonly number[], concept: string, pair = false): Judged {
  // The same words are often found by several phrasings: judge them once.
  const key = `${pair ? 'p' : 'c'}${tokens.join(',')}`;
  const memo = judged.get(ctx) ?? new Map<string, Judged>();
  judged.set(ctx, memo);
  const known = memo.get(key);
  if (known) return { ...known, concept };
  const j = judgeFresh(ctx, tokens, concept, pair);
  memo.set(key, j);
  return j;
}

function judgeFresh(ctx: CoverageContext, tokens: readonly number[], concept: string, pair: boolean): Judged {
  const first = tokens[0] ?? 0;
  const last = tokens[tokens.length - 1] ?? first;
  const at = ctx.clauseAt[first] ?? -1;
  const clause = ctx.clauses[at];
  const sentence = (ctx.index.doc.tokens[first] as Token).sentence;
  const { stance, evidence } = stanceOf(ctx.index.doc, ctx.clauses, at, first, last, tokens);
  let basis: CoverageBasis = 'stated';
  if (!clause?.predicate || clause.termRun) basis = 'named';
  // A phrasing whose words straddle two clauses ("pods keep running, so kubelet …") is a coincidence of words, not
  // a statement; a pair's partner may stand in the next clause by design.
  if (!pair && (ctx.clauseAt[last] ?? -1) !== at) basis = 'named';
  if (ctx.coherence.unexplained.some((u) => u.clause.index === at)) basis = 'unexplained';
  return { tokens, sentence, concept, basis, stance, dismissal: evidence };
}

/** Partner of a pair term in the same clause as the term or the next one. */
function pairMatch(ctx: CoverageContext, pair: CompiledPair): number[] | null {
  const accept = (m: PhraseMatch) => {
    const at = ctx.clauseAt[m.tokens[0] ?? 0] ?? -1;
    return partnerNear(ctx, pair, at) !== null;
  };
  const term = matchPhrase(ctx.index, pair.term, true, false, accept);
  if (!term || term.fraction < 1) return null;
  const at = ctx.clauseAt[term.tokens[0] ?? 0] ?? -1;
  const partner = partnerNear(ctx, pair, at);
  return partner ? [...new Set([...term.tokens, ...partner])].sort((a, b) => a - b) : null;
}

function partnerNear(ctx: CoverageContext, pair: CompiledPair, at: number): number[] | null {
  if (at < 0) return null;
  for (const partner of pair.with) {
    const stems = partner.stems;
    if (stems.length === 0) continue;
    // Every stem of the partner in the clause or the next one.
    const picked: number[] = [];
    for (const s of stems) {
      const pos = (ctx.index.positions.get(s) ?? []).find((p) => {
        const c = ctx.clauseAt[p] ?? -1;
        return c === at || c === at + 1;
      });
      if (pos === undefined) break;
      picked.push(pos);
    }
    if (picked.length === stems.length) return picked;
  }
  return null;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Verbs that say one thing is, or takes the place of, another ("acts as", "replaces"), by stem. */
const EQUATING_VERBS: ReadonlySet<string> = new Set([
  'act',
  'serv',
  'replac',
  'mean',
  'equal',
  'repres',
  'becom',
]);

/**
 * Whether the words between two mentions equate or substitute them: a copula that is the clause's verb ("A is
 * basically the B"), a verb of identity or replacement ("A acts as our B", "A replaces B"), or "instead of".
 * A passive ("is configured through") and a coordinated verb ("destroy or replace") do not.
 */
function equates(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    if (t.pos === 'AUX' && t.lemma === 'be' && next?.pos !== 'VERB' && next?.pos !== 'AUX') return true;
    if (t.pos === 'VERB' && EQUATING_VERBS.has(t.stem) && prev?.pos !== 'CCONJ') return true;
    if (t.norm === 'instead' && next?.norm === 'of') return true;
  }
  return false;
}

/** The tokens strictly between two mentions, [from, to); empty ([0, 0]) when they overlap. */
function gapBetween(a: readonly number[], b: readonly number[]): [number, number] {
  const aStart = Math.min(...a);
  const aEnd = Math.max(...a) + 1;
  const bStart = Math.min(...b);
  const bEnd = Math.max(...b) + 1;
  return aEnd <= bStart ? [aEnd, bStart] : bEnd <= aStart ? [bEnd, aStart] : [0, 0];
}

/**
 * Two key points equated in one clause ("Pause the pipeline is basically the run a plan of state pull") state
 * neither: what one is has nothing to do with what the other does. Both mentions then explain nothing.
 */
function equatedMentions(ctx: CoverageContext, found: readonly (Judged | undefined)[]): Set<number> {
  const out = new Set<number>();
  const tokens = ctx.index.doc.tokens;
  found.forEach((a, i) => {
    if (!a) return;
    const clause = ctx.clauses[ctx.clauseAt[a.tokens[0] ?? 0] ?? -1];
    if (!clause) return;
    // Any other key point named in the same clause, whether or not that is where its own best mention stands.
    const others = keyPointsIn(ctx.index, ctx.rubric, clause.from, clause.to, new Set(a.tokens));
    for (const [j, at] of others) {
      if (j === i) continue;
      const [from, to] = gapBetween(a.tokens, at);
      if (from < to && equates(tokens, from, to)) {
        out.add(i);
        if (found[j]?.tokens.some((t) => t >= clause.from && t < clause.to)) out.add(j);
      }
    }
  });
  return out;
}

export function keyPointCoverage(ctx: CoverageContext): KeyPointCoverage[] {
  const bests: (Judged | undefined)[] = [];
  const results = keyPointResults(ctx, bests);
  const equated = equatedMentions(ctx, bests);
  const jammed = jammedMentions(ctx, bests);
  return results.map((c, k) =>
    (equated.has(k) || jammed.has(k)) && c.status === 'hit'
      ? { ...c, status: 'partial', basis: 'unexplained' }
      : c,
  );
}

/**
 * Key points present in a token range, each with the tokens of its first phrasing whose every content stem stands
 * in it.
 */
function keyPointsIn(
  index: DocIndex,
  rubric: Rubric,
  from: number,
  to: number,
  skip?: ReadonlySet<number>,
): Map<number, number[]> {
  const at = (stem: string) =>
    (index.positions.get(stem) ?? []).find(
      (p) => p >= from && p < to && !skip?.has(p) && !index.partOnly.get(stem)?.has(p),
    );
  const out = new Map<number, number[]>();
  mentionPhrases(rubric).forEach((phrases, k) => {
    for (const ph of phrases) {
      if (ph.stems.length === 0) continue;
      const found: number[] = [];
      for (const st of ph.stems) {
        const p = at(st);
        if (p === undefined) break;
        found.push(p);
      }
      if (found.length === ph.stems.length) {
        out.set(k, found);
        return;
      }
    }
  });
  return out;
}

const phrasesOf = new WeakMap<Rubric, ReadonlyArray<readonly CompiledPhrase[]>>();
/** Each key point's concepts, then its paired terms: what names it. */
function mentionPhrases(rubric: Rubric): ReadonlyArray<readonly CompiledPhrase[]> {
  let known = phrasesOf.get(rubric);
  if (!known) {
    known = rubric.keyPoints.map((kp) => [...kp.concepts, ...kp.pairs.map((pair) => pair.term)]);
    phrasesOf.set(rubric, known);
  }
  return known;
}

/**
 * Words that make two mentions in one clause two steps or two reasons, not one claim about both: "back up the
 * state *before* I run a plan", "keep remote state *and* lock it", "plan *to* catch drift".
 */
/**
 * Whether a verb between two mentions relates them (the copula of "A is basically the B", "A replaces B", "let A
 * handle B"), with a verb neither key point's own description uses: "locked with the lockfile" relates nothing.
 */
/** A verb with the preposition right after it, when there is one: "run inside" is not "run". */
function verbSign(tokens: readonly Token[], k: number): string {
  const t = tokens[k] as Token;
  const next = tokens[k + 1];
  return next?.pos === 'ADP' ? `${t.stem} ${next.norm}` : t.stem;
}

function relating(
  rubric: Rubric,
  tokens: readonly Token[],
  from: number,
  to: number,
  i: number,
  j: number,
): Array<{ sign: string; finite: boolean }> {
  const own = new Set([...(rubric.keyPointStems[i] ?? []), ...(rubric.keyPointStems[j] ?? [])]);
  const out: Array<{ sign: string; finite: boolean }> = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!(t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma === 'be'))) continue;
    // A key point's own verb relates nothing ("locked with the lockfile") unless it places one in the other.
    const sign = verbSign(tokens, k);
    if (!own.has(t.stem) || sign !== t.stem) out.push({ sign, finite: !/(ing|ed)$/.test(t.norm) });
  }
  return out;
}

/**
 * Whether the words between two key points' mentions join them as no correct answer does: a verb that no correct
 * clause naming both uses, when no correct clause names both at all; when one does, a finite verb it never uses
 * ("B runs inside A", "let A handle B"), since a participle ("signing through Sigstore using OIDC, with the
 * SBOM") only describes.
 */
function joinedWrongly(
  rubric: Rubric,
  tokens: readonly Token[],
  from: number,
  to: number,
  i: number,
  j: number,
): boolean {
  const verbs = relating(rubric, tokens, from, to, i, j);
  if (verbs.length === 0) return false;
  const known = keyPointLinks(rubric).get(linkKey(i, j));
  if (!known) return true;
  return !verbs.some((v) => known.has(v.sign)) && verbs.some((v) => v.finite);
}

/** Words that order two steps (the tagger often reads "before" and "after" as prepositions). */
const SEQUENCE: ReadonlySet<string> = new Set([
  'then',
  'before',
  'after',
  'once',
  'until',
  'while',
  'when',
  'so',
]);

function separates(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'SCONJ' || t.pos === 'CCONJ' || SEQUENCE.has(t.norm)) return true;
    if (t.norm === 'to' && tokens[i + 1]?.pos === 'VERB') return true;
  }
  return false;
}

const linkCache = new WeakMap<Rubric, ReadonlyMap<string, ReadonlySet<string>>>();
const linkKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * Which key points the question's own model answers state together in one clause ("remote state in S3 with
 * native locking"), each pair with the verbs of those clauses: learned from data we own, once per question.
 */
function keyPointLinks(rubric: Rubric): ReadonlyMap<string, ReadonlySet<string>> {
  const known = linkCache.get(rubric);
  if (known) return known;
  const links = new Map<string, Set<string>>();
  const q = rubric.question;
  for (const text of [q.modelAnswers.full, q.modelAnswers.quick, ...q.keyPoints.map((kp) => kp.text)]) {
    const index = indexDoc(readText(text));
    const tokens = index.doc.tokens;
    for (const c of clausesOf(index.doc)) {
      const present = [...keyPointsIn(index, rubric, c.from, c.to).keys()];
      const verbs: string[] = [];
      for (let k = c.from; k < c.to; k++) {
        const t = tokens[k] as Token;
        if (t.pos === 'VERB' || t.pos === 'AUX') verbs.push(verbSign(tokens, k), t.stem);
      }
      for (let a = 0; a < present.length; a++)
        for (let b = a + 1; b < present.length; b++) {
          const key = linkKey(present[a] as number, present[b] as number);
          const set = links.get(key) ?? new Set<string>();
          for (const v of verbs) set.add(v);
          links.set(key, set);
        }
    }
  }
  linkCache.set(rubric, links);
  return links;
}

/**
 * A key point stated in a clause that also names another key point, where no correct answer ever joins the two
 * ("Drift detection runs inside separate state", "We let state locking handle apply in CI"), states neither: a
 * clause built from two ideas that never meet explains nothing. Both mentions then explain nothing.
 */
function jammedMentions(ctx: CoverageContext, found: readonly (Judged | undefined)[]): Set<number> {
  const out = new Set<number>();
  found.forEach((a, i) => {
    if (a?.basis !== 'stated') return;
    const clause = ctx.clauses[ctx.clauseAt[a.tokens[0] ?? 0] ?? -1];
    if (!clause) return;
    const others = keyPointsIn(ctx.index, ctx.rubric, clause.from, clause.to, new Set(a.tokens));
    const tokens = ctx.index.doc.tokens;
    for (const [j, at] of others) {
      if (j === i) continue;
      const [from, to] = gapBetween(a.tokens, at);
      if (separates(tokens, from, to)) continue;
      if (joinedWrongly(ctx.rubric, tokens, from, to, i, j)) {
        out.add(i);
        if (found[j]?.tokens.some((t) => t >= clause.from && t < clause.to)) out.add(j);
      }
    }
  });
  return out;
}

/**
 * Every clause that joins two key points the way no correct answer does: equating them ("A acts as our B",
 * "configured through A instead of B") or relating them with a verb no correct clause naming both uses ("B runs
 * inside A"), wherever each key point's best mention stands. Such a clause explains nothing.
 */
export function pointlessClauses(ctx: CoverageContext): Set<number> {
  const out = new Set<number>();
  const tokens = ctx.index.doc.tokens;
  for (const clause of ctx.clauses) {
    const present = [...keyPointsIn(ctx.index, ctx.rubric, clause.from, clause.to).entries()];
    for (let x = 0; x < present.length && !out.has(clause.index); x++)
      for (let y = x + 1; y < present.length; y++) {
        const [i, a] = present[x] as [number, number[]];
        const [j, b] = present[y] as [number, number[]];
        const [from, to] = gapBetween(a, b);
        if (from >= to) continue;
        if (equates(tokens, from, to)) {
          out.add(clause.index);
          break;
        }
        if (separates(tokens, from, to)) continue;
        if (joinedWrongly(ctx.rubric, tokens, from, to, i, j)) {
          out.add(clause.index);
          break;
        }
      }
  }
  return out;
}

function keyPointResults(ctx: CoverageContext, bests: (Judged | undefined)[]): KeyPointCoverage[] {
  const { index, rubric, policy } = ctx;
  const tokens = index.doc.tokens;
  const flagSpans = ctx.flags.filter((f) => f.kind === 'red-flag').map((f) => f.evidence[0]);
  return rubric.question.keyPoints.map((kp, k) => {
    const compiled = rubric.keyPoints[k];
    const base = {
      id: kp.id,
      text: kp.text,
      ...(kp.zh ? { zh: kp.zh } : {}),
      dimension: kp.dimension,
      weight: kp.weight,
    };
    let best: Judged | undefined;
    let contradiction: Judged | undefined;
    let flagged: Judged | undefined;
    let partial: PhraseMatch | undefined;
    const consider = (j: Judged) => {
      const span = toSpan(index, j.tokens);
      if (flagSpans.some((f) => f && overlaps(f, span))) {
        flagged ??= j;
        return;
      }
      if (j.stance !== 'stated') {
        contradiction ??= j;
        return;
      }
      if (!best || RANK[j.basis] > RANK[best.basis]) best = j;
    };
    // A mention in a clause that explains nothing is not the end of the search: a later one may state it.
    const done = () => (best as Judged | undefined)?.basis === 'stated';
    const explained = (m: PhraseMatch) => {
      const j = judge(ctx, m.tokens, m.phrase.source);
      return j.basis === 'stated' && j.stance === 'stated';
    };
    for (const phrase of compiled?.concepts ?? []) {
      const m = matchPhrase(index, phrase, false, false, explained);
      if (!m) continue;
      if (m.fraction === 1) consider(judge(ctx, m.tokens, phrase.source));
      else if (m.fraction >= policy.partialFraction) {
        // One shared word ("apply") is a coincidence, not a partial answer: at least two must meet.
        const stems = m.tokens.map((i) => (tokens[i] as Token).stem);
        const enough = m.tokens.length >= 2 && stems.some((s) => specific(s, rubric));
        // Half a phrasing said in order to reject it is a contradiction, not half a point.
        const j = enough ? judge(ctx, m.tokens, phrase.source) : null;
        // …unless the words it left out are the ones that seek the thing out: "avoid manual changes" rejects
        // what "find manual changes" looks for, and agrees with it.
        if (j && j.stance !== 'stated') {
          if (!seeksOut(phrase, stems)) consider(j);
        } else if (enough && (!partial || m.fraction > partial.fraction)) partial = m;
      }
      if (done()) break;
    }
    if (!done())
      for (const pair of compiled?.pairs ?? []) {
        const found = pairMatch(ctx, pair);
        if (found) consider(judge(ctx, found, pair.term.source, true));
        else {
          // Named alone it earns nothing, but named to be rejected it is a contradiction ("canaries slow us down").
          const bare = matchPhrase(index, pair.term);
          if (bare && bare.fraction === 1) {
            const j = judge(ctx, bare.tokens, pair.term.source);
            if (j.stance !== 'stated') consider(j);
          }
        }
        if (done()) break;
      }
    // Said in other words: the clause that carries most of the key point's own description.
    const bag = ctx.bags[k];
    if (!done() && bag) {
      const para = bestParaphrase(index.doc, ctx.clauses, bag);
      if (para && para.share >= policy.paraphrase.partialAt) {
        const j = judge(ctx, para.tokens, '(in other words)');
        if (j.basis === 'stated' && j.stance === 'stated')
          consider({ ...j, basis: para.share >= policy.paraphrase.hitAt ? 'stated' : 'paraphrase' });
      }
    }
    const evidence = (j: Judged) => [toSpan(index, j.tokens), sentenceSpan(index, j.sentence)];
    bests[k] = best;
    if (best) {
      return {
        ...base,
        status: best.basis === 'stated' ? 'hit' : 'partial',
        basis: best.basis,
        concept: best.concept,
        evidence: evidence(best),
        contradicted: false,
      };
    }
    if (contradiction) {
      const d = contradiction.dismissal;
      return {
        ...base,
        status: 'missed',
        concept: contradiction.concept,
        evidence: [...evidence(contradiction), ...(d ? [rangeSpan(index, d.from, d.to)] : [])],
        contradicted: true,
        stance: contradiction.stance === 'dismissed' ? 'dismissed' : 'negated',
      };
    }
    if (partial) {
      return {
        ...base,
        status: 'partial',
        concept: partial.phrase.source,
        evidence: [toSpan(index, partial.tokens), sentenceSpan(index, partial.sentence)],
        contradicted: false,
      };
    }
    if (flagged) {
      return {
        ...base,
        status: 'missed',
        concept: flagged.concept,
        evidence: [],
        contradicted: false,
        flaggedInstead: true,
      };
    }
    return { ...base, status: 'missed', evidence: [], contradicted: false };
  });
}
