// Suggested rewrites for a sentence that leans on "so that", following the seed notes' alternatives.
import type { Sentence, TextDoc, Token } from '../text/index.js';

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
const NEGATIONS = new Set(['not', "n't", 'cannot', 'never', "can't", "won't"]);
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

/**
 * Rewrite "A, so that B …" into one of the seed's alternatives:
 * "… so that we can verb" → "… to verb"; "… so that X can verb" → "…, allowing X to verb";
 * "… so that X is …" → "… . This way, X is …"; "… so that X verbs" → "…, which helps X verb".
 * Returns null when the sentence has no usable "so that" clause.
 */
export function rewriteSoThat(doc: TextDoc, sentence: Sentence): string | null {
  const tokens = doc.tokens.slice(sentence.from, sentence.to);
  const at = tokens.findIndex((t, i) => t.norm === 'so' && tokens[i + 1]?.norm === 'that');
  if (at <= 0) return null;
  const left = words(tokens.slice(0, at)).replace(/[,;\s]+$/, '');
  const after = tokens.slice(at + 2);
  const end = after.length > 0 && after[after.length - 1]?.kind === 'punct' ? after.length - 1 : after.length;
  const right = after.slice(0, end);
  const verbAt = right.findIndex((t) => t.pos === 'AUX' || t.pos === 'VERB');
  if (verbAt <= 0 || verbAt > 4) return `${left}. This way, ${words(right)}.`;
  const subject = right.slice(0, verbAt);
  const verb = right[verbAt] as Token;
  const rest = right.slice(verbAt + 1);
  const sameSubject = subject.length === 1 && SAME_SUBJECT.has((subject[0] as Token).norm);
  const negative = right.slice(0, verbAt + 2).some((t) => NEGATIONS.has(t.norm));
  if (negative) return `${left}. This way, ${words(right)}.`;
  if (MODALS.has(verb.norm) && rest.length > 0) {
    const [next, ...tail] = rest;
    const clause = `${(next as Token).lemma} ${words(tail)}`.trim();
    return sameSubject ? `${left} to ${clause}.` : `${left}, allowing ${objectForm(subject)} to ${clause}.`;
  }
  if (STATE_VERBS.has(verb.lemma)) {
    return `${left}. This way, ${words(subject)} ${verb.text} ${words(rest)}.`;
  }
  return `${left}, which helps ${objectForm(subject)} ${verb.lemma} ${words(rest)}.`.replace(/\s+\./, '.');
}
