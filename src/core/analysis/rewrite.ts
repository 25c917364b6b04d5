// Rewrites for how the answer sounds: a sentence that leans on "so that" (or another connector said too often)
// is rewritten with one of the seed notes' alternatives (which helps …, allowing us to …, this way …, enabling …,
// to …), varied across the answer so no alternative repeats either; fillers are dropped and grammar findings
// corrected, so the whole answer can be shown as it could be said.
import { readText, type Sentence, type TextDoc, type Token } from '../text/index.js';
import type { GrammarFinding, Span } from './types.js';

const OBJECT_FORM: Record<string, string> = {
  we: 'us',
  i: 'me',
  they: 'them',
  he: 'him',
  she: 'her',
  you: 'you',
};
const SAME_SUBJECT = new Set(['we', 'i', 'you']);
const MODALS = new Set(['can', 'could', 'will', 'would', 'may', 'might', 'should']);
const NEGATIONS = new Set([
  'not',
  "n't",
  'cannot',
  'never',
  "can't",
  "won't",
  'nobody',
  'nothing',
  'none',
  'no',
]);
const STATE_VERBS = new Set(['be', 'stay', 'remain', 'become', 'get', 'keep']);

function words(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    const glue = out === '' || t.kind === 'punct' || t.text.startsWith("'") || t.norm === "n't" ? '' : ' ';
    out += glue + t.text;
  }
  return out;
}

function objectForm(subject: readonly Token[]): string {
  const only = subject.length === 1 ? subject[0] : undefined;
  if (only && OBJECT_FORM[only.norm]) return OBJECT_FORM[only.norm] as string;
  return words(subject);
}

/** Which of the alternatives the answer has used so far, to vary them. */
export type Used = Map<string, number>;

/** The first candidate the answer has not used yet (else the least used), marked as used. */
function pick(used: Used, candidates: ReadonlyArray<readonly [string, string]>): string {
  const last = used.get('\u0000last');
  const ranked = [...candidates].sort(
    (a, b) =>
      (used.get(a[0]) ?? 0) - (used.get(b[0]) ?? 0) ||
      Number(LAST_KEYS.indexOf(a[0]) === last) - Number(LAST_KEYS.indexOf(b[0]) === last),
  );
  const [key, text] = ranked[0] as readonly [string, string];
  used.set(key, (used.get(key) ?? 0) + 1);
  used.set('\u0000last', LAST_KEYS.indexOf(key));
  return text;
}
/** The alternatives by number, to remember which came last (so a tie never repeats it back to back). */
const LAST_KEYS = ['to', 'allowing', 'enabling', 'this way', 'which helps', 'which ensures'];

/**
 * Rewrite the first "A, so that B …" of a sentence into one of the seed's alternatives:
 * "… so that we can verb" → "… to verb"; "… so that X can verb" → "…, allowing X to verb";
 * "… so that X is …" → "… . This way, X is …"; "… so that X verbs" → "…, which helps X verb".
 * Returns null when the sentence has no usable "so that" clause.
 */
export function rewriteSoThat(doc: TextDoc, sentence: Sentence, used: Used = new Map()): string | null {
  const tokens = doc.tokens.slice(sentence.from, sentence.to);
  const at = tokens.findIndex((t, i) => t.norm === 'so' && tokens[i + 1]?.norm === 'that');
  if (at <= 0) return null;
  const left = words(tokens.slice(0, at)).replace(/[,;\s]+$/, '');
  const after = tokens.slice(at + 2);
  const end = after.length > 0 && after[after.length - 1]?.kind === 'punct' ? after.length - 1 : after.length;
  const right = after.slice(0, end);
  const verbAt = right.findIndex((t) => t.pos === 'AUX' || t.pos === 'VERB');
  const thisWay = () => `${left}. This way, ${words(right)}.`;
  if (verbAt <= 0 || verbAt > 4)
    return pick(used, [
      ['this way', thisWay()],
      ['which ensures', `${left}, which ensures ${words(right)}.`],
    ]);
  const subject = right.slice(0, verbAt);
  const verb = right[verbAt] as Token;
  const rest = right.slice(verbAt + 1);
  const sameSubject = subject.length === 1 && SAME_SUBJECT.has((subject[0] as Token).norm);
  const negative = right.slice(0, verbAt + 2).some((t) => NEGATIONS.has(t.norm));
  const whole = words(right);
  if (negative)
    return pick(used, [
      ['this way', thisWay()],
      ['which ensures', `${left}, which ensures ${whole}.`],
    ]);
  if (MODALS.has(verb.norm) && rest.length > 0) {
    const [next, ...tail] = rest;
    const clause = `${(next as Token).lemma} ${words(tail)}`.trim();
    const object = objectForm(subject);
    return sameSubject
      ? pick(used, [
          ['to', `${left} to ${clause}.`],
          ['allowing', `${left}, allowing ${object} to ${clause}.`],
          ['this way', `${left}. This way, ${whole}.`],
        ])
      : pick(used, [
          ['allowing', `${left}, allowing ${object} to ${clause}.`],
          ['enabling', `${left}, enabling ${object} to ${clause}.`],
          ['this way', `${left}. This way, ${whole}.`],
        ]);
  }
  if (STATE_VERBS.has(verb.lemma))
    return pick(used, [
      ['this way', `${left}. This way, ${words(subject)} ${verb.text} ${words(rest)}.`],
      ['which ensures', `${left}, which ensures ${whole}.`],
    ]);
  const object = objectForm(subject);
  return pick(used, [
    ['which helps', `${left}, which helps ${object} ${verb.lemma} ${words(rest)}.`.replace(/\s+\./, '.')],
    ['enabling', `${left}, enabling ${object} to ${verb.lemma} ${words(rest)}.`.replace(/\s+\./, '.')],
    ['this way', `${left}. This way, ${whole}.`],
  ]);
}

/** Every "so that" of a text rewritten, one after the other (a sentence may carry several). */
function rewriteAllSoThat(text: string, used: Used): string {
  let out = text;
  for (let guard = 0; guard < 6 && /\bso that\b/i.test(out); guard++) {
    const doc = readText(out);
    const s = doc.sentences.find((x) => /\bso that\b/i.test(x.text));
    if (!s) break;
    const r = rewriteSoThat(doc, s, used);
    if (!r) {
      // "So that …" at the start: say the purpose plainly.
      out = out.replace(/\bso that\b/i, (m) => (m[0] === 'S' ? 'This way,' : 'to make sure'));
      continue;
    }
    out = out.slice(0, s.start) + r + out.slice(s.end);
  }
  return out;
}

/** Fillers dropped, with the commas around them ("Um, basically, you know, we …" → "We …"). */
export function dropFillers(text: string): string {
  const filler =
    /(?:^|(?<=[\s,]))(?:u+m+|u+h+|e+r+m+|basically|actually|literally|you know|I mean|so yeah|kind of|sort of)(?=[\s,.!?]|$),?/gi;
  let out = text.replace(filler, '');
  out = out.replace(/^[\s,]+/, '').replace(/([.!?])[\s,]+/g, '$1 ');
  // ", like," and a sentence-initial "Like," / "So," used as fillers.
  out = out.replace(/,\s*like\s*,\s*/gi, ' ').replace(/(^|[.!?]\s+)(?:like|so|well),\s*/gi, '$1');
  out = out
    .replace(/\s+,/g, ',')
    .replace(/,\s*,/g, ',')
    .replace(/(^|[.!?]\s+),\s*/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/^\s+/, '');
  return out.replace(/(^|[.!?]\s+)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Other connectors said too often: later uses replaced by a varied alternative that keeps the meaning. */
const VARIANTS: ReadonlyArray<{
  readonly phrase: string;
  readonly pattern: RegExp;
  readonly alternatives: ReadonlyArray<string>;
}> = [
  { phrase: 'and then', pattern: /\band then\b/gi, alternatives: ['and after that', 'and next'] },
  { phrase: 'because', pattern: /\bbecause\b/gi, alternatives: ['since', 'as'] },
  { phrase: 'in order to', pattern: /\bin order to\b/gi, alternatives: ['to'] },
  // "Also, …" → "In addition, …"; a mid-sentence "also" after the first is dropped ("we also keep" → "we keep").
  { phrase: 'also', pattern: /(?:^Also,?\s+|\s+also\b)/g, alternatives: [''] },
  { phrase: 'so (to start a sentence)', pattern: /^So,?\s+/g, alternatives: ['As a result, '] },
];

function vary(text: string, phrase: (typeof VARIANTS)[number], state: Map<string, number>): string {
  return text.replace(phrase.pattern, (m: string) => {
    const seen = state.get(phrase.phrase) ?? 0;
    state.set(phrase.phrase, seen + 1);
    // The first use in the answer stays; later ones are varied.
    if (seen === 0) return m;
    if (phrase.phrase === 'also') return /^Also/.test(m) ? 'In addition, ' : '';
    const alt = phrase.alternatives[(seen - 1) % phrase.alternatives.length] as string;
    return /^[A-Z]/.test(m) ? alt.charAt(0).toUpperCase() + alt.slice(1) : alt;
  });
}

export interface AnswerRewrite {
  /** The whole answer as it could be said. */
  readonly text: string;
  /** Each sentence that changed, with its new form. */
  readonly sentences: ReadonlyArray<{ readonly sentence: Span; readonly suggestion: string }>;
}

/**
 * The answer rewritten sentence by sentence: grammar corrected, fillers dropped, every "so that" replaced by a
 * varied alternative, and the connectors it leans on (`phrases`, said too often) varied after their first use.
 */
export function rewriteAnswer(
  doc: TextDoc,
  grammar: readonly GrammarFinding[],
  phrases: ReadonlySet<string>,
): AnswerRewrite {
  const used: Used = new Map();
  const state = new Map<string, number>();
  const sentences: Array<{ sentence: Span; suggestion: string }> = [];
  let text = '';
  let at = 0;
  for (const s of doc.sentences) {
    text += doc.text.slice(at, s.start);
    at = s.end;
    // Grammar corrections inside the sentence first (their spans point at the original text).
    let out = '';
    let from = s.start;
    for (const g of grammar) {
      if (g.start < s.start || g.end > s.end) continue;
      out += doc.text.slice(from, g.start) + g.fix;
      from = g.end;
    }
    out += doc.text.slice(from, s.end);
    out = dropFillers(out.replace(/ {2,}/g, ' '));
    if (phrases.has('so that') || /\bso that\b/i.test(out)) out = rewriteAllSoThat(out, used);
    for (const v of VARIANTS) if (phrases.has(v.phrase)) out = vary(out, v, state);
    out = out.replace(/\s+([,.;!?])/g, '$1').replace(/ {2,}/g, ' ');
    if (out !== s.text)
      sentences.push({ sentence: { start: s.start, end: s.end, text: s.text }, suggestion: out });
    text += out;
  }
  text += doc.text.slice(at);
  return { text, sentences };
}
