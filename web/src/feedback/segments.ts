// From the analysis spans to non-overlapping highlight segments of the answer. Spans are checked against the
// text (a span that does not point at the same words is dropped), then chosen by priority (red flags first,
// key-point evidence last) and length (shorter, more precise spans first); every character stays plain text.
import type { Analysis, Span } from '../types.js';

export type MarkKind = 'flag' | 'grammar' | 'connector' | 'filler' | 'hedge' | 'keypoint';

export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: MarkKind;
  /** What the note is about, e.g. "so that ×3" or a key-point id. */
  readonly ref: string;
  /** The words the server says are at this span. */
  readonly text: string;
}

export interface Segment {
  readonly start: number;
  readonly text: string;
  readonly mark: Mark | null;
}

const PRIORITY: Record<MarkKind, number> = {
  flag: 0,
  grammar: 1,
  connector: 2,
  hedge: 3,
  filler: 4,
  keypoint: 5,
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: the server turns control characters into spaces
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const same = (a: string, b: string) => a.replace(CONTROL, ' ') === b.replace(CONTROL, ' ');

function fits(text: string, span: Span): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end > span.start &&
    span.end <= text.length &&
    same(text.slice(span.start, span.end), span.text)
  );
}

export function collectMarks(analysis: Analysis): Mark[] {
  const marks: Mark[] = [];
  const add = (span: Span, kind: MarkKind, ref: string) =>
    marks.push({ start: span.start, end: span.end, kind, ref, text: span.text });
  for (const f of analysis.flags) for (const s of f.evidence) add(s, 'flag', f.id);
  (analysis.language.grammar ?? []).forEach((g, i) => {
    add({ start: g.start, end: g.end, text: g.text }, 'grammar', String(i));
  });
  for (const c of analysis.language.connectors) for (const s of c.places) add(s, 'connector', c.phrase);
  for (const h of analysis.language.hedges) for (const s of h.places) add(s, 'hedge', h.phrase);
  for (const f of analysis.language.fillers) for (const s of f.places) add(s, 'filler', f.phrase);
  for (const k of analysis.coverage) {
    if (k.status === 'missed') continue;
    const shortest = [...k.evidence].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    if (shortest) add(shortest, 'keypoint', k.id);
  }
  return marks;
}

/** Choose non-overlapping marks that fit the text, in order of priority then precision. */
export function chooseMarks(text: string, analysis: Analysis): Mark[] {
  const candidates = collectMarks(analysis)
    .filter((m) => fits(text, m))
    .sort(
      (a, b) =>
        PRIORITY[a.kind] - PRIORITY[b.kind] || a.end - a.start - (b.end - b.start) || a.start - b.start,
    );
  const chosen: Mark[] = [];
  for (const m of candidates) {
    if (chosen.some((c) => m.start < c.end && c.start < m.end)) continue;
    chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

export function buildSegments(text: string, marks: readonly Mark[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) out.push({ start: at, text: text.slice(at, m.start), mark: null });
    out.push({ start: m.start, text: text.slice(m.start, m.end), mark: m });
    at = m.end;
  }
  if (at < text.length) out.push({ start: at, text: text.slice(at), mark: null });
  return out;
}
