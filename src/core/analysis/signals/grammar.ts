// Grammar: the errors Chinese speakers typically make in spoken English, found with rules over the text
// pipeline's tokens, parts of speech and lemmas, each with its correction. Mandarin marks neither tense nor
// number on words and has no articles, and its prepositions and conjunctions pair differently ("虽然…但是" gives
// "although … but"), so these are the rules: verb tense against time markers, subject–verb agreement, articles,
// plurals and uncountable nouns, prepositions after common verbs and adjectives, adjective and adverb forms and
// comparatives, doubled conjunctions. Jargon is never an error: commands, code, URLs and identifiers are skipped,
// and the nouns the bank writes without an article are allowed without one (the bank is the dictionary).

import type { Question } from '../../bank/schema.js';
import {
  adverbOf,
  articleFor,
  COUNT_NOUNS,
  COUNT_WORDS,
  comparativeOf,
  FALSE_PLURALS,
  isCompared,
  isPastForm,
  isThirdPerson,
  LINKING_VERBS,
  MASS_NOUNS,
  NEEDS_ADVERB,
  OFTEN_BARE,
  PLURAL_QUANTIFIERS,
  participleOf,
  pastOf,
  pluralOf,
  startsWithVowelSound,
  thirdPersonOf,
  UNITS,
} from '../../text/english.js';
import { readText, type TextDoc, type Token } from '../../text/index.js';
import type { GrammarFinding, GrammarRule } from '../types.js';

export { RULE_TYPE } from '../grammarRules.js';
export type { GrammarFinding, GrammarRule } from '../types.js';

/** A set of words written as one space-separated string. */
const wordSet = (words: string): ReadonlySet<string> => new Set(words.split(' '));

/** What the bank teaches the checker: nouns it writes without an article, nouns it counts, its jargon. */
export interface GrammarLexicon {
  /** Lemmas of singular nouns the bank's correct texts write with no article or determiner. */
  readonly bare: ReadonlySet<string>;
  /** Of those, the ones written bare at least twice. */
  readonly bareOften: ReadonlySet<string>;
  /** Lemmas the bank writes in the plural or after "a/an": countable. */
  readonly countable: ReadonlySet<string>;
  /** Acronyms the bank writes after "a/an" ("a VPC", "an ALB"), lower-cased: the ones that take an article. */
  readonly counted: ReadonlySet<string>;
}

export interface GrammarOptions {
  /** The current year, for "in 2021" as a past time marker. */
  readonly year?: number;
}

/** At most this many findings per answer: past that, the answer is not English prose to correct word by word. */
const MAX_FINDINGS = 60;

const EMPTY_LEXICON: GrammarLexicon = {
  bare: new Set(),
  bareOften: new Set(),
  countable: new Set(),
  counted: new Set(),
};

/** Command-line tools: what follows them up to the end of the command is code, not English. */
const CLI = wordSet(
  'kubectl terraform tofu terragrunt helm aws git docker eksctl argocd argo tflint tfsec checkov trivy cosign kustomize istioctl openssl curl dig nslookup ssh scp systemctl journalctl strace top htop iostat vmstat df du grep awk sed jq yq npm pip make gcloud az ansible ansible-playbook packer vault flux velero k9s stern crane kubeadm crictl ctr nerdctl lsof ss netstat ps dmesg perf tcpdump mtr traceroute iptables nft lsblk sysctl ulimit pidstat sar iotop',
);
/** Words that can continue a command after its tool ("kubectl rollout undo deployment"). */
const SUBCOMMANDS = wordSet(
  'apply plan init import state pull push list ls rm mv show validate destroy fmt output workspace select new upgrade install uninstall rollback template lint diff sync get describe logs log rollout undo restart status history exec port-forward drain cordon uncordon scale set image edit patch delete create annotate label taint auth can-i config use-context top pod pods node nodes deployment deployments svc service services ingress events namespace ns secret secrets configmap cm replicaset rs hpa pvc pv job jobs cronjob run build tag login s3 ec2 eks iam sts sso cp sync describe-instances get-caller-identity assume-role update-kubeconfig refresh force-unlock taint untaint graph providers version test console cluster clusters app apps repo repos commit checkout rebase merge revert cherry-pick blame bisect stash log reset clean ps inspect compose s_client x509 req verify',
);

const PERSONAL_SINGULAR = new Set([
  'he',
  'she',
  'it',
  'this',
  'everyone',
  'everybody',
  'nobody',
  'someone',
  'somebody',
]);
const PERSONAL_PLURAL = new Set(['we', 'they', 'you', 'these', 'those']);
const MODALS = new Set([
  'will',
  'would',
  'can',
  'could',
  'should',
  'must',
  'may',
  'might',
  'shall',
  'to',
  'did',
  'does',
  'do',
  "n't",
  'not',
  'never',
]);
/** Adverbs that may stand between a subject and its verb ("the pod also restarts"). */
const MID_ADVERBS = new Set([
  'also',
  'usually',
  'always',
  'often',
  'never',
  'sometimes',
  'still',
  'only',
  'just',
  'really',
  'already',
  'then',
  'now',
  'even',
  'mostly',
  'typically',
  'normally',
  'suddenly',
  'finally',
  'immediately',
  'automatically',
  'quickly',
  'first',
]);
/** Words that open a clause, after which a subject may follow. */
const CLAUSE_OPENERS = new Set([
  'when',
  'because',
  'if',
  'after',
  'before',
  'since',
  'while',
  'although',
  'though',
  'once',
  'until',
  'unless',
  'so',
  'and',
  'but',
  'or',
  'then',
  'where',
  'as',
  'whereas',
]);
/** Determiners and words that stand in for an article. */
const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'my',
  'our',
  'your',
  'their',
  'his',
  'her',
  'its',
  'each',
  'every',
  'any',
  'some',
  'no',
  'one',
  'another',
  'other',
  'which',
  'what',
  'whose',
  'either',
  'neither',
  'such',
  'same',
  'much',
  'more',
  'most',
  'less',
  'least',
  'enough',
  'all',
  'both',
  'half',
  'many',
  'several',
  'few',
  'first',
  'second',
  'last',
  'next',
  'whole',
]);
const INTENSIFIERS = new Set([
  'very',
  'too',
  'so',
  'really',
  'quite',
  'extremely',
  'pretty',
  'much',
  'a',
  'bit',
  'little',
  'more',
  'less',
]);
/** Time markers that put a sentence in the past. */
const PAST_UNITS = new Set([
  'week',
  'month',
  'year',
  'quarter',
  'night',
  'time',
  'sprint',
  'weekend',
  'summer',
  'winter',
  'spring',
  'autumn',
  'friday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'saturday',
  'sunday',
  'release',
  'incident',
  'project',
  'job',
  'company',
  'role',
  'team',
]);
const FUTURE_UNITS = new Set([
  'week',
  'month',
  'year',
  'quarter',
  'sprint',
  'weekend',
  'release',
  'step',
  'phase',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
]);

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly fix: string;
  readonly rule: GrammarRule;
  /** Words for the message: the wrong form and the right one. */
  readonly detail?: string;
}

interface Ctx {
  readonly doc: TextDoc;
  readonly tokens: readonly Token[];
  /** Tokens that are code, commands, URLs or identifiers: never an error, never evidence. */
  readonly skip: Uint8Array;
  readonly lexicon: GrammarLexicon;
  readonly year: number;
  /** Token indices right after a fronted time phrase ("Last quarter | the team …"): a clause starts there. */
  readonly openers: Set<number>;
}

const word = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';

/** An identifier, not a word: digits, underscores, dots, slashes or inner capitals ("tfstate", "t3.large"). */
function identifier(t: Token): boolean {
  if (t.kind === 'punct') return false;
  return /[_./\\:=<>{}[\]$@#`~|]|\d/.test(t.text) || /[a-z][A-Z]/.test(t.text) || t.text.startsWith('-');
}

/** Mark commands, code spans, URLs and identifiers. */
function skipped(doc: TextDoc): Uint8Array {
  const skip = new Uint8Array(doc.tokens.length);
  const { text, tokens } = doc;
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(/`[^`\n]*`|```[\s\S]*?```|\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+/g))
    ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  // Lines that look like YAML or shell ("key: value", "$ cmd", "- name: x") are code.
  for (const m of text.matchAll(/^[ \t]*(?:[-$#>] |[\w.-]+:\s|\w+=).*$/gm))
    ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  let r = 0;
  ranges.sort((a, b) => a[0] - b[0]);
  tokens.forEach((t, i) => {
    while (r < ranges.length && (ranges[r] as [number, number])[1] <= t.start) r++;
    const range = ranges[r];
    if (range && range[0] <= t.start && t.end <= range[1]) skip[i] = 1;
    if (t.kind === 'cjk' || t.kind === 'other' || identifier(t)) skip[i] = 1;
  });
  // A word glued to an identifier is part of it ("/proc/<pid>/limits").
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const p = tokens[i - 1] as Token;
    if (t.start === p.end && (skip[i - 1] || skip[i]) && t.kind !== 'punct' && p.kind !== 'punct') {
      skip[i] = 1;
      skip[i - 1] = 1;
    }
    if (t.start === p.end && p.kind === 'punct' && /[/<>]/.test(p.text) && skip[i - 2]) skip[i] = 1;
    // A flag: "-p err", "--since".
    if (t.start === p.end && /^-{1,2}$/.test(p.text) && (i < 2 || (tokens[i - 2] as Token).end < p.start))
      skip[i] = 1;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // Commands are typed in lower case: "Helm chart" is the product, "helm upgrade" the command (a command may
    // open a sentence: "Df -i shows …").
    const atStart = doc.sentences[t.sentence]?.from === i;
    if (!CLI.has(t.norm) || (t.text !== t.norm && !atStart)) continue;
    const next = tokens[i + 1];
    if (
      !next ||
      next.kind === 'punct' ||
      !(SUBCOMMANDS.has(next.norm) || next.text.startsWith('-') || /^[a-z][a-z-]*$/.test(next.text))
    )
      continue;
    skip[i + 1] = 1;
    skip[i] = 1;
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j] as Token;
      const glued = u.start === (tokens[j - 1] as Token).end;
      if (SUBCOMMANDS.has(u.norm) || u.text.startsWith('-') || identifier(u) || (glued && u.kind !== 'punct'))
        skip[j++] = 1;
      else break;
    }
  }
  return skip;
}

/** The index of the next word token after i inside the sentence, skipping nothing. */
const _sentenceOf = (ctx: Ctx, i: number) => ctx.doc.sentences[(ctx.tokens[i] as Token).sentence];

function span(
  ctx: Ctx,
  from: number,
  to: number,
  fix: string,
  rule: GrammarRule,
  detail?: string,
): Candidate {
  const a = ctx.tokens[from] as Token;
  const b = ctx.tokens[to - 1] as Token;
  return { start: a.start, end: b.end, fix, rule, ...(detail ? { detail } : {}) };
}

/** Keep the first letter's case of the words replaced ("Because" → "As"). */
function keepCase(original: string, fix: string): string {
  if (fix === '' || !/^[A-Z]/.test(original) || /^[A-Z]{2}/.test(original)) return fix;
  return fix.charAt(0).toUpperCase() + fix.slice(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Doubled conjunctions: "Although A, but B", "Because A, so B", "Because of A, so B".

const CONCESSIVE = new Set(['although', 'though']);
const CAUSAL = new Set(['because', 'since']);
/** The second half of each pair, which English drops ("虽然…但是", "因为…所以"). */
const SECOND_HALF = {
  concessive: new Set(['but', 'however', 'yet']),
  causal: new Set(['so', 'therefore', 'thus', 'hence']),
} as const;

/** "Although A, but B", "Because A, so B", "As A, so B", "Because A, that's why B": one conjunction is enough. */
function doubledConjunctions(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  let opener: 'concessive' | 'causal' | null = null;
  let openedAt = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (ctx.skip[i]) continue;
    const even = t.norm === 'even' && tokens[i + 1]?.norm === 'though';
    const atStart = i === from || (tokens[i - 1]?.norm === ';' && t.norm === 'because');
    if (!opener && (CONCESSIVE.has(t.norm) || even || (t.norm === 'while' && atStart))) {
      opener = 'concessive';
      openedAt = i;
    } else if (
      !opener &&
      atStart &&
      (CAUSAL.has(t.norm) || t.norm === 'as') &&
      tokens[i + 1]?.kind !== 'number'
    ) {
      opener = 'causal';
      openedAt = i;
    } else if (opener && i > openedAt + 2 && tokens[i - 1]?.norm === ',') {
      const that =
        opener === 'causal' &&
        /^(?:that|this)$/.test(t.norm) &&
        /^(?:'s|is)$/.test(tokens[i + 1]?.norm ?? '') &&
        tokens[i + 2]?.norm === 'why';
      const doubled = SECOND_HALF[opener].has(t.norm) || that;
      if (doubled && tokens[i + 1]?.norm !== 'that') {
        const last = that ? i + 2 : i;
        // The span is the extra words with what follows them up to the next word ("however, ", "so ").
        let end = last + 1;
        while (end < to && (tokens[end] as Token).norm === ',') end++;
        const stop = tokens[end];
        out.push({
          start: t.start,
          end: stop ? stop.start : (tokens[last] as Token).end,
          fix: '',
          rule: 'doubled-conjunction',
          detail: `${tokens[openedAt]?.text ?? ''}|${ctx.doc.text.slice(t.start, (tokens[last] as Token).end)}`,
        });
        opener = null;
      }
    }
    if (t.norm === '.' || t.norm === ';') opener = null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Adjectives and adverbs: "more faster", "more simple", "responds quick", "very interesting in".

/**
 * Adjectives whose comparative must be "-er" ("more simple" → "simpler"): one syllable, and the two-syllable
 * ones where "more" sounds wrong. ("More healthy", "more narrow" are also English: left alone.)
 */
const MORE_IS_WRONG = wordSet(
  'fast slow quick cheap big small safe hard clear short long high low large strong new old close tight lean light deep wide weak clean smart hot cold dense fresh thin thick calm young easy simple busy early heavy tiny dirty late nice fine',
);

/** Adverbs that are also adjectives, or adjectives that describe the result, after a verb ("runs fast"). */
const FLAT = wordSet(
  'fast hard late early high low long right wrong straight free direct deep close clean open ready available alive sure enough alone same possible necessary live loud tight short first last next best worst better worse well ill daily weekly monthly yearly hourly only full empty safe clear ok okay fine',
);
/** Verbs whose object takes an adjective ("make it simple", "keep it stable", "found it useful"). */
const COMPLEX_TRANSITIVE = new Set([
  'make',
  'keep',
  'find',
  'leave',
  'get',
  'consider',
  'call',
  'set',
  'render',
  'hold',
  'want',
  'like',
  'need',
  'prefer',
  'paint',
  'mark',
  'label',
  'declare',
  'deem',
]);
/** Adjectives that, before another adjective, should be adverbs ("extreme noisy" → "extremely noisy"). */
const DEGREE = new Set([
  'extreme',
  'real',
  'terrible',
  'incredible',
  'awful',
  'serious',
  'total',
  'absolute',
  'complete',
  'relative',
  'reasonable',
  'surprising',
  'unbelievable',
  'amazing',
  'horrible',
  'particular',
  'special',
  'exceptional',
  'unusual',
  'overall',
]);
/** Adverbs learners invent, with the word to use. */
const NON_WORD_ADVERBS: ReadonlyMap<string, string> = new Map([
  ['fastly', 'quickly'],
  ['hardy', 'hard'],
  ['friendlily', 'in a friendly way'],
]);
/** Feelings: the person who feels it is "-ed"; the thing that causes it is "-ing". */
const FEELING =
  /^(?:interest|bor|excit|confus|surpris|tir|frustrat|satisfy|worry|annoy|disappoint|amaz|embarrass|shock|overwhelm|exhaust|stress|relax|scar|fascinat|depress|encourag|motivat|impress|please|irritat)(?:ing|ed)$/;
const PEOPLE_PRONOUNS = new Set(['i', 'we', 'they', 'he', 'she', 'you']);
/** Nouns for people, who feel ("the team was frustrated"), against things, which cause feelings. */
const PERSON_NOUNS = new Set([
  'team',
  'engineer',
  'client',
  'customer',
  'manager',
  'developer',
  'people',
  'user',
  'lead',
  'boss',
  'colleague',
  'everyone',
  'everybody',
  'nobody',
  'somebody',
  'someone',
  'stakeholder',
  'intern',
  'junior',
  'senior',
  'reviewer',
  'owner',
  'operator',
  'sre',
  'cto',
  'ceo',
  'staff',
  'person',
  'candidate',
  'interviewer',
]);

function feelingFix(word: string, toIng: boolean): string {
  const stem = word.replace(/(?:ing|ed)$/, '');
  if (toIng) return `${stem.endsWith('i') ? `${stem.slice(0, -1)}y` : stem}ing`;
  if (stem.endsWith('y')) return `${stem.slice(0, -1)}ied`;
  if (stem.endsWith('e')) return `${stem}d`;
  return `${stem}ed`;
}

/** Adjective forms: comparatives, superlatives, adverbs after verbs, "-ing" / "-ed" feelings. */
function adjectiveForms(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (ctx.skip[i] || !word(t)) continue;
    const next = tokens[i + 1];
    // "more faster", "most fastest", "more better": one comparison is enough.
    if (
      (t.norm === 'more' || t.norm === 'most') &&
      word(next) &&
      isCompared(next.norm) &&
      next.norm !== 'less'
    ) {
      out.push(span(ctx, i, i + 2, next.text, 'comparative', `${t.norm} ${next.norm}|${next.norm}`));
      i++;
      continue;
    }
    // "the most cheap option" → "the cheapest"; "more simple" → "simpler"; after a verb of action it is an
    // adverb: "reacts more slow" → "more slowly".
    if (
      (t.norm === 'more' || t.norm === 'most') &&
      word(next) &&
      MORE_IS_WRONG.has(next.norm) &&
      next.pos !== 'NOUN'
    ) {
      const verb = actionVerbBefore(ctx, i);
      const after = tokens[i + 2];
      const superlative = t.norm === 'most';
      if (
        superlative ||
        after?.norm === 'than' ||
        after === undefined ||
        after.kind === 'punct' ||
        !word(after) ||
        after.pos !== 'NOUN'
      ) {
        const comparative = comparativeOf(next.norm) as string;
        const adverb = verb !== null && NEEDS_ADVERB.has(next.norm) && !superlative;
        const fix = adverb
          ? `more ${adverbOf(next.norm)}`
          : superlative
            ? comparative.replace(/er$/, 'est')
            : comparative;
        out.push(
          span(ctx, i, i + 2, fix, adverb ? 'adverb-form' : 'comparative', `${t.norm} ${next.norm}|${fix}`),
        );
        i++;
        continue;
      }
    }
    const invented = NON_WORD_ADVERBS.get(t.norm);
    if (invented) {
      out.push(span(ctx, i, i + 1, invented, 'adverb-form', `${t.norm}|${invented}`));
      continue;
    }
    // "The logs were extreme noisy", "she is real patient": a degree word before an adjective is an adverb.
    if (
      DEGREE.has(t.norm) &&
      next?.pos === 'ADJ' &&
      /^(?:be|seem|look|feel|become|get|stay|remain|sound)$/.test(tokens[i - 1]?.lemma ?? '')
    ) {
      const fix = adverbOf(t.norm);
      out.push(span(ctx, i, i + 1, fix, 'adverb-form', `${t.norm} ${next.norm}|${fix} ${next.norm}`));
      continue;
    }
    // An adjective where an adverb describes the verb: "responds quick", "ran very slow", "went smooth",
    // "handled the customer very professional", "fixed it quick", "open the pull requests automatic".
    if (t.pos === 'ADJ' || NEEDS_ADVERB.has(t.norm) || t.norm === 'good') {
      const fix = adverbFix(ctx, i, from);
      if (fix) {
        out.push(span(ctx, fix.first, i + 1, fix.words, 'adverb-form', `${t.norm}|${adverbOf(t.norm)}`));
        continue;
      }
    }
    // "-ing" and "-ed" feelings.
    if (
      (FEELING.test(t.norm) && t.pos !== 'VERB') ||
      (FEELING.test(t.norm) && tokens[i - 1]?.lemma === 'be') ||
      (FEELING.test(t.norm) && INTENSIFIERS.has(tokens[i - 1]?.norm ?? ''))
    ) {
      const after = tokens[i + 1]?.norm ?? '';
      let k = i - 1;
      while (
        k >= from &&
        /^(?:very|really|so|quite|too|extremely|pretty|a|bit|little|more|most|totally|completely|super)$/.test(
          (tokens[k] as Token).norm,
        )
      )
        k--;
      const be = tokens[k];
      if (
        !be ||
        !/^(?:be|feel|get|become|seem|look|sound)$/.test(be.lemma) ||
        (be.pos !== 'AUX' && be.pos !== 'VERB')
      )
        continue;
      const who = tokens[k - 1];
      if (!who) continue;
      const person = PEOPLE_PRONOUNS.has(who.norm) || who.norm === "i'm" || PERSON_NOUNS.has(who.lemma);
      const thing =
        !person && (who.pos === 'NOUN' || (who.pos === 'PRON' && /^(?:it|this|that)$/.test(who.norm)));
      if (t.norm.endsWith('ing') && person) {
        // "I am interesting in" is always the feeling; "he was very disappointing" may judge him, so only with
        // what the feeling is about after it, or for "I" and "we".
        const clear =
          /^(?:i|we)$/.test(who.norm) || /^(?:in|about|with|by|at|to|that|because|when)$/.test(after);
        if (!clear) continue;
        const fix = feelingFix(t.norm, false);
        out.push(span(ctx, i, i + 1, fix, 'participle-adjective', `${t.norm}|${fix}`));
      } else if (t.norm.endsWith('ed') && thing && /^(?:for|to)$/.test(after)) {
        // "The old release process was very confused for new joiners" → "confusing".
        const fix = feelingFix(t.norm, true);
        out.push(span(ctx, i, i + 1, fix, 'participle-adjective', `${t.norm}|${fix}`));
      }
    }
  }
}

/** Where an adjective after a verb should be an adverb, the words to say instead (intensifiers kept). */
function adverbFix(ctx: Ctx, i: number, from: number): { first: number; words: string } | null {
  const { tokens } = ctx;
  const t = tokens[i] as Token;
  if (FLAT.has(t.norm) && t.norm !== 'good') return null;
  if (
    !NEEDS_ADVERB.has(t.norm) &&
    t.norm !== 'good' &&
    !/(?:al|ic|ous|ent|ant|ive|ful|ble|less|ish|ary|ate)$/.test(t.norm)
  )
    return null;
  if (/ly$/.test(t.norm) || t.norm.length < 4) return null;
  const after = tokens[i + 1];
  if (t.text.includes('-')) return null;
  // "slow down developers": a verb with its particle, not an adjective.
  if (/^(?:down|up|out|off)$/.test(after?.norm ?? '')) return null;
  // "separate critical and warning alerts": a list.
  if (after?.pos === 'CCONJ') return null;
  // The adjective must end its clause: before punctuation, a conjunction, a preposition or the end.
  const ends =
    !after ||
    after.kind === 'punct' ||
    /^(?:ADP|CCONJ|SCONJ)$/.test(after.pos) ||
    CLAUSE_OPENERS.has(after.norm) ||
    /^(?:again|now|today|too|as|after|before|during|under|in|on)$/.test(after.norm);
  if (!ends) return null;
  // "compare slow and fast traces": coordinated adjectives before a noun.
  if (after?.pos === 'CCONJ' && /^(?:ADJ|ADV)$/.test(tokens[i + 2]?.pos ?? '')) return null;
  let first = i;
  while (
    first - 1 >= from &&
    /^(?:very|too|so|really|quite|extremely|pretty)$/.test((tokens[first - 1] as Token).norm)
  )
    first--;
  // Right after the verb, or after the verb's object.
  let v = first - 1;
  let object = false;
  if (v >= from && !(tokens[v]?.pos === 'VERB' || tokens[v]?.pos === 'AUX')) {
    // Back over an object: a pronoun, or a short noun phrase.
    let k = v;
    if (/^(?:it|them|him|her|this|that|everything)$/.test(tokens[k]?.norm ?? '')) k--;
    else {
      // The object needs a noun of its own: in "rename a variable", "variable" is that noun; and right after a
      // singular noun the "adjective" may be the head ("promote the Aurora secondary").
      if (!/^(?:NOUN|PROPN)$/.test(tokens[k]?.pos ?? '')) return null;
      const n = tokens[k] as Token;
      if (first === i && n.norm === n.lemma && !n.norm.endsWith('s') && !NEEDS_ADVERB.has(t.norm))
        return null;
      while (k >= from && /^(?:NOUN|PROPN|ADJ|NUM)$/.test((tokens[k] as Token).pos)) k--;
      if (
        k >= from &&
        /^(?:the|a|an|our|their|my|his|her|its|this|these|those|every|all)$/.test((tokens[k] as Token).norm)
      )
        k--;
      else return null;
    }
    v = k;
    object = true;
  }
  const verb = tokens[v];
  if (verb?.pos !== 'VERB' || ctx.skip[v]) return null;
  if (LINKING_VERBS.has(verb.lemma) && !(verb.lemma === 'go' && /^(?:smooth|good|quick|slow)$/.test(t.norm)))
    return null;
  if (object && COMPLEX_TRANSITIVE.has(verb.lemma)) return null;
  // Without an object, only adjectives that are typical adverb slips (the ones in the list) or "-al/-ic" forms.
  if (!object && !NEEDS_ADVERB.has(t.norm) && t.norm !== 'good' && !/(?:al|ic)$/.test(t.norm)) return null;
  // A participle verb after a noun is often an adjective phrase ("the node pool scaled", "data stored encrypted").
  if (verb.norm.endsWith('ing') && tokens[v - 1]?.lemma !== 'be') return null;
  const intensifiers = tokens.slice(first, i).map((x) => x.text);
  return { first, words: [...intensifiers, adverbOf(t.norm)].join(' ') };
}

/** The verb of action right before position i (past intensifiers), else null: "runs (very) slow". */
function actionVerbBefore(ctx: Ctx, i: number): number | null {
  let k = i - 1;
  while (k >= 0 && INTENSIFIERS.has((ctx.tokens[k] as Token).norm)) k--;
  const v = ctx.tokens[k];
  if (v?.pos !== 'VERB' || LINKING_VERBS.has(v.lemma) || ctx.skip[k]) return null;
  // "-ed" forms after a noun are often passives or adjectives ("the job finished quick" is still an error, but
  // "a failed slow job" is not a verb): require a subject-like word or an auxiliary before the verb.
  return k;
}

// ---------------------------------------------------------------------------------------------------------------
// Prepositions after common verbs and adjectives.

interface PrepositionRule {
  /** Lemma of the verb or adjective. */
  readonly head: string;
  /** Wrong prepositions after it. */
  readonly wrong: readonly string[];
  /** The right one ("" to drop it). */
  readonly right: string;
  /** The head must be a verb (not the noun "access", "request"). */
  readonly verb?: boolean;
}

const PREPOSITIONS: readonly PrepositionRule[] = [
  { head: 'discuss', wrong: ['about', 'on'], right: '', verb: true },
  { head: 'depend', wrong: ['of', 'from', 'in', 'to'], right: 'on' },
  { head: 'dependent', wrong: ['of', 'from', 'in'], right: 'on' },
  { head: 'familiar', wrong: ['about', 'to', 'on', 'in'], right: 'with' },
  { head: 'arrive', wrong: ['to'], right: 'at' },
  { head: 'interested', wrong: ['on', 'about', 'for', 'at', 'to'], right: 'in' },
  { head: 'similar', wrong: ['with', 'as'], right: 'to' },
  { head: 'responsible', wrong: ['of', 'about', 'on', 'to'], right: 'for' },
  { head: 'married', wrong: ['with'], right: 'to' },
  { head: 'focus', wrong: ['in', 'at', 'about'], right: 'on', verb: true },
  { head: 'consist', wrong: ['in', 'by', 'with'], right: 'of' },
  { head: 'emphasize', wrong: ['on'], right: '' },
  { head: 'emphasise', wrong: ['on'], right: '' },
  { head: 'mention', wrong: ['about'], right: '', verb: true },
  { head: 'different', wrong: ['with'], right: 'from' },
  { head: 'aware', wrong: ['about', 'on'], right: 'of' },
  { head: 'proud', wrong: ['on', 'for'], right: 'of' },
  { head: 'based', wrong: ['of'], right: 'on' },
  { head: 'insist', wrong: ['to'], right: 'on' },
  { head: 'succeed', wrong: ['to'], right: 'in' },
  { head: 'join', wrong: ['to'], right: '', verb: true },
  { head: 'reach', wrong: ['to'], right: '', verb: true },
  { head: 'lack', wrong: ['of'], right: '', verb: true },
  { head: 'attend', wrong: ['to'], right: '', verb: true },
  { head: 'good', wrong: ['in'], right: 'at' },
  { head: 'expert', wrong: ['of'], right: 'in' },
  { head: 'capable', wrong: ['to'], right: 'of' },
  { head: 'afraid', wrong: ['about'], right: 'of' },
  { head: 'listen', wrong: [], right: 'to' },
  { head: 'reason', wrong: ['of'], right: 'for' },
  { head: 'consider', wrong: ['about'], right: '', verb: true },
  { head: 'explain', wrong: ['about'], right: '', verb: true },
  { head: 'comply', wrong: ['to'], right: 'with' },
  { head: 'satisfied', wrong: ['about', 'of', 'for'], right: 'with' },
  { head: 'caused', wrong: ['from', 'of'], right: 'by' },
  { head: 'participate', wrong: ['to', 'at'], right: 'in' },
  { head: 'answer', wrong: ['to'], right: '', verb: true },
  { head: 'approach', wrong: ['to'], right: '', verb: true },
  { head: 'contact', wrong: ['with', 'to'], right: '', verb: true },
  { head: 'congratulate', wrong: ['for'], right: 'on' },
  { head: 'according', wrong: ['with'], right: 'to' },
  { head: 'solution', wrong: ['of'], right: 'to' },
  { head: 'key', wrong: ['of'], right: 'to' },
  { head: 'access', wrong: ['to'], right: '', verb: true },
];
const PREPOSITION_BY_HEAD = new Map(PREPOSITIONS.map((r) => [r.head, r]));
/** Verbs that need "to" before a person or thing: "replied the client" → "replied to the client". */
const NEEDS_TO = new Set([
  'reply',
  'respond',
  'listen',
  'talk',
  'speak',
  'apologize',
  'apologise',
  'complain',
]);
/** Verbs that take "to" before the person, not the person as object: "explain him" → "explain to him". */
const TO_PERSON = new Set(['explain', 'describe', 'say', 'suggest', 'introduce', 'propose', 'report']);
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them']);
/** Verbs that take "for" before what is awaited: "wait the build" → "wait for the build". */
const NEEDS_FOR = new Set(['wait']);

function prepositions(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = from; i < to - 1; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (ctx.skip[i] || ctx.skip[i + 1] || !word(t) || !word(next)) continue;
    const lemma = t.pos === 'VERB' ? t.lemma : t.norm;
    const rule = PREPOSITION_BY_HEAD.get(lemma) ?? PREPOSITION_BY_HEAD.get(t.lemma);
    // Heads that are nouns too ("read-only access to production") count as verbs only after a subject or a modal.
    const asVerb =
      !rule?.verb ||
      ((t.pos === 'VERB' || t.pos === 'AUX') &&
        (!/^(?:access|contact|answer|approach)$/.test(t.lemma) ||
          /^(?:PRON|AUX|PART)$/.test(tokens[i - 1]?.pos ?? '') ||
          MODALS.has(tokens[i - 1]?.norm ?? '')));
    if (rule?.wrong.includes(next.norm) && asVerb) {
      // "arrive to" before a verb is an infinitive of purpose ("arrived to help"): not a preposition.
      const after = tokens[i + 2];
      if (next.norm === 'to' && after?.pos === 'VERB' && after.norm === after.lemma) continue;
      // "pay attention on" is the same mistake as "attention to": handled below.
      if (rule.right === '') {
        const afterNext = tokens[i + 2];
        out.push({
          start: next.start,
          end: afterNext ? afterNext.start : next.end,
          fix: '',
          rule: 'preposition',
          detail: `${t.norm} ${next.norm}|${t.norm}`,
        });
      } else
        out.push(
          span(
            ctx,
            i + 1,
            i + 2,
            rule.right,
            'preposition',
            `${t.norm} ${next.norm}|${t.norm} ${rule.right}`,
          ),
        );
      continue;
    }
    // "pay attention on/at/in" → "pay attention to".
    const payer = /^(?:more|close|special|enough|less|much)$/.test(tokens[i - 1]?.norm ?? '')
      ? tokens[i - 2]
      : tokens[i - 1];
    if (
      t.norm === 'attention' &&
      ['on', 'at', 'in', 'for'].includes(next.norm) &&
      /^(?:pay|paid|pays|paying)$/.test(payer?.norm ?? '')
    ) {
      out.push(span(ctx, i + 1, i + 2, 'to', 'preposition', `attention ${next.norm}|attention to`));
      continue;
    }
    if (
      t.pos === 'VERB' &&
      NEEDS_TO.has(t.lemma) &&
      (next.pos === 'DET' || OBJECT_PRONOUNS.has(next.norm)) &&
      !/^(?:that|this|it|what|how|whether|if)$/.test(next.norm)
    ) {
      if (
        next.pos === 'DET' &&
        tokens[i + 2]?.pos !== 'NOUN' &&
        tokens[i + 2]?.pos !== 'PROPN' &&
        tokens[i + 2]?.pos !== 'ADJ'
      )
        continue;
      // The span takes the verb too: the error is between the two words.
      out.push(
        span(
          ctx,
          i,
          i + 2,
          `${t.text} to ${next.text}`,
          'preposition',
          `${t.norm} ${next.norm}|${t.norm} to ${next.norm}`,
        ),
      );
      continue;
    }
    if (t.pos === 'VERB' && TO_PERSON.has(t.lemma) && OBJECT_PRONOUNS.has(next.norm)) {
      const after = tokens[i + 2];
      // "explain them" with "them" as the thing explained ("the steps … I explain them clearly") is fine: only a
      // person followed by what is explained ("explain him why …", "explain us the plan") is the error.
      if (
        after &&
        (after.pos === 'DET' || /^(?:why|how|what|that|the|our|this|where|when)$/.test(after.norm))
      ) {
        out.push(
          span(
            ctx,
            i + 1,
            i + 2,
            `to ${next.text}`,
            'preposition',
            `${t.norm} ${next.norm}|${t.norm} to ${next.norm}`,
          ),
        );
        continue;
      }
    }
    if (
      t.pos === 'VERB' &&
      NEEDS_FOR.has(t.lemma) &&
      (next.pos === 'DET' || OBJECT_PRONOUNS.has(next.norm)) &&
      next.norm !== 'for'
    ) {
      out.push(
        span(
          ctx,
          i,
          i + 2,
          `${t.text} for ${next.text}`,
          'preposition',
          `${t.norm} ${next.norm}|${t.norm} for ${next.norm}`,
        ),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Nouns: plurals after numbers and quantifiers, uncountable nouns in the plural, missing articles.

/**
 * A domain noun the tagger read as a verb or adjective, where the words around it say noun: after a number, a
 * quantifier, an article or a clause opener, and not followed by an object ("when engineer ran", "many alert").
 */
function nounHere(ctx: Ctx, i: number): boolean {
  const t = ctx.tokens[i] as Token;
  if (t.pos === 'NOUN') return true;
  if (!COUNT_NOUNS.has(t.norm) || t.pos === 'PROPN') return false;
  const before = ctx.tokens[i - 1];
  if (!before) return false;
  const after = ctx.tokens[i + 1];
  // "Our monitoring stack include …": a domain noun after a noun and before the real verb.
  if (before.pos === 'NOUN' && after?.pos === 'VERB' && !after.norm.endsWith('ing')) return true;
  return (
    PLURAL_QUANTIFIERS.has(before.norm) ||
    COUNT_WORDS.has(before.norm) ||
    before.pos === 'NUM' ||
    before.pos === 'DET' ||
    /^(?:when|because|if|after|before|while|once|until)$/.test(before.norm)
  );
}

/** Plurals without an -s ("two people"). */
const BARE_PLURALS = new Set([
  'people',
  'staff',
  'personnel',
  'children',
  'men',
  'women',
  'data',
  'media',
  'criteria',
  'feet',
]);

const isSingularNoun = (t: Token) =>
  (t.pos === 'NOUN' || COUNT_NOUNS.has(t.norm)) &&
  t.norm === t.lemma &&
  !BARE_PLURALS.has(t.norm) &&
  !t.norm.endsWith('s') &&
  !MASS_NOUNS.has(t.lemma);

/** The head of the noun phrase that starts at i: the last noun of a run of adjectives and nouns. */
function headOf(ctx: Ctx, i: number, to: number): number | null {
  let head: number | null = null;
  for (let k = i; k < to; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.kind === 'punct' && t.norm !== '-') break;
    if (/^(?:yesterday|today|tomorrow|tonight)$/.test(t.norm)) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || (k === i && nounHere(ctx, k))) {
      head = k;
      // A plural ends the phrase: "five thousand pods spread across …", "a few VPCs use …".
      if ((t.norm !== t.lemma && t.norm.endsWith('s')) || /^[A-Z]{2,6}s$/.test(t.text)) break;
    } else if (t.pos === 'ADJ' || t.pos === 'NUM' || (ctx.skip[k] && t.kind !== 'punct')) {
      if (head !== null) break;
    } else break;
  }
  return head;
}

function nouns(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (ctx.skip[i] || !word(t)) continue;
    // Uncountable nouns in the plural: "many informations" → "a lot of information".
    const singular = FALSE_PLURALS.get(t.norm);
    if (singular) {
      const before = tokens[i - 1];
      if (before && /^(?:many|several|few)$/.test(before.norm)) {
        const fix =
          before.norm === 'many'
            ? singular === 'data'
              ? 'much data'
              : `a lot of ${singular}`
            : `some ${singular}`;
        out.push(span(ctx, i - 1, i + 1, fix, 'uncountable-plural', `${t.norm}|${singular}`));
      } else
        out.push(
          span(ctx, i, i + 1, keepCase(t.text, singular), 'uncountable-plural', `${t.norm}|${singular}`),
        );
      continue;
    }
    // A number from two, or a quantifier, before a singular noun: "three cluster", "many complaint".
    const counted =
      (COUNT_WORDS.has(t.norm) && t.pos === 'NUM') ||
      (t.kind === 'number' &&
        /^\d+$/.test(t.text) &&
        Number(t.text) >= 2 &&
        !/^(?:19|20)\d\d$/.test(t.text)) ||
      (PLURAL_QUANTIFIERS.has(t.norm) && !(t.norm === 'few' && tokens[i - 1]?.norm === 'a' && false));
    if (!counted) continue;
    if (
      t.kind === 'number' &&
      (tokens[i - 1]?.pos === 'PROPN' || tokens[i - 1]?.norm === 'version' || tokens[i + 1]?.norm === '.')
    )
      continue;
    // "these" and "those" as pronouns, "many of", "both of": no noun follows directly (see pluralAfterOf).
    const start = tokens[i + 1]?.norm === 'of' ? -1 : i + 1;
    if (start < 0) continue;
    // Hundreds and thousands: "two hundred job".
    let k = start;
    while (COUNT_WORDS.has(tokens[k]?.norm ?? '') || tokens[k]?.norm === 'and') k++;
    const head = headOf(ctx, k, to);
    if (head === null) continue;
    const h = tokens[head] as Token;
    if (ctx.skip[head] || UNITS.has(h.norm) || !isSingularNoun(h) || h.norm.length < 3) continue;
    // A noun the tagger may have misread ("the other two carry fifty percent"): known countable, or at the end of
    // its phrase.
    const tail = tokens[head + 1];
    const known = COUNT_NOUNS.has(h.lemma) || ctx.lexicon.countable.has(h.lemma);
    if (!known && tail && !(tail.kind === 'punct' || tail.pos === 'CCONJ' || tail.pos === 'ADP')) continue;
    // An object after it makes it a verb ("All three move you", "both write to …" after a pronoun quantifier).
    // (A subject pronoun after it ends a time phrase instead: "every two month we run …".)
    if (tail && /^(?:PRON|DET|NUM)$/.test(tail.pos) && !(known && /^(?:we|i|they|he|she)$/.test(tail.norm)))
      continue;
    if (/^(?:both|these|those|few|several|many)$/.test(t.norm) && !known) continue;
    // "a three-node cluster", "a two hundred job backlog": the count is part of a modifier.
    if (
      tokens[i - 1] &&
      /^(?:a|an|the|one|per|every|each)$/.test(tokens[i - 1]?.norm ?? '') &&
      t.kind !== 'word'
    )
      continue;
    // "a few thing": "a few" asks for a plural like "few"; "a two-hour window" does not.
    if (tokens[i - 1] && /^(?:a|an)$/.test(tokens[i - 1]?.norm ?? '') && t.norm !== 'few') continue;
    // The noun is a modifier of a following noun ("two node groups"): then the following noun is the head.
    out.push(
      span(
        ctx,
        head,
        head + 1,
        pluralOf(h.norm),
        'plural-after-number',
        `${t.norm} ${h.norm}|${pluralOf(h.norm)}`,
      ),
    );
  }
  pluralAfterOf(ctx, from, to, out);
  missingArticles(ctx, from, to, out);
}

/** Adjective + noun pairs that are set phrases without an article ("in real time", "in plain text"). */
const SET_PHRASES = new Set([
  'real time',
  'plain text',
  'high level',
  'low level',
  'large scale',
  'long term',
  'short term',
  'full time',
  'part time',
  'first place',
  'good shape',
  'full speed',
  'short notice',
  'high availability',
  'last resort',
  'first hand',
  'second hand',
  'public key',
  'private key',
  'same time',
  'due course',
  'good faith',
  'least privilege',
]);

/** Person nouns in -er / -or are countable even when the bank never counts them ("new joiner", "reviewer"). */
const PERSON_SUFFIX = /(?:er|or)$/;

/**
 * Whether a noun is a singular countable one that needs an article: a domain count noun (or a person noun in
 * -er/-or) the bank does not habitually write bare, or a noun the bank counts and never writes bare.
 */
function needsArticle(ctx: Ctx, h: Token, misread: boolean): boolean {
  const { lexicon } = ctx;
  const lemma = h.lemma;
  if (h.norm.length < 3 || h.text.includes('-')) return false;
  const acronym = /^[A-Z]{2,6}$/.test(h.text);
  if (h.pos === 'PROPN' && !acronym) return false;
  if (h.pos === 'PROPN' || acronym) {
    // Service names are bare ("choose ECS"); an acronym counts only when the bank writes it after "a/an".
    const key = h.text.toLowerCase();
    return lexicon.counted.has(key) && !lexicon.bare.has(key) && !COUNT_NOUNS.has(key) && !/s$/i.test(h.text);
  }
  if (!(isSingularNoun(h) || misread) || OFTEN_BARE.has(lemma)) return false;
  if (COUNT_NOUNS.has(lemma)) return !lexicon.bareOften.has(lemma);
  // Abstract nouns ("-tion", "-ment", "-ness" …) are often uncountable: only what the bank counts.
  if (/(?:ing|tion|sion|ment|ness|ity|ance|ence|ism|ship|ure|age|cy)$/.test(lemma)) return false;
  if (PERSON_SUFFIX.test(lemma) && !MASS_NOUNS.has(lemma)) return !lexicon.bareOften.has(lemma);
  return lexicon.countable.has(lemma) && !lexicon.bare.has(lemma);
}

/**
 * A singular count noun where "of" asks for a plural: "one of the biggest problem", "most of our engineer",
 * "dozens of repository", "a lot of alert"; and "there are some legacy application".
 */
function pluralAfterOf(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens, lexicon } = ctx;
  for (let i = from; i < to - 2; i++) {
    const t = tokens[i] as Token;
    if (ctx.skip[i]) continue;
    let k = -1;
    const next = tokens[i + 1] as Token;
    const lot = t.norm === 'lot' && tokens[i - 1]?.norm === 'a';
    if (
      next.norm === 'of' &&
      (/^(?:one|each|most|some|all|many|none|both|several|few|either|neither)$/.test(t.norm) ||
        /^(?:dozens|hundreds|thousands|millions|lots|plenty|couple)$/.test(t.norm) ||
        lot)
    ) {
      k = i + 2;
      // "one of the …", "most of our …": a determiner; "dozens of …", "a lot of …": none needed.
      const det = tokens[k];
      if (det && (det.pos === 'DET' || POSSESSIVES.has(det.norm))) k++;
      else if (!/^(?:dozens|hundreds|thousands|millions|lots|plenty|lot|couple)$/.test(t.norm)) k = -1;
    }
    // "There are still some legacy application running".
    if (/^(?:are|were)$/.test(t.norm) && tokens[i - 1]?.norm === 'there') {
      let q = i + 1;
      while (q < to && /^(?:still|also|only|now|always)$/.test((tokens[q] as Token).norm)) q++;
      if (/^(?:some|many|several|few|no)$/.test(tokens[q]?.norm ?? '')) k = q + 1;
    }
    if (k < 0) continue;
    // Past superlatives and adjectives to the head: "the most common mistake".
    let m = k;
    while (
      m < to &&
      (/^(?:ADJ|NOUN|PROPN|ADV)$/.test((tokens[m] as Token).pos) ||
        /^(?:most|more|least)$/.test((tokens[m] as Token).norm)) &&
      !(tokens[m] as Token).norm.endsWith("'s")
    ) {
      const x = tokens[m] as Token;
      const after = tokens[m + 1];
      if (
        (x.pos === 'NOUN' || x.pos === 'PROPN') &&
        !(after && (after.pos === 'NOUN' || after.pos === 'PROPN'))
      )
        break;
      m++;
    }
    const h = tokens[m];
    if (!h || ctx.skip[m] || h.pos !== 'NOUN' || !isSingularNoun(h)) continue;
    // "millions of small session or cache files": the noun modifies a coordinated plural head.
    if (tokens[m + 1]?.pos === 'CCONJ') continue;
    if (!(COUNT_NOUNS.has(h.lemma) || lexicon.countable.has(h.lemma) || PERSON_SUFFIX.test(h.lemma)))
      continue;
    // "Most of my strategy is prevention": with "most/some/all" a singular verb says the noun is meant whole.
    if (
      /^(?:most|some|all)$/.test(t.norm) &&
      (!COUNT_NOUNS.has(h.lemma) || /^(?:is|was|has)$/.test(tokens[m + 1]?.norm ?? ''))
    )
      continue;
    if (OFTEN_BARE.has(h.lemma) || h.norm.length < 3) continue;
    const plural = pluralOf(h.norm);
    out.push(span(ctx, m, m + 1, plural, 'plural-after-number', `${t.norm} … ${h.norm}|${plural}`));
    i = m;
  }
}

/** Verbs whose object may be a bare singular: "became lead", "called it", "named it". */
const BARE_OBJECT_VERBS = new Set([
  'become',
  'call',
  'name',
  'elect',
  'appoint',
  'turn',
  'go',
  'use',
  'mean',
  'say',
  'tell',
  'take',
  'make',
  'cause',
  'include',
  'assign',
  'play',
  'act',
  'serve',
]);

/**
 * The noun phrase that starts at k, if it lacks a determiner and its head is a singular count noun: the head's
 * index, else null. The phrase must end at its head (a following noun, possessive or object means we misread).
 */
function barePhrase(
  ctx: Ctx,
  k: number,
  to: number,
  opts: { subject?: boolean; needsAdjective?: boolean } = {},
): number | null {
  const { tokens, lexicon } = ctx;
  const first = tokens[k];
  // An identifier may modify the noun ("CI/CD pipeline"); a command may not.
  if (!first || (ctx.skip[k] && !identifier(first)) || CLI.has(first.norm)) return null;
  if (!word(first) && !identifier(first)) return null;
  if (first.text.includes('-')) return null;
  // A domain noun the tagger read as a verb or adjective: "set up alert on …", "when engineer ran …".
  const misread =
    COUNT_NOUNS.has(first.norm) &&
    first.pos !== 'NOUN' &&
    (opts.subject
      ? tokens[k + 1]?.pos === 'VERB'
      : /^(?:ADP|PUNCT|CCONJ)$/.test(tokens[k + 1]?.pos ?? 'PUNCT'));
  if (
    !misread &&
    (DETERMINERS.has(first.norm) ||
      POSSESSIVES.has(first.norm) ||
      /^(?:DET|PRON|NUM|VERB|AUX|ADV|ADP|PART|CCONJ|SCONJ)$/.test(first.pos))
  )
    return null;
  const head = misread ? k : headOf(ctx, k, to);
  if (head === null) return null;
  const h = tokens[head] as Token;
  const after = tokens[head + 1];
  if (ctx.skip[head]) return null;
  if (opts.subject && !(/^(?:VERB|AUX)$/.test(after?.pos ?? '') && word(tokens[head + 2]))) return null;
  if (after && (after.norm === "'s" || after.pos === 'NOUN' || after.norm === 'of' || ctx.skip[head + 1]))
    return null;
  if (after && after.pos === 'VERB' && after.norm.endsWith('ing')) return null;
  // An object after the "head" makes it a verb ("let Kubernetes sort it out"); a coordinated phrase ("pin
  // provider and module versions") shares a determiner or a plural.
  if (after && /^(?:PRON|DET)$/.test(after.pos) && !/^(?:that|which|who)$/.test(after.norm)) return null;
  if (after?.pos === 'CCONJ') {
    const then = tokens[head + 2];
    if (!/^(?:VERB|AUX|PRON|DET)$/.test(then?.pos ?? '')) return null;
    // "backup and restore, pilot light, …": a list of names, the second read as a verb.
    const end = tokens[head + 3];
    if (then?.pos === 'VERB' && (!end || end.kind === 'punct' || end.pos === 'CCONJ')) return null;
  }
  // "case by case", "step by step"; "enable flow logs", "resource attributes and …" with the plural read as a verb.
  if (after?.norm === 'by' && tokens[head + 2]?.norm === h.norm) return null;
  if (after?.pos === 'VERB' && after.norm.endsWith('s') && after.norm !== after.lemma) {
    const then = tokens[head + 2];
    if (
      COUNT_NOUNS.has(after.lemma) ||
      lexicon.countable.has(after.lemma) ||
      !then ||
      then.kind === 'punct' ||
      /^(?:CCONJ|ADP)$/.test(then.pos)
    )
      return null;
  }
  const phrase = tokens.slice(k, head + 1);
  // Every word of the phrase must be plain English (a jargon term made of names is left alone).
  if (phrase.some((x, n) => n > 0 && x.pos === 'PROPN' && !/^[A-Z]{2,6}$/.test(x.text))) return null;
  if (phrase.some((x, n) => x.kind === 'punct' && !(ctx.skip[k + n] && identifier(x)))) return null;
  if (phrase.some((x) => x.text.includes('-'))) return null;
  if (opts.needsAdjective) {
    const adjective = phrase.find((x) => x.pos === 'ADJ');
    if (!adjective || SET_PHRASES.has(`${adjective.norm} ${h.norm}`)) return null;
  }
  if (SET_PHRASES.has(phrase.map((x) => x.norm).join(' '))) return null;
  return needsArticle(ctx, h, misread) ? head : null;
}

function pushArticle(ctx: Ctx, k: number, head: number, out: Candidate[], article?: 'the'): void {
  const { tokens } = ctx;
  const phrase = tokens.slice(k, head + 1);
  const first = phrase[0] as Token;
  const h = tokens[head] as Token;
  const words = ctx.doc.text.slice(first.start, h.end);
  const art = article ?? articleFor(first.text);
  const fix = `${keepCase(first.text, art)} ${/^[A-Z][a-z]/.test(first.text) && ctx.doc.sentences[first.sentence]?.from === k ? words.charAt(0).toLowerCase() + words.slice(1) : words}`;
  out.push(span(ctx, k, head + 1, fix, 'article-missing', `${words}|${art} ${words}`));
}

/** Superlatives take "the": "Biggest challenge was …", "is most reliable option". */
function isSuperlative(t: Token): boolean {
  return (
    (t.pos === 'ADJ' || t.pos === 'PROPN') &&
    (/^(?:best|worst|most|least)$/.test(t.norm) || (/est$/.test(t.norm) && isCompared(t.norm)))
  );
}

/**
 * A singular countable noun with no article where English needs one: the object of a verb ("I created new
 * VPC"), the subject after a clause opener ("when engineer ran"), after "there is" and after "is" ("is very good
 * engineer"), after a preposition when an adjective shows it is no set phrase ("for detailed report"), at the
 * start of a sentence ("Root cause was …"); "lot of" without "a"; a superlative without "the".
 */
function missingArticles(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (ctx.skip[i]) continue;
    const prev = tokens[i - 1];
    // "throttled lot of requests" → "a lot of requests".
    if (
      t.norm === 'lot' &&
      tokens[i + 1]?.norm === 'of' &&
      !/^(?:a|the|whole|parking)$/.test(prev?.norm ?? '')
    ) {
      out.push(span(ctx, i, i + 2, `${keepCase(t.text, 'a')} lot of`, 'article-missing', 'lot of|a lot of'));
      continue;
    }
    // A superlative with no "the" (or possessive) before it.
    // ("Most apps never call the API": "most" before a noun is a quantifier, not a superlative.)
    if (isSuperlative(t) && t.norm !== 'most' && t.norm !== 'least' && tokens[i + 1]?.pos === 'NOUN') {
      const before = prev;
      const determined =
        before &&
        (DETERMINERS.has(before.norm) ||
          POSSESSIVES.has(before.norm) ||
          before.pos === 'DET' ||
          before.norm === "'s");
      const start =
        i === from || before?.kind === 'punct' || /^(?:is|was|are|were|be)$/.test(before?.norm ?? '');
      const noun = tokens[i + 1];
      if (
        !determined &&
        start &&
        noun &&
        (noun.pos === 'NOUN' || (t.norm === 'most' && tokens[i + 2]?.pos === 'NOUN'))
      ) {
        const end = t.norm === 'most' ? i + 3 : i + 2;
        const words = ctx.doc.text.slice(t.start, (tokens[end - 1] as Token).end);
        const lower = i === from ? words.charAt(0).toLowerCase() + words.slice(1) : words;
        out.push(
          span(
            ctx,
            i,
            end,
            `${keepCase(t.text, 'the')} ${lower}`,
            'article-missing',
            `${words}|the ${lower}`,
          ),
        );
        i = end - 1;
        continue;
      }
    }
    // Where a noun phrase without a determiner stands.
    // A participle after an article, a number or inside a noun phrase is an adjective ("an expired TLS
    // certificate", "one shared EKS cluster", "a customer managed key").
    let b = i - 1;
    while (
      b >= from &&
      (/^(?:NOUN|PROPN|ADJ|ADV|NUM)$/.test((tokens[b] as Token).pos) ||
        /ed$/.test((tokens[b] as Token).norm) ||
        ((tokens[b] as Token).norm === ',' &&
          (tokens[b - 1]?.pos === 'ADJ' || /ed$/.test(tokens[b - 1]?.norm ?? ''))))
    )
      b--;
    const participle = isPastForm(t.norm, t.lemma) || /[^e]ed$/.test(t.norm);
    const adjectival =
      (b >= from &&
        b < i - 1 &&
        (/^(?:DET|ADP|NUM)$/.test(tokens[b]?.pos ?? '') || POSSESSIVES.has(tokens[b]?.norm ?? ''))) ||
      (b === i - 1 &&
        (/^(?:DET|NUM)$/.test(tokens[b]?.pos ?? '') || POSSESSIVES.has(tokens[b]?.norm ?? ''))) ||
      // "by linked account", "narrowly scoped role": a participle after a preposition or an adverb.
      (participle && (prev?.pos === 'ADP' || (prev?.pos === 'ADV' && prev.norm.endsWith('ly')))) ||
      /^(?:a|an|the|one)$/.test(prev?.norm ?? '') ||
      // A participle after "is", a comma or at the start is an adjective: "are fixed overlap window".
      (participle && (i === from || prev?.kind === 'punct' || prev?.pos === 'AUX' || prev?.pos === 'CCONJ'));
    // "-ing" forms take an object without an article only as a progressive ("we are building developer portal").
    let aux = i - 1;
    while (aux > from && tokens[aux]?.pos === 'ADV') aux--;
    const gerund = t.norm.endsWith('ing') && tokens[aux]?.lemma !== 'be';
    // "have" as a main verb ("we had outage") is tagged as an auxiliary.
    const haveMain =
      t.lemma === 'have' &&
      t.pos === 'AUX' &&
      !/^(?:VERB|AUX|PART)$/.test(tokens[i + 1]?.pos ?? '') &&
      tokens[i + 1]?.norm !== 'to';
    const verb =
      (t.pos === 'VERB' || haveMain) &&
      !adjectival &&
      !gerund &&
      !BARE_OBJECT_VERBS.has(t.lemma) &&
      !LINKING_VERBS.has(t.lemma);
    if (verb) {
      let k = i + 1;
      if (/^(?:up|out|down|off)$/.test(tokens[k]?.norm ?? '')) k++;
      // "sent me message": the indirect object first.
      if (OBJECT_PRONOUNS.has(tokens[k]?.norm ?? '') && t.pos === 'VERB' && !CAUSATIVE.has(t.lemma)) k++;
      const head = barePhrase(ctx, k, to);
      // "have" + noun is often a set phrase ("has room to", "have time"): only the domain's count nouns.
      if (head !== null && (t.lemma !== 'have' || COUNT_NOUNS.has((tokens[head] as Token).lemma))) {
        pushArticle(ctx, k, head, out);
        i = head;
      }
      continue;
    }
    // The subject after a clause opener: "when engineer ran".
    if (
      /^(?:when|because|if|after|before|while|once|until|since)$/.test(t.norm) &&
      tokens[i + 1]?.pos !== 'PRON'
    ) {
      const head = barePhrase(ctx, i + 1, to, { subject: true });
      if (head !== null) {
        pushArticle(ctx, i + 1, head, out);
        i = head;
      }
      continue;
    }
    // "There was memory leak", "He is very good engineer", "it was issue on their side".
    const copula =
      t.lemma === 'be' &&
      (prev?.norm === 'there' || (prev?.pos === 'PRON' && prev.norm !== 'what') || prev?.pos === 'NOUN');
    if (copula) {
      let k = i + 1;
      while (
        k < to &&
        /^(?:very|really|quite|so|too|pretty|extremely|truly)$/.test((tokens[k] as Token).norm)
      )
        k++;
      const isVerbish = tokens[k]?.pos === 'VERB' || (tokens[k]?.norm ?? '').endsWith('ing');
      const head = isVerbish ? null : barePhrase(ctx, k, to);
      if (
        head !== null &&
        (prev?.norm === 'there' || tokens.slice(k, head).some((x) => x.pos === 'ADJ') || misreadNoun(ctx, k))
      ) {
        pushArticle(ctx, k, head, out);
        i = head;
      }
      continue;
    }
    // After a preposition, only with an adjective: "of bad deployment", "for whole platform", "in ideal world".
    if (t.pos === 'ADP' && !/^(?:per|via|by|as|than|like)$/.test(t.norm)) {
      const head = barePhrase(ctx, i + 1, to, { needsAdjective: true });
      if (head !== null) {
        pushArticle(
          ctx,
          i + 1,
          head,
          out,
          /^(?:whole|entire|same|main|only|wrong|right)$/.test(tokens[i + 1]?.norm ?? '') ? 'the' : undefined,
        );
        i = head;
      }
      continue;
    }
    // At the start of a sentence: "Root cause was a security group rule".
    if (i === from && t.pos === 'NOUN' && !/^[A-Z]{2}/.test(t.text)) {
      const head = barePhrase(ctx, i, to, { subject: true });
      if (head !== null && head > i) {
        pushArticle(ctx, i, head, out, 'the');
        i = head;
      }
    }
  }
}

/** A word the tagger read wrongly that is a domain noun here ("it was issue on their side"). */
function misreadNoun(ctx: Ctx, k: number): boolean {
  const t = ctx.tokens[k];
  return (
    t !== undefined &&
    COUNT_NOUNS.has(t.norm) &&
    t.pos !== 'NOUN' &&
    /^(?:ADP|PUNCT)$/.test(ctx.tokens[k + 1]?.pos ?? 'PUNCT')
  );
}

/** "a" with no noun after it: "Karpenter is a quite useful", "The database is a really stable". */
function extraArticle(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = from; i < to - 2; i++) {
    const t = tokens[i] as Token;
    if ((t.norm !== 'a' && t.norm !== 'an') || tokens[i - 1]?.lemma !== 'be') continue;
    let k = i + 1;
    while (
      k < to &&
      /^(?:quite|really|very|so|pretty|too|rather|bit|little)$/.test((tokens[k] as Token).norm)
    )
      k++;
    const adj = tokens[k];
    const after = tokens[k + 1];
    if (k === i + 1 || !adj || adj.pos !== 'ADJ') continue;
    if (
      after &&
      (after.pos === 'NOUN' || after.pos === 'PROPN' || after.pos === 'ADJ' || after.norm === 'one')
    )
      continue;
    const next = tokens[i + 1] as Token;
    out.push({
      start: t.start,
      end: next.start,
      fix: '',
      rule: 'article-extra',
      detail: `${t.norm} ${next.norm}|${next.norm}`,
    });
  }
}

/** "a" before a vowel sound, "an" before a consonant sound: "an unique", "a SLO", "a hour". */
function articleSounds(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = from; i < to - 1; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1] as Token;
    if (ctx.skip[i] || (t.norm !== 'a' && t.norm !== 'an') || next.kind === 'punct') continue;
    // "a" as a letter or a list label ("plan a", "option A") is no article.
    if (
      t.text === 'A' &&
      i > 0 &&
      tokens[i - 1]?.kind === 'word' &&
      !/^[.!?]$/.test(tokens[i - 1]?.norm ?? '')
    )
      continue;
    // "a a a", "a the": no article before a function word; that is noise, not a wrong article.
    if (next.stop || (next.kind !== 'word' && next.kind !== 'number')) continue;
    const want = startsWithVowelSound(next.text) ? 'an' : 'a';
    if (want !== t.norm)
      out.push(
        span(
          ctx,
          i,
          i + 1,
          keepCase(t.text, want),
          'article-a-an',
          `${t.norm} ${next.text}|${want} ${next.text}`,
        ),
      );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Verbs: tense against time markers, subject–verb agreement.

type Time = 'past' | 'future' | null;

/** Whether the sentence is set in the past or the future by a time marker; notes where fronted markers end. */
function timeOf(ctx: Ctx, from: number, to: number): { time: Time; from: number } {
  const { tokens } = ctx;
  let time: Time = null;
  let at = -1;
  let i = from;
  const mark = (t: Exclude<Time, null>, end: number) => {
    if (time === null) at = i;
    time ??= t;
    ctx.openers.add(end);
  };
  for (; i < to; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const n2 = tokens[i + 2];
    if (t.norm === 'yesterday' && next?.norm !== "'s" && tokens[i - 1]?.norm !== 'than') mark('past', i + 1);
    else if (t.norm === 'ago' || t.norm === 'previously') mark('past', i + 1);
    // "last month" is a time in the past; "the last month" a span up to now.
    else if (t.norm === 'last' && next && PAST_UNITS.has(next.lemma) && tokens[i - 1]?.norm !== 'the')
      mark('past', i + 2);
    else if (t.norm === 'at' && next?.norm === 'that' && n2?.norm === 'time') mark('past', i + 3);
    else if (t.norm === 'back' && next?.norm === 'then') mark('past', i + 2);
    else if (t.norm === 'in' && next?.norm === 'the' && n2?.norm === 'past') mark('past', i + 3);
    else if (
      /^(?:in|at)$/.test(t.norm) &&
      /^(?:my|our)$/.test(next?.norm ?? '') &&
      /^(?:previous|last|old|former|first)$/.test(n2?.norm ?? '')
    )
      mark('past', i + 4);
    else if (
      t.norm === 'in' &&
      next?.kind === 'number' &&
      /^(?:19|20)\d\d$/.test(next.text) &&
      Number(next.text) < ctx.year
    )
      mark('past', i + 2);
    else if (
      t.norm === 'in' &&
      MONTHS.has(next?.norm ?? '') &&
      n2?.kind === 'number' &&
      /^(?:19|20)\d\d$/.test(n2.text) &&
      Number(n2.text) < ctx.year
    )
      mark('past', i + 3);
    else if (t.norm === 'tomorrow') mark('future', i + 1);
    else if (t.norm === 'next' && next && FUTURE_UNITS.has(next.lemma) && i === from) mark('future', i + 2);
  }
  if (time === null) return { time, from: to };
  // A marker at the front sets the whole sentence; one further in sets its own clause and what follows
  // ("This approach is different from what we did at my last company": only "we did").
  let scope = at;
  if (at - from > 3) while (scope > from && !SCOPE_BOUNDARY.has((tokens[scope - 1] as Token).norm)) scope--;
  else scope = from;
  return { time, from: Math.max(from, scope - 1) };
}

const MONTHS = new Set(
  'january february march april may june july august september october november december'.split(' '),
);

/** Words that start a clause of their own, for the reach of a time marker. */
const SCOPE_BOUNDARY = new Set([
  'what',
  'which',
  'that',
  'who',
  'because',
  'when',
  'and',
  'but',
  ',',
  'so',
  'where',
  'how',
]);

/** Words after which "when" asks a question instead of setting a time ("exactly when", "know when"). */
const COMPLEMENT_TAKERS = wordSet(
  'exactly precisely know see check ask decide tell understand wonder remember show explain find learn notice discuss agree plan',
);

/** Subordinators of time: the two clauses they join happen in the same time frame. */
const TEMPORAL = new Set(['when', 'before', 'after', 'while', 'until', 'once', 'whenever']);

type Tense = 'past' | 'present' | null;

/** The tense of the first finite verb in [from, to): the clause's main verb. */
function firstTense(ctx: Ctx, from: number, to: number): { tense: Tense; at: number } {
  const { tokens } = ctx;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (ctx.skip[i] || !word(t) || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
    const prev = tokens[i - 1];
    if (prev && MODALS.has(prev.norm) && prev.norm !== 'did') return { tense: null, at: i };
    const subject = subjectBefore(ctx, i, from);
    if (subject === null || questionBefore(ctx, subject.at, from)) continue;
    // "A Secret mounted as a volume is refreshed": a participle after a noun, with the real verb to come.
    const laterVerb = tokens
      .slice(i + 1, to)
      .some((x) => x.pos === 'AUX' || (x.pos === 'VERB' && !x.norm.endsWith('ing')));
    if (
      t.pos === 'VERB' &&
      isPastForm(t.norm, t.lemma) &&
      /^(?:NOUN|PROPN)$/.test(tokens[i - 1]?.pos ?? '') &&
      laterVerb
    )
      continue;
    if (/^(?:was|were|did|had)$/.test(t.norm) || (t.pos === 'VERB' && isPastForm(t.norm, t.lemma)))
      return { tense: 'past', at: i };
    if (
      /^(?:is|am|are|do|does|has|have)$/.test(t.norm) ||
      t.norm === t.lemma ||
      isThirdPerson(t.norm, t.lemma)
    )
      return { tense: 'present', at: i };
    return { tense: null, at: i };
  }
  return { tense: null, at: to };
}

/**
 * Clauses joined in time happen in the same time frame: "When the outage happened, I am on a flight", "After we
 * enable the autoscaler, the bill dropped". When one clause's main verb is in the simple past and the other's is
 * present, the present clause is set in the past: its range is returned.
 */
function pastBySequence(ctx: Ctx, from: number, to: number): [number, number] | null {
  const { tokens } = ctx;
  let lead = from;
  while (lead < to && /^(?:so|and|but|then|and)$/.test((tokens[lead] as Token).norm)) lead++;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (!TEMPORAL.has(t.norm) || ctx.skip[i]) continue;
    // "check … exactly when it started", "decide when to …": a question word, not a clause of time.
    const p = tokens[i - 1];
    if (p && (COMPLEMENT_TAKERS.has(p.lemma) || tokens[i + 1]?.norm === 'to')) continue;
    // "a night when our …": a relative clause on a time noun, not a second time frame.
    if (i !== lead && (p?.pos === 'NOUN' || /^(?:and|or|,)$/.test(p?.norm ?? ''))) continue;
    let a: [number, number];
    let b: [number, number];
    if (i === lead) {
      let comma = i + 1;
      while (comma < to && (tokens[comma] as Token).norm !== ',') comma++;
      if (comma >= to) return null;
      // "Before the rollback I grab evidence, …": a phrase, then the main clause, not a clause of time.
      for (let k = i + 2; k < comma; k++)
        if (
          /^(?:i|we|they|he|she|you)$/.test((tokens[k] as Token).norm) &&
          /^(?:NOUN|PROPN)$/.test(tokens[k - 1]?.pos ?? '')
        )
          return null;
      a = [i + 1, comma];
      b = [comma + 1, to];
    } else {
      let end = i + 1;
      while (end < to && !/^[,;]$/.test((tokens[end] as Token).norm)) end++;
      a = [lead, i];
      b = [i + 1, end];
    }
    const ta = firstTense(ctx, a[0], a[1]);
    const tb = firstTense(ctx, b[0], b[1]);
    // "After we added an index, the query runs quickly": after a fronted "after" or "once" the main clause may
    // be the state now; "when", "while", "before", "until" keep one time frame.
    const stateNow = i === lead && /^(?:after|once)$/.test(t.norm);
    if (ta.tense === 'past' && tb.tense === 'present' && !stateNow) return b;
    if (tb.tense === 'past' && ta.tense === 'present') return a;
    return null;
  }
  return null;
}

const POSSESSIVES = new Set(['my', 'our', 'your', 'their', 'his', 'her', 'its']);

/** Singular or plural by the noun's own form; null when it cannot tell ("Kubernetes", "data"). */
function nounPerson(s: Token): Subject['person'] | null {
  if (s.pos === 'PROPN') return /s$/i.test(s.text) ? null : 'singular';
  if (s.norm === 'people' || s.norm === 'staff') return 'plural';
  if (s.norm !== s.lemma && s.norm.endsWith('s')) return 'plural';
  if (s.norm === s.lemma && !s.norm.endsWith('s') && !BARE_PLURALS.has(s.norm)) return 'singular';
  return null;
}

interface Subject {
  readonly at: number;
  readonly person: 'first' | 'singular' | 'plural';
  /** Counted ("ten minutes", "both clusters"): an amount may take a singular verb ("Ten minutes is enough"). */
  readonly measure?: boolean;
}

/** Nouns for a group that British English lets take a plural verb ("The team are split …"). */
const COLLECTIVE = new Set([
  'team',
  'staff',
  'family',
  'government',
  'company',
  'management',
  'board',
  'crew',
  'group',
  'committee',
  'department',
  'audience',
  'client',
  'customer',
  'vendor',
  'business',
]);

/** The subject right before a verb: a pronoun, or the head noun of a noun phrase that opens a clause. */
function subjectBefore(ctx: Ctx, v: number, from: number): Subject | null {
  const { tokens } = ctx;
  let k = v - 1;
  while (k >= from && MID_ADVERBS.has((tokens[k] as Token).norm)) k--;
  if (k < from) return null;
  const s = tokens[k] as Token;
  if (ctx.skip[k]) return null;
  // A pronoun right after a verb or preposition is its object: "deactivate it right away".
  const p0 = tokens[k - 1];
  if (s.pos === 'PRON' && p0 && /^(?:VERB|ADP)$/.test(p0.pos) && !CLAUSE_OPENERS.has(p0.norm)) return null;
  // "Type I", "Phase I": a numeral after a capitalised noun; a lower-case "i" is no pronoun either.
  if (
    s.norm === 'i' &&
    (/^(?:type|phase|tier|level|class|grade|stage|part|chapter|round|step)$/i.test(p0?.text ?? '') ||
      s.text !== 'I')
  )
    return null;
  if (s.norm === 'i') return { at: k, person: 'first' };
  if (/^(?:today|yesterday|tomorrow|now|tonight)$/.test(s.norm)) return null;
  if (PERSONAL_PLURAL.has(s.norm) && s.pos === 'PRON') return { at: k, person: 'plural' };
  if (PERSONAL_SINGULAR.has(s.norm) && (s.pos === 'PRON' || s.norm === 'this')) {
    // "this" before a verb is a subject only when nothing nominal precedes it ("with this runs" is no clause).
    return { at: k, person: 'singular' };
  }
  if (s.pos !== 'NOUN' && s.pos !== 'PROPN' && !nounHere(ctx, k)) return null;
  // Walk back over the noun phrase to its start; it must open a clause (not be an object or in a PP).
  let start = k;
  while (start - 1 >= from) {
    const p = tokens[start - 1] as Token;
    if ((p.pos === 'DET' && p.norm !== 'that') || POSSESSIVES.has(p.norm)) {
      start--;
      break;
    }
    if (
      p.pos === 'NOUN' ||
      p.pos === 'PROPN' ||
      p.pos === 'ADJ' ||
      p.pos === 'NUM' ||
      p.norm === '-' ||
      ctx.skip[start - 1]
    )
      start--;
    else break;
  }
  // A subject made with identifiers or code ("the aws:ec2… condition keys") is not judged.
  for (let q = start; q <= k; q++) if (ctx.skip[q]) return null;
  const before0 = tokens[start - 1];
  // "Each of the teams have", "The number of alerts are", "One of the nodes were", "Most of the traffic come":
  // the subject is the phrase before "of", or, after "most/some/all of", the phrase after it.
  if (before0?.norm === 'of') {
    const q = tokens[start - 2];
    if (!q) return null;
    let qStart = start - 2;
    while (qStart - 1 >= from && /^(?:DET|ADJ)$/.test((tokens[qStart - 1] as Token).pos)) qStart--;
    const lead = tokens[qStart - 1];
    const opensHere = qStart === from || !lead || lead.kind === 'punct' || CLAUSE_OPENERS.has(lead.norm);
    if (!opensHere) return null;
    const inner = nounPerson(s);
    if (/^(?:each|one|none|either|neither|every)$/.test(q.norm)) return { at: start - 2, person: 'singular' };
    if (
      /^(?:most|some|all|half|lots|lot|plenty|rest|majority|any|part|percent|percentage|fraction|proportion|share|bunch)$/.test(
        q.norm,
      )
    ) {
      // "Most of our engineer are …": the noun is the error (a plural is missing), not the verb.
      if (inner === 'singular' && (COUNT_NOUNS.has(s.lemma) || ctx.lexicon.countable.has(s.lemma)))
        return null;
      return inner ? { at: k, person: inner } : null;
    }
    if (q.norm === 'number')
      return tokens[qStart]?.norm === 'a' ? { at: k, person: 'plural' } : { at: k, person: 'singular' };
    if (q.pos === 'NOUN') {
      const head = nounPerson(q);
      return head ? { at: start - 2, person: head } : null;
    }
    return null;
  }
  // "Every engineer in the rotation need …": the subject is the phrase before a short prepositional phrase.
  if (
    before0 &&
    /^(?:in|on|at|for|from|with|across|behind|under|inside|within)$/.test(before0.norm) &&
    before0.pos === 'ADP'
  ) {
    const h = tokens[start - 2];
    if (!h || !/^(?:NOUN|PROPN)$/.test(h.pos) || start - 2 < from) return null;
    let hStart = start - 2;
    while (hStart - 1 >= from && /^(?:NOUN|PROPN|ADJ|DET|NUM)$/.test((tokens[hStart - 1] as Token).pos))
      hStart--;
    const lead = tokens[hStart - 1];
    const opensHere =
      hStart === from ||
      !lead ||
      (lead.kind === 'punct' && lead.norm !== ',') ||
      /^(?:when|because|if|so|after|before|while)$/.test(lead.norm);
    // Subjects with a phrase after them start with a determiner ("Every engineer in …", "The pods in …").
    const determined =
      /^(?:DET)$/.test(tokens[hStart]?.pos ?? '') || POSSESSIVES.has(tokens[hStart]?.norm ?? '');
    if (!opensHere || !determined) return null;
    if (/^(?:every|each)$/.test(tokens[hStart]?.norm ?? '')) return { at: start - 2, person: 'singular' };
    const head = nounPerson(h);
    return head ? { at: start - 2, person: head } : null;
  }
  const before = before0;
  // "Loki and Tempo stack": after "and" between nouns it is a list of nouns, not a new clause.
  const listed =
    before && /^(?:and|or)$/.test(before.norm) && /^(?:NOUN|PROPN|NUM)$/.test(tokens[start - 2]?.pos ?? '');
  const opens =
    start === from ||
    ctx.openers.has(start) ||
    before?.pos === 'NUM' ||
    !before ||
    before.norm === ',' ||
    (CLAUSE_OPENERS.has(before.norm) && !listed) ||
    (before.pos === 'ADV' && !MID_ADVERBS.has(before.norm)) ||
    /^(?:yesterday|today|tomorrow|ago|later|recently|earlier|finally|first|then)$/.test(before.norm) ||
    (before.kind === 'punct' && before.norm !== '-');
  if (!opens) return null;
  // "Both the primary and the replica were …": two noun phrases joined by "and" are a plural subject.
  if (before?.norm === 'and' && /^(?:NOUN|PROPN|ADJ)$/.test(tokens[start - 2]?.pos ?? '')) {
    // Only when "A and B" opens the clause; "… references the secret and the agent injects it" joins clauses.
    let a = start - 2;
    while (a > from && /^(?:NOUN|PROPN|ADJ|DET|NUM)$/.test((tokens[a - 1] as Token).pos)) a--;
    const lead = tokens[a - 1];
    if (a === from || !lead || lead.kind === 'punct' || CLAUSE_OPENERS.has(lead.norm))
      return { at: k, person: 'plural', measure: true };
    return null;
  }
  // "Validate and plan only prove …": a subject after "and" may be the second half of a coordinated subject.
  if (before && /^(?:and|or)$/.test(before.norm) && tokens[start]?.pos !== 'DET') return null;
  const det = tokens[start];
  const everyOrEach = det && /^(?:every|each)$/.test(det.norm);
  if (everyOrEach) return { at: k, person: 'singular' };
  // "Both cluster were …", "two node are …": the count makes the subject plural whatever the noun says.
  if (det && (PLURAL_QUANTIFIERS.has(det.norm) || COUNT_WORDS.has(det.norm)))
    return { at: k, person: 'plural', measure: true };
  if (s.pos === 'PROPN') {
    // Names ending in s ("Kubernetes", "GitHub Actions") are often singular: not judged.
    if (/s$/i.test(s.text) || s.text === s.text.toUpperCase())
      return /[a-z]s$/.test(s.text) && s.text !== s.text.toUpperCase()
        ? null
        : s.text.endsWith('s')
          ? { at: k, person: 'plural' }
          : { at: k, person: 'singular' };
    return { at: k, person: 'singular' };
  }
  if (s.norm !== s.lemma && s.norm.endsWith('s')) return { at: k, person: 'plural' };
  if (s.norm === 'people' || s.norm === 'staff') return { at: k, person: 'plural' };
  if (s.norm === s.lemma && !s.norm.endsWith('s')) return { at: k, person: 'singular' };
  return null;
}

/** Verbs that open an instruction ("Use expand and contract", "Check inodes with df -i"). */
const IMPERATIVES = new Set([
  'use',
  'check',
  'run',
  'set',
  'add',
  'keep',
  'make',
  'read',
  'let',
  'start',
  'pick',
  'give',
]);

/** Verbs that report: their own time is the time of speaking. */
const REPORTING = new Set([
  'say',
  'tell',
  'report',
  'think',
  'believe',
  'know',
  'notice',
  'show',
  'mean',
  'claim',
  'hear',
  'feel',
  'remember',
]);

/** A question ("does it matter", "why might it still expire") or a clause as subject ("what runs is …"). */
function questionBefore(ctx: Ctx, at: number, from: number): boolean {
  for (let q = at - 1; q >= from; q--) {
    const w = ctx.tokens[q] as Token;
    // A participle inside the subject ("a secret passed as a build argument") does not end the search.
    if (w.kind === 'punct' || (w.pos === 'VERB' && !isPastForm(w.norm, w.lemma))) return false;
    if (w.pos === 'AUX' || MODALS.has(w.norm) || /^(?:what|which|whose|how)$/.test(w.norm)) return true;
  }
  return false;
}

const PRESENT_BE: Record<Subject['person'], string> = { first: 'am', singular: 'is', plural: 'are' };

/** Verbs whose object takes a bare verb or an adjective: "let each pod get", "made it clear", "kept it fair". */
const CAUSATIVE = new Set([
  'let',
  'make',
  'help',
  'see',
  'watch',
  'have',
  'hear',
  'keep',
  'find',
  'leave',
  'get',
]);

/**
 * A "verb" that is the last word of a compound noun: "a rolling update", "the root cause.", "a kill switch that",
 * "Knowledge transfer happens", "Object Lock in …", "HTTP GET": tagged as a verb, read as a noun.
 */
function compoundNoun(ctx: Ctx, v: number): boolean {
  const { tokens } = ctx;
  const t = tokens[v] as Token;
  if (t.pos !== 'VERB') return false;
  const sentence = ctx.doc.sentences[t.sentence];
  // Capitalised inside a sentence: part of a name.
  if (/^[A-Z]/.test(t.text) && sentence && sentence.from !== v) return true;
  // -ing forms and unknown words in -s are not present-tense verbs to correct.
  if (t.norm.endsWith('ing') || (t.norm === t.lemma && t.norm.endsWith('s'))) return true;
  const next = tokens[v + 1];
  // The real verb follows: "Knowledge transfer happens" (only a word that can be a noun; "get paged" is a verb).
  const nounish = COUNT_NOUNS.has(t.lemma) || ctx.lexicon.countable.has(t.lemma);
  const finite =
    next &&
    (next.pos === 'AUX' ||
      (next.pos === 'VERB' && (isThirdPerson(next.norm, next.lemma) || isPastForm(next.norm, next.lemma))));
  if (nounish && finite && next?.norm !== "n't") return true;
  const after2 = tokens[v + 2];
  if (
    nounish &&
    next?.pos === 'ADV' &&
    after2 &&
    (after2.pos === 'AUX' || (after2.pos === 'VERB' && isThirdPerson(after2.norm, after2.lemma)))
  )
    return true;
  if (next && /^(?:itself|themselves)$/.test(next.norm)) return true;
  // "a/an" before the noun phrase: "a database restore or …".
  let k = v - 1;
  while (k >= 0 && /^(?:NOUN|PROPN|ADJ)$/.test((tokens[k] as Token).pos)) k--;
  if (k < v - 1 && /^(?:a|an)$/.test(tokens[k]?.norm ?? '')) return true;
  // "the monthly cloud spend, and …": a determiner, nouns, and nothing after: the last word is a noun too.
  const closes = !next || next.kind === 'punct' || /^(?:that|which|who)$/.test(next.norm);
  // "In-place pod resize (beta since 1.33) changes …", "in-place pod resize, beta and …": a "verb" right after a
  // noun with punctuation after it is the end of a compound noun.
  if (next && /^[(,:;]$/.test(next.norm) && tokens[v - 1]?.pos === 'NOUN') return true;
  if (closes && k < v - 1 && tokens[k]?.pos === 'DET') return true;
  // A noun the bank counts, after a noun and with nothing after it: "the stack trace,", "the root cause and".
  const ends = !next || next.kind === 'punct' || next.pos === 'CCONJ' || next.pos === 'ADP';
  return ends && k < v - 1 && (ctx.lexicon.countable.has(t.lemma) || COUNT_NOUNS.has(t.lemma));
}

function verbs(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  const hypothetical = tokens.slice(from, to).some((w) => w.norm === 'if' || w.norm === 'would');
  const { time: marked, from: markedFrom } = timeOf(ctx, from, to);
  const sequence = marked || hypothetical ? null : pastBySequence(ctx, from, to);
  const markerAt = [...ctx.openers].filter((o) => o > from && o <= to).sort((a, b) => a - b)[0] ?? to;
  // A consequence or a comment may be in the present: "In my last role I worked …, so this is how I work".
  let cut = false;
  for (let v = from; v < to; v++) {
    const w = tokens[v] as Token;
    if (
      (w.norm === 'so' && tokens[v - 1]?.norm === ',') ||
      /^(?:which|now|today|still|currently|nowadays)$/.test(w.norm)
    )
      cut = true;
    const inSequence = sequence !== null && v >= sequence[0] && v < sequence[1];
    const time = cut ? null : v >= markedFrom ? marked : inSequence ? 'past' : null;
    const t = tokens[v] as Token;
    if (ctx.skip[v] || !word(t) || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
    const prev = tokens[v - 1];
    if (prev && MODALS.has(prev.norm)) continue;
    // "the SLO burn rate is above two": a "verb" followed by a noun and then the real verb is a compound noun.
    const n1 = tokens[v + 1];
    const n2 = tokens[v + 2];
    if (n1?.pos === 'NOUN' && (n2?.pos === 'AUX' || n2?.pos === 'VERB')) continue;
    // "SLO burn rate, error rate …": a "verb" and a noun that close a list item are a compound noun.
    if (n1?.pos === 'NOUN' && (!n2 || n2.kind === 'punct' || n2.pos === 'CCONJ' || n2.pos === 'ADP'))
      continue;
    if (t.text.includes('-')) continue;
    if (COUNT_NOUNS.has(t.norm) && nounHere(ctx, v) && prev?.pos === 'DET') continue;
    if (compoundNoun(ctx, v) || (t.pos === 'VERB' && nounHere(ctx, v))) continue;
    // A verb right after "that", "which", "who" belongs to a relative or reported clause: its own time.
    const subject = subjectBefore(ctx, v, from);
    if (!subject || questionBefore(ctx, subject.at, from)) continue;
    // "like get and list on configmaps": a verb named as an example; "Use expand and contract": an imperative.
    if (prev?.norm === 'like' || (subject.at === from && IMPERATIVES.has((tokens[from] as Token).lemma)))
      continue;
    const before = tokens[subject.at - 1];
    if (before && CAUSATIVE.has(before.lemma)) continue;
    // After "that", "which", "who" the clause keeps its own time ("I learned that Kubernetes restarts pods").
    const ownTime = before !== undefined && /^(?:that|which|who)$/.test(before.norm);
    const next = tokens[v + 1];
    const negated = next?.norm === "n't" || next?.norm === 'not';
    // Tense: a present verb in a sentence set in the past.
    // "Finance says the bill jumped last month": the report is now, the event in the past.
    // "I have joined this project in March 2021": a finished time takes the simple past.
    const participle = tokens[v + 1];
    if (
      time === 'past' &&
      v >= markedFrom &&
      t.lemma === 'have' &&
      /^(?:have|has)$/.test(t.norm) &&
      participle?.pos === 'VERB' &&
      isPastForm(participle.norm, participle.lemma)
    ) {
      const simple = pastOf(participle.lemma);
      out.push(span(ctx, v, v + 2, simple, 'tense-simple-past', `${t.norm} ${participle.norm}|${simple}`));
      continue;
    }
    if (time === 'past' && !ownTime && !(REPORTING.has(t.lemma) && markerAt > v)) {
      const fix = pastFix(t, subject, negated);
      if (fix) {
        const contracted = negated && next?.norm === "n't";
        const end = contracted ? v + 2 : v + 1;
        const said = contracted ? `${fix}n't` : fix;
        out.push(
          span(
            ctx,
            v,
            end,
            keepCase(t.text, said),
            'tense-past',
            `${ctx.doc.text.slice(t.start, tokens[end - 1]?.end)}|${said}`,
          ),
        );
        continue;
      }
    }
    const hypothetical = tokens.slice(from, to).some((w) => w.norm === 'if' || w.norm === 'would');
    if (
      time === 'future' &&
      !hypothetical &&
      t.pos === 'VERB' &&
      isPastForm(t.norm, t.lemma) &&
      !negated &&
      prev?.lemma !== 'be' &&
      prev?.lemma !== 'have'
    ) {
      out.push(span(ctx, v, v + 1, `will ${t.lemma}`, 'tense-future', `${t.norm}|will ${t.lemma}`));
      continue;
    }
    let fix = agreementFix(t, subject, time === 'past');
    const head = tokens[subject.at] as Token;
    // Collective nouns may take a plural verb; amounts a singular one; "If I were …" is a subjunctive.
    if (
      fix &&
      subject.person === 'singular' &&
      COLLECTIVE.has(head.lemma) &&
      /^(?:are|were|have|do)$/.test(t.norm)
    )
      fix = null;
    if (fix && subject.measure && /^(?:is|was|has)$/.test(t.norm)) fix = null;
    if (fix && t.norm === 'were' && hypothetical) fix = null;
    if (fix)
      out.push(
        span(
          ctx,
          v,
          v + 1,
          keepCase(t.text, fix),
          'agreement',
          `${tokens[subject.at]?.text} ${t.text}|${tokens[subject.at]?.text} ${fix}`,
        ),
      );
  }
  thereIs(ctx, from, to, out);
  perfect(ctx, from, to, out);
}

/** Verbs of a state that lasts: with "for two years" they need the present perfect. */
const ONGOING = new Set(['be', 'work', 'use', 'live', 'know', 'stay', 'own', 'lead', 'maintain', 'manage']);

/** Durations: "for three years", "for about a month", "for over two weeks". */
const DURATION_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'decade', 'quarter', 'sprint']);

/**
 * Time up to now takes the present perfect: "I work with Terraform since 2017" → "have worked", "We are using
 * Datadog for four years" → "have been using", "So far we reduced …" → "have reduced".
 */
function perfect(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  let reach = -1;
  let clauseEnd = to;
  let durationOnly = false;
  let sinceClause = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (t.norm === 'since') {
      // "since 2017", "since last year", "since March", or "since I joined" (a past clause); "since it is …"
      // gives a reason, not a time.
      const clause = firstTense(ctx, i + 1, Math.min(to, i + 8));
      const point =
        (next?.kind === 'number' && /^(?:19|20)\d\d$/.test(next.text)) ||
        MONTHS.has(next?.norm ?? '') ||
        next?.norm === 'last' ||
        next?.norm === 'then' ||
        clause.tense === 'past';
      if (point) {
        reach = i;
        let e = i + 1;
        if (clause.tense === 'past') {
          while (e < to && (tokens[e] as Token).norm !== ',') e++;
          sinceClause = true;
        } else
          e =
            i +
            (next?.norm === 'last' || (MONTHS.has(next?.norm ?? '') && tokens[i + 2]?.kind === 'number')
              ? 3
              : 2);
        clauseEnd = i === from ? e - (clause.tense === 'past' ? 0 : 1) : i;
      }
    }
    if (t.norm === 'for') {
      let k = i + 1;
      while (
        k < to &&
        /^(?:about|around|over|almost|nearly|more|than|the|last|past|a|an|couple|of|few)$/.test(
          (tokens[k] as Token).norm,
        )
      )
        k++;
      while (k < to && (COUNT_WORDS.has((tokens[k] as Token).norm) || (tokens[k] as Token).pos === 'NUM'))
        k++;
      const unit = tokens[k];
      if (unit && k > i + 1 && DURATION_UNITS.has(unit.lemma)) {
        reach = i;
        clauseEnd = i;
        durationOnly = true;
      }
    }
    if (t.norm === 'far' && tokens[i - 1]?.norm === 'so') reach = i;
  }
  if (reach < 0) return;
  // The main clause: the other side of a fronted "since …," or the words before the marker.
  const fronted = tokens[from]?.norm === 'since';
  let start = fronted ? clauseEnd + 1 : from;
  // Not fronted: the marker's own clause ("I am not familiar with Azure, but I have used GCP for two years").
  if (!fronted)
    for (let b = reach - 1; b > from; b--)
      if (SCOPE_BOUNDARY.has((tokens[b] as Token).norm)) {
        start = b + 1;
        break;
      }
  const end = fronted ? to : Math.max(clauseEnd, reach);
  const soFar = tokens[reach]?.norm === 'far';
  for (let v = soFar ? reach + 1 : start; v < (soFar ? to : end); v++) {
    const t = tokens[v] as Token;
    if (soFar && SCOPE_BOUNDARY.has(t.norm)) break;
    if (t.norm === ';') break;
    if (ctx.skip[v] || !word(t) || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
    const prev = tokens[v - 1];
    if (prev && MODALS.has(prev.norm)) break;
    const subject = subjectBefore(ctx, v, from);
    if (!subject) continue;
    if (questionBefore(ctx, subject.at, from)) break;
    const next = tokens[v + 1];
    // With "for two weeks", only an ongoing state is wrong in the present ("we are using it for four years");
    // "a new rule runs in warn mode for two weeks" describes a procedure.
    // With "for two years" or "since I joined", only a lasting state of a person is wrong in the present ("I
    // work here for two years"); "branches live for a day", "since several releases went out, I build a
    // timeline" are fine.
    const person =
      PEOPLE_PRONOUNS.has((tokens[subject.at] as Token).norm) ||
      PERSON_NOUNS.has((tokens[subject.at] as Token).lemma);
    if (
      (durationOnly || sinceClause) &&
      !(person && (ONGOING.has(t.lemma) || (t.norm === 'did' && next?.norm === "n't")))
    )
      break;
    const have = subject.person === 'singular' ? 'has' : 'have';
    let fix: string | null = null;
    let last = v + 1;
    if (soFar && !(t.pos === 'VERB' && isPastForm(t.norm, t.lemma))) break;
    if (/^(?:is|are|am)$/.test(t.norm) && next?.pos === 'VERB' && next.norm.endsWith('ing')) {
      fix = `${have} been ${next.norm}`;
      last = v + 2;
    } else if (/^(?:is|are|am)$/.test(t.norm)) fix = `${have} been`;
    else if (t.norm === 'did' && next?.norm === "n't" && tokens[v + 2]?.pos === 'VERB') {
      const verb = tokens[v + 2] as Token;
      fix = `${have}n't ${participleOf(verb.lemma)}`;
      last = v + 3;
    } else if (
      !soFar &&
      t.pos === 'VERB' &&
      !t.norm.endsWith('ing') &&
      (t.norm === t.lemma || isThirdPerson(t.norm, t.lemma))
    )
      fix = `${have} ${participleOf(t.lemma)}`;
    else if (
      soFar &&
      t.pos === 'VERB' &&
      isPastForm(t.norm, t.lemma) &&
      prev?.lemma !== 'have' &&
      prev?.lemma !== 'be'
    )
      fix = `${have} ${t.norm}`;
    if (fix) {
      const wrong = ctx.doc.text.slice(t.start, (tokens[last - 1] as Token).end);
      out.push(span(ctx, v, last, keepCase(t.text, fix), 'tense-perfect', `${wrong}|${fix}`));
    }
    break;
  }
}

/** The past form of a present verb, or null when it is not present: "fix" → "fixed", "don't" → "didn't". */
function pastFix(t: Token, subject: Subject, negated: boolean): string | null {
  if (t.lemma === 'be') {
    if (t.norm === 'is' || t.norm === 'am') return 'was';
    if (t.norm === 'are') return subject.person === 'plural' ? 'were' : 'was';
    return null;
  }
  if (t.lemma === 'do' && (t.norm === 'do' || t.norm === 'does')) return negated ? 'did' : null;
  if (t.lemma === 'have' && (t.norm === 'have' || t.norm === 'has')) return 'had';
  if (t.pos !== 'VERB') return null;
  if (t.norm === t.lemma || isThirdPerson(t.norm, t.lemma)) return pastOf(t.lemma);
  return null;
}

/** The form a present verb takes with its subject, or null when it agrees (or is not a present verb). */
function agreementFix(t: Token, subject: Subject, past: boolean): string | null {
  const { person } = subject;
  if (t.lemma === 'be') {
    if (t.norm === 'was' && person === 'plural') return 'were';
    if (t.norm === 'were' && (person === 'singular' || person === 'first')) return 'was';
    if (['is', 'are', 'am'].includes(t.norm) && t.norm !== PRESENT_BE[person]) return PRESENT_BE[person];
    return null;
  }
  if (past) return null;
  if (t.lemma === 'have' || t.lemma === 'do') {
    const third = thirdPersonOf(t.lemma);
    if (person === 'singular' && t.norm === t.lemma) return third;
    if (person !== 'singular' && t.norm === third) return t.lemma;
    return null;
  }
  if (t.pos !== 'VERB' || isPastForm(t.norm, t.lemma)) return null;
  // "it cost", "it put": the past looks like the base form.
  if (person === 'singular' && t.norm === t.lemma && pastOf(t.lemma) === t.lemma) return null;
  if (person === 'singular' && t.norm === t.lemma) return thirdPersonOf(t.lemma);
  if (person !== 'singular' && isThirdPerson(t.norm, t.lemma)) return t.lemma;
  return null;
}

/** "There is many alerts" → "There are many alerts". */
function thereIs(ctx: Ctx, from: number, to: number, out: Candidate[]): void {
  const { tokens } = ctx;
  for (let i = from; i < to - 2; i++) {
    const t = tokens[i] as Token;
    const be = tokens[i + 1] as Token;
    if (t.norm !== 'there' || !/^(?:is|was|are|were)$/.test(be.norm)) continue;
    const next = tokens[i + 2] as Token;
    const plural =
      PLURAL_QUANTIFIERS.has(next.norm) ||
      COUNT_WORDS.has(next.norm) ||
      (next.norm === 'a' && tokens[i + 3]?.norm === 'lot' && (tokens[i + 5]?.norm.endsWith('s') ?? false));
    const singular = next.norm === 'a' || next.norm === 'an' || next.norm === 'one';
    if (plural && (be.norm === 'is' || be.norm === 'was')) {
      const fix = be.norm === 'is' ? 'are' : 'were';
      out.push(span(ctx, i + 1, i + 2, fix, 'agreement', `there ${be.norm}|there ${fix}`));
    } else if (singular && next.norm !== 'a' && (be.norm === 'are' || be.norm === 'were')) {
      const fix = be.norm === 'are' ? 'is' : 'was';
      out.push(span(ctx, i + 1, i + 2, fix, 'agreement', `there ${be.norm}|there ${fix}`));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Messages, in English and Chinese.

const MESSAGES: Readonly<Record<GrammarRule, (a: string, b: string) => { en: string; zh: string }>> = {
  'tense-past': (a, b) => ({
    en: `The sentence is about the past: say "${b}", not "${a}".`,
    zh: `这句话讲的是过去发生的事，要用过去式："${b}"，而不是"${a}"。`,
  }),
  'tense-perfect': (a, b) => ({
    en: `From a point in the past up to now takes the present perfect: "${b}", not "${a}".`,
    zh: `从过去某时一直持续到现在（since / for … / so far），要用现在完成时："${b}"，而不是"${a}"。`,
  }),
  'tense-simple-past': (a, b) => ({
    en: `A finished time in the past takes the simple past: "${b}", not "${a}".`,
    zh: `有明确的过去时间（in 2021、last year、ago），用一般过去时："${b}"，而不是"${a}"。`,
  }),
  'tense-future': (a, b) => ({
    en: `The sentence is about the future: say "${b}", not "${a}".`,
    zh: `这句话讲的是将来的事，要用将来时："${b}"，而不是"${a}"。`,
  }),
  agreement: (a, b) => ({
    en: `The verb must agree with its subject: "${b}", not "${a}".`,
    zh: `主谓要一致："${b}"，而不是"${a}"（单数主语配单数动词，如 it has / the pod restarts；复数主语配原形，如 we use）。`,
  }),
  'article-missing': (a, b) => ({
    en: `A singular countable noun needs an article: "${b}", not "${a}".`,
    zh: `单数可数名词前要加冠词："${b}"，而不是"${a}"。`,
  }),
  'article-extra': (a, b) => ({
    en: `An article goes with a noun, not with an adjective alone: "${b}", not "${a}".`,
    zh: `冠词要跟名词，不能只跟形容词："${b}"，而不是"${a}"。`,
  }),
  'article-a-an': (a, b) => ({
    en: `"a" or "an" goes by the first sound, not the letter: "${b}", not "${a}".`,
    zh: `a / an 取决于后面单词的发音而不是字母："${b}"，而不是"${a}"。`,
  }),
  'plural-after-number': (a, b) => ({
    en: `After a number or "many", the noun is plural: "${b}" ("${a}").`,
    zh: `数字或 many 后面的可数名词要用复数："${b}"（原文"${a}"）。`,
  }),
  'uncountable-plural': (a, b) => ({
    en: `"${b}" is uncountable: it has no plural ("${a}").`,
    zh: `"${b}" 是不可数名词，没有复数形式（原文"${a}"）。`,
  }),
  preposition: (a, b) => ({
    en: `The preposition: "${b}", not "${a}".`,
    zh: `介词搭配不对："${b}"，而不是"${a}"。`,
  }),
  'adverb-form': (a, b) => ({
    en: `A verb is described by an adverb: "${b}", not "${a}".`,
    zh: `修饰动词要用副词："${b}"，而不是"${a}"。`,
  }),
  comparative: (a, b) => ({
    en: `One comparison is enough: "${b}", not "${a}".`,
    zh: `比较级只用一种形式："${b}"，而不是"${a}"（不要 more 加 -er）。`,
  }),
  'participle-adjective': (a, b) => ({
    en: `A person who feels it is "${b}"; the thing that causes it is "${a}".`,
    zh: `人的感受用 -ed（"${b}"），引起感受的事物才用 -ing（"${a}"）。`,
  }),
  'doubled-conjunction': (a, b) => ({
    en: `English uses one of the pair: drop "${b}" after "${a}".`,
    zh: `英语里"${a} … ${b}"只能用一个连词：去掉"${b}"（不像中文"虽然…但是""因为…所以"成对使用）。`,
  }),
};

/** Rules in the order they win when two findings overlap. */
const RULE_ORDER: readonly GrammarRule[] = [
  'doubled-conjunction',
  'uncountable-plural',
  'comparative',
  'participle-adjective',
  'tense-simple-past',
  'tense-past',
  'tense-perfect',
  'tense-future',
  'agreement',
  'preposition',
  'adverb-form',
  'plural-after-number',
  'article-a-an',
  'article-extra',
  'article-missing',
];

/** Find the grammar errors of an answer, with corrections. Never throws; nothing inside code is checked. */
export function checkGrammar(
  doc: TextDoc,
  lexicon: GrammarLexicon = EMPTY_LEXICON,
  options: GrammarOptions = {},
): GrammarFinding[] {
  if (doc.tokens.length === 0) return [];
  const ctx: Ctx = {
    doc,
    tokens: doc.tokens,
    skip: skipped(doc),
    lexicon,
    year: options.year ?? 2026,
    openers: new Set(),
  };
  const found: Candidate[] = [];
  for (const s of doc.sentences) {
    // Sentences mostly in another script or mostly code are not English prose.
    const words = doc.tokens.slice(s.from, s.to).filter((t) => t.kind === 'word');
    const plain = words.filter((t) => !ctx.skip[t.index]).length;
    if (words.length < 3 || plain < words.length * 0.5) continue;
    doubledConjunctions(ctx, s.from, s.to, found);
    adjectiveForms(ctx, s.from, s.to, found);
    prepositions(ctx, s.from, s.to, found);
    verbs(ctx, s.from, s.to, found);
    nouns(ctx, s.from, s.to, found);
    articleSounds(ctx, s.from, s.to, found);
    extraArticle(ctx, s.from, s.to, found);
  }
  // One finding per place: the earlier rule in RULE_ORDER wins an overlap (kept sorted by start, so each
  // candidate is checked against its neighbours only).
  found.sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of found) {
    if (c.fix === doc.text.slice(c.start, c.end)) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((kept[mid] as Candidate).start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > c.start) || (after && after.start < c.end)) continue;
    kept.splice(lo, 0, c);
    if (kept.length >= MAX_FINDINGS) break;
  }
  // Each sentence corrected once, with all of its findings.
  const bySentence = new Map<number, Candidate[]>();
  let t = 0;
  for (const c of kept) {
    while (t < doc.tokens.length - 1 && (doc.tokens[t] as Token).end <= c.start) t++;
    const sentence = (doc.tokens[t] as Token).sentence;
    const list = bySentence.get(sentence);
    if (list) list.push(c);
    else bySentence.set(sentence, [c]);
  }
  const out: GrammarFinding[] = [];
  for (const [index, list] of bySentence) {
    const sentence = doc.sentences[index];
    const base = sentence?.start ?? 0;
    let corrected = '';
    let at = base;
    for (const k of list) {
      corrected += doc.text.slice(at, k.start) + k.fix;
      at = k.end;
    }
    corrected += doc.text.slice(at, sentence?.end ?? at);
    corrected = corrected.replace(/^\s*([a-z])/, (x) => x.toUpperCase());
    for (const c of list) {
      const [wrong, right] = (c.detail ?? `${doc.text.slice(c.start, c.end)}|${c.fix}`).split('|') as [
        string,
        string,
      ];
      const m = MESSAGES[c.rule](wrong, right);
      out.push({
        start: c.start,
        end: c.end,
        text: doc.text.slice(c.start, c.end),
        fix: c.fix,
        sentence: corrected,
        rule: c.rule,
        message: m.en,
        zh: m.zh,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const lexicons = new WeakMap<readonly unknown[], GrammarLexicon>();

/**
 * Learn from correct texts (the bank's model answers and key points) which nouns they count ("VPCs", "a
 * runbook") and which they write bare ("we enable versioning"), so jargon used as engineers use it is no error.
 */
export function grammarLexicon(texts: readonly string[], cacheKey?: readonly unknown[]): GrammarLexicon {
  const cached = cacheKey ? lexicons.get(cacheKey) : undefined;
  if (cached) return cached;
  const bareSeen = new Map<string, number>();
  const countable = new Set<string>();
  const counted = new Set<string>();
  const isModifier = (x: Token | undefined) =>
    x !== undefined &&
    (x.pos === 'ADJ' ||
      x.pos === 'NOUN' ||
      x.pos === 'PROPN' ||
      x.pos === 'NUM' ||
      (x.pos === 'VERB' && /ed$/.test(x.norm)));
  for (const text of texts) {
    const doc = readText(text);
    const { tokens } = doc;
    tokens.forEach((t, i) => {
      if (t.pos !== 'NOUN' && t.pos !== 'PROPN') return;
      const lemma = t.lemma;
      if (t.norm !== t.lemma && t.norm.endsWith('s')) countable.add(lemma);
      if (/^[A-Z]{2,6}s$/.test(t.text)) countable.add(t.text.slice(0, -1).toLowerCase());
      let k = i - 1;
      while (k >= 0 && isModifier(tokens[k])) k--;
      const det = tokens[k];
      if (det && (det.norm === 'a' || det.norm === 'an')) {
        countable.add(lemma);
        if (/^[A-Z]{2,6}$/.test(t.text) && k === i - 1) counted.add(t.text.toLowerCase());
        return;
      }
      // Written bare as the object of a verb ("we enable versioning", "choose ECS"): a use without an article.
      if (t.norm !== t.lemma || !det || det.pos !== 'VERB' || tokens[i + 1]?.pos === 'NOUN') return;
      const key = /^[A-Z]{2,6}$/.test(t.text) ? t.text.toLowerCase() : lemma;
      bareSeen.set(key, (bareSeen.get(key) ?? 0) + 1);
    });
  }
  // A noun learned as countable from the bank is left alone once it is seen bare; a common count noun only
  // when the bank's authors write it bare twice (one bare use may be a slip or a misread).
  const bare = new Set([...bareSeen].map(([k]) => k));
  const bareOften = new Set([...bareSeen].filter(([, n]) => n >= 2).map(([k]) => k));
  const lexicon = { bare, bareOften, countable, counted };
  if (cacheKey) lexicons.set(cacheKey, lexicon);
  return lexicon;
}

/** The lexicon of a bank: learned from its model answers, key points and red-flag fixes (cached per bank). */
export function bankLexicon(questions: readonly Question[]): GrammarLexicon {
  return grammarLexicon(
    questions.flatMap((q) => [
      q.modelAnswers.full,
      q.modelAnswers.quick,
      ...q.keyPoints.map((kp) => kp.text),
      ...q.redFlags.map((f) => f.fix),
    ]),
    questions,
  );
}

/** The lexicon as plain data, for the bank cache (a warm start reads it instead of learning it). */
export function exportLexicon(l: GrammarLexicon): {
  bare: string[];
  bareOften: string[];
  countable: string[];
  counted: string[];
} {
  return {
    bare: [...l.bare],
    bareOften: [...l.bareOften],
    countable: [...l.countable],
    counted: [...l.counted],
  };
}

/** Install a saved lexicon for this question list, so `bankLexicon(questions)` returns it without learning. */
export function importLexicon(
  questions: readonly Question[],
  d: { bare: string[]; bareOften: string[]; countable: string[]; counted: string[] },
): GrammarLexicon {
  const lexicon: GrammarLexicon = {
    bare: new Set(d.bare),
    bareOften: new Set(d.bareOften),
    countable: new Set(d.countable),
    counted: new Set(d.counted),
  };
  lexicons.set(questions, lexicon);
  return lexicon;
}
