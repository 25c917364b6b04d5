// Free-form interview notes (plain text or light Markdown, Chinese and English mixed).
//
// What counts as a question (each rule on one line, outside fenced code):
//  1. "Q1. Title" / "Q1234: Title" / "Q: Title": the title is the question; the answer is the following lines,
//     the first of which may carry a marker (👉, →, ->, "A:", "Answer:", "答:") and may come after one blank
//     line.
//  2. A quoted line (“…”, "…", 「…」; list markers and emoji before it allowed) is an interviewer question
//     when its text ends with "?" (closing quote removed), or when it is not a first-person statement
//     ("I …", "We …", "My …", "In my …") and its last sentence is an interview prompt ("Walk me through …",
//     "Tell me about …", "Describe …", "Explain …", "Give an example …"). Long quoted model answers are
//     statements in the first person, so they never qualify.
//  3. An unquoted line ending with "?" is a question when it is a list item, or (English) starts with an
//     interrogative or prompt word, is at most 300 characters and is not first-person.
//  4. A Markdown heading ending with "?" is a question; its answer is the content up to the next heading.
// Under rules 1–3 the answer may also stand on the question's own line, after the question mark and a marker
// ("Q1. How do you roll back? 👉 Revert the commit.", "- Why PDBs? -> To keep replicas up.", "…? A: …").
// Headings (for `section`): Markdown "#", Chinese numbered sections ("一、", "第一部分", "（一）"), short lines
// led by an emoji (🎯 🔹 🌐 …, not the answer marker 👉), "Level N" lines, and a short title line
// without end punctuation directly followed by such a heading. "Level N" headings set `level` and keep the
// section when nested under a higher-ranked heading (the Q1–Q10 keep the title line as their section);
// a later non-level heading of the same or higher rank ends the level.
import { headingLevel } from './levels.js';
import { collapseAll, headingText, inlineToText, renderMarkdown, stripEmoji } from './markup.js';
import type { ImportedQuestion, Warnings } from './types.js';

const FENCE = /^\s*(`{3,}|~{3,})/;
const MD_HEADING = /^ {0,3}(#{1,6})\s+(.*)$/;
const LEAD = /^(?:[-*+•·▪►◦]\s+|\d{1,6}[.)、]\s+|(?:\p{Extended_Pictographic}|\uFE0F|\u200D|\u20E3)+\s*)+/u;
const LIST_MARKER = /^(?:[-*+•·▪►◦]\s+|\d{1,6}[.)、]\s+)/;
/** "Q1. …", "Q1234: …", "Q: …" (numbering of any practical length: Q1000 is as much a question as Q1). */
const Q_ITEM = /^(?:\*\*|__)?Q\s*(\d{1,6})?\s*[.:：、)）]\s*(.+)$/i;
const ANSWER_MARKER =
  /^(?:👉\uFE0F?|➡\uFE0F?|→|->|=>|⇒|(?:\*\*)?(?:A\s*\d{0,6}\s*[:：.)]|Answer\s*[:：]|答案?\s*[:：])(?:\*\*)?)\s*/iu;
/**
 * A question and its answer on one line: "…? 👉 answer", "…? -> answer", "…? → answer", "…? A: answer". The
 * marker must follow a question mark (closing quotes or bold markers may stand between them), so an arrow
 * inside a statement ("IaC → observability → DevOps") splits nothing.
 */
const INLINE_ANSWER =
  /^(.*?[?？](?:\*\*|__|["'”’」』)）\]])*)\s*(?:👉\uFE0F?|➡\uFE0F?|→|->|=>|⇒|(?:\*\*)?(?:A\s*\d{0,6}\s*[:：]|Answer\s*[:：]|答案?\s*[:：])(?:\*\*)?)\s*(.*)$/iu;
/** In a "Q1. Title" line the 👉 answer marker splits even a title without a question mark. */
const ITEM_ARROW = /^(.*?\S)\s*👉\uFE0F?\s*(.*)$/u;
const CN_SECTION =
  /^(?:[一二三四五六七八九十百千]+\s*[、．.]\s*\S|第[一二三四五六七八九十百千\d]+\s*[部章节篇课]|[（(][一二三四五六七八九十]+[)）]\s*\S)/;
const EMOJI_LEAD = /^(?:\p{Extended_Pictographic}|\uFE0F|\u200D|\u20E3)+/u;
const NOT_HEADING_EMOJI = /^(?:👉|➡|→|⇒)/u;
const END_PUNCT = /[.?!。？！:：,，;；…"”'’、]$/;
const FIRST_PERSON =
  /^(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|We|We're|We’re|We've|We’ve|We'd|We’d|My|Our|Me|In my|At my|As a result|So I|So we|Looking ahead|Combining|On top of that)\b/;
const PROMPT =
  /^(?:please\s+)?(?:(?:walk|talk|take|run)\s+(?:me|us)\s+through|(?:tell|show)\s+(?:me|us)\b|describe|explain|compare|contrast|design|outline|summari[sz]e|list|name|define|discuss|share|imagine|suppose|let'?s say|give\s+(?:me\s+|us\s+)?(?:an?\s+|some\s+)?(?:examples?|overview|brief|walkthrough))/i;
const QUESTION_START =
  /^(?:what|what's|what’s|how|why|when|where|which|who|whom|whose|can|could|would|will|do|does|did|is|are|was|were|have|has|had|should|shall|may|might|must|if|tell|describe|explain|walk|give|imagine|suppose|in your|you)\b/i;
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['"', '"'],
  ['“', '"'],
  ['"', '”'],
  ['„', '“'],
  ['「', '」'],
  ['『', '』'],
  ['«', '»'],
];

function unquote(s: string): string | undefined {
  for (const [open, close] of QUOTE_PAIRS) {
    if (s.length > open.length + close.length && s.startsWith(open) && s.endsWith(close))
      return s.slice(open.length, s.length - close.length).trim();
  }
  return undefined;
}

function lastSentence(s: string): string {
  const parts = s.split(/(?<=[.?!。？！])\s+/);
  return (parts[parts.length - 1] ?? s).trim();
}

/** Rule 2: a quoted line the interviewer would say. */
export function isInterviewerQuestion(inner: string): boolean {
  const s = collapseAll(inner);
  if (s.length < 3 || s.length > 500) return false;
  if (/[?？]["'”’)）\]]*$/.test(s)) return true;
  if (FIRST_PERSON.test(s)) return false;
  return PROMPT.test(lastSentence(s));
}

type Line =
  | { kind: 'blank' }
  | { kind: 'heading'; text: string; rank: number }
  | { kind: 'question'; text: string; via: 'quote' | 'plain' | 'heading'; answer?: string }
  | { kind: 'item'; text: string; answer?: string }
  | { kind: 'answer'; text: string }
  | { kind: 'text' };

function clean(s: string): string {
  return collapseAll(inlineToText(s, true));
}

/** A question and the answer after it on the same line (see INLINE_ANSWER), or undefined. */
function splitInline(body: string, item: boolean): { question: string; answer: string } | undefined {
  const m = INLINE_ANSWER.exec(body) ?? (item ? ITEM_ARROW.exec(body) : null);
  const question = m?.[1]?.trim();
  return question ? { question, answer: (m?.[2] ?? '').trim() } : undefined;
}

/** Rules 2 and 3 for the body of a line (list marker and emoji removed): the question it states, if any. */
function questionIn(body: string, listed: boolean): { text: string; via: 'quote' | 'plain' } | undefined {
  const inner = unquote(body.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1'));
  if (inner !== undefined)
    return isInterviewerQuestion(inner) ? { text: clean(inner), via: 'quote' } : undefined;
  const plain = clean(body);
  if (/[?？]$/.test(plain) && plain.length <= 300 && !FIRST_PERSON.test(plain)) {
    if (listed || (/[?]$/.test(plain) && QUESTION_START.test(plain))) return { text: plain, via: 'plain' };
  }
  return undefined;
}

function classify(raw: string): Line {
  const t = raw.trim();
  if (!t) return { kind: 'blank' };
  const md = MD_HEADING.exec(raw);
  if (md) {
    const text = headingText(raw);
    if (!text) return { kind: 'text' };
    if (/[?？]$/.test(text)) return { kind: 'question', text, via: 'heading' };
    return { kind: 'heading', text, rank: md[1]?.length ?? 1 };
  }
  if (NOT_HEADING_EMOJI.test(t) || ANSWER_MARKER.test(t)) {
    const m = ANSWER_MARKER.exec(t);
    if (m) return { kind: 'answer', text: t.slice(m[0].length) };
  }
  const lead = LEAD.exec(t)?.[0] ?? '';
  const body = t.slice(lead.length).trim();
  const item = Q_ITEM.exec(body);
  if (item?.[2]) {
    const split = splitInline(item[2], true);
    const title = clean((split?.question ?? item[2]).replace(/(?:\*\*|__)\s*$/, ''));
    const text = unquote(title) ?? title;
    if (text) return split?.answer ? { kind: 'item', text, answer: split.answer } : { kind: 'item', text };
  }
  const split = splitInline(body, false);
  if (split) {
    const q = questionIn(split.question, LIST_MARKER.test(t));
    if (q)
      return split.answer ? { kind: 'question', ...q, answer: split.answer } : { kind: 'question', ...q };
  }
  const inner = unquote(body.replace(/^(?:\*\*|__)(.*)(?:\*\*|__)$/, '$1'));
  if (inner !== undefined) {
    return isInterviewerQuestion(inner)
      ? { kind: 'question', text: clean(inner), via: 'quote' }
      : { kind: 'text' };
  }
  if (CN_SECTION.test(t)) return { kind: 'heading', text: clean(stripEmoji(t)), rank: 2 };
  const plain = clean(body);
  if (
    EMOJI_LEAD.test(t) &&
    !NOT_HEADING_EMOJI.test(t) &&
    plain &&
    plain.length <= 80 &&
    !/[?？]$/.test(plain)
  )
    return { kind: 'heading', text: plain, rank: 2 };
  if (plain.length <= 60 && headingLevel(plain)) return { kind: 'heading', text: plain, rank: 2 };
  if (/[?？]$/.test(plain) && plain.length <= 300 && !FIRST_PERSON.test(plain)) {
    const listed = LIST_MARKER.test(t);
    if (listed || (/[?]$/.test(plain) && QUESTION_START.test(plain)))
      return { kind: 'question', text: plain, via: 'plain' };
  }
  return { kind: 'text' };
}

/** A short line without end punctuation, e.g. "AWS / IaC / Container Release – Interview Quick Answers". */
function isTitleCandidate(raw: string): boolean {
  const t = clean(stripEmoji(raw));
  return t.length >= 2 && t.length <= 80 && !END_PUNCT.test(t) && !LIST_MARKER.test(raw.trim());
}

function cleanAnswerLine(s: string): string {
  const t = clean(s.replace(ANSWER_MARKER, ''));
  return unquote(t) ?? t;
}

interface Pending {
  q: ImportedQuestion;
  /** 'lines': contiguous lines after the question; 'markdown': everything up to the next heading. */
  mode: 'lines' | 'markdown';
  body: string[];
  blankSeen: boolean;
}

/** Lines that open a fenced code block that is closed later; an unclosed fence is plain text. */
function closedFences(lines: readonly string[], w: Warnings): Set<number> {
  const opens = new Set<number>();
  let open = -1;
  let marker = '';
  for (let i = 0; i < lines.length; i++) {
    const t = (lines[i] ?? '').trim();
    if (open === -1) {
      const m = FENCE.exec(t);
      if (m) {
        open = i;
        marker = m[1] ?? '```';
      }
    } else if (t.startsWith(marker) && /^(.)\1*$/.test(t)) {
      opens.add(open);
      open = -1;
    }
  }
  if (open !== -1) w.add('fence', open + 1, 'a code fence is never closed; read as plain text');
  return opens;
}

export function parseNotes(text: string, w: Warnings): ImportedQuestion[] {
  const lines = text.split('\n');
  const fences = closedFences(lines, w);
  const out: ImportedQuestion[] = [];
  let section: string | undefined;
  let level: 1 | 2 | 3 | undefined;
  let levelRank = 0;
  let sectionRank = 0;
  let pending: Pending | undefined;
  let fence: string | undefined;

  const close = (): void => {
    if (!pending) return;
    const p = pending;
    pending = undefined;
    let answer: string;
    if (p.mode === 'markdown') answer = renderMarkdown(p.body.join('\n'), 'answer');
    else {
      const parts = p.body.map(cleanAnswerLine).filter((l) => l);
      answer = parts.join('\n');
      const whole = unquote(answer);
      if (whole !== undefined && !whole.includes('”') && !whole.includes('“')) answer = whole;
    }
    if (answer) p.q.answer = answer;
  };

  /** `answer`: the answer given on the question's own line ("Q1. …? 👉 …"). */
  const start = (text: string, line: number, mode: Pending['mode'], answer?: string): void => {
    close();
    const q: ImportedQuestion = { text, line };
    if (section) q.section = section;
    if (level) q.level = level;
    out.push(q);
    pending = { q, mode, body: answer ? [answer] : [], blankSeen: false };
  };

  const heading = (text: string, rank: number): void => {
    close();
    const lv = headingLevel(text);
    if (lv) {
      level = lv;
      levelRank = rank;
      if (section === undefined || rank <= sectionRank) {
        section = text;
        sectionRank = rank;
      }
      return;
    }
    if (level !== undefined && rank <= levelRank) level = undefined;
    section = text;
    sectionRank = rank;
  };

  let prevBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (fence !== undefined) {
      if (pending?.mode === 'markdown') pending.body.push(raw);
      if (raw.trim().startsWith(fence) && /^(.)\1*$/.test(raw.trim())) fence = undefined;
      continue;
    }
    const fm = fences.has(i) ? FENCE.exec(raw) : null;
    if (fm) {
      fence = fm[1] ?? '```';
      if (pending?.mode === 'markdown') pending.body.push(raw);
      else close();
      prevBlank = false;
      continue;
    }
    let c = classify(raw);
    if (c.kind === 'text' && prevBlank && isTitleCandidate(raw)) {
      let j = i + 1;
      while (j < lines.length && !(lines[j] ?? '').trim()) j++;
      const next = j < lines.length ? classify(lines[j] ?? '') : undefined;
      if (next?.kind === 'heading') c = { kind: 'heading', text: clean(stripEmoji(raw)), rank: 1 };
    }
    prevBlank = c.kind === 'blank';
    switch (c.kind) {
      case 'blank':
        if (pending?.mode === 'markdown') pending.body.push(raw);
        else if (pending) pending.blankSeen = true;
        break;
      case 'heading':
        heading(c.text, c.rank);
        break;
      case 'item':
        start(c.text, i + 1, 'lines', c.answer);
        break;
      case 'question':
        start(c.text, i + 1, c.via === 'heading' ? 'markdown' : 'lines', c.answer);
        break;
      case 'answer':
        if (pending?.mode === 'markdown') pending.body.push(raw);
        else if (pending && (!pending.blankSeen || pending.body.length === 0)) {
          if (pending.blankSeen && pending.body.length === 0) pending.blankSeen = false;
          pending.body.push(raw);
        } else close();
        break;
      case 'text':
        if (pending?.mode === 'markdown') pending.body.push(raw);
        else if (pending && !pending.blankSeen) pending.body.push(raw);
        else close();
        break;
    }
  }
  close();
  return out;
}
