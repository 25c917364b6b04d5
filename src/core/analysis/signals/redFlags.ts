// Red flags: wrong or unsafe claims the answer makes (the question's and the bank's common ones), and key points
// it negates or dismisses, with the words that say so.
import type { RedFlag } from '../../bank/schema.js';
import { type CompiledPhrase, type DocIndex, matchPhrase } from '../phrases.js';
import type { Policy } from '../policy.js';
import type { CompiledRedFlag } from '../rubric.js';
import type { FlagHit, KeyPointCoverage, Span } from '../types.js';
import { toSpan } from './coverage.js';

function sentenceSpan(index: DocIndex, sentence: number): Span {
  const s = index.doc.sentences[sentence];
  const start = s?.start ?? 0;
  const end = s?.end ?? 0;
  return { start, end, text: index.doc.text.slice(start, end) };
}

/** Nouns that label what they are said of as an error: "the classic mistake is a date as the partition key". */
const MISTAKE_LABELS: ReadonlySet<string> = new Set([
  'mistake',
  'antipattern',
  'anti-pattern',
  'pitfall',
  'footgun',
  'gotcha',
]);

/** A sentence that calls something a mistake (outside the phrasing's own words): the bad practice is named, not claimed. */
function labelledMistake(index: DocIndex, sentence: number, own: readonly number[]): boolean {
  const s = index.doc.sentences[sentence];
  if (!s) return false;
  const first = own[0] ?? -1;
  const last = own[own.length - 1] ?? -1;
  for (let i = s.from; i < s.to; i++) {
    if (i >= first && i <= last) continue;
    const t = index.doc.tokens[i];
    if (t && (MISTAKE_LABELS.has(t.lemma) || MISTAKE_LABELS.has(t.norm))) return true;
  }
  return false;
}

/**
 * Which phrasings an answer can match, by stem: a phrasing read in order matches only where all its stems occur,
 * so each is filed under its stem that is rarest among the list's phrasings.
 */
type ByStem = ReadonlyMap<string, ReadonlyArray<readonly [flag: number, phrasing: number]>>;
const byStem = new WeakMap<readonly CompiledRedFlag[], ByStem>();

function byStemOf(compiled: readonly CompiledRedFlag[]): ByStem {
  const known = byStem.get(compiled);
  if (known) return known;
  const frequency = new Map<string, number>();
  for (const c of compiled)
    for (const phrase of c.phrasings)
      for (const st of new Set(phrase.stems)) frequency.set(st, (frequency.get(st) ?? 0) + 1);
  const out = new Map<string, Array<readonly [number, number]>>();
  compiled.forEach((c, f) => {
    c.phrasings.forEach((phrase, k) => {
      let key: string | undefined;
      for (const st of phrase.stems)
        if (key === undefined || (frequency.get(st) ?? 0) < (frequency.get(key) ?? 0)) key = st;
      if (key === undefined) return;
      const list = out.get(key) ?? [];
      list.push([f, k]);
      out.set(key, list);
    });
  });
  byStem.set(compiled, out);
  return out;
}

/**
 * The flags the answer raises, each with the first of its phrasings that matches. Only the phrasings whose rarest
 * stem the answer has are tried (the bank's borrowed flags hold thousands), and `keep` leaves flags out without a
 * new list, so the index of a compiled list is built once.
 */
export function redFlagHits(
  index: DocIndex,
  flags: readonly RedFlag[],
  compiled: readonly CompiledRedFlag[],
  keep: (flag: RedFlag) => boolean = () => true,
): FlagHit[] {
  const filed = byStemOf(compiled);
  const tried = new Map<number, number[]>();
  for (const stem of index.positions.keys())
    for (const [f, k] of filed.get(stem) ?? []) {
      const list = tried.get(f) ?? [];
      list.push(k);
      tried.set(f, list);
    }
  const hits: FlagHit[] = [];
  for (const f of [...tried.keys()].sort((a, b) => a - b)) {
    const flag = flags[f] as RedFlag;
    if (!keep(flag)) continue;
    const phrasings = compiled[f]?.phrasings ?? [];
    for (const k of (tried.get(f) as number[]).sort((a, b) => a - b)) {
      const m = matchPhrase(index, phrasings[k] as CompiledPhrase, false, true);
      if (m && m.fraction === 1 && !m.softNegated && !labelledMistake(index, m.sentence, m.tokens)) {
        hits.push({
          id: flag.id,
          kind: 'red-flag',
          text: flag.text,
          ...(flag.zh ? { zh: flag.zh } : {}),
          severity: flag.severity,
          fix: flag.fix,
          evidence: [toSpan(index, m.tokens), sentenceSpan(index, m.sentence)],
        });
        break;
      }
    }
  }
  return hits;
}

/** A key point stated only under a negation, or named only to be dismissed, reads as a wrong claim. */
export function contradictionFlags(coverage: readonly KeyPointCoverage[], p: Policy): FlagHit[] {
  return coverage
    .filter((c) => c.contradicted)
    .map((c) => ({
      id: `not-${c.id}`,
      kind: 'contradiction',
      text:
        c.stance === 'dismissed'
          ? `The answer names a key practice only to reject or belittle it: ${c.text}`
          : `The answer negates a key point: ${c.text}`,
      severity: p.flags.contradictionSeverity,
      fix: c.text,
      evidence: c.evidence,
      ...(c.zh ? { zh: c.zh } : {}),
    }));
}
