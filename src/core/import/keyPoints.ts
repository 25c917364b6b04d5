// Candidate key points from a reference answer: the sentences that carry the most specific content, each with
// the noun phrases that would count as covering it. The user accepts or rejects them.
import { isContent, readText, type Token } from '../text/index.js';

export interface CandidateKeyPoint {
  readonly id: string;
  readonly text: string;
  readonly concepts: readonly string[];
}

const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'X']);
const MAX_CANDIDATES = 5;

function slug(words: readonly string[], taken: Set<string>): string {
  const base =
    words
      .slice(0, 4)
      .join('-')
      .replace(/[^a-z0-9-]+/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'point';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Runs of 1–3 content tokens tagged as nouns/adjectives: "remote state", "S3 backend", "terraform.tfstate". */
function nounPhrases(tokens: readonly Token[]): string[] {
  const phrases: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length > 0 && run.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'X')) {
      phrases.push(
        run
          .slice(-3)
          .map((t) => t.text)
          .join(' '),
      );
    }
    run = [];
  };
  for (const t of tokens) {
    if (isContent(t) && t.kind === 'word' && NOUNISH.has(t.pos)) run.push(t);
    else flush();
  }
  flush();
  return phrases;
}

/** Propose up to five key points from a reference answer, in the answer's order. */
export function proposeKeyPoints(reference: string): CandidateKeyPoint[] {
  const doc = readText(reference);
  const scored = doc.sentences
    .map((s, index) => {
      const tokens = doc.tokens.slice(s.from, s.to);
      const phrases = [...new Set(nounPhrases(tokens))];
      const specific = tokens.filter((t) => isContent(t) && t.norm.length > 3).length;
      return { index, text: s.text.trim(), phrases, weight: phrases.length * 2 + specific };
    })
    .filter((s) => s.phrases.length > 0 && s.text.length >= 12);
  const chosen = [...scored]
    .sort((a, b) => b.weight - a.weight)
    .slice(0, MAX_CANDIDATES)
    .sort((a, b) => a.index - b.index);
  const taken = new Set<string>();
  return chosen.map((s) => {
    const concepts = s.phrases.slice(0, 4);
    // A key point needs two phrasings: the phrase list, or the phrase and the sentence's head words.
    if (concepts.length === 1) concepts.push(s.text.split(/\s+/).slice(0, 6).join(' '));
    return {
      id: slug(concepts[0]?.toLowerCase().split(/\s+/) ?? [], taken),
      text: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text,
      concepts,
    };
  });
}
