// Polarity of a mention: does the answer state a practice, or name it only to reject, belittle or skip it?
// "Canary releases just slow us down, so we ship to everyone at once" uses the practice's words and contradicts it.
// A general signal over the clause that holds the mention, and the clause or sentence right after it when that
// one refers back ("We looked at canaries. It was pure overhead."). Double negatives read as endorsements: "we
// never deploy without a rollback plan", "skipping review is a mistake", "tests are not optional".
import type { TextDoc, Token } from '../../text/index.js';
import type { Clause } from './clauses.js';

/** Verdicts that belittle what they are said of: "X is overkill", "X just slows us down". Lemmas or words. */
const VERDICT_WORDS: ReadonlySet<string> = new Set([
  'overkill',
  'overhead',
  'waste',
  'pointless',
  'useless',
  'unnecessary',
  'needless',
  'overrated',
  'overengineering',
  'over-engineering',
  'overengineered',
  'over-engineered',
  'bureaucracy',
  'bureaucratic',
  'theatre',
  'theater',
  'luxury',
  'formality',
  'paperwork',
  'hassle',
  'nonsense',
  'bloat',
  'busywork',
  'annoying',
  'distraction',
  'burden',
  'optional',
  'academic',
  'ceremony',
  'red tape',
  'box-ticking',
  'checkbox',
  'noise',
  'bottleneck',
  'obstacle',
  'blocker',
  'irrelevant',
  'redundant',
  'superfluous',
  'silly',
  'boring',
  'pain',
  'headache',
  'buzzword',
  'hype',
  'fad',
  'messy',
  'mess',
  'stuff',
  'someday',
  'paranoid',
  'paranoia',
  'joke',
  'toy',
  'trash',
  'garbage',
  'rubbish',
  'impossible',
  'unjustified',
  'pray',
  'cargo-cult',
  'gimmick',
  'marketing',
]);
/** Multi-word verdicts, as lemma sequences. */
const VERDICT_PHRASES: readonly (readonly string[])[] = [
  ['slow', 'down'],
  ['slow', 'we', 'down'],
  ['slow', 'us', 'down'],
  ['slow', 'everything', 'down'],
  ['slow', 'thing', 'down'],
  ['get', 'in', 'the', 'way'],
  ['not', 'worth'],
  ["n't", 'worth'],
  ['more', 'trouble', 'than'],
  // "more moving parts than it's worth", "more complexity than it's worth".
  ['than', 'it', 'be', 'worth'],
  ['than', 'they', 'be', 'worth'],
  ['more', 'moving', 'part'],
  ['add', 'complexity'],
  ['too', 'slow'],
  ['too', 'expensive'],
  ['too', 'complicated'],
  ['too', 'complex'],
  ['too', 'much', 'effort'],
  ['too', 'much', 'work'],
  ['nice', 'to', 'have'],
  ['nice', 'on', 'paper'],
  ['good', 'on', 'paper'],
  ['in', 'theory'],
  ['for', 'big', 'company'],
  ['for', 'large', 'company'],
  ['for', 'big', 'team'],
  ['for', 'enterprise'],
  ['for', 'bank'],
  ['only', 'add'],
  ['just', 'add'],
  ['add', 'nothing'],
  ['not', 'need'],
  ["n't", 'need'],
  ['not', 'necessary'],
  ["n't", 'necessary'],
  ['not', 'really', 'need'],
  ["n't", 'really', 'need'],
  ['not', 'important'],
  ["n't", 'important'],
  ['not', 'a', 'priority'],
  ["n't", 'a', 'priority'],
  ['never', 'use'],
  ['never', 'need'],
  ['never', 'help'],
  ['never', 'work'],
  ['do', 'not', 'help'],
  ['do', "n't", 'help'],
  ['do', 'not', 'work'],
  ['do', "n't", 'work'],
  ['do', 'not', 'add'],
  ['do', "n't", 'add'],
  ['do', 'not', 'matter'],
  ['do', "n't", 'matter'],
  ['no', 'value'],
  ['no', 'one', 'read'],
  ['nobody', 'read'],
  ['nobody', 'look'],
  ['nobody', 'use'],
  ['no', 'one', 'use'],
  ['no', 'one', 'look'],
  ['a', 'lot', 'of', 'work', 'for', 'nothing'],
  ['for', 'nothing'],
  ['can', 'wait'],
  ['kill', 'velocity'],
  ['kill', 'productivity'],
  ['hurt', 'velocity'],
  ['slow', 'velocity'],
  ['cost', 'too', 'much'],
  ['take', 'too', 'long'],
  ['waste', 'of'],
  ['the', 'enemy', 'of'],
  ['just', 'for', 'show'],
  ['for', 'show'],
  ['for', 'auditor'],
  ['make', 'no', 'sense'],
  ['not', 'for', 'we'],
  ['not', 'for', 'us'],
  ['not', 'our', 'thing'],
  ['not', 'realistic'],
  ['not', 'practical'],
  ['unrealistic'],
  ['impractical'],
  ['zero', 'value'],
  ['who', 'care'],
  ['nobody', 'care'],
  ['no', 'one', 'care'],
  ['not', 'justify'],
  ["n't", 'justify'],
  ['technical', 'debt'],
  ['cargo', 'cult'],
  ['only', 'for'],
  ['just', 'for'],
  ['for', 'manager'],
  ['for', 'auditor'],
  ['no', 'time', 'for'],
  ['nobody', 'have', 'time'],
  ['no', 'one', 'have', 'time'],
  ['who', 'have', 'time'],
  ['over', 'the', 'top'],
  ['off', 'they', 'go'],
  ['off', 'it', 'go'],
];

/** Acts that drop what follows them: "we skip X", "we got rid of X". Lemma sequences; X comes after. */
const DROP_ACTS: readonly (readonly string[])[] = [
  ['skip'],
  ['bypass'],
  ['ignore'],
  ['drop'],
  ['ditch'],
  ['scrap'],
  ['abandon'],
  ['disable'],
  ['turn', 'off'],
  ['switch', 'off'],
  ['shut', 'off'],
  ['get', 'rid', 'of'],
  ['give', 'up', 'on'],
  ['give', 'up'],
  ['do', 'away', 'with'],
  ['do', 'without'],
  ['live', 'without'],
  ['go', 'without'],
  ['survive', 'without'],
  ['manage', 'without'],
  ['stop', 'do'],
  ['stop', 'use'],
  ['stop', 'bother'],
  ['not', 'bother'],
  ["n't", 'bother'],
  ['never', 'bother'],
  ['no', 'need', 'for'],
  ['no', 'need', 'to'],
  ['no', 'point', 'in'],
  ['no', 'point'],
  ['what', 'be', 'the', 'point', 'of'],
  ['who', 'need'],
  ['why', 'bother', 'with'],
  ['why', 'would', 'we', 'need'],
  ['why', 'would', 'i', 'need'],
  ['why', 'would', 'anyone', 'need'],
  ['forget', 'about'],
  ['forget'],
  ['not', 'believe', 'in'],
  ["n't", 'believe', 'in'],
  ['not', 'a', 'fan', 'of'],
  ['not', 'care', 'about'],
  ["n't", 'care', 'about'],
  ['postpone'],
  ['defer'],
  ['put', 'off'],
  ['cut'],
  ['remove'],
  ['throw', 'away'],
  ['throw', 'out'],
  ['kill'],
  ['leave', 'out'],
  ['rip', 'out'],
  ['never', 'do'],
  ['never', 'have'],
  ['never', 'set', 'up'],
  ['never', 'write'],
  ['never', 'run'],
  ['never', 'bother', 'with'],
  ['avoid'],
  ['steer', 'clear', 'of'],
  ['stay', 'away', 'from'],
];

/** Words that turn a dismissal of a bad thing into praise of the good one: "skipping X is a mistake". */
const COUNTER_VERDICTS: ReadonlySet<string> = new Set([
  'mistake',
  'bad',
  'wrong',
  'risky',
  'dangerous',
  'unsafe',
  'reckless',
  'irresponsible',
  'excuse',
  'regret',
  'lesson',
  'learn',
  'hurt',
  'bite',
  'burn',
  'cost',
  'outage',
  'incident',
  'trouble',
  'disaster',
  'nightmare',
]);
/** Words that reverse a verdict: "X is not overkill", "X never slowed us down". */
const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  "n't",
  'never',
  'no',
  'hardly',
  'rarely',
  'nobody',
  'without',
  'nothing',
  'none',
  'cannot',
]);
/** Reported opinions the speaker then answers: "people say X is overhead, but …". */
const REPORTERS: ReadonlySet<string> = new Set([
  'say',
  'think',
  'claim',
  'complain',
  'argue',
  'feel',
  'believe',
  'tell',
]);
const REPORTED_SUBJECTS: ReadonlySet<string> = new Set([
  'people',
  'some',
  'they',
  'developer',
  'team',
  'others',
  'me',
]);
/** Pronouns that point back to the previous clause's practice. */
const BACK_REFERENCES: ReadonlySet<string> = new Set([
  'it',
  'that',
  'this',
  'they',
  'them',
  'those',
  'which',
  'one',
]);
/** Clause links after which a negation no longer reaches: "we don't X, but we Y". */
const NEGATION_BARRIERS: ReadonlySet<string> = new Set([
  'but',
  'so',
  'because',
  'however',
  'then',
  'and',
  ';',
  ',',
  'only',
  'instead',
]);
/** Drop acts that need no object to drop what came before: "…, so we stopped", "we gave up". */
const INTRANSITIVE_DROPS: ReadonlySet<string> = new Set(['stop', 'quit', 'give', 'abandon']);
/** Words that may stand between a drop act and its object: "skip the integration tests", "skip all of them". */
const OBJECT_LEAD_POS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'ADV', 'PRON', 'NUM', 'PART']);
/** A counterfactual after "without X": "without runbooks the on-call would be guessing". */
const COUNTERFACTUAL: ReadonlySet<string> = new Set(['would', 'could', 'might']);
/** Words that open a case or a condition rather than an answer: "If …", "When …". */
const CASE_OPENERS: ReadonlySet<string> = new Set(['if', 'when', 'once', 'unless', 'whenever', 'where']);
/** Sentences this short that end in "?" and hold the mention set it up for a verdict: "Staging? …". */
const FRAGMENT_WORDS = 9;

export type Stance = 'stated' | 'negated' | 'dismissed';

export interface Dismissal {
  /** Token range of the words that reject or belittle it. */
  readonly from: number;
  readonly to: number;
  readonly form: 'verdict' | 'drop' | 'negation';
}

const lemmaOf = (t: Token | undefined) => (t ? (t.norm === "n't" ? "n't" : t.lemma) : '');
const isNegator = (t: Token | undefined) => !!t && (NEGATORS.has(t.norm) || NEGATORS.has(lemmaOf(t)));

function seqAt(tokens: readonly Token[], i: number, seq: readonly string[], end: number): number {
  let j = i;
  for (const want of seq) {
    const t = tokens[j];
    if (!t || j >= end) return -1;
    const l = lemmaOf(t);
    if (l !== want && t.norm !== want && !(want === 'we' && t.norm === 'us')) return -1;
    j++;
  }
  return j;
}

function negatorCount(tokens: readonly Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isNegator(tokens[i])) n++;
  return n;
}

function reported(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!REPORTERS.has(lemmaOf(tokens[i]))) continue;
    for (let j = Math.max(from, i - 3); j < i; j++)
      if (REPORTED_SUBJECTS.has(lemmaOf(tokens[j]))) return true;
  }
  return false;
}

const byFirst = new WeakMap<readonly (readonly string[])[], Map<string, (readonly string[])[]>>();

/** Phrases by their first word, so each token looks only at the phrases that can start there. */
function indexed(phrases: readonly (readonly string[])[]): Map<string, (readonly string[])[]> {
  const known = byFirst.get(phrases);
  if (known) return known;
  const map = new Map<string, (readonly string[])[]>();
  for (const p of phrases) {
    const first = p[0] as string;
    map.set(first, [...(map.get(first) ?? []), p]);
  }
  byFirst.set(phrases, map);
  return map;
}

function findIn(
  tokens: readonly Token[],
  from: number,
  to: number,
  words: ReadonlySet<string> | null,
  phrases: readonly (readonly string[])[],
  form: Dismissal['form'],
): Dismissal | null {
  const table = indexed(phrases);
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (words && (words.has(t.lemma) || words.has(t.norm))) return { from: i, to: i + 1, form };
    const l = lemmaOf(t);
    const candidates = [...(table.get(l) ?? []), ...(t.norm !== l ? (table.get(t.norm) ?? []) : [])];
    for (const seq of candidates) {
      const end = seqAt(tokens, i, seq, to);
      if (end > 0) return { from: i, to: end, form };
    }
  }
  return null;
}

const findVerdict = (tokens: readonly Token[], from: number, to: number) =>
  findIn(tokens, from, to, VERDICT_WORDS, VERDICT_PHRASES, 'verdict');
const findDrop = (tokens: readonly Token[], from: number, to: number) =>
  findIn(tokens, from, to, null, DROP_ACTS, 'drop');

/** Links through which a verdict word is said of the subject: "X is overkill", "X feels like bureaucracy". */
const COPULAS: ReadonlySet<string> = new Set([
  'be',
  'become',
  'feel',
  'seem',
  'sound',
  'look',
  'remain',
  'stay',
]);

/**
 * A verdict word (a noun or adjective, not a verbal phrase) judges the mention only as a complement: "X is
 * overkill", "X, pure overhead". As an object ("autoscaling removes waste", "a note with blockers") it does not.
 */
function saidOfSubject(tokens: readonly Token[], from: number, v: Dismissal): boolean {
  if (v.to - v.from > 1 || VERDICT_PHRASES.some((p) => p.length === 1 && p[0] === tokens[v.from]?.lemma))
    return true;
  const between = tokens.slice(from, v.from);
  if (between.some((t) => t.pos === 'VERB' && !COPULAS.has(t.lemma))) return false;
  if (between.some((t) => COPULAS.has(t.lemma) || t.pos === 'AUX')) return true;
  // A verdict right after the mention or after a comma: "X? Overkill.", "X, pure overhead".
  return between.every((t) => t.kind === 'punct' || t.pos === 'ADV' || t.pos === 'DET' || t.pos === 'ADJ');
}

/** A verdict not reversed by a negator before it ("X is not overkill", "X never slowed us down"). */
function standingVerdict(tokens: readonly Token[], from: number, to: number): Dismissal | null {
  const v = findVerdict(tokens, from, to);
  if (!v || !saidOfSubject(tokens, from, v)) return null;
  const own = negatorCount(tokens, v.from, v.to);
  const before = negatorCount(tokens, from, v.from);
  return (before + own) % 2 === (own > 0 ? 1 : 0) ? v : null;
}

/** Longest mention, in tokens, inside which a negator is read as negating it. */
const INNER_SPAN = 5;

/** Verbs that, negated after a fronted object, refuse it: "SCPs I don't use", "Egress we don't lock down". */
const FRONTED_NEGATED: ReadonlySet<string> = new Set([
  'use',
  'need',
  'do',
  'run',
  'want',
  'lock',
  'bother',
  'care',
  'touch',
  'enable',
  'trust',
]);

/** Subjects of a fronted object's clause: "SCPs *I* avoid". */
const FRONTING_SUBJECTS: ReadonlySet<string> = new Set(['i', 'we', 'they', 'you', 'people', 'nobody']);

/** Right after a mention: a subject, then a drop act with nothing else as its object ("SCPs I avoid, because…"). */
function frontedDrop(tokens: readonly Token[], from: number, to: number): Dismissal | null {
  const subject = tokens[from];
  if (!subject || !FRONTING_SUBJECTS.has(subject.norm)) return null;
  const table = indexed(DROP_ACTS);
  let i = from + 1;
  while (i < to && (tokens[i]?.pos === 'AUX' || tokens[i]?.pos === 'ADV')) i++;
  // "Blue/green I don't use", "Egress we never lock down": the fronted object, then a negated verb with no object
  // of its own.
  let k = i;
  let negs = 0;
  while (k < to && (tokens[k]?.pos === 'AUX' || tokens[k]?.pos === 'ADV' || isNegator(tokens[k]))) {
    if (isNegator(tokens[k])) negs++;
    k++;
  }
  const verb = tokens[k];
  if (negs % 2 === 1 && verb?.pos === 'VERB' && FRONTED_NEGATED.has(verb.lemma)) {
    const rest = tokens
      .slice(k + 1, to)
      .find((x) => x.kind !== 'punct' && x.pos !== 'ADP' && x.pos !== 'PART');
    if (!rest || rest.pos === 'ADV' || rest.pos === 'SCONJ' || rest.norm === 'because')
      return { from: i, to: k + 1, form: 'drop' };
  }
  const t = tokens[i];
  if (!t) return null;
  for (const seq of [
    ...(table.get(lemmaOf(t)) ?? []),
    ...(t.norm !== lemmaOf(t) ? (table.get(t.norm) ?? []) : []),
  ]) {
    const end = seqAt(tokens, i, seq, to);
    if (end < 0) continue;
    const object = tokens.slice(end, to).find((x) => x.kind !== 'punct');
    if (object && object.pos !== 'ADV' && object.pos !== 'SCONJ' && object.norm !== 'because') continue;
    if (negatorCount(tokens, from, i) % 2 === 1) return null;
    return { from: i, to: end, form: 'drop' };
  }
  return null;
}

/** Who does things in an answer: a negation with one of these as its subject is theirs to make. */
const DOERS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'they',
  'team',
  'client',
  'customer',
  'nobody',
]);

/**
 * A failure described, not a practice denied: "it can't connect to the database", "the pod cannot pull the image".
 * A "cannot" whose subject is a thing, not a person.
 */
function symptom(tokens: readonly Token[], negator: number): boolean {
  const neg = tokens[negator];
  if (!neg) return false;
  let modal = negator;
  if (neg.norm !== 'cannot') {
    modal = negator - 1;
    const m = tokens[modal];
    if (!m || !['can', 'ca', 'could'].includes(m.norm)) return false;
  }
  let k = modal - 1;
  while (k >= 0 && (tokens[k] as Token).pos === 'ADV') k--;
  const subject = tokens[k];
  if (!subject || DOERS.has(subject.norm)) return false;
  return subject.pos === 'PRON' || subject.pos === 'NOUN' || subject.pos === 'PROPN';
}

/** Words that open a goal: "so that", "make sure", "ensure", "in order that". */
const PURPOSE: readonly (readonly string[])[] = [
  ['so', 'that'],
  ['make', 'sure'],
  ['ensure'],
  ['in', 'order'],
];
/** How far before a negator a goal's opening word may stand. */
const PURPOSE_REACH = 6;

/**
 * A negation inside a goal states what the practice prevents, not a refusal: "so that no token is in the pod",
 * "make sure managers aren't using postmortems in reviews".
 */
function purpose(tokens: readonly Token[], sentenceFrom: number, negator: number): boolean {
  for (let i = negator - 1; i >= Math.max(sentenceFrom, negator - PURPOSE_REACH); i--) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') return false;
    if (PURPOSE.some((seq) => seqAt(tokens, i, seq, negator) > 0)) return true;
  }
  return false;
}

/** Words that open a condition: a negation inside one sets a case ("If the app doesn't call the API, …"). */
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless', 'whether', 'when', 'whenever', 'once']);

/**
 * A negation that refuses nothing: inside a condition ("If the app doesn't talk to the API server, I turn off the
 * token") or inside a question ("What would you want me not to change?").
 */
function hypothetical(
  tokens: readonly Token[],
  clauses: readonly Clause[],
  sentenceTo: number,
  negator: number,
): boolean {
  if (tokens[sentenceTo - 1]?.norm === '?') return true;
  const clause = clauses.find((c) => c.from <= negator && negator < c.to);
  if (!clause) return false;
  for (let i = clause.from; i < negator; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct') continue;
    return CONDITIONS.has(t.norm) || (t.norm === 'even' && CONDITIONS.has(tokens[i + 1]?.norm ?? ''));
  }
  return false;
}

/** Words that make a drop act an exception, not a refusal: "I avoid ClusterRoleBindings *unless* really needed". */
const EXCEPTIONS: ReadonlySet<string> = new Set(['unless', 'except', 'exception']);
/** How far after the mention an exception may stand. */
const EXCEPTION_REACH = 4;

/** A drop act set against what is done: "fix the timings *rather than* remove it", "*instead of* skipping it". */
function counterposed(tokens: readonly Token[], at: number): boolean {
  const a = tokens[at - 2]?.norm;
  const b = tokens[at - 1]?.norm;
  return (a === 'rather' && b === 'than') || (a === 'instead' && b === 'of');
}

/** A drop act whose object is a back reference, or that closes its clause: "so we turned them off", "we gave up". */
function droppedBack(tokens: readonly Token[], from: number, to: number): Dismissal | null {
  const table = indexed(DROP_ACTS);
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    const l = lemmaOf(t);
    for (const seq of [...(table.get(l) ?? []), ...(t.norm !== l ? (table.get(t.norm) ?? []) : [])]) {
      let end = seqAt(tokens, i, seq, to);
      // A phrasal verb around its object: "turned them off", "got it out" — the pronoun is the object.
      let around = false;
      if (
        end < 0 &&
        seq.length === 2 &&
        BACK_REFERENCES.has(tokens[i + 1]?.norm ?? '') &&
        seqAt(tokens, i, [seq[0] as string], to) > 0 &&
        seqAt(tokens, i + 2, [seq[1] as string], to) > 0
      ) {
        end = i + 3;
        around = true;
      }
      if (end < 0) continue;
      const after = tokens.slice(end, Math.min(to, end + 3)).filter((t) => t.kind !== 'punct');
      const object = after[0];
      const backObject = around || (!!object && BACK_REFERENCES.has(object.norm));
      const noObject = (!object || object.pos === 'ADV') && INTRANSITIVE_DROPS.has(seq[0] as string);
      if ((backObject || noObject) && negatorCount(tokens, from, i) % 2 === 0 && !counterposed(tokens, i))
        return { from: i, to: end, form: 'drop' };
    }
  }
  return null;
}

/**
 * The stance of the mention at tokens [first, last]: stated, negated ("we don't lock state"), or dismissed
 * ("state locking is overkill"). `clauses` are the answer's clauses; `at` is the index of the mention's clause.
 */
export function stanceOf(
  doc: TextDoc,
  clauses: readonly Clause[],
  at: number,
  first: number,
  last: number,
  /** The mention's own tokens, when known: a negator among them is the concept's ("no downtime"), not a denial. */
  inner?: readonly number[],
): { stance: Stance; evidence: Dismissal | null } {
  const clause = clauses[at];
  const stated = { stance: 'stated' as const, evidence: null };
  if (!clause) return stated;
  const { tokens } = doc;
  const sentence = doc.sentences[clause.sentence];
  const sFrom = sentence?.from ?? clause.from;
  const sTo = sentence?.to ?? clause.to;
  const sentenceTokens = tokens.slice(sFrom, sTo);
  // "People say X is overhead, but it saved us": an opinion reported to be answered.
  if (reported(tokens, sFrom, sTo) && sentenceTokens.some((t) => t.norm === 'but')) return stated;
  const counter = (from: number, to: number) =>
    tokens.slice(from, to).some((t) => COUNTER_VERDICTS.has(t.lemma));
  // "…, that's how you cause the outage": a rule of thumb said to "you" is a reason for the negation, not regret.
  const regret = (from: number, to: number) =>
    counter(from, to) && !tokens.slice(from, to).some((t) => t.norm === 'you');

  // "We skip X", "never bothered with X": a drop act right before the mention, with the mention its object.
  const found = findDrop(tokens, clause.from, first);
  // A drop act that is itself what is blocked or avoided ("SCPs block turning off CloudTrail") drops nothing.
  const blocked = (at: number) => tokens[at]?.softNegated === true && tokens[at]?.negated !== true;
  const drop = found && !counterposed(tokens, found.from) && !blocked(found.from) ? found : null;
  if (drop) {
    const between = tokens.slice(drop.to, first);
    const ownObject =
      between.length <= 3 && between.every((t) => OBJECT_LEAD_POS.has(t.pos) || t.norm === 'of');
    const negs = negatorCount(tokens, clause.from, drop.from);
    // "there is no excuse to skip X", "skipping X is a mistake", "we never skip X".
    const excepted = tokens
      .slice(last + 1, Math.min(sTo, last + 1 + EXCEPTION_REACH))
      .some((t) => EXCEPTIONS.has(t.norm));
    if (ownObject && excepted) return stated;
    if (ownObject && negs % 2 === 0 && !counter(sFrom, drop.from) && !counter(last + 1, sTo))
      return { stance: 'dismissed', evidence: drop };
    if (ownObject) return stated;
  }

  // Negation reaching the mention: counted back to the last clause link, so "we never go live without X" (two)
  // states X and "we don't have X" (one) negates it.
  let from = first - 1;
  while (from >= clause.from && !NEGATION_BARRIERS.has((tokens[from] as Token).norm)) from--;
  const negs = negatorCount(tokens, from + 1, first);
  if (negs % 2 === 1) {
    const lead = tokens[from + 1];
    // "Without runbooks, the on-call would be guessing"; "No rollback plan, no change".
    const counterfactual =
      lead?.norm === 'without' &&
      sentenceTokens.some((t) => COUNTERFACTUAL.has(t.norm) || t.norm === 'never');
    const noXnoY = lead?.norm === 'no' && tokens.slice(last + 1, sTo).some((t) => t.norm === 'no');
    const n = tokens.slice(from + 1, first).findIndex((t) => isNegator(t));
    if (
      !counterfactual &&
      !noXnoY &&
      !regret(last + 1, sTo) &&
      !symptom(tokens, from + 1 + n) &&
      !purpose(tokens, sFrom, from + 1 + n) &&
      !hypothetical(tokens, clauses, sTo, from + 1 + n)
    ) {
      return { stance: 'negated', evidence: { from: from + 1 + n, to: from + 2 + n, form: 'negation' } };
    }
    return stated;
  }

  // "kubectl cannot show logs": a negator inside a short mention, between its own words, negates it; a contrast
  // after a comma ("remote state, not the local file") is about what follows it.
  if (inner !== undefined && last - first <= INNER_SPAN) {
    const within = new Set(inner);
    for (let i = first + 1; i < last; i++)
      if (
        isNegator(tokens[i]) &&
        !within.has(i) &&
        tokens[i - 1]?.kind !== 'punct' &&
        negatorCount(tokens, first + 1, last) % 2 === 1 &&
        !purpose(tokens, sFrom, i) &&
        !hypothetical(tokens, clauses, sTo, i)
      )
        return { stance: 'negated', evidence: { from: i, to: i + 1, form: 'negation' } };
  }

  if (inner !== undefined && inner.length > 1) {
    const within = new Set(inner);
    const ordered = [...within].sort((a, b) => a - b);
    // "Bedrock is private anyway, so we don't need guardrails": in a phrasing matched across a clause link, a later
    // word of it that a person says they do without ("we don't", "I never"), counted back to the link as for the
    // mention's start. A contrast ("data plane, not control plane") and a thing's own negation ("assets never
    // reach the origin") are not refusals.
    for (const m of ordered) {
      if (m <= first) continue;
      let k = m - 1;
      while (k > first && !NEGATION_BARRIERS.has((tokens[k] as Token).norm)) k--;
      if (k <= first) continue;
      let n = 0;
      let at = -1;
      for (let i = k + 1; i < m; i++)
        if (!within.has(i) && isNegator(tokens[i])) {
          n++;
          at = i;
        }
      if (n % 2 === 0) continue;
      const before = tokens.slice(Math.max(k + 1, at - 2), at);
      const byDoer = before.some((t) => DOERS.has(t.norm)) && before.every((t) => t.kind !== 'punct');
      if (
        byDoer &&
        !regret(m + 1, sTo) &&
        !purpose(tokens, sFrom, at) &&
        !hypothetical(tokens, clauses, sTo, at)
      )
        return { stance: 'negated', evidence: { from: at, to: at + 1, form: 'negation' } };
    }
    // "Saving plan files is pointless, because they go stale": a phrasing matched around a verdict said of its
    // first words.
    const head = ordered[0] as number;
    for (let i = head + 1; i < last; i++) {
      if (within.has(i)) continue;
      const v = findVerdict(tokens, i, i + 1);
      if (
        v &&
        !within.has(v.from) &&
        saidOfSubject(tokens, head + 1, v) &&
        negatorCount(tokens, head, v.from) === 0
      )
        return { stance: 'dismissed', evidence: v };
    }
  }
  // "SCPs I avoid", "Staging we skip": the mention fronted, then its subject and a drop act that takes it.
  const fronted = frontedDrop(tokens, last + 1, clause.to);
  if (fronted) return { stance: 'dismissed', evidence: fronted };

  // "X is overkill", "X just slows us down": a verdict after the mention in its clause.
  const own = standingVerdict(tokens, last + 1, clause.to);
  if (own) return { stance: 'dismissed', evidence: own };
  // "…, so we turned them off", "…, so we mostly skip them": a later clause of the sentence drops it (not a
  // relative clause, which is about the nearest noun: "…, and failback, which people forget").
  const laterClause = clauses[at + 1];
  if (laterClause && laterClause.sentence === clause.sentence && tokens[laterClause.from]?.norm !== 'which') {
    const later = droppedBack(tokens, laterClause.from, sTo);
    if (later) return { stance: 'dismissed', evidence: later };
  }
  // "A waste of time, X": a verdict before the mention that it completes.
  const lead = findVerdict(tokens, clause.from, first);
  if (lead && negatorCount(tokens, clause.from, lead.from) === 0) {
    const between = tokens.slice(lead.to, first);
    if (between.some((t) => t.norm === 'of' || t.norm === 'for' || t.norm === 'like' || t.norm === 'with'))
      return { stance: 'dismissed', evidence: lead };
  }
  // The clause right after, when it refers back: "…, and it only adds noise"; "We tried canaries. It was overhead."
  const next = clauses[at + 1];
  if (next) {
    const head = tokens.slice(next.from, Math.min(next.to, next.from + 3));
    const fragment =
      tokens[sTo - 1]?.norm === '?' &&
      sentenceTokens.filter((t) => t.kind === 'word').length <= FRAGMENT_WORDS;
    const refersBack =
      head.some((t) => BACK_REFERENCES.has(t.norm)) ||
      fragment ||
      (next.sentence !== clause.sentence &&
        !head.some((t) => t.pos === 'PRON' || t.pos === 'NOUN' || t.pos === 'PROPN'));
    if (refersBack) {
      const v = standingVerdict(tokens, next.from, next.to) ?? droppedBack(tokens, next.from, next.to);
      if (v) return { stance: 'dismissed', evidence: v };
      // "Staging? We never had one." — the answer to its own question is a negation.
      // "Pending pods? If pods sit in Pending and no new nodes appear, …" opens a case, it does not answer.
      const opensCase = CASE_OPENERS.has(tokens[next.from]?.norm ?? '');
      if (fragment && next.sentence !== clause.sentence && !opensCase) {
        const n = tokens.slice(next.from, next.to).findIndex((t) => isNegator(t));
        if (n >= 0 && negatorCount(tokens, next.from, next.to) % 2 === 1 && !counter(next.from, next.to))
          return {
            stance: 'dismissed',
            evidence: { from: next.from + n, to: next.from + n + 1, form: 'negation' },
          };
      }
    }
  }
  return stated;
}
