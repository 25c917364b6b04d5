// Coherence: do the terms of a clause go together the way they do in correct answers? Learned from data we own
// (the bank's model answers, key points and red-flag fixes), not from word lists: "CloudTrail acts as our SSO"
// pairs two terms no correct clause pairs; "CloudTrail records every API call" pairs terms that correct clauses do.
// Terms are the bank's own noun phrases ("Object Lock", "Route 53", "use_lockfile"), found by the longest match;
// lexical verbs take part as partners, so a tool doing another tool's job ("Trivy builds the Helm values") shows.
import type { Question, RedFlag } from '../../bank/schema.js';
import { isContent, type TextDoc, type Token } from '../../text/index.js';
import { readLines } from '../../text/lines.js';
import { termsAt } from '../../text/terms.js';
import { TERM_JOINER } from '../../text/thesaurus.js';
import { type Clause, clausesOf } from './clauses.js';

/** A term in more than this share of the bank's questions is general vocabulary, not a term to judge by. */
export const GENERIC_SHARE = 0.25;
/** Longest term, in content words. */
const MAX_TERM_WORDS = 3;
/** Lexical verbs this general say nothing about which tool does what. */
const LIGHT_VERBS: ReadonlySet<string> = new Set(
  'be have do make use get keep need go take give put let want try see know say tell think like come help set run start'.split(
    ' ',
  ),
);
/** Parts of speech a term is made of. */
const TERM_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X', 'SYM']);

export interface TermModel {
  /** Terms by their first stem: each a list of stems (longest first). */
  readonly terms: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Every content stem seen anywhere in the bank's texts. */
  readonly vocabulary: ReadonlySet<string>;
  /** "a\u0000b" (a < b) for every two items that share a clause of a correct text, or a key point. */
  readonly pairs: ReadonlySet<number>;
  /** Each item's number, for the pair keys (numbers, not strings: the model holds hundreds of thousands). */
  readonly ids: ReadonlyMap<string, number>;
  /** Stems that correct answers write as names (capitalised inside a sentence): tools and services. */
  readonly named: ReadonlySet<string>;
  /** Relations correct clauses state (subject–verb, subject–object, verb–object; see relationKeys). */
  readonly relations: ReadonlySet<string>;
  /** In how many of the bank's key points each stem (or thesaurus term) occurs, and how many there are. */
  readonly keyPointFrequency: ReadonlyMap<string, number>;
  readonly keyPoints: number;
}

/**
 * How specific a stem (or thesaurus term) is: inverse key-point frequency in the bank, ln((K + 1) / (f + 1)) + 0.1.
 * "Object Lock" says much more about which answer this is than "data" does.
 */
export function specificity(model: TermModel, stem: string): number {
  return Math.log((model.keyPoints + 1) / ((model.keyPointFrequency.get(stem) ?? 0) + 1)) + 0.1;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
/** Room for this many items: two ids make one number below 2^53. */
const ID_SPACE = 1 << 24;
const numericPair = (a: number, b: number) => (a < b ? a * ID_SPACE + b : b * ID_SPACE + a);

/** Whether some correct clause (or key point) holds both items. */
export function paired(model: TermModel, a: string, b: string): boolean {
  const x = model.ids.get(a);
  const y = model.ids.get(b);
  return x !== undefined && y !== undefined && model.pairs.has(numericPair(x, y));
}

const isTermToken = (t: Token) =>
  isContent(t) && (TERM_POS.has(t.pos) || /[A-Z0-9_./]/.test(t.text.slice(1)) || t.kind === 'number');

interface Items {
  /** Terms found, as joined stems. */
  readonly terms: string[];
  /** Token index where each term starts. */
  readonly at: number[];
  /** Lexical verbs (stems). */
  readonly verbs: string[];
  /** Content stems, for the known-vocabulary share. */
  readonly stems: string[];
}

/** The items of a token range: the longest known terms, thesaurus terms, and lexical verbs. */
function itemsOf(
  doc: TextDoc,
  thesaurus: ReadonlyMap<number, string[]>,
  terms: TermModel['terms'],
  from: number,
  to: number,
): Items {
  const out: Items = { terms: [], at: [], verbs: [], stems: [] };
  const content: number[] = [];
  for (let i = from; i < to; i++) if (isContent(doc.tokens[i] as Token)) content.push(i);
  for (let c = 0; c < content.length; ) {
    const t = doc.tokens[content[c] as number] as Token;
    out.stems.push(t.stem);
    for (const k of thesaurus.get(content[c] as number) ?? [])
      if (k.includes(TERM_JOINER)) {
        out.terms.push(k);
        out.at.push(content[c] as number);
      }
    if (t.pos === 'VERB' && !LIGHT_VERBS.has(t.lemma) && !namePart(doc, content[c] as number))
      out.verbs.push(t.stem);
    let taken = 1;
    for (const seq of terms.get(t.stem) ?? []) {
      const fits = seq.every((s, k) => (doc.tokens[content[c + k] ?? -1] as Token | undefined)?.stem === s);
      if (fits) {
        out.terms.push(seq.join(TERM_JOINER));
        out.at.push(content[c] as number);
        taken = seq.length;
        break;
      }
    }
    for (let k = 1; k < taken; k++) out.stems.push((doc.tokens[content[c + k] as number] as Token).stem);
    c += taken;
  }
  return out;
}

/**
 * A word the tagger reads as a verb that is part of a name: capitalised mid-sentence right after another name word
 * ("VPC Flow Logs enforce …", "Service Control Policies"), not the sentence's first word.
 */
function namePart(doc: TextDoc, at: number): boolean {
  const t = doc.tokens[at] as Token;
  const prev = doc.tokens[at - 1];
  return (
    t.pos === 'VERB' &&
    /^[A-Z]/.test(t.text) &&
    prev !== undefined &&
    prev.sentence === t.sentence &&
    (prev.pos === 'PROPN' || /^[A-Z]/.test(prev.text))
  );
}

const cache = new WeakMap<readonly Question[], TermModel>();

/** Noun-phrase runs of a phrase's tokens ("lock the state file" → "state file"), up to MAX_TERM_WORDS. */
function termRuns(tokens: readonly Token[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  const flush = () => {
    for (let at = 0; at < run.length; at += MAX_TERM_WORDS) runs.push(run.slice(at, at + MAX_TERM_WORDS));
    run = [];
  };
  for (const t of tokens) {
    if (
      isTermToken(t) &&
      !(
        (t.pos === 'VERB' && !(run.length > 0 && /^[A-Z]/.test(t.text))) ||
        (run.length === 0 && t.pos === 'ADJ' && !/[A-Z]/.test(t.text))
      )
    )
      run.push(t.stem);
    else if (!t.stop || t.kind === 'punct' || t.pos === 'VERB' || t.pos === 'ADP') flush();
  }
  flush();
  return runs;
}

/**
 * Learn the model from a bank (cached per question list): the terms are the noun phrases of its concepts, pairs
 * and red-flag phrasings that are not general vocabulary; the pairings are those of the clauses of its model
 * answers, key-point texts and fixes, and of each key point as a whole.
 */
export function termModel(questions: readonly Question[], common: readonly RedFlag[] = []): TermModel {
  const cached = cache.get(questions);
  if (cached) return cached;
  // 1. Candidate terms, and in how many questions each occurs.
  const phrasesOf = (q: Question) => [
    ...q.keyPoints.flatMap((kp) => [...kp.concepts, ...kp.pairs.flatMap((p) => [p.term, ...p.with])]),
    ...q.redFlags.flatMap((f) => f.phrasings),
  ];
  const owners: number[] = [];
  const phrases: string[] = [];
  questions.forEach((q, i) => {
    for (const p of phrasesOf(q)) {
      phrases.push(p);
      owners.push(i);
    }
  });
  for (const f of common)
    for (const p of f.phrasings) {
      phrases.push(p);
      owners.push(-1);
    }
  const read = readLines(phrases);
  const byLine = new Map<number, Token[]>();
  for (const t of read.doc.tokens) {
    const l = read.lineOf(t);
    const list = byLine.get(l);
    if (list) list.push(t);
    else byLine.set(l, [t]);
  }
  const candidates = new Map<string, string[]>();
  for (const tokens of byLine.values())
    for (const run of termRuns(tokens)) if (run.length > 0) candidates.set(run.join(TERM_JOINER), run);
  // 2. Every question's texts, one pass each: vocabulary, which questions use each candidate, and pairings.
  const vocabulary = new Set<string>();
  const pairs = new Set<number>();
  const ids = new Map<string, number>();
  const idOf = (x: string) => {
    let id = ids.get(x);
    if (id === undefined) {
      id = ids.size;
      ids.set(x, id);
    }
    return id;
  };
  const questionsWith = new Map<string, number>();
  const draft = { terms: indexTerms([...candidates.values()]) };
  const contexts: string[][] = [];
  const keyPointFrequency = new Map<string, number>();
  const relations = new Set<string>();
  /** How often each stem is written capitalised inside a sentence, and how often not. */
  const spelled = new Map<string, { upper: number; lower: number }>();
  let keyPoints = 0;
  const textsOf = (q: Question) => [
    q.modelAnswers.full,
    q.modelAnswers.quick,
    ...q.keyPoints.map(
      (kp) => `${kp.text} ${[...kp.concepts, ...kp.pairs.flatMap((p) => [p.term, ...p.with])].join('. ')}.`,
    ),
    ...q.redFlags.map((f) => f.fix),
  ];
  const learn = (texts: readonly string[], wholeLine: (line: number) => boolean, seen?: Set<string>) => {
    const { doc, lineOf } = readLines(texts);
    const thesaurus = termsAt(doc.tokens);
    for (const t of doc.tokens) {
      if (t.kind !== 'word' || doc.sentences[t.sentence]?.from === t.index) continue;
      const c = spelled.get(t.stem) ?? { upper: 0, lower: 0 };
      if (/^[A-Z]/.test(t.text)) c.upper++;
      else c.lower++;
      spelled.set(t.stem, c);
    }
    const docClauses = clausesOf(doc);
    for (const r of rawRelations(doc, docClauses, draft.terms, thesaurus))
      for (const k of relationKeys(r)) relations.add(k);
    for (const c of docClauses) {
      const items = itemsOf(doc, thesaurus, draft.terms, c.from, c.to);
      // Terms with every content word of the clause: a verb in an answer may be a noun in the model ("review").
      contexts.push([...items.terms, ...items.verbs, ...items.stems]);
      for (const s of items.stems) vocabulary.add(s);
      if (seen) for (const s of items.terms) seen.add(s);
    }
    // A key point's text, its concepts and its pairs describe one idea: their terms go together.
    const byKeyPoint = new Map<number, string[]>();
    const bags = new Map<number, Set<string>>();
    for (const s of doc.sentences) {
      const line = lineOf(doc.tokens[s.from] as Token);
      if (!wholeLine(line)) continue;
      const items = itemsOf(doc, thesaurus, draft.terms, s.from, s.to);
      const list = byKeyPoint.get(line) ?? [];
      list.push(...items.terms, ...items.verbs, ...items.stems);
      byKeyPoint.set(line, list);
      const bag = bags.get(line) ?? new Set<string>();
      for (const x of [...items.stems, ...items.terms]) bag.add(x);
      for (let i = s.from; i < s.to; i++) for (const k of thesaurus.get(i) ?? []) bag.add(k);
      bags.set(line, bag);
    }
    contexts.push(...byKeyPoint.values());
    for (const bag of bags.values()) {
      keyPoints++;
      for (const x of bag) keyPointFrequency.set(x, (keyPointFrequency.get(x) ?? 0) + 1);
    }
  };
  for (const q of questions) {
    const seen = new Set<string>();
    const texts = textsOf(q);
    learn(texts, (line) => line >= 2 && line < 2 + q.keyPoints.length, seen);
    for (const s of seen) questionsWith.set(s, (questionsWith.get(s) ?? 0) + 1);
  }
  if (common.length > 0)
    learn(
      common.map((f) => f.fix),
      () => false,
    );
  // 3. General vocabulary out; pairings of what is left.
  const limit = Math.max(3, questions.length * GENERIC_SHARE);
  const kept = [...candidates.entries()].filter(([key]) => (questionsWith.get(key) ?? 0) <= limit);
  const keep = new Set(kept.map(([k]) => k));
  for (const items of contexts) {
    const unique = [...new Set(items)];
    for (let a = 0; a < unique.length; a++)
      for (let b = a + 1; b < unique.length; b++)
        pairs.add(numericPair(idOf(unique[a] as string), idOf(unique[b] as string)));
  }
  // A name is a word correct answers mostly write capitalised mid-sentence ("Karpenter"), not one that is only
  // sometimes part of a name ("lock" in "Object Lock").
  const named = new Set([...spelled].filter(([, c]) => c.upper > c.lower).map(([stem]) => stem));
  const model: TermModel = {
    terms: indexTerms(
      kept.map(([, v]) => v),
      keep,
    ),
    vocabulary,
    pairs,
    ids,
    named,
    relations,
    keyPointFrequency,
    keyPoints,
  };
  cache.set(questions, model);
  return model;
}

function indexTerms(runs: readonly string[][], keep?: ReadonlySet<string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const run of runs) {
    if (keep && !keep.has(run.join(TERM_JOINER))) continue;
    const first = run[0] as string;
    out.set(first, [...(out.get(first) ?? []), run]);
  }
  for (const list of out.values()) list.sort((a, b) => b.length - a.length);
  return out;
}

export interface ClauseCoherence {
  readonly clause: Clause;
  /** Terms of the clause that have something to go with (another term or a verb). */
  readonly pairs: number;
  /** Of them, terms some correct clause or key point pairs with one of the others. */
  readonly attested: number;
  /** Every term–term and term–verb pairing of the clause, and how many of them correct clauses have. */
  readonly allPairs: number;
  readonly allAttested: number;
  /** The pairings with a named tool or service in them, and how many of them correct clauses have. */
  readonly toolPairs: number;
  readonly toolAttested: number;
  /** Known terms in the clause. */
  readonly terms: readonly string[];
}

export interface CoherenceResult {
  readonly clauses: readonly ClauseCoherence[];
  /** Clauses with two or more known terms whose terms mostly have nothing they are known to go with. */
  readonly unexplained: readonly ClauseCoherence[];
  /** Share of the term-bearing clauses that are unexplained (0–1). */
  readonly unexplainedShare: number;
  /** Share of all the answer's pairings that no correct clause has (0–1): the answer-level nonsense measure. */
  readonly unattestedShare: number;
  /** Pairings judged, for whether the measure means anything. */
  readonly pairings: number;
  /** What each clause says a term does, and whether correct answers say so too. */
  readonly relations: readonly Relation[];
  /** Share of the answer's content stems the bank knows at all (for confidence). */
  readonly known: number;
}

/** A clause counts as unexplained when fewer than this share of its pairings are attested… */
export const ATTESTED_MIN = 0.25;
/** …among at least this many. */
const STRICT_MIN_PAIRS = 4;

/** Judge every clause of an answer against the model. */
export function coherence(doc: TextDoc, clauses: readonly Clause[], model: TermModel): CoherenceResult {
  const thesaurus = termsAt(doc.tokens);
  const judged: ClauseCoherence[] = [];
  const itemsAt: Items[] = [];
  let content = 0;
  let known = 0;
  for (const c of clauses) {
    const items = itemsOf(doc, thesaurus, model.terms, c.from, c.to);
    itemsAt.push(items);
    for (const s of items.stems) {
      content++;
      if (model.vocabulary.has(s)) known++;
    }
    const terms = [...new Set(items.terms)];
    const verbs = [...new Set(items.verbs.filter((v) => model.vocabulary.has(v)))];
    // Each item's number once, then each pair of the clause looked up once: terms with terms, terms with verbs.
    const ids = [...terms, ...verbs].map((x) => model.ids.get(x));
    const n = ids.length;
    const linked = new Uint8Array(n * n);
    let allPairs = 0;
    let allAttested = 0;
    // Nonsense is a tool or service put with what no correct answer puts it with; "kind of situation" is not.
    const tool = terms.map((t) => toolLike(doc, items.at[items.terms.indexOf(t)] as number, model.named));
    let toolPairs = 0;
    let toolAttested = 0;
    for (let a = 0; a < terms.length; a++)
      for (let b = a + 1; b < n; b++) {
        allPairs++;
        const x = ids[a];
        const y = ids[b];
        const has = x !== undefined && y !== undefined && model.pairs.has(numericPair(x, y));
        if (has) {
          allAttested++;
          linked[a * n + b] = 1;
          linked[b * n + a] = 1;
        }
        if (tool[a] || (b < terms.length && tool[b])) {
          toolPairs++;
          if (has) toolAttested++;
        }
      }
    // A term is connected when some correct clause pairs it with another term or verb of this clause. Counting
    // terms rather than pairs keeps long, dense clauses (which pair many terms for the first time) fair.
    let pairs = 0;
    let attested = 0;
    if (n > 1)
      for (let a = 0; a < terms.length; a++) {
        pairs++;
        if (linked.subarray(a * n, a * n + n).includes(1)) attested++;
      }
    judged.push({
      clause: c,
      pairs,
      attested,
      allPairs,
      allAttested,
      toolPairs,
      toolAttested,
      terms,
    });
  }
  const bearing = judged.filter((j) => j.terms.length >= 2);
  // Unexplained: most pairings unknown to correct answers, or a named tool doing what no correct answer says.
  const relations = relationsOf(doc, clauses, model, itemsAt);
  const misrelated = new Set(relations.filter((r) => !r.attested).map((r) => r.clause.index));
  const unexplained = bearing.filter(
    (j) =>
      misrelated.has(j.clause.index) ||
      (j.allPairs >= STRICT_MIN_PAIRS && j.allAttested / j.allPairs < ATTESTED_MIN),
  );
  const all = judged.reduce((n, j) => n + j.allPairs, 0);
  return {
    clauses: judged,
    unexplained,
    unexplainedShare: bearing.length > 0 ? unexplained.length / bearing.length : 0,
    unattestedShare: all > 0 ? 1 - judged.reduce((n, j) => n + j.allAttested, 0) / all : 0,
    pairings: all,
    relations,
    known: content > 0 ? known / content : 0,
  };
}

/**
 * A named tool or service, by its spelling: capitals inside the word (GuardDuty, EC2, SCPs), or a capital where
 * a sentence does not start (Route 53, Macie). "A good module", "Handover" are not tools.
 */
function toolLike(doc: TextDoc, at: number, named?: ReadonlySet<string>): boolean {
  const t = doc.tokens[at] as Token;
  if (/[A-Z0-9]/.test(t.text.slice(1))) return true;
  const sentence = doc.sentences[t.sentence];
  if (/^[A-Z]/.test(t.text) && sentence !== undefined && sentence.from !== at) return true;
  // At a sentence start, or written in lower case: a name when correct answers write it as one.
  return named?.has(t.stem) ?? false;
}

/** Verbs whose relation is their object's: "let X handle Y". */
const CAUSATIVES: ReadonlySet<string> = new Set(['let', 'make', 'have', 'allow', 'get']);
/** Fronted phrases after which the sentence's own subject follows: "in practice", "in fact", "in our case". */
const FRONTED: ReadonlySet<string> = new Set([
  'practice',
  'fact',
  'short',
  'general',
  'theory',
  'our',
  'the',
  'production',
]);

function findVerbAfter(doc: TextDoc, from: number, to: number): number {
  for (let i = from; i < to; i++) if ((doc.tokens[i] as Token).pos === 'VERB') return i;
  return -1;
}

/** Subjects that are people, not tools: "we enable Object Lock" says nothing about what a tool does. */
const PERSONS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'team',
  'engineer',
  'developer',
  'client',
]);

export interface Relation {
  /** The term doing something, what it does (a verb stem, or "" for "X is Y"), and to which term. */
  readonly subject: string;
  readonly verb: string;
  readonly object: string | null;
  /** Some correct clause pairs the subject with the verb or with the object. */
  readonly attested: boolean;
  readonly clause: Clause;
  readonly text: string;
}

/**
 * What each clause says a term does: its subject term, main verb and object term ("Macie handles TLS
 * termination"; "STS is a kind of MFA"). A relation no correct clause supports is a tool doing another's job.
 */
interface RawRelation {
  readonly subject: string;
  readonly verb: string;
  readonly object: string | null;
  readonly tool: boolean;
  /** "X is Y", "X acts as Y", "X replaces Y": a claim of what the subject is, not of what it does. */
  readonly identity: boolean;
  /** "we enable X on Y": where the subject is put, not what it does. */
  readonly placement?: boolean;
  readonly clause: Clause;
}

/** Verbs that equate their subject with their object. */
const IDENTITY_VERBS: ReadonlySet<string> = new Set([
  'act',
  'serv',
  'work',
  'function',
  'becom',
  'replac',
  'mean',
  'equal',
  'repres',
]);

/** Subject term, main verb and object term of each clause that has them (no attestation yet). */
function rawRelations(
  doc: TextDoc,
  clauses: readonly Clause[],
  terms: TermModel['terms'],
  thesaurus: ReadonlyMap<number, string[]>,
  named?: ReadonlySet<string>,
  itemsAt?: readonly Items[],
): RawRelation[] {
  const out: RawRelation[] = [];
  let previous: { clause: Clause; items: Items } | null = null;
  for (const [k, c] of clauses.entries()) {
    const items = itemsAt?.[k] ?? itemsOf(doc, thesaurus, terms, c.from, c.to);
    const before = previous;
    previous = { clause: c, items };
    if (items.terms.length === 0) continue;
    let v = -1;
    let copula = -1;
    for (let i = c.from; i < c.to; i++) {
      const t = doc.tokens[i] as Token;
      if (t.pos === 'VERB' && doc.tokens[i - 1]?.norm !== 'to' && !namePart(doc, i)) {
        // "the lock file encrypts": a verb tag right before another verb is a noun of the subject.
        v = doc.tokens[i + 1]?.pos === 'VERB' && doc.tokens[i - 1]?.pos === 'NOUN' ? i + 1 : i;
        break;
      }
      if (t.pos === 'AUX' && copula < 0) copula = i;
    }
    let pivot = v >= 0 ? v : copula;
    if (pivot < 0) continue;
    // "We let X handle Y", "we make X do Y": the relation is X's.
    let from = c.from;
    if (v >= 0 && CAUSATIVES.has((doc.tokens[v] as Token).lemma)) {
      const next = findVerbAfter(doc, v + 1, c.to);
      if (next < 0) continue;
      from = v + 1;
      v = next;
      pivot = next;
    }
    // The subject: the last term before the verb, with no person or pronoun between them; in a relative clause
    // ("…, which acts as our WAF") the last term of the clause it describes.
    let subject = -1;
    for (let k = 0; k < items.terms.length; k++) {
      const at = items.at[k] as number;
      if (at >= from && at < pivot) subject = k;
    }
    let subjectTerm: string;
    let subjectAt: number;
    if (subject >= 0) {
      subjectTerm = items.terms[subject] as string;
      subjectAt = items.at[subject] as number;
      const between = doc.tokens.slice(subjectAt + 1, pivot);
      if (
        between.some(
          (t) =>
            PERSONS.has(t.norm) ||
            (t.pos === 'PRON' && !REFLEXIVES.has(t.norm)) ||
            (t.pos === 'VERB' && !namePart(doc, t.index)),
        )
      )
        continue;
      const ahead = doc.tokens.slice(from, subjectAt);
      // A person or an action before the subject makes it an object ("we enable Object Lock"); a preposition
      // makes it a complement ("for S3 …") unless a comma or a fronted phrase closes it ("In practice X …").
      if (ahead.some((t) => PERSONS.has(t.norm) || t.pos === 'VERB')) {
        const placed = placement(doc, items, pivot, c.to, named);
        if (placed) out.push({ ...placed, clause: c });
        continue;
      }
      const lastAdp = ahead.map((t) => t.pos).lastIndexOf('ADP');
      if (
        lastAdp >= 0 &&
        !ahead.slice(lastAdp).some((t) => t.norm === ',') &&
        !FRONTED.has(ahead[lastAdp + 1]?.norm ?? '')
      )
        continue;
    } else {
      const antecedent = relativeAntecedent(doc, c, pivot, before);
      if (!antecedent) {
        const ahead = doc.tokens.slice(from, pivot);
        const placed = ahead.some((t) => PERSONS.has(t.norm))
          ? placement(doc, items, pivot, c.to, named)
          : null;
        if (placed) out.push({ ...placed, clause: c });
        continue;
      }
      [subjectTerm, subjectAt] = antecedent;
    }
    const objectK = items.terms.findIndex((_, k) => (items.at[k] as number) > pivot);
    const verbToken = v >= 0 ? (doc.tokens[v] as Token) : null;
    const verb = verbToken && !LIGHT_VERBS.has(verbToken.lemma) ? verbToken.stem : '';
    let object = objectK >= 0 ? (items.terms[objectK] as string) : null;
    // A passive with its agent ("the subnets are protected by the Internet Gateway") says what the agent does.
    const agentK = v >= 0 ? passiveAgent(doc, v, items, c.to) : -1;
    if (agentK >= 0 && subject >= 0) {
      object = subjectTerm;
      subjectTerm = items.terms[agentK] as string;
      subjectAt = items.at[agentK] as number;
    }
    if (!verb && !object) continue;
    // "Etcd snapshot runs inside the kubelet", "Route 53 lives in the Aurora cluster": a light verb that places
    // its subject claims where it is, like a person placing one tool on another.
    const placed =
      !verb &&
      toolLike(doc, subjectAt, named) &&
      object !== null &&
      v >= 0 &&
      agentK < 0 &&
      PLACING.has(doc.tokens[v + 1]?.norm ?? '') &&
      (objectK < 0 || (items.at[objectK] as number) <= v + 4);
    out.push({
      subject: subjectTerm,
      verb,
      object,
      tool: toolLike(doc, subjectAt, named),
      identity: !placed && object !== null && (v < 0 || IDENTITY_VERBS.has(verbToken?.stem ?? '')),
      ...(placed ? { placement: true } : {}),
      clause: c,
    });
  }
  return out;
}

/** Pronouns that stand beside their subject rather than for another one ("the RTO itself is …"). */
const REFLEXIVES: ReadonlySet<string> = new Set(['itself', 'themselves']);

/** Prepositions that put one thing on, in or in front of another. */
const PLACING: ReadonlySet<string> = new Set([
  'on',
  'to',
  'in',
  'into',
  'inside',
  'onto',
  'behind',
  'within',
]);

/**
 * Where a person's clause puts a named tool: "we enable GuardDuty on the Transit Gateway", "we attach a Savings
 * Plan to the ALB": the first term after the verb, a placing preposition, and the term right after it. A claim
 * that the one belongs on the other, which correct answers either make or not.
 */
function placement(
  doc: TextDoc,
  items: Items,
  pivot: number,
  to: number,
  named?: ReadonlySet<string>,
): Omit<RawRelation, 'clause'> | null {
  const a = items.at.findIndex((at) => at > pivot);
  if (a < 0 || a + 1 >= items.terms.length || !toolLike(doc, items.at[a] as number, named)) return null;
  let i = (items.at[a] as number) + 1;
  const next = items.at[a + 1] as number;
  while (i < next && i < to && doc.tokens[i]?.pos !== 'ADP') i++;
  const prep = doc.tokens[i];
  if (!prep || i >= next || !PLACING.has(prep.norm)) return null;
  for (let k = i + 1; k < next; k++) {
    const t = doc.tokens[k] as Token;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PRON') return null;
  }
  return {
    subject: items.terms[a] as string,
    verb: '',
    object: items.terms[a + 1] as string,
    tool: true,
    identity: false,
    placement: true,
  };
}

/** Relative pronouns that stand for the term before them. */
const RELATIVES: ReadonlySet<string> = new Set(['which', 'that', 'who']);

/**
 * The term a relative clause describes: the clause opens with "which"/"that"/"who" right before its verb (adverbs
 * and auxiliaries aside), and the clause before it, in the same sentence, ends with a term.
 */
function relativeAntecedent(
  doc: TextDoc,
  c: Clause,
  pivot: number,
  before: { clause: Clause; items: Items } | null,
): [string, number] | null {
  let i = c.from;
  while (i < pivot && (doc.tokens[i] as Token).kind === 'punct') i++;
  const opener = doc.tokens[i];
  if (!opener || !RELATIVES.has(opener.norm) || !before || before.items.terms.length === 0) return null;
  for (let k = i + 1; k < pivot; k++) {
    const t = doc.tokens[k] as Token;
    if (t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART') return null;
  }
  const last = before.items.terms.length - 1;
  const at = before.items.at[last] as number;
  if (doc.tokens[at]?.sentence !== opener.sentence) return null;
  return [before.items.terms[last] as string, at];
}

/** In "X is/are/was/got VERB-ed by Y", the term Y (its index among the clause's terms), else -1. */
function passiveAgent(doc: TextDoc, v: number, items: Items, to: number): number {
  let k = v - 1;
  while (k >= 0 && (doc.tokens[k] as Token).pos === 'ADV') k--;
  const aux = doc.tokens[k];
  if (!aux || !(aux.lemma === 'be' || aux.lemma === 'get')) return -1;
  const by = doc.tokens[v + 1];
  if (by?.norm !== 'by') return -1;
  const agent = items.terms.findIndex((_, n) => (items.at[n] as number) > v + 1);
  if (agent < 0) return -1;
  // Only determiners and adjectives between "by" and the agent: "by blocking packets" is a means, not an agent.
  for (let n = v + 2; n < (items.at[agent] as number) && n < to; n++) {
    const t = doc.tokens[n] as Token;
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PRON') return -1;
  }
  return agent;
}

/** The keys under which a correct clause's relation is remembered: subject–verb, subject–object, verb–object. */
export function relationKeys(r: {
  subject: string;
  verb: string;
  object: string | null;
  identity: boolean;
}): string[] {
  if (r.identity && r.object !== null) return [pairKey(`i:${r.subject}`, `i:${r.object}`)];
  return [
    ...(r.verb ? [pairKey(`s:${r.subject}`, `v:${r.verb}`)] : []),
    ...(r.object !== null ? [pairKey(`s:${r.subject}`, `o:${r.object}`)] : []),
    ...(r.verb && r.object !== null ? [pairKey(`v:${r.verb}`, `o:${r.object}`)] : []),
  ];
}

export function relationsOf(
  doc: TextDoc,
  clauses: readonly Clause[],
  model: TermModel,
  /** Each clause's items, when the caller has read them already. */
  itemsAt?: readonly Items[],
): Relation[] {
  const thesaurus = termsAt(doc.tokens);
  const out: Relation[] = [];
  for (const r of rawRelations(doc, clauses, model.terms, thesaurus, model.named, itemsAt)) {
    // A named tool is judged by what it is said to do; any other term only when the verb and its object are
    // strangers to it and to each other ("the lock file encrypts the drift").
    if (!r.tool && (!r.verb || r.object === null)) continue;
    // Attested when a correct clause says the same of the subject (same verb, or same object), or, for a term
    // that is no tool, does the same to the same object.
    const [sv, so, vo] = [
      r.verb ? pairKey(`s:${r.subject}`, `v:${r.verb}`) : null,
      r.object !== null ? pairKey(`s:${r.subject}`, `o:${r.object}`) : null,
      r.verb && r.object !== null ? pairKey(`v:${r.verb}`, `o:${r.object}`) : null,
    ];
    const known = (k: string | null) => k !== null && model.relations.has(k);
    // An identity ("X is basically the Y of Z") holds only where a correct answer says the same of the two;
    // anything else where a correct clause says it, or holds the subject with both its verb and its object.
    const attested =
      r.placement && r.object !== null
        ? known(so) || paired(model, r.subject, r.object)
        : r.identity && r.object !== null
          ? r.subject === r.object || known(pairKey(`i:${r.subject}`, `i:${r.object}`))
          : known(sv) ||
            known(so) ||
            (!r.tool && known(vo)) ||
            (!r.tool && r.object !== null && paired(model, r.subject, r.object));
    const start = doc.tokens[r.clause.from]?.start ?? 0;
    const end = doc.tokens[r.clause.to - 1]?.end ?? start;
    out.push({ ...r, attested, text: doc.text.slice(start, end) });
  }
  return out;
}

/** The model as plain data, for a warm start (the storage adapter keeps it next to the bank cache). */
export interface TermModelData {
  readonly terms: ReadonlyArray<readonly [string, readonly (readonly string[])[]]>;
  readonly vocabulary: readonly string[];
  readonly pairs: readonly number[];
  readonly ids: readonly string[];
  readonly named: readonly string[];
  readonly relations: readonly string[];
  readonly keyPointFrequency: ReadonlyArray<readonly [string, number]>;
  readonly keyPoints: number;
}

export function exportTermModel(m: TermModel): TermModelData {
  const ids: string[] = [];
  for (const [k, i] of m.ids) ids[i] = k;
  return {
    terms: [...m.terms],
    vocabulary: [...m.vocabulary],
    pairs: [...m.pairs],
    ids,
    named: [...m.named],
    relations: [...m.relations],
    keyPointFrequency: [...m.keyPointFrequency],
    keyPoints: m.keyPoints,
  };
}

/** Install a saved model for this question list, so `termModel(questions)` returns it without learning. */
export function importTermModel(questions: readonly Question[], d: TermModelData): TermModel {
  const model: TermModel = {
    terms: new Map(d.terms.map(([k, v]) => [k, v.map((x) => [...x])])),
    vocabulary: new Set(d.vocabulary),
    pairs: new Set(d.pairs),
    ids: new Map(d.ids.map((k, i) => [k, i])),
    named: new Set(d.named),
    relations: new Set(d.relations),
    keyPointFrequency: new Map(d.keyPointFrequency),
    keyPoints: d.keyPoints,
  };
  cache.set(questions, model);
  return model;
}
