// `mockops interview`: the interview in the terminal, interactive or fed from a file; every answer is saved when given.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AppContext } from '../../app/context.js';
import { answerHandler, resumeHandler, startSessionHandler, type TurnView } from '../../app/sessions.js';
import { DEFAULT_POLICY } from '../../core/analysis/policy.js';
import { InputError, MockopsError } from '../../core/errors.js';
import { pendingTurn } from '../../core/interview/engine.js';
import { summarize } from '../../core/interview/summary.js';
import { MODES, type Mode, type SessionState, STYLES, type Style } from '../../core/interview/types.js';
import { withContext } from '../context.js';
import { createPrompter, type Prompter } from '../prompt.js';
import {
  bold,
  cyan,
  dim,
  renderAnalysis,
  renderComparison,
  renderModelAnswers,
  renderQuestion,
  renderSummary,
} from '../render.js';
import { parseCategory, parseLevel } from './practice.js';

interface InterviewOptions {
  mode: string;
  style: string;
  category?: string;
  level?: string;
  questions?: string;
  seed?: string;
  answers?: string;
  json?: boolean;
  resume?: boolean;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`unknown ${what} "${value}": use ${allowed.join(', ')}`);
}

function positiveInt(value: string | undefined, what: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (what === 'seed' ? 0 : 1) || n > max)
    throw new InputError(`invalid ${what} "${value}": use a whole number up to ${max}`);
  return n;
}

/** Answer blocks for `--answers`: separated by a line `---`. */
export function readAnswerBlocks(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new MockopsError('io', `cannot read answers file ${file}: ${(err as Error).message}`);
  }
  return text
    .split(/^---[ \t]*$/m)
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

const TARGET = { quick: '3–4 sentences, 30–45 s spoken', full: '60–120 s spoken' } as const;

function formatElapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function showTurn(ctx: AppContext, turn: TurnView, session: SessionState): void {
  const position = dim(`[${turn.step + 1}/${session.plan.length}]`);
  if (turn.preface) process.stdout.write(`\n${cyan(turn.preface)}\n`);
  const q = turn.kind === 'question' && turn.questionId ? ctx.bank.byId(turn.questionId) : undefined;
  process.stdout.write(`\n${position} ${q ? renderQuestion(q) : `${bold(turn.prompt)}\n`}`);
  process.stdout.write(
    dim(
      `Target: ${TARGET[turn.expect]}. Type your answer; an empty line sends it. Ctrl-D stops (your answers are saved).\n`,
    ),
  );
}

async function run(ctx: AppContext, opts: InterviewOptions): Promise<void> {
  const blocks = opts.answers ? readAnswerBlocks(opts.answers) : null;
  const started = opts.resume
    ? resumeHandler(ctx)
    : startSessionHandler(ctx, {
        mode: oneOf<Mode>(opts.mode, MODES, 'mode'),
        style: oneOf<Style>(opts.style, STYLES, 'style'),
        category: parseCategory(opts.category),
        level: parseLevel(opts.level),
        count: positiveInt(opts.questions, 'number of questions', 30),
        seed: positiveInt(opts.seed, 'seed', 2 ** 31 - 1),
      });
  let session = started.session;
  let current: TurnView | null = started.current;
  const quiet = opts.json === true;
  const prompter: Prompter | null = blocks ? null : createPrompter();
  const onInterrupt = () => {
    process.stderr.write(
      `\nStopped. Every answer you gave is saved. Continue with: mockops interview --resume\n`,
    );
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    if (!quiet)
      process.stdout.write(
        `${dim(`Session ${session.id} · ${session.config.mode} · ${session.config.style} style`)}\n`,
      );
    while (current) {
      if (!quiet) showTurn(ctx, current, session);
      const shownAt = Date.now();
      const text = blocks ? (blocks.shift() ?? null) : await (prompter as Prompter).answer('');
      if (text === null) {
        if (!quiet) process.stdout.write(`\n${dim(`Paused. Continue with: mockops interview --resume`)}\n`);
        break;
      }
      const result = answerHandler(ctx, session.id, { text, position: current.position });
      if (!quiet) {
        const a = result.analysis;
        const spoken = a ? ` · about ${a.language.speakingSeconds} s to say (${a.language.fit})` : '';
        if (!blocks)
          process.stdout.write(
            dim(
              `Answered in ${formatElapsed(Date.now() - shownAt)} · target ${TARGET[current.expect]}${spoken}\n`,
            ),
          );
        if (a && session.config.style === 'practice') {
          process.stdout.write(`\n${renderAnalysis(a)}\n`);
          if (result.comparison) process.stdout.write(`\n${renderComparison(result.comparison)}\n`);
          const q =
            current.kind === 'question' && current.questionId ? ctx.bank.byId(current.questionId) : undefined;
          if (q && a.score < DEFAULT_POLICY.bands.followUpBelow)
            process.stdout.write(`\n${renderModelAnswers(q)}\n`);
        }
      }
      session = ctx.store.getSession(session.id) ?? session;
      current = result.next;
    }
  } finally {
    prompter?.close();
    process.removeListener('SIGINT', onInterrupt);
  }
  session = ctx.store.getSession(session.id) ?? session;
  if (quiet) {
    process.stdout.write(`${JSON.stringify(sessionJson(session), null, 2)}\n`);
    return;
  }
  if (session.status === 'finished') {
    process.stdout.write(
      `\n${cyan("Thanks, that's all from my side. We'll be in touch about the next steps.")}\n\n${renderSummary(summarize(session))}\n`,
    );
    process.stdout.write(dim(`\nFull report: mockops report ${session.id} --format md\n`));
  } else if (blocks) {
    const pending = pendingTurn(session);
    process.stdout.write(
      dim(
        `\nThe answers file ran out at question ${(pending?.step ?? 0) + 1}. Continue with: mockops interview --resume\n`,
      ),
    );
  }
}

export function sessionJson(session: SessionState) {
  return {
    sessionId: session.id,
    mode: session.config.mode,
    style: session.config.style,
    status: session.status,
    turns: session.turns.map((t) => ({
      position: t.position,
      kind: t.kind,
      questionId: t.questionId,
      question: t.prompt,
      answer: t.answer?.text ?? null,
      score: t.answer?.score ?? null,
      grade: t.answer?.grade ?? null,
      dimensions: t.answer?.analysis
        ? Object.fromEntries(Object.entries(t.answer.analysis.dimensions).map(([d, v]) => [d, v.score]))
        : null,
      missed: t.answer?.analysis?.coverage.filter((c) => c.status !== 'hit').map((c) => c.id) ?? null,
      flags: t.answer?.analysis?.flags.map((f) => f.id) ?? null,
      ...(t.kind === 'follow-up' ? { followUp: true } : {}),
    })),
    summary: session.status === 'finished' ? summarize(session) : null,
  };
}

export function registerInterviewCommand(program: Command): void {
  program
    .command('interview')
    .description(
      'a mock interview in the terminal: questions rising in level, follow-ups, feedback, saved progress',
    )
    .option('-m, --mode <mode>', `mode: ${MODES.join(', ')}`, 'mock')
    .option(
      '-s, --style <style>',
      'practice (feedback after each answer) or interview (feedback at the end)',
      'practice',
    )
    .option(
      '-c, --category <category>',
      'category (every mode: mock keeps its shape within it; story needs one with behavioural questions)',
    )
    .option('-l, --level <level>', 'level 1, 2 or 3')
    .option('-n, --questions <n>', 'number of questions')
    .option('--seed <n>', 'seed for a reproducible question order')
    .option('--answers <file>', 'answer non-interactively from a file (answers separated by a line ---)')
    .option('--json', 'print the session as JSON at the end')
    .option('--resume', 'continue the last unfinished session')
    .action((opts: InterviewOptions) => withContext((ctx) => run(ctx, opts)));
}
