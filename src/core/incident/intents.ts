// The intent matcher: what the candidate typed ("check the error rate split by version, then roll back") mapped onto
// the scenario's actions, in the order they were said, on our text pipeline (lemmas, stems, thesaurus, negation).
// Anything it cannot map is returned, so the interviewer asks instead of silently doing nothing.

import { type CompiledPhrase, compilePhrases, indexDoc, matchPhrase } from '../analysis/phrases.js';
import { clauseIndexOf, clausesOf } from '../analysis/signals/clauses.js';
import { stanceOf } from '../analysis/signals/dismissal.js';
import { readText, type Token } from '../text/index.js';
import type { IncidentScenario } from './schema.js';

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

const compiled = new WeakMap<IncidentScenario, Array<{ id: string; phrases: CompiledPhrase[] }>>();

function compiledIntents(s: IncidentScenario) {
  const known = compiled.get(s);
  if (known) return known;
  const all = compilePhrases(s.actions.flatMap((a) => a.intents));
  let at = 0;
  const out = s.actions.map((a) => {
    const phrases = all.slice(at, at + a.intents.length);
    at += a.intents.length;
    return { id: a.id, phrases };
  });
  compiled.set(s, out);
  return out;
}

/** Map a turn's text onto actions. */
export function matchIntents(s: IncidentScenario, text: string): IntentResult {
  const doc = readText(text);
  const index = indexDoc(doc);
  const clauses = clausesOf(doc);
  const clauseAt = clauseIndexOf(clauses, doc.tokens.length);
  const candidates: Array<{ id: string; tokens: readonly number[]; stems: number; negated: boolean }> = [];
  for (const { id, phrases } of compiledIntents(s)) {
    let best: { tokens: readonly number[]; stems: number; negated: boolean } | null = null;
    for (const p of phrases) {
      const m = matchPhrase(index, p);
      if (!m || m.fraction < 1) continue;
      const first = m.tokens[0] ?? 0;
      const last = m.tokens[m.tokens.length - 1] ?? first;
      // All of the phrasing in one clause, or across a clause joined to it ("scale out the nodes and pods").
      const spread = (clauseAt[last] ?? 0) - (clauseAt[first] ?? 0);
      if (spread > 1) continue;
      const stance = stanceOf(doc, clauses, clauseAt[first] ?? -1, first, last).stance;
      const negated = m.negated || stance !== 'stated';
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
    const from = clause ? clause.from : at;
    const to = clause ? clause.to : (c.tokens[c.tokens.length - 1] ?? at) + 1;
    const span = doc.tokens.slice(from, to) as Token[];
    const quote = text.slice(span[0]?.start ?? 0, span[span.length - 1]?.end ?? text.length).trim();
    matches.push({ actionId: c.id, quote, at });
  }
  matches.sort((a, b) => a.at - b.at);
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
