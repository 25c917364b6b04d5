// Key-point drafts in the editor: rows the user accepts or not, edits (text and comma-separated phrasings),
// turned into what PUT /api/imported/:id/key-points accepts, or the first problem, naming its row.
import type { KeyPointDraft } from '../types.js';

export interface DraftRow {
  /** Stable for React; the saved id is derived on save. */
  readonly key: string;
  readonly id: string;
  readonly accepted: boolean;
  readonly text: string;
  readonly phrasings: string;
}

export const MAX_KEY_POINTS = 12;

export function toRow(k: KeyPointDraft, accepted: boolean): DraftRow {
  return { key: k.id, id: k.id, accepted, text: k.text, phrasings: k.concepts.join(', ') };
}

/** Append proposed candidates that are not already rows (same id or same text). */
export function addCandidates(rows: readonly DraftRow[], candidates: readonly KeyPointDraft[]): DraftRow[] {
  const ids = new Set(rows.map((r) => r.id));
  const texts = new Set(rows.map((r) => r.text.trim().toLowerCase()));
  const fresh = candidates.filter((c) => !ids.has(c.id) && !texts.has(c.text.trim().toLowerCase()));
  return [...rows, ...fresh.map((c) => toRow(c, true))];
}

export function splitPhrasings(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，]/)
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  ];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 4)
      .join('-') || 'point'
  );
}

export type DraftProblem =
  | { readonly kind: 'text'; readonly row: number }
  | { readonly kind: 'phrasings'; readonly row: number }
  | { readonly kind: 'tooMany'; readonly n: number };

/** The accepted rows as key points with unique ids, or the first problem (rows numbered from 1). */
export function draftsToKeyPoints(
  rows: readonly DraftRow[],
): { ok: true; keyPoints: KeyPointDraft[] } | { ok: false; problem: DraftProblem } {
  const accepted = rows.map((r, i) => ({ r, n: i + 1 })).filter((x) => x.r.accepted);
  if (accepted.length > MAX_KEY_POINTS)
    return { ok: false, problem: { kind: 'tooMany', n: accepted.length } };
  const taken = new Set<string>();
  const keyPoints: KeyPointDraft[] = [];
  for (const { r, n } of accepted) {
    const text = r.text.trim();
    if (!text || text.length > 300) return { ok: false, problem: { kind: 'text', row: n } };
    const concepts = splitPhrasings(r.phrasings);
    if (concepts.length < 2 || concepts.some((c) => c.length < 2 || c.length > 120))
      return { ok: false, problem: { kind: 'phrasings', row: n } };
    const base = /^[a-z0-9-]+$/.test(r.id) ? r.id : slug(text);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    keyPoints.push({ id, text, concepts });
  }
  return { ok: true, keyPoints };
}
