// Terminal rendering of questions, feedback and model answers (plain text, colour only on a TTY).
import type { AnswerComparison } from '../core/analysis/compare.js';
import type { Analysis } from '../core/analysis/index.js';
import { scoreBand } from '../core/analysis/policy.js';
import type { Question } from '../core/bank/index.js';
import type { SessionSummary } from '../core/interview/summary.js';

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s);
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const yellow = paint('33');
export const red = paint('31');
export const cyan = paint('36');

const LEVEL = { 1: 'fundamentals', 2: 'intermediate', 3: 'final round' } as const;

export function renderQuestion(q: Question, position?: string): string {
  const head = `${position ? `${position}  ` : ''}${q.category} · level ${q.level} (${LEVEL[q.level]}) · ${q.kind}`;
  return `${dim(head)}\n${bold(q.text)}\n${dim(q.zh.translation)}\n`;
}

function bar(score: number | null): string {
  if (score === null) return dim('n/a');
  const filled = Math.round(score / 10);
  const text = `${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${score}`;
  const band = scoreBand(score);
  return band === 'good' ? green(text) : band === 'fair' ? yellow(text) : red(text);
}

export function renderAnalysis(a: Analysis): string {
  const lines: string[] = [];
  lines.push(`${bold('Score')} ${bar(a.score)}  grade ${a.grade}/5`);
  lines.push(`  technical means        ${bar(a.dimensions.technical.score)}`);
  lines.push(`  ops thinking           ${bar(a.dimensions.ops.score)}`);
  lines.push(`  delivery & teamwork    ${bar(a.dimensions.delivery.score)}`);
  if (a.coverage.length > 0) {
    lines.push('', bold('Key points'));
    for (const c of a.coverage) {
      const mark = c.status === 'hit' ? green('✔') : c.status === 'partial' ? yellow('◐') : red('✘');
      const quote = c.evidence[0] ? dim(`  “${c.evidence[0].text}”`) : '';
      lines.push(`  ${mark} ${c.text}${quote}`);
    }
  }
  if (a.flags.length > 0) {
    lines.push('', bold(red('Red flags')));
    for (const f of a.flags)
      lines.push(
        `  ${red('!')} ${f.text}${f.evidence[0] ? dim(`  “${f.evidence[0].text}”`) : ''}\n    → ${f.fix}`,
      );
  }
  if (a.structure.applies) {
    const parts = (['situation', 'task', 'action', 'result', 'future'] as const)
      .map((p) => (a.structure.parts[p] ? green(p) : red(`no ${p}`)))
      .join(' · ');
    lines.push('', `${bold('STAR + Future')}  ${parts}`);
  }
  const lang = a.language;
  lines.push(
    '',
    `${bold('Delivery')}  ${lang.wordCount} words · ${lang.sentenceCount} sentences · ~${lang.speakingSeconds} s at ${lang.pace.wpm} wpm · fits: ${lang.fit}`,
  );
  if (lang.topWords.length > 0)
    lines.push(dim(`  most used: ${lang.topWords.map((w) => `${w.word} ×${w.count}`).join(', ')}`));
  const advice = a.feedback.filter(
    (f) => f.kind !== 'strength' && f.kind !== 'missed' && f.kind !== 'partial' && f.kind !== 'red-flag',
  );
  for (const f of advice)
    lines.push(`  • ${f.message}${f.quote ? dim(`  “${f.quote.text}”`) : ''}\n    → ${f.next}`);
  if (a.followUp) lines.push('', `${bold('Follow-up')} ${cyan(a.followUp)}`);
  return lines.join('\n');
}

export function renderModelAnswers(q: Question): string {
  return [
    bold('Model answer — quick (3–4 sentences)'),
    q.modelAnswers.quick,
    '',
    bold('Model answer — full'),
    q.modelAnswers.full,
    '',
    bold('教练笔记'),
    q.modelAnswers.notesZh,
  ].join('\n');
}

export function renderSummary(s: SessionSummary): string {
  const lines = [
    `${bold('Session summary')}  ${s.answered}/${s.planned} questions · overall ${bar(s.overall)}`,
    `  technical means        ${bar(s.dimensions.technical)}`,
    `  ops thinking           ${bar(s.dimensions.ops)}`,
    `  delivery & teamwork    ${bar(s.dimensions.delivery)}`,
    '',
  ];
  for (const q of s.questions) lines.push(`  ${String(q.score).padStart(3)}  ${q.prompt}`);
  if (s.nextSteps.length > 0) lines.push('', bold('Next steps'), ...s.nextSteps.map((n) => `  • ${n}`));
  return lines.join('\n');
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
  return lines.join('\n');
}
