// Shared shapes of the importer: what a parsed file gives back to the caller.

export type ImportFormat = 'notes' | 'details' | 'bank' | 'csv' | 'tsv';

export interface ImportedQuestion {
  /** The question, clean plain text (markup removed, whitespace normalised, code spans kept as text). */
  text: string;
  /** The reference answer, plain text with code blocks kept; absent when empty or a placeholder. */
  answer?: string;
  /** 1-based line of the question in the file. */
  line: number;
  /** Nearest heading / topic. */
  section?: string;
  /** When the source says so (e.g. "Level 1 – Fundamentals", "Junior Sysadmin"). */
  level?: 1 | 2 | 3;
  /** The source marks it incomplete (e.g. a trailing " ***" or a "To be completed." answer). */
  partial?: boolean;
}

export interface ImportWarning {
  line: number;
  message: string;
}

export interface ParsedFile {
  format: ImportFormat;
  questions: ImportedQuestion[];
  warnings: ImportWarning[];
}

/** Collects warnings, keeping at most `perKind` of each kind so garbage input cannot flood the caller. */
export class Warnings {
  readonly list: ImportWarning[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly perKind = 50) {}

  add(kind: string, line: number, message: string): void {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    if (n <= this.perKind) this.list.push({ line: Math.max(1, line), message });
  }

  /** Appends one "… and N more" line per kind that overflowed. */
  finish(): ImportWarning[] {
    for (const [kind, n] of this.counts) {
      if (n > this.perKind)
        this.list.push({ line: 1, message: `${n - this.perKind} more ${kind} warning(s) not shown` });
    }
    return this.list;
  }
}

/** Offsets of line starts, for turning a character offset into a 1-based line number. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Lists line numbers compactly for a warning: "12, 40, 77 and 5 more". */
export function lineList(lines: readonly number[], max = 10): string {
  const shown = lines.slice(0, max).join(', ');
  return lines.length > max ? `${shown} and ${lines.length - max} more` : shown;
}
