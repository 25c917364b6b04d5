// The parsing half of the importer: decoded file text in, questions with provenance (line, section,
// level) and warnings out. Pure: no I/O; never throws.
import { parseBank } from './bank.js';
import { normaliseForDedupe } from './dedupe.js';
import { parseDelimited } from './delimited.js';
import { maskCode, parseDetails } from './details.js';
import { isTemplateSlot } from './levels.js';
import { parseNotes } from './notes.js';
import { type ImportedQuestion, type ImportFormat, lineList, type ParsedFile, Warnings } from './types.js';

export { normaliseForDedupe } from './dedupe.js';
export { isInterviewerQuestion } from './notes.js';
export { type BankQuestionText, type Restatement, restatementFinder } from './restate.js';
export type { ImportedQuestion, ImportFormat, ImportWarning, ParsedFile } from './types.js';

function extensionOf(fileName: string): string {
  const base = String(fileName ?? '')
    .split(/[\\/]/)
    .pop();
  const dot = base?.lastIndexOf('.') ?? -1;
  return base && dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Share of characters that no text file holds (NUL, other C0 controls, U+FFFD from a failed decode). */
function binaryShare(text: string): number {
  const n = Math.min(text.length, 65_536);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / n;
}

function looksDelimited(text: string): 'tsv' | 'csv' | undefined {
  if (
    /^#(?:separator|html|columns|deck column|notetype column|tags column|guid column):/im.test(
      text.slice(0, 2000),
    )
  )
    return /^#separator:\s*(?:comma|,|semicolon|;)\s*$/im.test(text.slice(0, 2000)) ? 'csv' : 'tsv';
  const lines = text
    .split('\n', 200)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(0, 20);
  if (lines.length >= 2 && lines.filter((l) => l.includes('\t')).length / lines.length >= 0.8) return 'tsv';
  return undefined;
}

/** The text with code masked when it holds `<details>` markup outside code, else undefined. */
function detailsMarkup(text: string): string | undefined {
  if (!/<details[\s>]/i.test(text) || !/<summary[\s>]/i.test(text)) return undefined;
  const masked = maskCode(text);
  return /<details[\s>]/i.test(masked) ? masked : undefined;
}

function looksLikeBank(text: string): boolean {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return true;
  return (
    /^(?:-\s+)?(?:id|text|category|modelAnswers|keyPoints):\s/m.test(text.slice(0, 5000)) &&
    /^(?:-\s+)?text:\s/m.test(text)
  );
}

/** Picks the format from the extension, then from the content where the extension is ambiguous. */
export function detectFormat(text: string, fileName: string): ImportFormat {
  return detect(text, fileName).format;
}

function detect(text: string, fileName: string): { format: ImportFormat; masked?: string } {
  const ext = extensionOf(fileName);
  if (ext === 'yaml' || ext === 'yml' || ext === 'json') return { format: 'bank' };
  if (ext === 'csv') return { format: looksDelimited(text) === 'tsv' ? 'tsv' : 'csv' };
  if (ext === 'tsv' || ext === 'tab') return { format: 'tsv' };
  const masked = detailsMarkup(text);
  if (masked !== undefined) return { format: 'details', masked };
  if (ext !== 'md' && ext !== 'markdown') {
    const d = looksDelimited(text);
    if (d) return { format: d };
    if (ext !== 'txt' && looksLikeBank(text)) return { format: 'bank' };
  }
  return { format: 'notes' };
}

function duplicates(questions: readonly ImportedQuestion[], w: Warnings): void {
  const seen = new Map<string, number>();
  const dups: number[] = [];
  for (const q of questions) {
    const key = normaliseForDedupe(q.text);
    if (!key) continue;
    if (seen.has(key)) dups.push(q.line);
    else seen.set(key, q.line);
  }
  if (dups.length > 0)
    w.add(
      'duplicate',
      dups[0] ?? 1,
      `${dups.length} question(s) repeat an earlier question in this file (lines ${lineList(dups)}); kept, for the caller to de-duplicate`,
    );
}

/**
 * Template rows ("[Question]" / "[Answer]", "Q: [your question here]") are slots, not questions: skipped. An
 * answer that is a slot ("[Answer]", "[your answer here]") is no answer: dropped, the question partial.
 */
function withoutTemplates(questions: readonly ImportedQuestion[], w: Warnings): ImportedQuestion[] {
  const out: ImportedQuestion[] = [];
  const slots: ImportedQuestion[] = [];
  const emptied: number[] = [];
  for (const q of questions) {
    if (isTemplateSlot(q.text)) {
      slots.push(q);
      continue;
    }
    if (q.answer !== undefined && isTemplateSlot(q.answer)) {
      const { answer: _slot, ...rest } = q;
      out.push({ ...rest, partial: true });
      emptied.push(q.line);
    } else out.push(q);
  }
  const first = slots[0];
  if (first)
    w.add(
      'template',
      first.line,
      `${slots.length} template placeholder(s) such as "${first.text.slice(0, 60)}" are not questions; skipped (lines ${lineList(slots.map((q) => q.line))})`,
    );
  if (emptied.length > 0)
    w.add(
      'template answer',
      emptied[0] ?? 1,
      `${emptied.length} answer(s) are template placeholders such as "[Answer]"; imported as partial without an answer (lines ${lineList(emptied)})`,
    );
  return out;
}

/** Parses one file's decoded text. Never throws: problems come back as warnings with a line. */
export function parseImport(text: string, fileName: string): ParsedFile {
  const w = new Warnings();
  let format: ImportFormat = 'notes';
  try {
    let src = typeof text === 'string' ? text : String(text ?? '');
    if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
    src = src.replace(/\r\n?/g, '\n');
    const detected = detect(src, fileName);
    format = detected.format;
    if (binaryShare(src) > 0.02) {
      w.add(
        'binary',
        1,
        'this does not look like a text file (control characters or undecodable bytes); nothing imported',
      );
      return { format, questions: [], warnings: w.finish() };
    }
    let questions: ImportedQuestion[];
    switch (format) {
      case 'bank':
        questions = parseBank(src, w);
        break;
      case 'csv':
      case 'tsv': {
        const r = parseDelimited(src, extensionOf(fileName), w);
        format = r.format;
        questions = r.questions;
        break;
      }
      case 'details':
        questions = parseDetails(src, w, detected.masked);
        break;
      default:
        questions = parseNotes(src, w);
    }
    questions = withoutTemplates(questions, w);
    if (questions.length === 0 && src.trim()) w.add('none', 1, `no questions found (read as ${format})`);
    duplicates(questions, w);
    return { format, questions, warnings: w.finish() };
  } catch (e) {
    w.add('internal', 1, `could not parse the file: ${e instanceof Error ? e.message : String(e)}`);
    return { format, questions: [], warnings: w.finish() };
  }
}
