// GitHub question collections: `<details><summary>Question</summary> answer </details>` blocks under
// Markdown headings, plus question-only bullets `- <b>Question</b>` outside the blocks.
import { headingLevel, isPlaceholderAnswer } from './levels.js';
import { headingText, renderMarkdown } from './markup.js';
import { type ImportedQuestion, lineIndex, lineList, type Warnings } from './types.js';

const FENCE = /^\s*(`{3,}|~{3,})(.*)$/;

/**
 * The text with fenced code blocks and backtick code spans blanked out (same length, newlines kept), so
 * tags and headings are only searched where they are markup. Fences never closed are left as they are.
 */
export function maskCode(text: string): string {
  const lines = text.split('\n');
  let open = -1;
  let marker = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (open === -1) {
      const m = FENCE.exec(line);
      if (m && !(m[1]?.startsWith('`') && m[2]?.includes('`'))) {
        open = i;
        marker = m[1] ?? '```';
      } else if (line.includes('`') && line.includes('<')) {
        lines[i] = maskSpans(line);
      }
    } else {
      const t = line.trim();
      if (t.startsWith(marker) && /^(.)\1*$/.test(t)) {
        for (let k = open; k <= i; k++) lines[k] = ' '.repeat((lines[k] ?? '').length);
        open = -1;
      }
    }
  }
  return lines.join('\n');
}

function maskSpans(line: string): string {
  let out = '';
  let from = 0;
  let i = line.indexOf('`');
  while (i !== -1) {
    let n = 1;
    while (line[i + n] === '`') n++;
    const j = line.indexOf('`'.repeat(n), i + n);
    if (j === -1) break;
    out += line.slice(from, i) + ' '.repeat(j + n - i);
    from = j + n;
    i = line.indexOf('`', from);
  }
  return out + line.slice(from);
}

interface Block {
  start: number;
  line: number;
  sumContent?: number;
  sumEnd?: number;
  sumCloseEnd?: number;
  end: number;
  closed: boolean;
}

interface Heading {
  pos: number;
  rank: number;
  text: string;
}

/** Index of the first heading whose position is greater than `pos` (headings are sorted). */
function firstAfter(headings: readonly Heading[], pos: number): number {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((headings[mid]?.pos ?? 0) > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Found {
  pos: number;
  q: ImportedQuestion;
}

const TAG = /<(\/?)(details|summary)(?=[\s>/])[^<>]{0,500}>/gi;
const HEADING_LINE = /^ {0,3}(#{1,6})[ \t]+\S/;
const BOLD_BULLET = /^ {0,3}[-*+][ \t]+(?:<(b|strong)>(.+)<\/\1>|\*\*(.+)\*\*)[ \t]*$/i;
const PARTIAL = /[ \t]*\*\*\*(?=(?:\s|<\/?(?:b|strong|em|i)>|<br\s*\/?>)*$)/i;

/** `masked` is `maskCode(text)` when the caller already has it. */
export function parseDetails(text: string, w: Warnings, masked = maskCode(text)): ImportedQuestion[] {
  const lineOf = lineIndex(text);

  const blocks: Block[] = [];
  let cur: Block | undefined;
  for (const m of masked.matchAll(TAG)) {
    const pos = m.index ?? 0;
    const close = m[1] === '/';
    if ((m[2] ?? '').toLowerCase() === 'details') {
      if (!close) {
        if (cur) blocks.push({ ...cur, end: pos, closed: false });
        cur = { start: pos, line: lineOf(pos), end: -1, closed: false };
      } else if (cur) {
        blocks.push({ ...cur, end: pos, closed: true });
        cur = undefined;
      } else {
        w.add('stray tag', lineOf(pos), 'a </details> without a matching <details>; ignored');
      }
    } else if (!cur) {
      if (!close) w.add('stray tag', lineOf(pos), 'a <summary> outside any <details>; ignored');
    } else if (!close && cur.sumContent === undefined) {
      cur.sumContent = pos + m[0].length;
    } else if (close && cur.sumContent !== undefined && cur.sumEnd === undefined) {
      cur.sumEnd = pos;
      cur.sumCloseEnd = pos + m[0].length;
    }
  }
  if (cur) blocks.push({ ...cur, end: text.length, closed: false });

  // Markdown headings outside code: the topics. Count suffixes such as "(37)" are dropped.
  const headings: Heading[] = [];
  const bullets: number[] = [];
  let offset = 0;
  for (const line of masked.split('\n')) {
    if (line.length > 0) {
      const h = HEADING_LINE.exec(line);
      if (h) {
        const t = headingText(text.slice(offset, offset + line.length));
        if (t) headings.push({ pos: offset, rank: h[1]?.length ?? 1, text: t });
      } else if (BOLD_BULLET.test(line)) {
        bullets.push(offset);
      }
    }
    offset += line.length + 1;
  }

  // An unclosed <details> ends at the next heading (or the next <details>, handled above).
  for (const b of blocks) {
    if (b.closed) continue;
    const after = b.sumCloseEnd ?? b.sumContent ?? b.start;
    const h = headings[firstAfter(headings, after)];
    if (h && h.pos < b.end) b.end = h.pos;
    w.add(
      'unclosed details',
      b.line,
      `<details> is never closed; its answer is taken up to line ${lineOf(Math.max(b.start, b.end - 1))}`,
    );
  }

  const inBlock = (pos: number): boolean => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid];
      if (!b) break;
      if (pos < b.start) hi = mid - 1;
      else if (pos >= b.end) lo = mid + 1;
      else return true;
    }
    return false;
  };

  const found: Found[] = [];
  const empty: number[] = [];
  const placeholders: number[] = [];
  for (const b of blocks) {
    if (b.sumContent === undefined || b.sumContent > b.end) {
      w.add('no summary', b.line, '<details> without <summary> (off-template block); skipped');
      continue;
    }
    let sumEnd = b.sumEnd;
    let answerStart = b.sumCloseEnd;
    if (sumEnd === undefined || sumEnd > b.end) {
      const blank = /\n[ \t]*\n/.exec(text.slice(b.sumContent, b.end));
      sumEnd = blank ? b.sumContent + blank.index : b.end;
      answerStart = sumEnd;
      w.add(
        'unclosed summary',
        lineOf(b.sumContent),
        '<summary> is never closed; the question ends at the first blank line',
      );
    }
    let rawQ = text.slice(b.sumContent, sumEnd);
    const partial = PARTIAL.test(rawQ);
    if (partial) rawQ = rawQ.replace(PARTIAL, '');
    const question = renderMarkdown(rawQ, 'question');
    const qLine = lineOf(b.sumContent + (rawQ.length - rawQ.trimStart().length));
    if (!question) {
      w.add('empty summary', qLine, 'empty <summary>; skipped');
      continue;
    }
    let answer: string | undefined = renderMarkdown(text.slice(answerStart ?? sumEnd, b.end), 'answer');
    const q: ImportedQuestion = { text: question, line: qLine };
    if (!answer) {
      answer = undefined;
      empty.push(qLine);
    } else if (isPlaceholderAnswer(answer)) {
      answer = undefined;
      placeholders.push(qLine);
      q.partial = true;
    } else {
      // "To be completed.\n\nUseful resources: …": the placeholder goes, the rest stays, the item is partial.
      const firstPara = answer.split('\n\n', 1)[0] ?? '';
      if (isPlaceholderAnswer(firstPara)) {
        answer = answer.slice(firstPara.length).trim() || undefined;
        q.partial = true;
      }
    }
    if (answer) q.answer = answer;
    if (partial) q.partial = true;
    found.push({ pos: b.start, q });
  }

  for (const pos of bullets) {
    if (inBlock(pos)) continue;
    const lineText = text.slice(pos, text.indexOf('\n', pos) === -1 ? text.length : text.indexOf('\n', pos));
    let raw = lineText.replace(/^\s*[-*+]\s+/, '');
    const partial = PARTIAL.test(raw);
    if (partial) raw = raw.replace(PARTIAL, '');
    const question = renderMarkdown(raw, 'question');
    if (!question) continue;
    const q: ImportedQuestion = { text: question, line: lineOf(pos) };
    if (partial) q.partial = true;
    found.push({ pos, q });
  }
  found.sort((a, b) => a.pos - b.pos);

  // Section = nearest heading above (outside any block), except that a level heading ("Level 2") nested
  // under a topic keeps the topic; level from headings such as "Junior Sysadmin".
  const topics = headings.filter((h) => !inBlock(h.pos));
  let hi = 0;
  let section: string | undefined;
  let level: 1 | 2 | 3 | undefined;
  let levelRank = 0;
  let sectionRank = 0;
  for (const f of found) {
    for (; hi < topics.length && (topics[hi]?.pos ?? 0) < f.pos; hi++) {
      const h = topics[hi];
      if (!h) continue;
      const lv = headingLevel(h.text);
      if (lv) {
        level = lv;
        levelRank = h.rank;
        // "Level 2" under a topic keeps the topic; "Guru Sysadmin" after "Cyber Security Questions" is one.
        if (section === undefined || h.rank <= sectionRank) {
          section = h.text;
          sectionRank = h.rank;
        }
        continue;
      }
      if (level !== undefined && h.rank <= levelRank) level = undefined;
      section = h.text;
      sectionRank = h.rank;
    }
    if (section) f.q.section = section;
    if (level) f.q.level = level;
  }

  if (empty.length > 0)
    w.add(
      'empty answer',
      empty[0] ?? 1,
      `${empty.length} question(s) have an empty answer; imported without one (lines ${lineList(empty)})`,
    );
  if (placeholders.length > 0)
    w.add(
      'placeholder answer',
      placeholders[0] ?? 1,
      `${placeholders.length} answer(s) are placeholders such as "To be completed."; imported as partial without an answer (lines ${lineList(placeholders)})`,
    );
  return found.map((f) => f.q);
}
