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
  for (const turn of session.turns) {
    const label =
      turn.kind === 'follow-up'
        ? 'Follow-up'
        : turn.kind === 'candidate-questions'
          ? 'Your questions'
          : `Question ${turn.step + 1}`;
    lines.push(`### ${label}: ${inline(turn.prompt)}`, '');
    if (!turn.answer) {
      lines.push('_Not answered._', '');
      continue;
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
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
