// Turns the bytes of a file a user imports (notes, question lists) into text, whatever its encoding.
// Unicode is recognised exactly (BOMs, strict UTF-8, UTF-16 by its NUL pattern); anything else is guessed by
// chardet and decoded by iconv-lite. UTF-8 text that was once read in a Windows code page is repaired.

import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../core/errors.js';
import { gb2312Level, type Repair, repairMojibake } from './repair.js';

export type { Repair } from './repair.js';

export interface Decoded {
  /** Decoded and repaired text. */
  text: string;
  /** e.g. 'utf-8', 'utf-8-bom', 'utf-16le', 'gb18030', 'windows-1252', 'utf-8 read as windows-1254 (repaired)'. */
  encoding: string;
  repaired: boolean;
  /** Every character the mojibake repair changed, with 1-based line/column in the output text. */
  repairs: Repair[];
  /** The repairs that are guesses, to list for review. */
  unsure: Repair[];
  warnings: string[];
}

/** Binary or undecodable input: an InputError, so the CLI and the API report it as the user's to fix. */
export class DecodeError extends InputError {
  constructor(message: string) {
    super(message, { code: 'undecodable' });
    this.name = 'DecodeError';
  }
}

/** chardet reads the whole buffer several times over; its guess is as good on a sample and far cheaper. */
const SAMPLE = 16 * 1024;
/** More control characters than this share means a binary file, not text with a stray control. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return result('', 'utf-8', ['empty file']);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

  const bom = detectBom(buf);
  if (bom) return unicode(buf.subarray(bom.length), bom.encoding, bom.decoder);

  if (buf.includes(0)) {
    const utf16 = guessUtf16(buf);
    if (utf16) return unicode(buf, utf16, utf16);
    throw new DecodeError('This looks like a binary file (it contains NUL bytes), not text.');
  }
  checkControls(buf, 'bytes');

  const utf8 = strict('utf-8', buf);
  if (utf8 !== null) return withRepair(utf8, 'utf-8', []);
  return legacy(buf);
}

function result(text: string, encoding: string, warnings: string[]): Decoded {
  return { text, encoding, repaired: false, repairs: [], unsure: [], warnings };
}

// --- Unicode -----------------------------------------------------------------------------------------

const BOMS: { bytes: number[]; encoding: string; decoder: string }[] = [
  // UTF-32 first: its little-endian BOM starts like UTF-16's.
  { bytes: [0xff, 0xfe, 0, 0], encoding: 'utf-32le', decoder: 'utf-32le' },
  { bytes: [0, 0, 0xfe, 0xff], encoding: 'utf-32be', decoder: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8-bom', decoder: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', decoder: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', decoder: 'utf-16be' },
];

function detectBom(buf: Buffer): { length: number; encoding: string; decoder: string } | undefined {
  const bom = BOMS.find((b) => b.bytes.every((x, i) => buf[i] === x));
  return bom && { length: bom.bytes.length, encoding: bom.encoding, decoder: bom.decoder };
}

/**
 * UTF-16 without a BOM shows itself by NUL bytes on one side only: the high byte of every ASCII character.
 * Text in CJK alone has none, but notes nearly always hold spaces, digits or line breaks.
 */
function guessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 64 * 1024) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs === 0) return undefined;
  if (odd >= pairs * 0.05 && even <= odd * 0.05) return 'utf-16le';
  if (even >= pairs * 0.05 && odd <= even * 0.05) return 'utf-16be';
  return undefined;
}

/** Decodes with a Unicode decoder; invalid sequences become U+FFFD with a warning rather than failing. */
function unicode(buf: Buffer, encoding: string, decoder: string): Decoded {
  const warnings: string[] = [];
  let body = buf;
  if (decoder.startsWith('utf-16') && body.length % 2 === 1) {
    warnings.push(`${encoding}: odd number of bytes, the last byte was dropped`);
    body = body.subarray(0, body.length - 1);
  }
  let text = decoder.startsWith('utf-32') ? null : strict(decoder, body);
  if (text === null) {
    text = iconv.decode(body, decoder, { stripBOM: false });
    const bad = countOf(text, '\ufffd');
    if (bad > 0) warnings.push(`${encoding}: ${bad} invalid sequence(s) replaced with U+FFFD`);
  }
  if (text.length === 0) warnings.push('empty file');
  checkControls(text, 'text');
  return withRepair(text, encoding, warnings);
}

/** Text or null when the bytes are not valid in this encoding. */
function strict(encoding: string, buf: Buffer): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

function withRepair(text: string, encoding: string, warnings: string[]): Decoded {
  const fixed = repairMojibake(text);
  if (!fixed) return result(text, encoding, warnings);
  const unsure = fixed.repairs.filter((r) => !r.sure);
  const label = encoding === 'utf-8' ? '' : `${encoding}, `;
  warnings.push(
    `repaired ${fixed.repairs.length} character(s) of mojibake: UTF-8 that had been read as ${fixed.page}`,
  );
  if (unsure.length > 0)
    warnings.push(
      `${unsure.length} repaired character(s) are best guesses for lost bytes: please review them`,
    );
  return {
    text: fixed.text,
    encoding: `${label}utf-8 read as ${fixed.page} (repaired)`,
    repaired: true,
    repairs: fixed.repairs,
    unsure,
    warnings,
  };
}

// --- legacy encodings --------------------------------------------------------------------------------

// chardet's names → the encoding to decode with: the Windows code pages are supersets of their ISO twins
// (they give 0x80–0x9F printable characters where ISO has controls), so files labelled ISO are usually them.
const SUPERSET: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-9': 'windows-1254',
  'EUC-KR': 'cp949',
};
/** Always considered when chardet is unsure: the encodings this app's users write most. */
const USUAL = ['gb18030', 'windows-1252'];
const CONFIDENT = 50;
/** Latin-script code pages: chardet's usual wrong guess for short Chinese text (its bytes are all "letters"). */
const LATIN_PAGES = /^(?:iso-8859-(?:1|2|3|4|9|10|13|14|15|16)|windows-125[0247])$/;
/** Fewer Chinese characters than this decide an encoding on thin evidence: the report says so. */
const FEW_HAN = 20;

/** Bytes that are not UTF-8: a legacy code page, as chardet guesses, checked on what it decodes to. */
function legacy(buf: Buffer): Decoded {
  const sample = buf.subarray(0, SAMPLE);
  const guesses = analyse(sample)
    .filter((m) => !/^(UTF|ASCII|ISO-2022|ISO_2022|mbcs|sbcs)/i.test(m.name))
    .map((m) => ({ encoding: (SUPERSET[m.name] ?? m.name).toLowerCase(), confidence: m.confidence }))
    .filter((g) => iconv.encodingExists(g.encoding));
  const top = guesses[0];
  let encoding: string;
  const warnings: string[] = [];
  const han =
    !top || top.confidence < CONFIDENT || LATIN_PAGES.test(top.encoding)
      ? chineseIn(sample, sample.length < buf.length)
      : 0;
  if (han > 0) {
    // Short Chinese text looks like Latin-1 letters to chardet (about every byte ≥ 0xA0 is one); its bytes
    // pairing into common GB2312 characters, some of them side by side, is the better evidence.
    encoding = 'gb18030';
    if (han < FEW_HAN)
      warnings.push(
        `encoding guessed as gb18030 from only ${han} Chinese character(s) (not UTF-8; ${top ? `chardet guessed ${top.encoding}` : 'chardet had no guess'}): check the text`,
      );
  } else if (top && top.confidence >= CONFIDENT) encoding = top.encoding;
  else {
    // chardet is unsure (short text): decode with each likely encoding and keep the most plausible text.
    const names = [...new Set([...guesses.slice(0, 6).map((g) => g.encoding), ...USUAL])];
    const scored = names.map((name) => ({ name, score: plausibility(iconv.decode(sample, name)) }));
    scored.sort((a, b) => b.score - a.score);
    encoding = scored[0]?.name ?? 'windows-1252';
    warnings.push(`encoding guessed as ${encoding} (not UTF-8; detection was not confident): check the text`);
  }
  const text = iconv.decode(buf, encoding);
  checkControls(text, 'text');
  const bad = countOf(text, '\ufffd');
  if (bad > 0) warnings.push(`${encoding}: ${bad} undecodable byte sequence(s) replaced with U+FFFD`);
  return result(text, encoding, warnings);
}

/**
 * The number of GB2312 Han characters when the bytes read as Chinese in GB18030, else 0. They read so when
 * they decode without error, at least 90% of the two-byte characters are GB2312 ones (both bytes 0xA1–0xFE:
 * the common Han and CJK punctuation), and at least two Han stand side by side. Latin text misread as GB
 * fails one of these: an accented letter is followed by an ASCII byte (no valid trail, or a GBK-only one),
 * and two accented letters in a row give at most one Han between Latin letters.
 */
function chineseIn(sample: Buffer, truncated: boolean): number {
  // A sample cut from a longer file may end inside a character: it then ends after its last ASCII byte.
  let end = sample.length;
  if (truncated) while (end > 0 && (sample[end - 1] ?? 0) >= 0x80) end--;
  const bytes = end === sample.length ? sample : sample.subarray(0, end);
  const text = strict('gb18030', bytes);
  if (text === null || /[\p{Co}\ufffd]/u.test(text)) return 0;
  let pairs = 0;
  let common = 0;
  let han = 0;
  let run = 0;
  let longest = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      run = 0;
      i++;
      continue;
    }
    const b2 = bytes[i + 1] ?? 0;
    if (b2 >= 0x30 && b2 <= 0x39) {
      // A four-byte GB18030 sequence: rare in Chinese prose.
      pairs++;
      run = 0;
      i += 4;
      continue;
    }
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && b2 >= 0xa1 && b2 <= 0xfe) {
      common++;
      if (b >= 0xb0) {
        han++;
        run++;
        if (run > longest) longest = run;
      } else run = 0;
    } else run = 0;
    i += 2;
  }
  return pairs > 0 && common >= pairs * 0.9 && longest >= 2 ? han : 0;
}

/**
 * How much decoded text looks like writing, per character: Han and letters count for it, replacement
 * characters and controls against, and a Han character glued between Latin letters (Zürich misread as GBK)
 * counts as noise.
 */
function plausibility(text: string): number {
  const chars = [...text];
  let score = 0;
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) return;
    if (ch === '\ufffd' || cp < 0xa0) score -= 5;
    else if (cp >= 0x4e00 && cp <= 0x9fff) {
      const latin = (c: string | undefined) => !!c && /[A-Za-z]/.test(c);
      // Common simplified characters count a little more: the users writing legacy CJK mostly use GB18030.
      score += latin(chars[i - 1]) || latin(chars[i + 1]) ? -1 : gb2312Level(ch) === 1 ? 1.5 : 1;
    } else if (/\p{L}/u.test(ch)) score += 1;
    else if (/[\p{Co}\p{Cn}]/u.test(ch)) score -= 3;
  });
  return score / Math.max(1, chars.length);
}

// --- checks ------------------------------------------------------------------------------------------

/** Control characters other than tab, line breaks, form feed and escape, as in binary data. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) || c === 0x7f;
}

/** Throws when more than a trace of the content is control characters (bytes, or decoded text). */
function checkControls(data: Buffer | string, what: 'bytes' | 'text'): void {
  const n = Math.min(data.length, 64 * 1024);
  let controls = 0;
  let nul = false;
  for (let i = 0; i < n; i++) {
    const c = typeof data === 'string' ? data.charCodeAt(i) : (data[i] ?? 0);
    if (isControl(c)) controls++;
    if (c === 0) nul = true;
  }
  if (nul || controls > Math.max(1, n * MAX_CONTROL_SHARE))
    throw new DecodeError(
      `This looks like a binary file, not text: ${controls} control character(s) in the first ${n} ${what}.`,
    );
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
