// Which chosen files go into the upload: files over 5 MiB are refused before they are read, and so is a file
// that would push the request over the server's 12 MiB or 50-file limits. Files are read as base64 here.
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILES, MAX_IMPORT_REQUEST_BYTES } from '../types.js';

export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  /** The file's bytes, base64. */
  readonly content: string;
}

export type RefusalReason = 'tooLarge' | 'tooMany' | 'request' | 'unreadable';

export interface Refusal {
  readonly name: string;
  readonly size: number;
  readonly reason: RefusalReason;
}

/** Bytes a file takes in the JSON body: base64 of its bytes, its quoted name and the object around them. */
export function encodedSize(file: { name: string; size: number }): number {
  return 4 * Math.ceil(file.size / 3) + JSON.stringify(file.name).length + 32;
}

/** Room left for the envelope: {"dryRun":false,"files":[…]}. */
const REQUEST_BUDGET = MAX_IMPORT_REQUEST_BYTES - 256;

/**
 * Decide which incoming files to read, in order. A file with the name of one already chosen replaces it.
 * Returns the files to read and the refusals, each naming its file.
 */
export function planSelection<F extends { name: string; size: number }>(
  existing: ReadonlyArray<{ name: string; size: number }>,
  incoming: readonly F[],
): { accept: F[]; refused: Refusal[] } {
  const kept = new Map(existing.map((f) => [f.name, f]));
  const accept: F[] = [];
  const refused: Refusal[] = [];
  for (const file of incoming) {
    const others = [...kept.values()].filter((f) => f.name !== file.name);
    const total = others.reduce((sum, f) => sum + encodedSize(f), 0) + encodedSize(file);
    let reason: RefusalReason | null = null;
    if (file.size > MAX_IMPORT_FILE_BYTES) reason = 'tooLarge';
    else if (others.length >= MAX_IMPORT_FILES) reason = 'tooMany';
    else if (total > REQUEST_BUDGET) reason = 'request';
    if (reason) {
      refused.push({ name: file.name, size: file.size, reason });
      continue;
    }
    kept.set(file.name, file);
    accept.push(file);
  }
  return { accept, refused };
}

/** Add read files to the selection: same name replaces, otherwise appended in order. */
export function mergeChosen(existing: readonly ChosenFile[], added: readonly ChosenFile[]): ChosenFile[] {
  const names = new Set(added.map((f) => f.name));
  return [...existing.filter((f) => !names.has(f.name)), ...added];
}

/** Sizes for people: "812 B", "14.2 KB", "6.1 MiB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The size of a file over a limit: in bytes when rounding would make it look within ("5.0 MiB"). */
export function formatOver(bytes: number, limit: number): string {
  const shown = formatSize(bytes);
  return shown === formatSize(limit) ? `${bytes.toLocaleString('en-US')} bytes` : shown;
}

/** Read a file's bytes as base64 (the part after the comma of its data: URL). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma === -1 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The file name as the user chose it: the server prefixes uploads with "upload:". */
export function shownPath(path: string): string {
  return path.startsWith('upload:') ? path.slice('upload:'.length) : path;
}

/** A server message about uploads without the "upload:" prefix on the file names it quotes. */
export function shownMessage(text: string): string {
  return text.replace(/(^|[\s(])upload:/g, '$1');
}

/** The first characters of an answer, on one line. */
export function excerpt(text: string | null | undefined, max = 120): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
