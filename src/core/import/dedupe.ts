// The key under which two question texts count as the same question.
import { inlineToText } from './markup.js';

/**
 * Lower-case, markup stripped (tags, emphasis, backticks, link targets), entities decoded, curly quotes
 * straightened, whitespace collapsed, surrounding quotes and trailing punctuation removed.
 */
export function normaliseForDedupe(text: string): string {
  let s: string;
  try {
    const flat = String(text).replace(/\s+/g, ' ');
    s = /[<`*_[&\\~]/.test(flat) ? inlineToText(flat, true) : flat;
  } catch {
    s = String(text);
  }
  s = s
    .normalize('NFKC')
    .replace(/`/g, '')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»「」『』]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^(?:["'*_#>\-\s]|q\d{0,6}[.:)]\s)+/, '');
  s = s.replace(/[\s"'*_.?!。？！:：;；,，、…\-–—]+$/u, '');
  return s;
}
