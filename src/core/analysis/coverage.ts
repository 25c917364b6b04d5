// Key-point coverage and red flags: which rubric items the answer says, contradicts or gets wrong, with spans.

import type { RedFlag } from '../bank/schema.js';
import type { Token } from '../text/index.js';
import { type DocIndex, matchPhrase, type PhraseMatch, spanOf } from './phrases.js';
import type { CompiledRedFlag, Rubric } from './rubric.js';
import type { FlagHit, KeyPointCoverage, Span } from './types.js';

/** A partial match needs at least this share of a phrasing's words (two or more), one of them specific to the topic. */
const PARTIAL_FRACTION = 0.5;

export function toSpan(index: DocIndex, tokens: readonly number[]): Span {
  const { start, end } = spanOf(index, tokens);
  return { start, end, text: index.doc.text.slice(start, end) };
}

function sentenceSpan(index: DocIndex, sentence: number): Span {
  const s = index.doc.sentences[sentence];
  const start = s?.start ?? 0;
  const end = s?.end ?? 0;
  return { start, end, text: index.doc.text.slice(start, end) };
}

/** A stem that says something about the topic rather than about the question's own words. */
function specific(stem: string, rubric: Rubric): boolean {
  return stem.length >= 3 && !rubric.questionStems.has(stem);
}

export function keyPointCoverage(index: DocIndex, rubric: Rubric): KeyPointCoverage[] {
  const tokens = index.doc.tokens;
  return rubric.question.keyPoints.map((kp, k) => {
    const compiled = rubric.keyPoints[k]?.concepts ?? [];
    let hit: PhraseMatch | undefined;
    let negatedHit: PhraseMatch | undefined;
    let partial: PhraseMatch | undefined;
    for (const phrase of compiled) {
      const m = matchPhrase(index, phrase);
      if (!m) continue;
      if (m.fraction === 1 && !m.negated) {
        if (!hit || m.phrase.stems.length > hit.phrase.stems.length) hit = m;
      } else if (m.fraction === 1) {
        negatedHit ??= m;
      } else if (m.fraction >= PARTIAL_FRACTION && !m.negated) {
        // One shared word ("apply") is a coincidence, not a partial answer: at least two must meet.
        const matchedStems = m.tokens.map((i) => (tokens[i] as Token).stem);
        const enough = m.tokens.length >= 2 && matchedStems.some((s) => specific(s, rubric));
        if (enough && (!partial || m.fraction > partial.fraction)) partial = m;
      }
    }
    const base = {
      id: kp.id,
      text: kp.text,
      ...(kp.zh ? { zh: kp.zh } : {}),
      dimension: kp.dimension,
      weight: kp.weight,
    };
    if (hit) {
      return {
        ...base,
        status: 'hit',
        concept: hit.phrase.source,
        evidence: [toSpan(index, hit.tokens), sentenceSpan(index, hit.sentence)],
        contradicted: false,
      };
    }
    if (negatedHit) {
      return {
        ...base,
        status: 'missed',
        concept: negatedHit.phrase.source,
        evidence: [toSpan(index, negatedHit.tokens), sentenceSpan(index, negatedHit.sentence)],
        contradicted: true,
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
    return { ...base, status: 'missed', evidence: [], contradicted: false };
  });
}

export function redFlagHits(
  index: DocIndex,
  flags: readonly RedFlag[],
  compiled: readonly CompiledRedFlag[],
): FlagHit[] {
  const hits: FlagHit[] = [];
  flags.forEach((flag, f) => {
    for (const phrase of compiled[f]?.phrasings ?? []) {
      const m = matchPhrase(index, phrase, false, true);
      if (m && m.fraction === 1 && !m.softNegated) {
        hits.push({
          id: flag.id,
          kind: 'red-flag',
          text: flag.text,
          severity: flag.severity,
          fix: flag.fix,
          evidence: [toSpan(index, m.tokens), sentenceSpan(index, m.sentence)],
        });
        return;
      }
    }
  });
  return hits;
}

/** A key point stated only under a negation reads as a wrong claim. */
export function contradictionFlags(coverage: readonly KeyPointCoverage[]): FlagHit[] {
  return coverage
    .filter((c) => c.contradicted)
    .map((c) => ({
      id: `not-${c.id}`,
      kind: 'contradiction',
      text: `The answer negates a key point: ${c.text}`,
      severity: 2,
      fix: c.text,
      evidence: c.evidence,
    }));
}
