// Taking the practice out: an Anki deck, a Markdown study guide, and the user's own answers as JSON or CSV.
import type { Question } from '../core/bank/schema.js';
import { InputError } from '../core/errors.js';
import type { AppContext } from './context.js';
import { progressHandler } from './progress.js';
import { sessionListHandler } from './sessions.js';

export const EXPORT_FORMATS = ['anki', 'md', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CATEGORY_TITLE: Record<string, string> = {
  aws: 'AWS architecture',
  iac: 'Infrastructure as code',
  release: 'Containers and releases',
  observability: 'Observability and operations',
  delivery: 'Client delivery and teamwork',
  scenario: 'Scenarios',
  behavioral: 'Self-introduction and stories',
  imported: 'Imported questions',
};
const LEVEL_TITLE = {
  1: 'Level 1 — fundamentals',
  2: 'Level 2 — intermediate',
  3: 'Level 3 — final round',
} as const;

function html(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A field that starts with a quote would be read by Anki's importer as a quoted field: escape every quote.
      .replace(/"/g, '&quot;')
      .replace(/\t/g, ' ')
      .replace(/\r?\n/g, '<br>')
  );
}

/** Anki's text import: tab-separated, one card per line, HTML fields. */
export function ankiDeck(questions: readonly Question[]): string {
  const lines = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];
  for (const q of questions) {
    const keyPoints = q.keyPoints
      .filter((k) => k.id !== 'reference-answer')
      .map((k) => `• ${html(k.text)}${k.zh ? `<br><small>${html(k.zh)}</small>` : ''}`)
      .join('<br>');
    const back = `${html(q.modelAnswers.quick)}${keyPoints ? `<br><br><b>Key points</b><br>${keyPoints}` : ''}`;
    // The front carries the Chinese translation under the question, as the bank page shows it.
    const front = `${html(q.text)}${q.source !== 'imported' && q.zh.translation ? `<br><small>${html(q.zh.translation)}</small>` : ''}`;
    lines.push(`${front}\t${back}\tmockops::${q.category} level${q.level}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown escaping for headings and list items: user and imported text stays text. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function studyGuide(questions: readonly Question[]): string {
  const out = [
    '# mockops study guide',
    '',
    'Questions by category and level, with key points and model answers (quick and full).',
    '',
  ];
  const categories = [...new Set(questions.map((q) => q.category))];
  for (const category of categories) {
    out.push(`## ${CATEGORY_TITLE[category] ?? category}`, '');
    for (const level of [1, 2, 3] as const) {
      const list = questions.filter((q) => q.category === category && q.level === level);
      if (list.length === 0) continue;
      out.push(`### ${LEVEL_TITLE[level]}`, '');
      for (const q of list) {
        out.push(`#### ${md(q.text)}`, '', `*${md(q.zh.translation)}*`, '');
        const points = q.keyPoints.filter((k) => k.id !== 'reference-answer');
        if (points.length) out.push('Key points:', '', ...points.map((k) => `- ${md(k.text)}`), '');
        out.push(
          `**Quick:** ${md(q.modelAnswers.quick)}`,
          '',
          `**Full:** ${md(q.modelAnswers.full)}`,
          '',
          `> ${md(q.modelAnswers.notesZh).replace(/\n/g, '\n> ')}`,
          '',
        );
      }
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first: OWASP CSV injection) starts with '. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const s = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * What each session answer answered: the question itself, a follow-up, or the question again (a retry inside
 * the session), and the words actually asked.
 */
function askedByAnswer(ctx: AppContext): Map<number, { kind: string; asked: string }> {
  const out = new Map<number, { kind: string; asked: string }>();
  for (const item of ctx.store.listSessions(10_000)) {
    const session = ctx.store.getSession(item.id);
    for (const turn of session?.turns ?? [])
      if (turn.answer) out.set(turn.answer.answerId, { kind: turn.kind, asked: turn.prompt });
    for (const retry of session?.retries ?? []) {
      const first = session?.turns.find((t) => t.step === retry.step && t.kind === 'question');
      out.set(retry.answer.answerId, { kind: 'retry', asked: first?.prompt ?? '' });
    }
  }
  return out;
}

export function answersCsv(ctx: AppContext): string {
  const header = [
    'created_at',
    'question_id',
    'question',
    'version',
    'score',
    'grade',
    'technical',
    'ops',
    'delivery',
    'words',
    'session_id',
    'turn',
    'asked',
    'answer',
  ];
  const asked = askedByAnswer(ctx);
  const rows = ctx.store.allAnswers().map((a) => {
    const turn = asked.get(a.answerId);
    const q = a.questionId ? ctx.bank.byId(a.questionId) : undefined;
    const d = a.analysis?.dimensions;
    return [
      a.createdAt,
      a.questionId,
      q?.text ?? '',
      a.version,
      a.score,
      a.grade,
      d?.technical.score,
      d?.ops.score,
      d?.delivery.score,
      a.analysis?.language.wordCount,
      a.sessionId,
      turn?.kind ?? 'practice',
      turn?.asked ?? q?.text ?? '',
      a.text,
    ];
  });
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function answersJson(ctx: AppContext, version: string): string {
  const asked = askedByAnswer(ctx);
  const answers = ctx.store.allAnswers().map((a) => ({
    questionId: a.questionId,
    question: a.questionId ? (ctx.bank.byId(a.questionId)?.text ?? null) : null,
    /** `question`, `follow-up` (then `asked` is the follow-up), `retry` (the question again, in its session) or `practice`. */
    turn: asked.get(a.answerId)?.kind ?? 'practice',
    asked:
      asked.get(a.answerId)?.asked ?? (a.questionId ? (ctx.bank.byId(a.questionId)?.text ?? null) : null),
    version: a.version,
    createdAt: a.createdAt,
    sessionId: a.sessionId,
    text: a.text,
    durationSec: a.durationSec,
    score: a.score,
    grade: a.grade,
    dimensions: a.analysis
      ? Object.fromEntries(Object.entries(a.analysis.dimensions).map(([k, v]) => [k, v.score]))
      : null,
    missed: a.analysis?.coverage.filter((c) => c.status !== 'hit').map((c) => c.id) ?? [],
    flags: a.analysis?.flags.map((f) => f.id) ?? [],
  }));
  return `${JSON.stringify({ exportedAt: ctx.now().toISOString(), mockops: version, answers, sessions: sessionListHandler(ctx, 10_000), reviewCards: ctx.store.listCards(), progress: progressHandler(ctx) }, null, 2)}\n`;
}

export function exportAs(ctx: AppContext, format: string, version: string): string {
  switch (format) {
    case 'anki':
      return ankiDeck(ctx.bank.questions);
    case 'md':
      return studyGuide(ctx.bank.questions);
    case 'json':
      return answersJson(ctx, version);
    case 'csv':
      return answersCsv(ctx);
    default:
      throw new InputError(`unknown export format "${format}": use ${EXPORT_FORMATS.join(', ')}`);
  }
}
