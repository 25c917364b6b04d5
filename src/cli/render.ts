// Terminal rendering of questions, feedback and model answers (plain text, colour only on a TTY).
import type { AnswerComparison } from '../core/analysis/compare.js';
import type { Analysis } from '../core/analysis/index.js';
import { scoreBand } from '../core/analysis/policy.js';
import type { Question } from '../core/bank/index.js';
import { InputError } from '../core/errors.js';
import type { SessionSummary } from '../core/interview/summary.js';
import { charWidth } from './prompt.js';

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const yellow = paint('33');
export const red = paint('31');
export const cyan = paint('36');

// Wrapping: every line of feedback fits the terminal's width, broken between words (between characters in
// Chinese), never inside a word; a word longer than the width gets a line of its own, whole.
// Built from a string: a regular expression literal may not hold the escape character.
const ESC = '\u001b';
const ANSI_CODE = `${ESC}\\[[0-9;]*m`;
const ANSI = new RegExp(ANSI_CODE, 'g');
const WORD_TOKEN = new RegExp(`${ANSI_CODE}|[\\s\\S]`, 'gu');
const LEAD = new RegExp(`^(?:${ANSI_CODE}|[ \\t])*`);

/** Columns `s` takes on a terminal (colour codes take none, CJK characters two). */
export function visibleWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += charWidth(ch);
  return w;
}

/** The terminal's width: `columns` of a TTY, else 80. */
export function termWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : 80;
}

const NO_BREAK_BEFORE = new Set([...'，。、；：！？）》」』】”’…,.;:!?)]}%']);
const NO_BREAK_AFTER = new Set([...'（《「『【“‘([{']);
/** A bullet's continuation lines start under its text: "  ✘ ", "    → ", "  1. ". */
const HANGING = /^(\s*)((?:[✔◐✘!~•→+*-]|\d+\.)\s+)?/;

interface Piece {
  /** Spaces before it (dropped when it starts a line). */
  readonly sep: string;
  readonly text: string;
  readonly width: number;
}

/** A word's unbreakable parts: the whole word, or its CJK characters one by one (punctuation kept attached). */
function parts(word: string): Array<{ text: string; width: number }> {
  const out: Array<{ text: string; width: number }> = [];
  let text = '';
  let width = 0;
  let prev = '';
  for (const token of word.match(WORD_TOKEN) ?? []) {
    if (token.startsWith(ESC)) {
      text += token;
      continue;
    }
    const w = charWidth(token);
    const breakable =
      prev !== '' &&
      (charWidth(prev) === 2 || w === 2) &&
      !NO_BREAK_BEFORE.has(token) &&
      !NO_BREAK_AFTER.has(prev);
    if (breakable && width > 0) {
      out.push({ text, width });
      text = '';
      width = 0;
    }
    text += token;
    width += w;
    prev = token;
  }
  if (text !== '') out.push({ text, width });
  return out;
}

function wrapLine(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  const lead = LEAD.exec(line)?.[0] ?? '';
  const plain = line.replace(ANSI, '');
  const bullet = HANGING.exec(plain);
  let hang = visibleWidth(bullet?.[0] ?? '');
  if (hang > width / 2) hang = (bullet?.[1] ?? '').length > width / 2 ? 0 : (bullet?.[1] ?? '').length;
  const pieces: Piece[] = [];
  const tokens = line.slice(lead.length).split(/([ \t]+)/);
  for (let i = 0; i < tokens.length; i += 2) {
    const sep = i > 0 ? (tokens[i - 1] as string) : '';
    parts(tokens[i] as string).forEach((p, j) => {
      pieces.push({ sep: j === 0 ? sep : '', text: p.text, width: p.width });
    });
  }
  const out: string[] = [];
  let current = lead;
  let used = visibleWidth(lead);
  let fresh = true;
  for (const p of pieces) {
    const sepWidth = visibleWidth(p.sep);
    if (!fresh && used + sepWidth + p.width > width) {
      out.push(current.replace(/[ \t]+$/, ''));
      current = ' '.repeat(hang);
      used = hang;
      fresh = true;
    }
    if (!fresh) {
      current += p.sep;
      used += sepWidth;
    }
    current += p.text;
    used += p.width;
    if (p.width > 0) fresh = false;
  }
  out.push(current);
  return out.join('\n');
}

/** Wraps every line of `text` at `width` columns (the terminal's by default). */
export function wrap(text: string, width: number = termWidth()): string {
  return text
    .split('\n')
    .map((l) => wrapLine(l, Math.max(20, width)))
    .join('\n');
}

const LEVEL = { 1: 'fundamentals', 2: 'intermediate', 3: 'final round' } as const;

export function renderQuestion(q: Question, position?: string): string {
  const head = `${position ? `${position}  ` : ''}${q.category} · level ${q.level} (${LEVEL[q.level]}) · ${q.kind}`;
  return wrap(`${dim(head)}\n${bold(q.text)}\n${dim(q.zh.translation)}\n`);
}

function bar(score: number | null): string {
  if (score === null) return dim('n/a');
  const filled = Math.round(score / 10);
  const text = `${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${score}`;
  const band = scoreBand(score);
  return band === 'good' ? green(text) : band === 'fair' ? yellow(text) : red(text);
}

/** The language of the terminal's feedback: `--lang zh` or MOCKOPS_LANG=zh (English words to say stay English). */
export type CliLang = 'en' | 'zh';
let cliLang: CliLang = 'en';
export function setCliLang(lang: CliLang): void {
  cliLang = lang;
}
export const getCliLang = (): CliLang => cliLang;

/** Read `--lang` / MOCKOPS_LANG: "en" or "zh"; anything else is an error that names the value. */
export function parseLang(value: string | undefined, where: string): CliLang {
  const v = (value ?? 'en').trim().toLowerCase();
  if (v === 'en' || v === '') return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'cn') return 'zh';
  throw new InputError(`${where}: unknown language "${value}" (use en or zh)`);
}

const HEAD: Readonly<Record<string, { en: string; zh: string }>> = {
  score: { en: 'Score', zh: '得分' },
  technical: { en: 'technical means     ', zh: '技术手段            ' },
  ops: { en: 'ops thinking        ', zh: '运维思维            ' },
  delivery: { en: 'delivery & teamwork ', zh: '交付与协作          ' },
  keyPoints: { en: 'Key points', zh: '要点' },
  redFlags: { en: 'Red flags', zh: '危险信号' },
  grammar: { en: 'Grammar', zh: '语法' },
  language: { en: 'Language', zh: '语言' },
  deliveryFacts: { en: 'Delivery', zh: '表达' },
  followUp: { en: 'Follow-up', zh: '追问' },
  say: { en: 'say', zh: '应该说' },
  mostUsed: { en: 'most used', zh: '用得最多' },
  missed: { en: 'Missed key points', zh: '漏掉的要点' },
  fixes: { en: 'Top 3 fixes', zh: '最该改的三点' },
};
const h = (key: keyof typeof HEAD) => HEAD[key]?.[cliLang] ?? key;

/** Words, sentences, time and pace: measured for spoken answers, "estimated at 130 wpm" for typed ones. */
function paceLine(a: Analysis): string {
  const l = a.language;
  const pace = l.pace.measured
    ? cliLang === 'zh'
      ? `实测每分钟 ${l.pace.wpm} 词${l.pace.pauses ? `，停顿超过 2 秒 ${l.pace.pauses} 次` : ''}`
      : `measured at ${l.pace.wpm} wpm${l.pace.pauses ? `, ${l.pace.pauses} pause${l.pace.pauses === 1 ? '' : 's'} over 2 s` : ''}`
    : cliLang === 'zh'
      ? `按每分钟 ${l.pace.wpm} 词估算`
      : `estimated at ${l.pace.wpm} wpm`;
  const fitZh: Record<string, string> = {
    empty: '空',
    'too-short': '太短',
    quick: '快速版',
    between: '介于两者之间',
    full: '完整版',
    'too-long': '太长',
  };
  return cliLang === 'zh'
    ? `${l.wordCount} 个词 · ${l.sentenceCount} 句 · 约 ${l.speakingSeconds} 秒（${pace}）· 长度：${fitZh[l.fit] ?? l.fit}`
    : `${l.wordCount} words · ${l.sentenceCount} sentences · ~${l.speakingSeconds} s (${pace}) · fits: ${l.fit}`;
}

export function renderAnalysis(a: Analysis): string {
  const zh = cliLang === 'zh';
  const lines: string[] = [];
  lines.push(`${bold(h('score'))} ${bar(a.score)}  ${zh ? '等级' : 'grade'} ${a.grade}/5`);
  lines.push(`  ${h('technical')}   ${bar(a.dimensions.technical.score)}`);
  lines.push(`  ${h('ops')}   ${bar(a.dimensions.ops.score)}`);
  lines.push(`  ${h('delivery')}   ${bar(a.dimensions.delivery.score)}`);
  if (a.coverage.length > 0) {
    lines.push('', bold(h('keyPoints')));
    for (const c of a.coverage) {
      const mark = c.status === 'hit' ? green('✔') : c.status === 'partial' ? yellow('◐') : red('✘');
      const quote = c.evidence[0] ? dim(`  “${c.evidence[0].text}”`) : '';
      lines.push(`  ${mark} ${zh && c.zh ? c.zh : c.text}${quote}`);
    }
  }
  if (a.flags.length > 0) {
    lines.push('', bold(red(h('redFlags'))));
    for (const f of a.flags)
      lines.push(
        `  ${red('!')} ${zh && f.zh ? f.zh : f.text}${f.evidence[0] ? dim(`  “${f.evidence[0].text}”`) : ''}\n    → ${f.fix}`,
      );
  }
  if (a.structure.applies) {
    const parts = (['situation', 'task', 'action', 'result', 'future'] as const)
      .map((p) => (a.structure.parts[p] ? green(p) : red(`no ${p}`)))
      .join(' · ');
    lines.push('', `${bold('STAR + Future')}  ${parts}`);
  }
  const lang = a.language;
  if (lang.grammar.length > 0) {
    const repeats = lang.grammarRepeats.map((r) => (zh ? r.zh : r.label)).join(zh ? '，' : ', ');
    lines.push('', `${bold(h('grammar'))}  ${repeats}`);
    for (const g of lang.grammar.slice(0, 8))
      lines.push(
        `  ${yellow('~')} “${g.text.trim()}” → ${g.fix === '' ? dim(zh ? '（去掉）' : '(drop it)') : green(`“${g.fix}”`)}  ${dim(zh ? g.zh : g.message)}\n    ${h('say')}: ${g.sentence}`,
      );
    if (lang.grammar.length > 8) lines.push(dim(`  … ${lang.grammar.length - 8} ${zh ? '处更多' : 'more'}`));
  }
  lines.push(
    '',
    `${bold(h('deliveryFacts'))}  ${paceLine(a)} · ${h('language')} ${lang.score === null ? dim('n/a') : `${lang.score}/100`}`,
  );
  if (lang.topWords.length > 0)
    lines.push(dim(`  ${h('mostUsed')}: ${lang.topWords.map((w) => `${w.word} ×${w.count}`).join(', ')}`));
  const advice = a.feedback.filter(
    (f) =>
      f.kind !== 'strength' &&
      f.kind !== 'missed' &&
      f.kind !== 'partial' &&
      f.kind !== 'red-flag' &&
      f.kind !== 'grammar',
  );
  for (const f of advice) {
    const message = zh ? f.zh.message : f.message;
    const next = zh ? f.zh.next : f.next;
    lines.push(`  • ${message}${f.quote ? dim(`  “${f.quote.text}”`) : ''}\n    → ${next}`);
  }
  if (lang.rewritten)
    lines.push('', bold(zh ? '改写后（可以这样说）' : 'Said better'), `  ${lang.rewritten}`);
  if (a.followUp)
    lines.push(
      '',
      `${bold(h('followUp'))} ${cyan(a.followUp)}${zh && a.followUpZh ? dim(`  （${a.followUpZh}）`) : ''}`,
    );
  return wrap(lines.join('\n'));
}

export function renderModelAnswers(q: Question): string {
  const zh = cliLang === 'zh';
  const text = [
    bold(zh ? '参考答案：速答版（3–4 句）' : 'Model answer — quick (3–4 sentences)'),
    q.modelAnswers.quick,
    '',
    bold(zh ? '参考答案：完整版' : 'Model answer — full'),
    q.modelAnswers.full,
    '',
    bold('教练笔记'),
    q.modelAnswers.notesZh,
  ].join('\n');
  return wrap(text);
}

export function renderSummary(s: SessionSummary): string {
  const zh = cliLang === 'zh';
  const lines = [
    zh
      ? `${bold('本场总结')}  ${s.answered}/${s.planned} 题 · 总分 ${bar(s.overall)}`
      : `${bold('Session summary')}  ${s.answered}/${s.planned} questions · overall ${bar(s.overall)}`,
    `  ${h('technical')}   ${bar(s.dimensions.technical)}`,
    `  ${h('ops')}   ${bar(s.dimensions.ops)}`,
    `  ${h('delivery')}   ${bar(s.dimensions.delivery)}`,
    '',
  ];
  for (const q of s.questions) {
    const retried = q.retried
      ? zh
        ? dim(` （重答 ${q.retried.times} 次：${q.retried.before} → ${q.retried.after}）`)
        : dim(` (retried ${q.retried.times}×: ${q.retried.before} → ${q.retried.after})`)
      : '';
    lines.push(`  ${String(q.score).padStart(3)}  ${q.prompt}${retried}`);
  }
  if (s.language.grammarRepeats.length > 0)
    lines.push(
      '',
      `${bold(h('grammar'))}  ${s.language.grammarRepeats.map((r) => (zh ? r.zh : r.label)).join(zh ? '，' : ', ')}`,
    );
  const steps = zh ? s.nextStepsZh : s.nextSteps;
  if (steps.length > 0) lines.push('', bold(zh ? '下一步' : 'Next steps'), ...steps.map((n) => `  • ${n}`));
  return wrap(lines.join('\n'));
}

export function renderComparison(c: AnswerComparison): string {
  const arrow = (a: number | null, b: number | null) => `${a ?? 'n/a'} → ${b ?? 'n/a'}`;
  const delta =
    c.score.delta > 0
      ? green(`+${c.score.delta}`)
      : c.score.delta < 0
        ? red(String(c.score.delta))
        : dim('±0');
  const lines = [
    `${bold('Compared with your last answer')}  score ${arrow(c.score.before, c.score.after)} (${delta})`,
    dim(
      `  technical ${arrow(c.dimensions.technical.before, c.dimensions.technical.after)} · ops ${arrow(c.dimensions.ops.before, c.dimensions.ops.after)} · delivery ${arrow(c.dimensions.delivery.before, c.dimensions.delivery.after)}`,
    ),
  ];
  for (const g of c.gained) lines.push(`  ${green('+')} now covered: ${g}`);
  for (const l of c.lost) lines.push(`  ${red('-')} no longer covered: ${l}`);
  for (const f of c.flagsFixed) lines.push(`  ${green('✔')} fixed: ${f}`);
  for (const f of c.flagsNew) lines.push(`  ${red('!')} new problem: ${f}`);
  if (c.stillMissing.length) lines.push(dim(`  still missing: ${c.stillMissing.join('; ')}`));
  if (c.soThat.before !== c.soThat.after)
    lines.push(dim(`  "so that" ${c.soThat.before} → ${c.soThat.after}`));
  if (c.fillers.before !== c.fillers.after)
    lines.push(dim(`  fillers ${c.fillers.before} → ${c.fillers.after}`));
  return wrap(lines.join('\n'));
}

const SEVERITY_RANK = { major: 0, minor: 1, info: 2 } as const;

/**
 * The three fixes worth most, the most severe first. Missed key points come after the rest: the brief lists them
 * on their own already.
 */
export function topFixes(a: Analysis, n = 3): Analysis['feedback'] {
  const listed = (k: string) => (k === 'missed' || k === 'partial' ? 1 : 0);
  return a.feedback
    .filter((f) => f.kind !== 'strength')
    .map((f, i) => ({ f, i }))
    .sort(
      (x, y) =>
        listed(x.f.kind) - listed(y.f.kind) ||
        SEVERITY_RANK[x.f.severity] - SEVERITY_RANK[y.f.severity] ||
        x.i - y.i,
    )
    .slice(0, n)
    .map((x) => x.f);
}

/**
 * The feedback in brief: the score and the three layers, the key points missed, the top 3 fixes, and how to see
 * everything (`hidden` lines of it) with `--verbose`.
 */
export function renderBrief(
  a: Analysis,
  comparison: AnswerComparison | null,
  hidden: number,
  command: string,
): string {
  const zh = cliLang === 'zh';
  const lines: string[] = [];
  lines.push(`${bold(h('score'))} ${bar(a.score)}  ${zh ? '等级' : 'grade'} ${a.grade}/5`);
  lines.push(`  ${h('technical')}   ${bar(a.dimensions.technical.score)}`);
  lines.push(`  ${h('ops')}   ${bar(a.dimensions.ops.score)}`);
  lines.push(`  ${h('delivery')}   ${bar(a.dimensions.delivery.score)}`);
  if (comparison) {
    const d = comparison.score.delta;
    lines.push(
      dim(
        `  ${zh ? '和上次相比' : 'compared with your last answer'}: ${comparison.score.before ?? 'n/a'} → ${comparison.score.after ?? 'n/a'} (${d > 0 ? `+${d}` : d < 0 ? String(d) : '±0'})`,
      ),
    );
  }
  const missed = a.coverage.filter((c) => c.status !== 'hit');
  if (a.coverage.length > 0) {
    lines.push('');
    if (missed.length === 0)
      lines.push(`${bold(h('missed'))}  ${green(zh ? '无，全部覆盖 ✔' : 'none, all covered ✔')}`);
    else {
      lines.push(`${bold(h('missed'))}  ${dim(`${missed.length}/${a.coverage.length}`)}`);
      for (const c of missed)
        lines.push(`  ${c.status === 'partial' ? yellow('◐') : red('✘')} ${zh && c.zh ? c.zh : c.text}`);
    }
  }
  const fixes = topFixes(a);
  if (fixes.length > 0) {
    lines.push('', bold(h('fixes')));
    fixes.forEach((f, i) => {
      const message = zh ? f.zh.message : f.message;
      const next = zh ? f.zh.next : f.next;
      lines.push(`  ${i + 1}. ${message}${f.quote ? dim(`  “${f.quote.text}”`) : ''}`, `     → ${next}`);
    });
  }
  lines.push(
    '',
    dim(
      zh
        ? `还有 ${hidden} 行（每个要点和你的原话、语法、表达、改写、参考答案）：加 --verbose 看全部（${command} --verbose）。`
        : `${hidden} more lines (each key point with your words, grammar, delivery, a better wording, model answers): --verbose shows everything (${command} --verbose).`,
    ),
  );
  return wrap(lines.join('\n'));
}

/** Feedback longer than this many lines is shown in brief unless `--verbose`. */
export const BRIEF_OVER = 40;

/** An answer's feedback: all of it with `verbose` or when it is short, else in brief with the way to see it all. */
export function renderFeedback(input: {
  readonly analysis: Analysis;
  readonly comparison: AnswerComparison | null;
  readonly modelAnswers: Question | null;
  readonly verbose: boolean;
  readonly command: string;
}): string {
  const full = [
    renderAnalysis(input.analysis),
    ...(input.comparison ? [renderComparison(input.comparison)] : []),
    ...(input.modelAnswers ? [renderModelAnswers(input.modelAnswers)] : []),
  ].join('\n\n');
  const count = full.split('\n').length;
  if (input.verbose || count <= BRIEF_OVER) return full;
  const brief = renderBrief(input.analysis, input.comparison, 0, input.command);
  return renderBrief(
    input.analysis,
    input.comparison,
    Math.max(1, count - brief.split('\n').length),
    input.command,
  );
}
