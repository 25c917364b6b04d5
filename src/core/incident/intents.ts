// The intent matcher: what the candidate typed ("check the error rate split by version, then roll back") mapped onto
// the scenario's actions, in the order they were said, on our text pipeline (lemmas, stems, thesaurus, negation).
// Anything it cannot map is returned, so the interviewer asks instead of silently doing nothing.

import { type CompiledPhrase, compilePhrases, indexDoc, matchPhrase } from '../analysis/phrases.js';
import { clauseIndexOf, clausesOf } from '../analysis/signals/clauses.js';
import { stanceOf } from '../analysis/signals/dismissal.js';
import { readText, stemWord, type Token } from '../text/index.js';
import { exclusiveOwner, guess, type ScenarioModel } from './classifier.js';
import { LEARNED_INTENTS } from './learned-intents.js';
import type { IncidentScenario } from './schema.js';

/** The step model in use: the one trained on our tuning sets; the evaluation swaps it to train on part of them. */
let LEARNED: Readonly<Record<string, ScenarioModel>> = LEARNED_INTENTS;
export function setLearnedIntents(m: Readonly<Record<string, ScenarioModel>>): void {
  LEARNED = m;
  // Each scenario's vocabulary holds the model's words: build it again for the new model.
  vocabs = new WeakMap();
}

/**
 * When the learned step model is heard: a step no phrasing names takes its best action at this posterior; it
 * overrides a phrasing's action in the same step only at `overrideP`; a further item of a list in one step takes
 * its best action at `listP`; a step said in sequence in a turn that takes one (after or before "then",
 * or numbered: "get pods, then …", "…, then verify externally", "1) declare 2) …") at `sequenceP`, for such a
 * step is nearly always one. Each is chosen cross-set: trained on all tuning sets but one, measured on that one,
 * for each in turn (with six sets: flat from 0.6 to 0.8; 0.8 to 0.9 best, 0.97 a point lower; flat from 0.8 to 0.9;
 * flat from 0.2 to 0.5, 0.7 a point lower).
 */
export const LEARN = Object.freeze({ minP: 0.7, overrideP: 0.9, listP: 0.9, sequenceP: 0.4 });

/** The folded stems of a step's content words (and of a compound's parts), the learned model's features. */
export function stepFeatures(doc: ReturnType<typeof readText>, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i] as Token;
    if (t.kind !== 'word' || t.stop) continue;
    out.push(canon(t.stem));
    for (const p of t.parts) if (p !== t.stem) out.push(canon(p));
  }
  return out;
}

export interface IntentMatch {
  readonly actionId: string;
  /** The candidate's words that named it. */
  readonly quote: string;
  /** Token position, for the order in which actions were said. */
  readonly at: number;
}

export interface IntentResult {
  readonly matches: readonly IntentMatch[];
  /** Clauses with content that map to no action (for a clarifying question). */
  readonly unmatched: readonly string[];
  /** Actions named only to be ruled out ("I would not restart the database"). */
  readonly declined: readonly string[];
}

const compiled = new WeakMap<
  IncidentScenario,
  Array<{ id: string; phrases: CompiledPhrase[]; commands: CompiledPhrase[] }>
>();
const labels = new WeakMap<IncidentScenario, Map<string, CompiledPhrase>>();

/** Each action's label ("Split the error rate by version in Grafana"), as one more phrasing for steps in other words. */
function compiledLabels(s: IncidentScenario): Map<string, CompiledPhrase> {
  const known = labels.get(s);
  if (known) return known;
  const all = compilePhrases(s.actions.map((a) => a.label));
  const out = new Map(s.actions.map((a, i) => [a.id, all[i] as CompiledPhrase]));
  labels.set(s, out);
  return out;
}

/** The commands an action's evidence shows being run ("$ kubectl describe pod …"): how candidates type it. */
function commandsOf(evidence: string | undefined): string[] {
  return (
    (evidence ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('$ '))
      // The program, its subcommand and what it acts on; the flags and names after them vary with every typing.
      .map((l) => {
        const words = (l.slice(2).split('|')[0] ?? '').trim().split(/\s+/);
        const kept: string[] = [];
        for (let i = 0; i < words.length && kept.length < 3; i++) {
          const w = words[i] as string;
          if (!w.startsWith('-')) kept.push(w);
          // "-n shop": a short flag takes the word after it.
          else if (/^-[a-zA-Z]$/.test(w)) i++;
        }
        return kept.join(' ');
      })
  );
}

function compiledIntents(s: IncidentScenario) {
  const known = compiled.get(s);
  if (known) return known;
  const all = compilePhrases(s.actions.flatMap((a) => a.intents));
  const commands = s.actions.map((a) => compilePhrases(commandsOf(a.evidence)));
  let at = 0;
  const out = s.actions.map((a, i) => {
    const phrases = all.slice(at, at + a.intents.length);
    at += a.intents.length;
    return { id: a.id, phrases, commands: commands[i] ?? [] };
  });
  compiled.set(s, out);
  return out;
}

/** A turn read as the phrasings are written (see matchIntents). */
export function readTurn(text: string): ReturnType<typeof readText> {
  return readText(
    text.replace(
      /(^|[.!?;:]\s+|\n\s*)([A-Z])(?=[a-z])/g,
      (_, pre: string, c: string) => pre + c.toLowerCase(),
    ),
  );
}

/** Map a turn's text onto actions. */
export function matchIntents(s: IncidentScenario, text: string): IntentResult {
  // A turn is mostly imperatives ("Lower the TTL", "Roll back"): a capital at a sentence start makes the tagger
  // read the verb as a name. Read it as the phrasings are written, in lower case (same length: quotes keep offsets).
  const doc = readTurn(text);
  const index = indexDoc(doc);
  const clauses = clausesOf(doc);
  const clauseAt = clauseIndexOf(clauses, doc.tokens.length);
  const candidates: Array<{ id: string; tokens: readonly number[]; stems: number; negated: boolean }> = [];
  const steps = stepRanges(doc);
  const stepOf = (at: number) => steps.findIndex(([a, b]) => at >= a && at < b);
  const stepRange = (at: number) => steps[stepOf(at)]?.[0] ?? 0;
  const kindAt = (at: number) => {
    const r = steps[stepOf(at)];
    return r ? stepKind(index, r[0], r[1]) : null;
  };
  const buildsAt = (at: number) => {
    const r = steps[stepOf(at)];
    return r ? builds(index, r[0], r[1]) : false;
  };
  // The candidate's own words from one token to another, as quoted back to them.
  // Without the numbers of a list: "2) declare sev2" quotes "declare sev2", "abort the canary 2" "abort the canary".
  const quoteOf = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b - 2 && numbersItem(doc.tokens, a)) a += 2;
    while (b - 1 > a && numbersItem(doc.tokens, b - 1)) b--;
    const span = doc.tokens.slice(a, b) as Token[];
    return text.slice(span[0]?.start ?? 0, span[span.length - 1]?.end ?? text.length).trim();
  };
  for (const { id, phrases } of compiledIntents(s)) {
    let best: { tokens: readonly number[]; stems: number; negated: boolean } | null = null;
    const action = s.actions.find((a) => a.id === id) as IncidentScenario['actions'][number];
    for (const p of phrases) {
      const m = matchPhrase(index, p);
      if (!m || m.fraction < 1) continue;
      const first = m.tokens[0] ?? 0;
      const pk = phraseKind(p);
      const sk = kindAt(first);
      if (pk !== null && sk !== null && pk !== sk) continue;
      if (!kindFits(sk, buildsAt(first), action, asksAt(doc, first))) continue;
      if (!subcommandAgrees(p.source, doc, m.tokens)) continue;
      const last = m.tokens[m.tokens.length - 1] ?? first;
      // All of the phrasing in one clause, or across a clause joined to it ("scale out the nodes and pods").
      const spread = (clauseAt[last] ?? 0) - (clauseAt[first] ?? 0);
      if (spread > 1) continue;
      // One step's words: "roll back … so that the pods release their connections, and confirm … back to normal"
      // is a rollback and a check, not a check spread over both.
      if (stepOf(first) !== stepOf(last)) continue;
      const stance = stanceOf(doc, clauses, clauseAt[first] ?? -1, first, last).stance;
      const negated = saysNot(doc, stepRange(first), m.tokens) || stance !== 'stated';
      const candidate = { tokens: m.tokens, stems: p.stems.length, negated };
      if (!best || (best.negated && !negated) || (best.negated === negated && candidate.stems > best.stems))
        best = candidate;
    }
    if (best) candidates.push({ id, ...best });
  }
  // A longer phrasing wins the words it shares with a shorter one ("roll back the config" over "roll back").
  candidates.sort((a, b) => b.stems - a.stems || (a.tokens[0] ?? 0) - (b.tokens[0] ?? 0));
  const used = new Set<number>();
  const matches: IntentMatch[] = [];
  const declined: string[] = [];
  for (const c of candidates) {
    if (c.tokens.some((t) => used.has(t))) continue;
    for (const t of c.tokens) used.add(t);
    if (c.negated) {
      declined.push(c.id);
      continue;
    }
    const at = c.tokens[0] ?? 0;
    const clause = clauses[clauseAt[at] ?? -1];
    const [stepFrom, stepTo] = steps[stepOf(at)] ?? [0, doc.tokens.length];
    const from = clause ? Math.max(clause.from, stepFrom) : at;
    const to = clause ? Math.min(clause.to, stepTo) : (c.tokens[c.tokens.length - 1] ?? at) + 1;
    const quote = quoteOf(from, to);
    matches.push({ actionId: c.id, quote, at });
  }
  // A phrasing's action gives way where the learned step model is near certain of another for the same step, if
  // that step names nothing else.
  {
    const perStep = new Map<number, number>();
    for (const m of matches) perStep.set(stepOf(m.at), (perStep.get(stepOf(m.at)) ?? 0) + 1);
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k] as IntentMatch;
      const si = stepOf(m.at);
      if (perStep.get(si) !== 1) continue;
      const [f, t] = steps[si] as [number, number];
      const g = learnedGuess(s, doc, f, t, LEARN.overrideP);
      if (g && g.id !== m.actionId && !matches.some((x) => x.actionId === g.id))
        matches[k] = { ...m, actionId: g.id };
    }
  }
  // Steps said in other words: the best action by weighted share of a phrasing's words, one per step.
  const refusals: number[] = [];
  for (const [from, to] of steps) {
    let taken = false;
    for (let i = from; i < to; i++) if (used.has(i)) taken = true;
    if (taken) continue;
    // A look at something this system does not have ("the CDN's cache hit rate") names none of its actions.
    if (looksAtForeign(s, index, from, to)) continue;
    const rule = bestFuzzy(s, index, from, to);
    // Said in a sequence: after "then", before one, or as a numbered item.
    const opens = (at: number | undefined) => {
      const t = at === undefined ? undefined : doc.tokens[at];
      return t !== undefined && (SEQUENCE_WORDS.has(t.norm) || (t.kind === 'number' && /^\d$/.test(t.text)));
    };
    const next = steps.find(([a]) => a >= to && (doc.tokens[a] as Token).kind !== 'punct')?.[0];
    const sequenced = (opens(from) || opens(next)) && matches.length > 0;
    const learned = learnedGuess(
      s,
      doc,
      from,
      to,
      rule ? LEARN.overrideP : sequenced ? LEARN.sequenceP : LEARN.minP,
    );
    const fuzzy =
      rule && learned && learned.id !== rule.id
        ? learned
        : (rule ?? learned ?? exclusiveIn(s, doc, from, to));
    if (!fuzzy) continue;
    for (const t of fuzzy.tokens) used.add(t);
    const first = fuzzy.tokens[0] ?? from;
    const last = fuzzy.tokens[fuzzy.tokens.length - 1] ?? first;
    const negated =
      saysNot(doc, from, fuzzy.tokens) ||
      stanceOf(doc, clauses, clauseAt[first] ?? -1, first, last).stance !== 'stated';
    if (negated) {
      // What is declined is what the negation names: "I would not swap the certificate yet, it does not solve the
      // partner side" declines the swap its phrasing names, whatever the model makes of the whole step.
      declined.push(rule && rule.id !== fuzzy.id && saysNot(doc, from, rule.tokens) ? rule.id : fuzzy.id);
      refusals.push(first);
      continue;
    }
    const quote = quoteOf(from, to);
    matches.push({ actionId: fuzzy.id, quote, at: first });
  }
  // A list in one step: each further item is a step of the same kind ("check the ALB metrics and the pods").
  for (const [from, to] of steps) {
    const chunks = chunkRanges(doc, from, to);
    if (chunks.length < 2) continue;
    let verb: string | null = null;
    for (let i = from; i < to && verb === null; i++) {
      const t = doc.tokens[i] as Token;
      if (t.pos === 'VERB') verb = canon(t.stem);
    }
    for (const [cf, ct] of chunks) {
      let taken = false;
      for (let i = cf; i < ct; i++) if (used.has(i)) taken = true;
      if (taken) continue;
      const hasVerb = (doc.tokens.slice(cf, ct) as Token[]).some((t) => t.pos === 'VERB');
      const g =
        learnedGuess(s, doc, cf, ct, LEARN.listP, hasVerb || verb === null ? [] : [verb]) ??
        // A one-word item after "and" too: "the ALB metrics and the pods", "…, and a postmortem".
        (cf === from || ['and', '+', 'plus', '&'].includes(doc.tokens[cf - 1]?.norm ?? '')
          ? exclusiveIn(s, doc, cf, ct)
          : null);
      if (!g || matches.some((m) => m.actionId === g.id) || declined.includes(g.id)) continue;
      if (saysNot(doc, from, g.tokens)) continue;
      for (const t of g.tokens) used.add(t);
      const quote = quoteOf(cf, ct);
      matches.push({ actionId: g.id, quote, at: g.tokens[0] ?? cf });
    }
  }
  // Nothing named in so many words: one word that only one action has can still name it ("open a sev1").
  if (matches.length === 0 && declined.length === 0) {
    const only = distinctive(s, index, 0, doc.tokens.length);
    const first = only?.tokens[0];
    if (only && first !== undefined) {
      const negated =
        only.tokens.some((t) => (doc.tokens[t] as Token).negator >= 0) ||
        stanceOf(doc, clauses, clauseAt[first] ?? -1, first, first).stance !== 'stated';
      if (negated) declined.push(only.id);
      else {
        for (const t of only.tokens) used.add(t);
        matches.push({ actionId: only.id, quote: text.trim(), at: first });
      }
    }
  }
  // Telegraphic: "Backfill. Suspend it. Now.", "Key. Deactivate. Now." Sentences of a word or two, none naming
  // anything alone, read as one step.
  if (matches.length === 0 && declined.length === 0 && doc.sentences.length >= 2) {
    const words = (i: number) =>
      (doc.tokens.slice(doc.sentences[i]?.from, doc.sentences[i]?.to) as Token[]).filter(
        (t) => t.kind === 'word' && !t.stop,
      ).length;
    if (doc.sentences.every((_, i) => words(i) <= 3)) {
      const g = learnedGuess(s, doc, 0, doc.tokens.length, LEARN.minP);
      if (g && !saysNot(doc, 0, g.tokens))
        matches.push({ actionId: g.id, quote: text.trim(), at: g.tokens[0] ?? 0 });
    }
  }
  matches.sort((a, b) => a.at - b.at);
  // An action named again in the same turn is the same action; one ruled out afterwards ("…, no, too risky") is not taken.
  const once = new Set<string>();
  const kept: IntentMatch[] = [];
  // Sentences that take no step: a question about people or the process ("How many engineers are on call?"), a
  // guess with nothing to do ("Maybe the database is slow"), and the reasons given for a step declined ("I would
  // not roll back search-svc, the latency step started after its deploy").
  const idle = new Set<number>();
  doc.sentences.forEach((sentence, i) => {
    const said = doc.text.slice(sentence.start, sentence.end).trim();
    const verbless = !(doc.tokens.slice(sentence.from, sentence.to) as Token[]).some((t) => t.pos === 'VERB');
    if (
      (said.endsWith('?') && ABOUT_PEOPLE.test(said)) ||
      ((GUESSING_LEAD.test(said) || REMARK.test(said)) && !ACTING.test(said)) ||
      (VAGUE.test(said) && steps.filter(([a]) => a >= sentence.from && a < sentence.to).length <= 1) ||
      (verbless && INTERJECTION.test(said)) ||
      ACKNOWLEDGING.test(said)
    )
      idle.add(i);
  });
  // A statement of how things are takes no step ("the new pods can't find the payments URL"), unless the sentence
  // acts on it in a clause that names nothing itself ("There's an OOMKilled pod, I'd look at that one").
  // Units: the steps, cut again where a clause ends.
  const units: Array<[number, number]> = [];
  for (const [a, b] of steps) {
    let from = a;
    for (const c of clauses)
      if (c.to > from && c.to < b) {
        units.push([from, c.to]);
        from = c.to;
      }
    units.push([from, b]);
  }
  const describedAt = (at: number) => {
    const u = units.find(([a, b]) => at >= a && at < b);
    if (!u || !describes(doc, u[0], u[1])) return false;
    const sentence = (doc.tokens[at] as Token).sentence;
    // The sentence, or the next one ("That backup-admin user is not ours. Kill its access.").
    return !units.some(
      ([a, b]) =>
        a !== u[0] &&
        [sentence, sentence + 1].includes((doc.tokens[a] as Token).sentence) &&
        !idle.has((doc.tokens[a] as Token).sentence) &&
        (doc.tokens.slice(a, b) as Token[]).some((t) => t.pos === 'VERB') &&
        !matches.some((m) => m.at >= a && m.at < b) &&
        !describes(doc, a, b),
    );
  };
  // Where in each sentence a step was declined: what follows it there, in a clause of no step of its own, is why.
  const declinedAt = new Map<number, number>();
  // A step whose verb is negated ("I'd not scale up", "not touching the requests") is refused, named or not.
  for (const [from, to] of steps) {
    for (let i = from; i < to; i++) {
      const t = doc.tokens[i] as Token;
      if (t.pos !== 'VERB') continue;
      if (t.negator >= from && t.negator < i) refusals.push(i);
      break;
    }
  }
  for (const at of [...candidates.filter((x) => x.negated).map((c) => c.tokens[0] ?? 0), ...refusals]) {
    const sentence = (doc.tokens[at] as Token).sentence;
    declinedAt.set(sentence, Math.min(declinedAt.get(sentence) ?? at, at));
  }
  for (const m of matches) {
    if (once.has(m.actionId)) continue;
    const sentence = (doc.tokens[m.at] as Token).sentence;
    if (idle.has(sentence)) continue;
    if (describedAt(m.at)) continue;
    // A look at something this system does not have, whatever words of a phrasing it shares.
    const [sf, st] = steps[stepOf(m.at)] ?? [m.at, m.at + 1];
    if (looksAtForeign(s, index, sf, st)) continue;
    const refused = declinedAt.get(sentence);
    if (refused !== undefined && refused < m.at && !ownStep(doc, clauses, clauseAt[m.at] ?? -1)) continue;
    // "…, so the canary is aborted automatically", "…, that brings the pool back to 10": what a step is for, or
    // what it does, is not another step.
    if (
      kept.some((k) => sameSentence(doc, k.at, m.at)) &&
      (inPurpose(doc, clauses, clauseAt[m.at] ?? -1, m.at) ||
        purposeInStep(doc, steps[stepOf(m.at)]?.[0] ?? m.at, m.at))
    )
      continue;
    // "Once we're rolled back, verify…", "after abort, error rate back to baseline?": a step said as the condition
    // for the next one was taken before; only the next one is asked for now.
    if (conditionEnd(doc, m.at) > m.at && matches.some((x) => x.at >= conditionEnd(doc, m.at))) continue;
    once.add(m.actionId);
    if (ruledOutAfter(doc, m.at)) declined.push(m.actionId);
    else kept.push(m);
  }
  matches.splice(0, matches.length, ...kept);
  const unmatched: string[] = [];
  for (const c of clauses) {
    const words = (doc.tokens.slice(c.from, c.to) as Token[]).filter((t) => t.kind === 'word' && !t.stop);
    if (words.length < 2) continue;
    let hit = false;
    for (let i = c.from; i < c.to; i++) if (used.has(i)) hit = true;
    if (!hit) {
      const first = doc.tokens[c.from] as Token;
      const last = doc.tokens[c.to - 1] as Token;
      unmatched.push(text.slice(first.start, last.end).trim());
    }
  }
  return { matches, unmatched, declined };
}

/**
 * Words an on-call engineer uses for the same step, folded to one for the match in other words: "revert" is a
 * rollback, "bounce" a restart, "ping the DBA" a page, "let the client know" a message. Written for incident work
 * in general, not for any one scenario; each group's first word stands for the group.
 */
const STEP_SYNONYMS: readonly (readonly string[])[] = [
  ['describe'],
  [
    'check',
    'look',
    'see',
    'inspect',
    'review',
    'read',
    'open',
    'show',
    'examine',
    'query',
    'view',
    'investigate',
    'find',
    'search',
    'pull',
    'grab',
    'fetch',
    'display',
    'print',
    'explore',
    'study',
    'analyse',
    'analyze',
  ],
  ['roll', 'rollback', 'revert', 'undo', 'downgrade'],
  ['restart', 'bounce', 'recycle', 'reboot', 'reload'],
  ['scale', 'increase', 'raise', 'bump', 'double', 'grow', 'expand', 'enlarge', 'resize', 'extend'],
  ['reduce', 'lower', 'decrease', 'shrink', 'cap', 'limit', 'cut'],
  ['tell', 'notify', 'inform', 'message', 'email', 'announce', 'communicate', 'brief', 'contact', 'warn'],
  ['page', 'call', 'wake', 'escalate', 'engage', 'loop', 'summon'],
  ['verify', 'confirm', 'ensure', 'validate', 'double-check'],
  ['stop', 'pause', 'suspend', 'halt', 'freeze', 'hold'],
  ['remove', 'delete', 'drop', 'purge', 'wipe', 'erase'],
  ['revoke', 'deactivate', 'invalidate', 'disable'],
  ['declare', 'open'],
  ['compare', 'diff', 'split', 'break', 'group', 'segment', 'versus', 'vs'],
  ['error', 'failure', '5xx', 'fail'],
  ['graph', 'dashboard', 'chart', 'panel', 'metric', 'metrics'],
  ['postmortem', 'post-mortem', 'pm', 'retro', 'retrospective', 'rca', 'post-incident'],
  ['certificate', 'cert'],
  ['database', 'db'],
  ['connection', 'conn'],
  ['node', 'host', 'machine', 'server'],
  ['config', 'configuration', 'setting', 'settings'],
  ['fix', 'correct', 'repair'],
  ['alert', 'alarm', 'alerting'],
  ['sev', 'sev0', 'sev1', 'sev2', 'sev3', 'sev4', 'severity', 'p0', 'p1', 'p2'],
  ['incident', 'outage'],
  ['customer', 'client', 'partner'],
];

const CANON: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const group of STEP_SYNONYMS) {
    const head = stemWord(group[0] as string);
    for (const w of group) if (!out.has(stemWord(w))) out.set(stemWord(w), head);
  }
  return out;
})();
export const canon = (stem: string) => CANON.get(stem) ?? stem;

/** The groups that are kinds of step (look, roll back, restart, verify…), not things: by their head's stem. */
const STEP_KINDS: ReadonlySet<string> = new Set(
  [
    'roll',
    'restart',
    'scale',
    'reduce',
    'tell',
    'page',
    'verify',
    'stop',
    'remove',
    'revoke',
    'declare',
    'compare',
    'fix',
    'describe',
  ].map(stemWord),
);

/** The kind of step a range starts with: its first verb that names one ("verify the targets…" → verify). */
function stepKind(index: ReturnType<typeof indexDoc>, from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const t = index.doc.tokens[i] as Token;
    // "make sure the targets are healthy" is a check that it worked.
    if (t.norm === 'sure' && index.doc.tokens[i - 1]?.lemma === 'make') return VERIFY;
    if (t.pos !== 'VERB') continue;
    const k = canon(t.stem);
    if (STEP_KINDS.has(k)) return k;
  }
  return null;
}

const VERIFY = stemWord('verify');
const CHECKING = stemWord('check');

/** Verbs that build something for later ("add an alert", "automate the renewal") or change something now: never a look. */
const BUILDING: ReadonlySet<string> = new Set(
  [
    'add',
    'automate',
    'introduce',
    'require',
    'enforce',
    'implement',
    'adopt',
    'migrate',
    'move',
    'alert',
    'build',
    'schedule',
    // …and verbs that change something now: "set retention.ms to 6 hours" is no look at the topic's config.
    'set',
    'alter',
    'put',
    'patch',
    'edit',
    'change',
    'pin',
    'modify',
    'suspend',
    'kill',
    'terminate',
  ].map(stemWord),
);

/** Whether a step's first verb builds something for later. */
function builds(index: ReturnType<typeof indexDoc>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = index.doc.tokens[i] as Token;
    if (t.pos === 'VERB' || (i === from && BUILDING.has(t.stem))) return BUILDING.has(t.stem);
  }
  return false;
}

/**
 * A check that a fix worked ("verify the targets are healthy") is the round's recovery check, not a new look; a
 * step that builds for later ("add an alert on CPU throttling") is prevention or a fix, never a look.
 */
const kindFits = (
  stepKindOf: string | null,
  building: boolean,
  action: IncidentScenario['actions'][number],
  asking = false,
) =>
  (stepKindOf !== VERIFY || action.kind === 'recover' || action.kind === 'prevent') &&
  (!building || action.kind !== 'investigate') &&
  (!asking || action.kind === 'investigate' || (action.kind === 'recover' && checksWhenLabelled(action)));

/** A recovery action that checks rather than fixes: its label opens with a verb of checking ("Verify …", "Watch …"). */
function checksWhenLabelled(action: IncidentScenario['actions'][number]): boolean {
  const known = checking.get(action);
  if (known !== undefined) return known;
  const first = readText(action.label).tokens.find((t) => t.kind === 'word');
  const k = first ? canon(first.stem) : '';
  const out = k === VERIFY || k === CHECKING || k === WATCH || k === MONITOR;
  checking.set(action, out);
  return out;
}
const checking = new WeakMap<IncidentScenario['actions'][number], boolean>();
const WATCH = canon(stemWord('watch'));
const MONITOR = canon(stemWord('monitor'));

/** A question that asks for something to be done, not for something to be seen: "Can we roll back?", "Shall I page them?" */
const REQUESTING =
  /^\s*((um+,? |so,? |okay,? )?(can|could|may|shall|should|must) (i|we)\b|(can|could|would|will) (someone|somebody|anyone|one of you)\b|(um+,? )?is it possible (that )?(someone|somebody|we|i|to)\b|(do|would) you (want|like)|want me to|how about|why don'?t (we|i)|what if (we|i)|let'?s)/i;

/** Whether the sentence around a position asks about the system ("Are the HPAs scaling?", "What changed in 2.15.0?"). */
function asksAt(doc: ReturnType<typeof readText>, at: number): boolean {
  const sentence = doc.sentences[(doc.tokens[at] as Token | undefined)?.sentence ?? -1];
  if (!sentence) return false;
  const said = doc.text.slice(sentence.start, sentence.end).trim();
  return said.endsWith('?') && !REQUESTING.test(said);
}

/** The kind of step a phrasing names, when it starts with one ("roll back the release" → roll). */
function phraseKind(p: CompiledPhrase): string | null {
  const first = p.stems[0];
  const k = first === undefined ? null : canon(first);
  return k !== null && STEP_KINDS.has(k) ? k : null;
}

/** A phrasing counts as said in other words when this weighted share of its words stands in one step… */
export const FUZZY_MIN = 0.6;
/** …or this share when no other action shares a word with the step… */
const FUZZY_ALONE = 0.5;
/** …and beats the next action by this much (else the step is ambiguous, and the interviewer asks). */
const FUZZY_MARGIN = 0.1;

const weights = new WeakMap<IncidentScenario, Map<string, number>>();

/** How telling each word is in this scenario: words in many actions' phrasings weigh little. */
function wordWeights(s: IncidentScenario): Map<string, number> {
  const known = weights.get(s);
  if (known) return known;
  const df = new Map<string, number>();
  const label = compiledLabels(s);
  for (const { id, phrases, commands } of compiledIntents(s)) {
    const seen = new Set(
      [...phrases, ...commands]
        .flatMap((p) => p.stems)
        .concat(label.get(id)?.stems ?? [])
        .map(canon),
    );
    for (const st of seen) df.set(st, (df.get(st) ?? 0) + 1);
  }
  const n = s.actions.length;
  const out = new Map([...df].map(([st, k]) => [st, Math.log(1 + n / k)]));
  weights.set(s, out);
  return out;
}

/** Words that start a new step: "…, then roll back", "check X and restart Y", "first…; next…". */
const STEP_WORDS: ReadonlySet<string> = new Set(['then', 'next', 'afterwards', 'after', 'finally', 'also']);

/** Words of sequence that open the next step. */
const SEQUENCE_WORDS: ReadonlySet<string> = new Set(['then', 'after', 'afterwards', 'next', 'finally']);

/** Whether the token at `i` numbers an item of a list: the "2" of "2) page the owners" or of "2. logs". */
function numbersItem(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t?.kind === 'number' && /^\d$/.test(t.text) && [')', '.'].includes(tokens[i + 1]?.norm ?? '');
}

/** Token ranges of the steps of a turn: sentences, split again where a new verb phrase starts. */
export function stepRanges(doc: ReturnType<typeof readText>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const tokens = doc.tokens;
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const newSentence = prev !== undefined && prev.sentence !== t.sentence;
    let boundary = newSentence || t.norm === ';';
    // "1) declare sev1 2) page the owners", "1. metrics 2. logs": a number that numbers a list item starts a step.
    if (numbersItem(tokens, i)) boundary = true;
    // "…, then …", "… and after (that) …", "… and finally …": a word of sequence after a link starts a step,
    // verb or not ("check replica lag and after the error log of orders-api").
    if (
      !boundary &&
      SEQUENCE_WORDS.has(t.norm) &&
      (prev?.pos === 'CCONJ' || prev?.kind === 'punct' || t.norm === 'then')
    )
      boundary = true;
    if (
      !boundary &&
      (t.pos === 'CCONJ' || [',', '+', '&'].includes(t.norm) || STEP_WORDS.has(t.norm)) &&
      !flagSign(doc, i)
    ) {
      // A boundary when a verb follows within three words ("and then I roll back", ", restart the pods").
      for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
        const n = tokens[k] as Token;
        if (n.sentence !== t.sentence) break;
        // The tagger reads many imperatives as nouns ("and after that diff the values"): a word that names a kind
        // of step starts one too.
        // A word followed by a determiner is a verb whatever its tag: ", swap the certificate".
        const imperative =
          k === i + 1 &&
          !n.stop &&
          (n.pos === 'NOUN' || n.pos === 'PROPN' || n.pos === 'ADJ') &&
          tokens[k + 1]?.pos === 'DET' &&
          tokens[k + 1]?.sentence === t.sentence;
        if (n.pos === 'VERB' || STEP_KINDS.has(canon(n.stem)) || imperative) {
          boundary = true;
          break;
        }
        if (!(n.stop || n.pos === 'PRON' || STEP_WORDS.has(n.norm) || n.norm === ',')) break;
      }
    }
    if (boundary && i > from) {
      out.push([from, i]);
      from = i;
    }
  }
  if (from < tokens.length) out.push([from, tokens.length]);
  return out;
}

function bestFuzzy(
  s: IncidentScenario,
  index: ReturnType<typeof indexDoc>,
  from: number,
  to: number,
): { id: string; tokens: number[] } | null {
  const w = wordWeights(s);
  // Where each word of the step stands, its synonyms folded together.
  const where = new Map<string, number>();
  for (const [stem, list] of index.positions) {
    const p = list.find((x) => x >= from && x < to && !index.partOnly.get(stem)?.has(x));
    if (p === undefined) continue;
    const key = canon(stem);
    const old = where.get(key);
    if (old === undefined || p < old) where.set(key, p);
  }
  const at = (stem: string) => where.get(stem);
  let best: { id: string; score: number; tokens: number[] } | null = null;
  let second = 0;
  const label = compiledLabels(s);
  const kind = stepKind(index, from, to);
  const building = builds(index, from, to);
  const asking = asksAt(index.doc, from);
  for (const { id, phrases, commands } of compiledIntents(s)) {
    let top: { score: number; tokens: number[] } | null = null;
    const own = label.get(id);
    if (
      !kindFits(
        kind,
        building,
        s.actions.find((a) => a.id === id) as IncidentScenario['actions'][number],
        asking,
      )
    )
      continue;
    for (const p of [...phrases, ...(own ? [own] : []), ...commands]) {
      if (p.stems.length < 2) continue;
      // "Verify the targets are healthy" is not "check the targets"; "diff the release" is not "roll it back".
      const pk = phraseKind(p);
      if (kind !== null && pk !== null && pk !== kind) continue;
      let total = 0;
      let got = 0;
      const tokens: number[] = [];
      for (const st of new Set(p.stems.map(canon))) {
        const weight = w.get(st) ?? 0;
        total += weight;
        const pos = at(st);
        if (pos !== undefined) {
          got += weight;
          tokens.push(pos);
        }
      }
      if (tokens.length < 2 || total === 0) continue;
      if (!subcommandAgrees(p.source, index.doc, tokens)) continue;
      // A kind of step alone ("bounce …") names no action: something it is done to must match too.
      if (!tokens.some((t) => !STEP_KINDS.has(canon((index.doc.tokens[t] as Token).stem)))) continue;
      const score = got / total;
      if (!top || score > top.score) top = { score, tokens };
    }
    if (!top) continue;
    if (!best || top.score > best.score) {
      if (best && best.id !== id) second = Math.max(second, best.score);
      best = { id, ...top };
    } else second = Math.max(second, top.score);
  }
  // With no rival at all, half of a phrasing's weight names it.
  const min = second === 0 ? FUZZY_ALONE : FUZZY_MIN;
  if (!best || best.score < min || best.score - second < FUZZY_MARGIN) return null;
  return { id: best.id, tokens: [...new Set(best.tokens)].sort((a, b) => a - b) };
}

/** Per scenario, with the step model it was built with (the evaluation swaps models). */
let vocabs = new WeakMap<IncidentScenario, Set<string>>();

/** Every stem the scenario uses anywhere: its description, system, actions and their evidence. */
function scenarioVocab(s: IncidentScenario): Set<string> {
  const known = vocabs.get(s);
  if (known) return known;
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(s);
  const out = new Set<string>();
  // Two-word product names as written ("cluster autoscaler", "new relic"), for PRODUCTS.
  const lower = strings.join('\n').toLowerCase().replace(/[-_]/g, ' ');
  for (const p of PRODUCTS) if (p.includes(' ') && lower.includes(p)) out.add(p);
  for (const t of readText(strings.join('\n')).tokens) {
    out.add(canon(t.stem));
    for (const p of t.parts) out.add(canon(p));
  }
  for (const a of Object.values(LEARNED[s.id] ?? {})) for (const w of Object.keys(a.words)) out.add(w);
  vocabs.set(s, out);
  return out;
}

/**
 * Products an engineer may name for a look: monitoring, logging and tracing, edge and proxies, meshes, delivery,
 * infrastructure as code, data stores and queues, cluster add-ons. A look at one the scenario never mentions is at
 * something this system does not have. Written for the field, not for any scenario.
 */
const PRODUCTS: ReadonlySet<string> = new Set(
  [
    `datadog splunk newrelic dynatrace honeycomb sentry jaeger zipkin tempo loki elk elasticsearch kibana logstash
  opensearch graylog fluentd fluentbit nagios zabbix prometheus grafana thanos cortex mimir victoriametrics pagerduty
  opsgenie statuspage appdynamics lightstep cloudflare akamai fastly cloudfront nginx haproxy envoy traefik kong istio
  linkerd consul vault nomad pulumi ansible chef puppet saltstack jenkins circleci gitlab bitbucket travis teamcity
  spinnaker argocd flux fluxcd tekton kustomize helmfile karpenter cluster-autoscaler keda cert-manager external-dns
  external-secrets velero calico cilium coredns kube-proxy redis memcached kafka rabbitmq zookeeper mongodb mysql
  mariadb postgres postgresql cassandra dynamodb aurora elasticache sqs sns kinesis lambda fargate ecs eks gke aks
  azure gcp spacelift atlantis terragrunt sonarqube snyk trivy okta auth0 pgbouncer proxysql vitess cockroachdb
  clickhouse bigquery snowflake airflow spark flink`.split(/\s+/),
    'cluster autoscaler|new relic|azure devops|google cloud|cloud armor|app mesh|cert manager|external dns'.split(
      '|',
    ),
  ].flat(),
);

/**
 * A look (its first verb is one of looking, or a question asks to see) at a name the scenario never uses: a proper
 * noun, an acronym, a hyphenated or dotted name ("the CDN's cache hit rate", "the cert-manager logs"). A look can
 * only be at what the system has; a fix may name something new, so this is for looks only.
 */
function looksAtForeign(
  s: IncidentScenario,
  index: ReturnType<typeof indexDoc>,
  from: number,
  to: number,
): boolean {
  const doc = index.doc;
  let look = asksAt(doc, from);
  for (let i = from; i < to && !look; i++) {
    const t = doc.tokens[i] as Token;
    // The tagger reads many a terse "check cloudflare ssl settings" as nouns: the first content word decides.
    const first = t.kind === 'word' && !t.stop && t.pos !== 'PRON';
    if (t.pos !== 'VERB' && !first) continue;
    if (canon(t.stem) === CHECKING) look = true;
    else if (!['let', 'like', 'want', 'need'].includes(t.lemma)) break;
  }
  if (!look) return false;
  const vocab = scenarioVocab(s);
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i] as Token;
    if (t.kind !== 'word' || t.stop) continue;
    // A product of the field the system does not run ("datadog", "cert-manager", "Pulumi", "Cluster Autoscaler").
    if (PRODUCTS.has(t.norm) && !vocab.has(canon(t.stem)) && !vocab.has(t.norm)) return true;
    const pair = `${t.norm.replace(/-/g, ' ')} ${doc.tokens[i + 1]?.norm ?? ''}`;
    const product = t.norm.includes('-') ? t.norm.replace(/-/g, ' ') : pair;
    if (PRODUCTS.has(product) && !vocab.has(product)) return true;
    if (/[\d_/@]/.test(t.text)) continue;
    const named = t.pos === 'PROPN' || /[a-z][-.][a-z]/i.test(t.text) || /^[A-Z]{2,}s?$/.test(t.text);
    if (named && !vocab.has(canon(t.stem)) && !t.parts.some((p) => vocab.has(canon(p)))) return true;
  }
  return false;
}

/**
 * Whether a step is said not to be taken: a negator in the step before its first named word ("I would not restart
 * the pods", "don't roll back"). One inside what the step names is part of it ("confirm no partitions are
 * under-replicated").
 */
function saysNot(doc: ReturnType<typeof readText>, from: number, tokens: readonly number[]): boolean {
  const negators = new Set(doc.tokens.map((t) => t.negator));
  const first = Math.min(...tokens.filter((t) => !negators.has(t)));
  return tokens.some((t) => {
    const tok = doc.tokens[t] as Token;
    const n = tok.negator;
    if (n >= from && n < first) return true;
    // "skip the restart", "rather than restarting the pods", "instead of rolling back": a step passed over.
    const w = tok.softNegator;
    return w >= from && w < first && PASSING_OVER.has((doc.tokens[w] as Token).lemma);
  });
}

/** Weak negators that pass over a step (the others, such as "stop" or "remove", are steps themselves). */
const PASSING_OVER: ReadonlySet<string> = new Set(['avoid', 'skip', 'instead', 'rather', 'than']);

function learnedGuess(
  s: IncidentScenario,
  doc: ReturnType<typeof readText>,
  from: number,
  to: number,
  minP: number,
  extra: readonly string[] = [],
): { id: string; tokens: number[] } | null {
  const model = LEARNED[s.id];
  if (!model) return null;
  const asking = asksAt(doc, from);
  const allowedIds = new Set(s.actions.filter((a) => kindFits(null, false, a, asking)).map((a) => a.id));
  const g = guess(model, [...stepFeatures(doc, from, to), ...extra], allowedIds);
  if (!g || g.p < minP) return null;
  const words = model[g.id]?.words ?? {};
  const tokens: number[] = [];
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i] as Token;
    if (t.kind !== 'word' || t.stop) continue;
    if ((words[canon(t.stem)] ?? 0) > 0 || t.parts.some((p) => (words[canon(p)] ?? 0) > 0)) tokens.push(i);
  }
  return tokens.length ? { id: g.id, tokens } : null;
}

/**
 * The first item of a list said as one word that only one action's training steps had: "Postmortem, and alerts on
 * pending pods" (alone, one word leaves the model's posterior spread over the actions that never saw it).
 */
function exclusiveIn(
  s: IncidentScenario,
  doc: ReturnType<typeof readText>,
  from: number,
  to: number,
): { id: string; tokens: number[] } | null {
  const model = LEARNED[s.id];
  if (!model) return null;
  const words = (doc.tokens.slice(from, to) as Token[]).filter((t) => t.kind === 'word' && !t.stop);
  if (words.length !== 1 || !naming(words[0] as Token)) return null;
  const id = exclusiveOwner(model, stepFeatures(doc, from, to));
  const action = s.actions.find((a) => a.id === id);
  if (!id || !action || !kindFits(null, false, action, asksAt(doc, from))) return null;
  return { id, tokens: words.map((t) => t.index) };
}

/** Words that join the items of a list: "check the ALB metrics and the pods", "postmortem, waves, and an alert". */
const LIST_JOINERS: ReadonlySet<string> = new Set([',', ';', 'and', 'plus', '&', '+']);

/** A "+" written onto the next word is part of a command ("dig +short"), not "and". */
function flagSign(doc: ReturnType<typeof readText>, i: number): boolean {
  const t = doc.tokens[i] as Token;
  return t.norm === '+' && doc.tokens[i + 1]?.start === t.end;
}

/** The items of a step's list: ranges between its joiners. */
function chunkRanges(doc: ReturnType<typeof readText>, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  for (let i = from; i < to; i++)
    if (LIST_JOINERS.has((doc.tokens[i] as Token).norm) && !flagSign(doc, i)) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  if (to > start) out.push([start, to]);
  return out;
}

/**
 * A question to the interviewer about people or the process ("Who owns the certificate inventory?", "Do we have a
 * regular SLO review?"), not a request to see something ("Can I see the bytes-in rate?").
 */
const ABOUT_PEOPLE =
  /^\s*((do|are|have|did|should|would) (you|we)\b|how long (have you|does|do|did|will)|how many (engineers|people)|who (is|are|own|owns|approves|reviews|signs|runs|manages|maintains)\b|(was|were) there\b|who at\b|who \w+ed\b|how often\b|who('?s| is| are)? on\b|how (does|do) (the|your|our) team\b|what'?s the (on-?call|rotation|process|policy)\b|does (legal|anyone|someone|the team)|is (there )?(someone|anyone)|is (it|this|that) (normal|usual|common|expected)|is there (a|an) (runbook|playbook|change window|process|policy|procedure|owner|approval)|can i ask)|\b(usually|normally|typically|ever)\b/i;

/** A sentence that opens with a guess: "Maybe the database is slow", "Could be DNS", "I think it's TLS". */
const GUESSING_LEAD =
  /^\s*(maybe|perhaps|probably|possibly|i think|i guess|i suspect|i wonder|could be|might be|it could|it might|could (it|this|that) be|is (it|this|that) (maybe|possibly|the)|what if|(could|might|may) (the|a|an|our|their|its|some)\b)\b/i;

/** An intention with nothing named: "I'd dig into it", "I'll look at the Kafka side of things", "figure out why". */
const VAGUE =
  /\b(look|dig|check|investigate|poke|dive|go)\w*\s+(in|into|at|around|through)?\s*(it|this|things)\b\s*($|[.,;!?]|before|from|first|now)|\bthe \w+ side( of things)?\b|\bfigure out (why|what|how)\b|\b(need|want|get|gather)\w* more (data|info|information|context|details)\b|\b(look|dig|check|investigate)\w*\s+(in|into|at)?\s*what('?s| is) (going on|happening)\b/i;

/** A reply to the interviewer that only acknowledges: "Understood.", "Got it, thanks." */
const ACKNOWLEDGING =
  /^\s*(understood|got it|noted|ok(ay)?|thanks|thank you|sure|right|makes sense|fair enough|i see|good question)[\s,.!]*(thanks|thank you)?[\s.!]*$/i;

/** A sentence that says how things look, not what to do: "That smells like the canary weight". */
const REMARK = /\b(smells|feels|sounds|looks|seems) like\b|\bseems to be\b|^\s*it'?s always\b/i;

/** A sentence that opens with an interjection: "Ugh, crashloops one by one", "Classic." (a remark when it has no verb). */
const INTERJECTION = /^\s*(ugh|hmm+|wow|oh|ah|ouch|yikes|damn|classic|great|nice|okay|ok)\b/i;

/** Words that make a guess a step after all: "maybe I'd check the logs", "could be DNS, let me dig it". */
const ACTING =
  /\b(i'?d|i will|i'll|let me|let's|we should|i would|i want to|i need to|we need to|maybe (we|i)|perhaps (we|i))\b/i;

/** Subjects that are not the one acting: a clause opening with them describes, it takes no step. */
const NOT_AGENTS: ReadonlySet<string> = new Set([
  'it',
  'that',
  'this',
  'they',
  'those',
  'these',
  'which',
  'there',
]);

/** Whether a clause holds a step of its own: it opens with a verb, or a link and a verb ("…, but restart X"). */
function ownStep(
  doc: ReturnType<typeof readText>,
  clauses: ReturnType<typeof clausesOf>,
  at: number,
): boolean {
  const c = clauses[at];
  if (!c) return false;
  for (let i = c.from; i < Math.min(c.to, c.from + 4); i++) {
    const t = doc.tokens[i] as Token;
    if (t.pos === 'VERB') return true;
    // "…, it comes back to the same full disk": a statement about something, not a step.
    if (NOT_AGENTS.has(t.norm)) return false;
    if (!(t.kind === 'punct' || t.pos === 'CCONJ' || t.pos === 'ADV' || t.stop)) return false;
  }
  return false;
}

/** A guess or a thought, not a step: "maybe it's the database", "I think PgBouncer would help here". */
const GUESSING =
  /\b(maybe|perhaps|probably|possibly|might|i think|i guess|i wonder|i suspect|could be|may be)\b/i;

const distinct = new WeakMap<IncidentScenario, Map<string, string>>();

/**
 * Words that belong to one action only (in its phrasings, label and commands) and not to the scenario's own
 * description: "postmortem", "sev1", "kafka-log-dirs", "PgBouncer". One of them names its action by itself.
 */
function distinctWords(s: IncidentScenario): Map<string, string> {
  const known = distinct.get(s);
  if (known) return known;
  const owners = new Map<string, Set<string>>();
  const label = compiledLabels(s);
  for (const { id, phrases, commands } of compiledIntents(s))
    for (const st of [...phrases, ...commands, ...(label.has(id) ? [label.get(id) as CompiledPhrase] : [])]
      .flatMap((p) => p.stems)
      .map(canon))
      owners.set(st, (owners.get(st) ?? new Set()).add(id));
  const described = new Set(
    readText(`${s.title}. ${s.brief}. ${s.system.services.map((x) => `${x.name} ${x.role}`).join('. ')}`)
      .tokens.filter((t) => t.kind === 'word')
      .map((t) => canon(t.stem)),
  );
  const out = new Map<string, string>();
  for (const [st, ids] of owners)
    if (
      ids.size === 1 &&
      !described.has(st) &&
      !STEP_KINDS.has(st) &&
      st !== canon(stemWord('check')) &&
      st.length > 2 &&
      !/^\d+$/.test(st)
    )
      out.set(st, [...ids][0] as string);
  distinct.set(s, out);
  return out;
}

/** Whether a word can name a step by itself: a noun or a name ("postmortem", "sev1"), not "now", "last" or "start". */
const naming = (t: Token) => !t.stop && (NAMING_POS.has(t.pos) || /[-_.\d]/.test(t.text));
const NAMING_POS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'NUM', 'X', 'SYM']);

function distinctive(
  s: IncidentScenario,
  index: ReturnType<typeof indexDoc>,
  from: number,
  to: number,
): { id: string; tokens: number[] } | null {
  const words = distinctWords(s);
  const found = new Map<string, number[]>();
  // A question to the interviewer ("Who is the developer?") asks; it does not act.
  const doc = index.doc;
  const asking = (x: number) => {
    const sentence = doc.sentences[(doc.tokens[x] as Token).sentence];
    if (sentence === undefined) return false;
    const said = doc.text.slice(sentence.start, sentence.end).trim();
    return said.endsWith('?') || GUESSING.test(said);
  };
  for (const [stem, list] of index.positions) {
    const id = words.get(canon(stem));
    if (!id) continue;
    const p = list.find(
      (x) =>
        x >= from &&
        x < to &&
        !index.partOnly.get(stem)?.has(x) &&
        !asking(x) &&
        naming(doc.tokens[x] as Token),
    );
    if (p !== undefined) found.set(id, [...(found.get(id) ?? []), p]);
  }
  // Two actions' own words in one step: ambiguous, the interviewer asks.
  if (found.size !== 1) return null;
  const [[id, tokens]] = [...found] as [[string, number[]]];
  return { id, tokens: tokens.sort((a, b) => a - b) };
}

const sameSentence = (doc: ReturnType<typeof readText>, a: number, b: number) =>
  doc.tokens[a]?.sentence === doc.tokens[b]?.sentence;

/** Words that open a clause saying what a step is for or what follows from it. */
const PURPOSE_OPENERS: ReadonlySet<string> = new Set(['so', 'which', 'that', 'because', 'since', 'until']);

/**
 * Whether a position lies in a clause of purpose or result: one that opens with "so (that)", "which", "that",
 * "because" ("…, so we page hours before the disk fills").
 */
function inPurpose(
  doc: ReturnType<typeof readText>,
  clauses: ReturnType<typeof clausesOf>,
  at: number,
  token: number,
): boolean {
  const c = clauses[at];
  if (!c) return false;
  let i = c.from;
  while (i < token && (doc.tokens[i] as Token).kind === 'punct') i++;
  return PURPOSE_OPENERS.has(doc.tokens[i]?.norm ?? '');
}

/**
 * Whether a word that opens a purpose or a result stands in the step before a position: "add canary analysis with an
 * AnalysisTemplate so a bad canary is aborted automatically" (the tagger joins it to one clause).
 */
const STEP_PURPOSE: ReadonlySet<string> = new Set(['so', 'because', 'since', 'which']);

function purposeInStep(doc: ReturnType<typeof readText>, from: number, at: number): boolean {
  for (let i = from + 1; i < at; i++) if (STEP_PURPOSE.has((doc.tokens[i] as Token).norm)) return true;
  return false;
}

/** Words that open a sentence's condition: "once", "after", "when", "with", "if" (and "as soon as"). */
const CONDITION_OPENERS: ReadonlySet<string> = new Set(['once', 'after', 'when', 'with', 'if', 'as']);

/**
 * Where the condition that opens a position's sentence ends (its comma, or the subject of the main clause: "after
 * rollback I will watch…"), or -1 when the sentence opens with none.
 */
function conditionEnd(doc: ReturnType<typeof readText>, at: number): number {
  const sentence = doc.sentences[(doc.tokens[at] as Token).sentence];
  if (!sentence) return -1;
  const first = doc.tokens[sentence.from] as Token;
  if (!CONDITION_OPENERS.has(first.norm)) return -1;
  if (first.norm === 'as' && doc.tokens[sentence.from + 1]?.norm !== 'soon') return -1;
  // "After that, confirm…" is the next step in sequence, not a condition.
  if (
    first.norm === 'after' &&
    ['that', 'this', 'which', 'it'].includes(doc.tokens[sentence.from + 1]?.norm ?? '')
  )
    return -1;
  for (let i = sentence.from + 2; i < sentence.to; i++) {
    const t = doc.tokens[i] as Token;
    if (t.norm === ',' || t.norm === ';' || t.norm === ':') return i + 1;
    if ((t.norm === 'i' || t.norm === 'we') && doc.tokens[i - 1]?.kind !== 'punct' && i > sentence.from + 2)
      return i;
  }
  return -1;
}

/** Command-line programs whose next word is a subcommand that changes what is done ("kubectl get" vs "patch"). */
const CLIS: ReadonlySet<string> = new Set([
  'kubectl',
  'aws',
  'git',
  'terraform',
  'tofu',
  'helm',
  'argocd',
  'docker',
  'gcloud',
  'az',
  'systemctl',
]);

/** Subcommands that say what a command does (the words of a plugin's name before them only say whose it is). */
const SUBCOMMANDS: ReadonlySet<string> = new Set([
  'get',
  'describe',
  'logs',
  'restart',
  'abort',
  'promote',
  'undo',
  'set',
  'patch',
  'delete',
  'apply',
  'status',
  'history',
  'list',
  'edit',
  'scale',
  'exec',
  'top',
  'drain',
  'cordon',
  'plan',
  'import',
  'unlock',
  'sync',
  'rollback',
  'retry',
  'pause',
  'resume',
]);

/**
 * A phrasing written as a command ("kubectl get hpa") matches only where the candidate runs the same subcommand:
 * "kubectl patch hpa" is not a look at the HPA, though every content word but "get" is there.
 */
function subcommandAgrees(
  source: string,
  doc: ReturnType<typeof readText>,
  tokens: readonly number[],
): boolean {
  const words = source.toLowerCase().split(/\s+/);
  const program = words.findIndex((w) => CLIS.has(w));
  let sub = program >= 0 ? words[program + 1] : undefined;
  if (!sub || sub.startsWith('-')) return true;
  // A plugin's own subcommand decides: "kubectl argo rollouts get" is not "kubectl argo rollouts restart".
  const plugin = words.slice(program + 2, program + 4).find((w) => SUBCOMMANDS.has(w));
  let reach = 4;
  if (plugin && !SUBCOMMANDS.has(sub)) {
    sub = plugin;
    reach = 7;
  }
  const at = tokens.find((t) => doc.tokens[t]?.norm === words[program]);
  if (at === undefined) return true;
  // The subcommand within the next three words ("kubectl -n orders get hpa").
  for (let k = at + 1; k <= at + reach && k < doc.tokens.length; k++)
    if (doc.tokens[k]?.norm === sub || doc.tokens[k]?.lemma === sub) return true;
  return false;
}

/** Subjects that act or are asked to: the candidate, the team, someone. */
const ACTORS: ReadonlySet<string> = new Set([
  'i',
  'we',
  'you',
  'us',
  'me',
  'let',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'everyone',
  'who',
  'please',
  'pls',
  'plz',
]);
/** Verbs that make a statement a request: "the pods need a restart", "the DB on-call should be paged". */
const OBLIGING: ReadonlySet<string> = new Set([
  'should',
  'must',
  'need',
  'needs',
  'ought',
  'have',
  'has',
  'gotta',
]);
/** Words that open a subject as a determiner does: "both versions fail", "only the newest pods crash". */
const QUANTITIES: ReadonlySet<string> = new Set([
  'both',
  'half',
  'all',
  'only',
  'everything',
  'nothing',
  'none',
  'most',
  'some',
  'every',
  'each',
]);
/** Words before a statement's subject that are not part of it: "so", "okay", "hmm". */
const OPENING: ReadonlySet<string> = new Set([
  'so',
  'okay',
  'ok',
  'hmm',
  'well',
  'right',
  'alright',
  'now',
  'oh',
]);

/**
 * Whether a clause says how things are rather than what to do: a subject that is not the one acting, then its
 * verb ("the new pods can't find the payments URL", "both versions fail the same way", "p50 is fine"). A bare noun
 * subject counts only with "be" ("kubectl logs …", "karpenter logs and nodepool limits" are no statements), and a
 * verb of need, an infinitive or "my first step" make it a request again.
 */
function describes(doc: ReturnType<typeof readText>, from: number, to: number): boolean {
  const sentence = doc.sentences[(doc.tokens[from] as Token | undefined)?.sentence ?? -1];
  if (!sentence || doc.text.slice(sentence.start, sentence.end).trim().endsWith('?')) return false;
  let i = from;
  for (; i < to; i++) {
    const t = doc.tokens[i] as Token;
    if (
      !(t.kind === 'punct' || t.pos === 'CCONJ' || t.pos === 'INTJ' || t.pos === 'ADV' || OPENING.has(t.norm))
    )
      break;
  }
  const subjectFrom = i;
  const singular = ['a', 'an', 'each', 'every'].includes(
    (doc.tokens[subjectFrom] as Token | undefined)?.norm ?? '',
  );
  let v = -1;
  for (; i < to; i++) {
    const t = doc.tokens[i] as Token;
    if (t.pos === 'AUX') {
      v = i;
      break;
    }
    if (t.pos !== 'VERB') continue;
    const prev = doc.tokens[i - 1] as Token | undefined;
    // "a forecast based alert", "action items owned by the team": a participle after a noun describes it.
    if (prev && ['NOUN', 'PROPN', 'ADJ'].includes(prev.pos) && /(ed|ing)$/i.test(t.text)) continue;
    if (t.text.includes('-')) continue;
    // "a status update to the business": after "a", a verb without its -s is a noun.
    if (singular && !/(s|ed)$/i.test(t.text)) continue;
    // "the checkout logs", "the pod events": a last word with an -s is a noun.
    if (/s$/i.test(t.text) && !(doc.tokens.slice(i + 1, to) as Token[]).some((x) => x.kind === 'word')) break;
    v = i;
    break;
  }
  if (v <= subjectFrom) return false;
  if ((doc.tokens[subjectFrom] as Token).pos === 'SCONJ' || (doc.tokens[subjectFrom] as Token).pos === 'ADP')
    return false;
  const subject = doc.tokens.slice(subjectFrom, v) as Token[];
  // A subject opens with a determiner, a pronoun, a number or a quantity; the tagger reads many imperatives as
  // nouns ("post a status update", "increase the retries"), so a bare noun is a subject only before "be".
  const head = subject[0] as Token;
  const determined =
    head.pos === 'DET' || head.pos === 'PRON' || head.pos === 'NUM' || QUANTITIES.has(head.norm);
  if (subject.some((t) => ACTORS.has(t.norm) || t.kind === 'punct' || t.norm === 'to' || CLIS.has(t.norm)))
    return false;
  // Command lines are no statements: a flag, a path, a key=value, a CLI ("keep-alive clients explain …" is one).
  if (
    subject.some((t) => (/^-|[_./=:@$]/.test(t.text) && !/^v?\d+(\.\d+)+$/.test(t.text)) || t.norm === '--')
  )
    return false;
  const verb = doc.tokens[v] as Token;
  if (
    !determined &&
    (verb.lemma !== 'be' ||
      subject.some((t) => STEP_KINDS.has(canon(t.stem))) ||
      doc.tokens[subjectFrom + 1]?.pos === 'DET')
  )
    return false;
  const rest = doc.tokens.slice(v, to) as Token[];
  // "… need a restart", "… gets reverted", "it is faster if I force-unlock": a request, a plan, the candidate acting.
  if (rest.some((t) => OBLIGING.has(t.norm) || ACTORS.has(t.norm))) return false;
  if (rest.some((t, k) => t.lemma === 'get' && /ed$/.test(rest[k + 1]?.text ?? ''))) return false;
  // "… would be to check the logs", "… is check the logs first": the predicate is a step.
  for (let k = 1; k < rest.length; k++) {
    const t = rest[k] as Token;
    const prev = rest[k - 1] as Token;
    if (t.pos === 'VERB' && (prev.norm === 'to' || prev.lemma === 'be')) return false;
  }
  if (subject.some((t) => ['step', 'first', 'next', 'plan', 'priority', 'move', 'action'].includes(t.norm)))
    return false;
  return true;
}

/** Words that rule out what was just said: "recreating the listener is too risky", "…, I'm not doing that". */
const RULED_OUT =
  /\b(too risky|risky|dangerous|not (doing|do|going to do) (that|it|this)|won'?t do (that|it|this)|wouldn'?t do (that|it|this)|don'?t do (that|it|this)|never do (that|it|this)|(won'?t|wouldn'?t|doesn'?t|does not|will not|would not|not going to) help|so no|red herring|(won'?t|wouldn'?t|will not|would not|not going to) (spend time|waste time|touch|bother)|(not|never) a good idea|bad idea|no need to|not needed|(is|be) pointless|waste of time|premature|overkill|unnecessary|not necessary|not worth it|useless|(won'?t|wouldn'?t|doesn'?t|does not|will not|would not|not going to) (fix|solve|change) (anything|it|this|that|much|the problem)|fixes nothing|tempted to|but (i|we) (won'?t|wouldn'?t|will not|would not|shouldn'?t|should not)|not an option|out of (the )?question|off the table|the last thing (i|we)|a mistake|(is|are|looks?|seems?) (irrelevant|unrelated|not relevant|not related)|leave .{1,40} alone|(leave|park) .{1,40} (until|for later)|(later|for now), not now|not now|would only (make|create|cause|hide|add)|(i'?d|we'?d|i would|we would|let'?s) skip (it|that|this)|(we|they) (don'?t|do not|didn'?t) have (it|that|one|this|them)|(won'?t|wouldn'?t|doesn'?t|does not|will not|would not|can'?t|cannot) (fix|solve) (a|an|the)\b)\b/i;

function ruledOutAfter(doc: ReturnType<typeof readText>, at: number): boolean {
  const sentence = doc.sentences[(doc.tokens[at] as Token).sentence];
  if (!sentence) return false;
  return RULED_OUT.test(doc.text.slice(sentence.start, sentence.end));
}
