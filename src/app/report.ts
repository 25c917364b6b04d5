// The Markdown report of a session: per turn the question, the answer, scores per layer, key points, phrasing
// notes and model answers; then the summary across the three layers.
import type { Analysis } from '../core/analysis/types.js';
import type { Bank } from '../core/bank/index.js';
import { summarize } from '../core/interview/summary.js';
import type { SessionState } from '../core/interview/types.js';

const LAYER = {
  technical: 'Technical means',
  ops: 'Ops thinking',
  delivery: 'Delivery & collaboration',
} as const;

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/** Markdown that cannot be broken by user text: escape the characters that start structure. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function scoreLine(a: Analysis): string {
  const dims = (Object.keys(LAYER) as Array<keyof typeof LAYER>)
    .map((d) => `${LAYER[d]} ${a.dimensions[d].score ?? 'n/a'}`)
    .join(' · ');
  return `**Score ${a.score}/100** (grade ${a.grade}/5) — ${dims}`;
}

function analysisSection(a: Analysis): string[] {
  const out = [scoreLine(a), ''];
  const hit = a.coverage.filter((c) => c.status === 'hit');
  const rest = a.coverage.filter((c) => c.status !== 'hit');
  if (hit.length)
    out.push(
      'Key points covered:',
      ...hit.map((c) => `- ✔ ${inline(c.text)}${c.evidence[0] ? ` — “${inline(c.evidence[0].text)}”` : ''}`),
      '',
    );
  if (rest.length)
    out.push(
      'Key points missed or partial:',
      ...rest.map((c) => `- ${c.status === 'partial' ? '◐' : '✘'} ${inline(c.text)}`),
      '',
    );
  if (a.flags.length)
    out.push(
      'Red flags:',
      ...a.flags.map(
        (f) =>
          `- ⚠ ${inline(f.text)}${f.evidence[0] ? ` — “${inline(f.evidence[0].text)}”` : ''} → ${inline(f.fix)}`,
      ),
      '',
    );
  const notes = a.feedback.filter((f) =>
    ['connector', 'filler', 'hedge', 'length', 'structure', 'quantify', 'ownership'].includes(f.kind),
  );
  if (notes.length)
    out.push(
      'Phrasing and structure:',
      ...notes.map((f) => `- ${inline(f.message)} → ${inline(f.next)}`),
      '',
    );
  return out;
}

export function sessionReportMarkdown(bank: Bank, session: SessionState): string {
  const summary = summarize(session);
  const lines: string[] = [
    `# mockops session ${session.id}`,
    '',
    `${session.config.mode} interview, ${session.config.style} style · started ${session.createdAt.replace('T', ' ').slice(0, 16)} UTC · ${session.status}`,
    '',
    '## Summary',
    '',
    `Overall: ${summary.overall ?? 'n/a'}/100 over ${summary.answered} of ${summary.planned} questions.`,
    '',
    '| layer | score |',
    '|---|---|',
    ...(Object.keys(LAYER) as Array<keyof typeof LAYER>).map(
      (d) => `| ${LAYER[d]} | ${summary.dimensions[d] ?? 'n/a'} |`,
    ),
    '',
  ];
  if (summary.nextSteps.length)
    lines.push('Next steps:', '', ...summary.nextSteps.map((s) => `- ${inline(s)}`), '');
  lines.push('## Turns', '');
  const retried = new Map(summary.questions.map((q) => [q.step, q.retried]));
  session.turns.forEach((turn, i) => {
    lines.push(...turnSection(bank, turn));
    // A question's retries follow its last turn; they are part of the question, not new ones.
    if (session.turns[i + 1]?.step === turn.step) return;
    const retries = session.retries.filter((r) => r.step === turn.step);
    retries.forEach((r, k) => {
      lines.push(`### Retry ${k + 1} of question ${turn.step + 1}`, '', quoteBlock(r.answer.text), '');
      if (r.answer.analysis) lines.push(...analysisSection(r.answer.analysis));
    });
    const change = retried.get(turn.step);
    if (change)
      lines.push(
        `Question ${turn.step + 1} retried ${change.times}×: ${change.before} → ${change.after}/100 (the result that counts).`,
        '',
      );
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

function turnSection(bank: Bank, turn: SessionState['turns'][number]): string[] {
  const lines: string[] = [];
  const label =
    turn.kind === 'follow-up'
      ? 'Follow-up'
      : turn.kind === 'candidate-questions'
        ? 'Your questions'
        : `Question ${turn.step + 1}`;
  lines.push(`### ${label}: ${inline(turn.prompt)}`, '');
  if (!turn.answer) {
    lines.push('_Not answered._', '');
    return lines;
  }
  lines.push(quoteBlock(turn.answer.text), '');
  if (turn.answer.analysis) lines.push(...analysisSection(turn.answer.analysis));
  const q = turn.kind === 'question' && turn.questionId ? bank.byId(turn.questionId) : undefined;
  if (q) {
    lines.push(
      '<details><summary>Model answers</summary>',
      '',
      `**Quick:** ${inline(q.modelAnswers.quick)}`,
      '',
      `**Full:** ${inline(q.modelAnswers.full)}`,
      '',
      `**笔记:** ${inline(q.modelAnswers.notesZh)}`,
      '',
      '</details>',
      '',
    );
  }
  return lines;
}
