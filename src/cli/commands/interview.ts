// `mockops interview`: the interview in the terminal, interactive or fed from a file; every answer is saved when given.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AppContext } from '../../app/context.js';
import {
  answerHandler,
  resumeHandler,
  startSessionHandler,
  type TurnView,
  turnView,
} from '../../app/sessions.js';
import { DEFAULT_POLICY } from '../../core/analysis/policy.js';
import { InputError, MockopsError, NotFoundError } from '../../core/errors.js';
import { pendingTurn } from '../../core/interview/engine.js';
import { summarize } from '../../core/interview/summary.js';
import { MODES, type Mode, type SessionState, STYLES, type Style } from '../../core/interview/types.js';
import { withContext } from '../context.js';
import { type AnswerOutcome, createPrompter, type Prompter } from '../prompt.js';
import {
  bold,
  cyan,
  dim,
  renderFeedback,
  renderQuestion,
  renderSummary,
  termWidth,
  wrap,
} from '../render.js';
import { askAnswer, parseCategory, parseLevel } from './practice.js';

interface InterviewOptions {
  mode: string;
  style: string;
  category?: string;
  level?: string;
  questions?: string;
  seed?: string;
  answers?: string;
  json?: boolean;
  /** `--resume` (true) or `--resume <id>`. */
  resume?: boolean | string;
  verbose?: boolean;
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
  if (turn.preface) process.stdout.write(`\n${wrap(cyan(turn.preface))}\n`);
  const q = turn.kind === 'question' && turn.questionId ? ctx.bank.byId(turn.questionId) : undefined;
  process.stdout.write(`\n${wrap(`${position} ${q ? renderQuestion(q) : `${bold(turn.prompt)}\n`}`)}`);
  process.stdout.write(
    `${wrap(
      dim(
        `Target: ${TARGET[turn.expect]}. Type or paste your answer; an empty line sends it. Ctrl-D stops (your answers are saved), Ctrl-C too (and keeps what you were typing).`,
      ),
    )}\n`,
  );
}

// What the terminal keeps between runs, in the home's settings: the session of its last run (for `--resume`), and
// an answer being typed when the run stopped (Ctrl-C, or "n" to sending it), offered back on resume.
const LAST_SESSION = 'terminal.lastSession';
const DRAFTS = 'terminal.drafts';

interface Draft {
  readonly position: number;
  readonly text: string;
  readonly savedAt: string;
}

function readDrafts(ctx: AppContext): Record<string, Draft> {
  try {
    const parsed = JSON.parse(ctx.store.getSetting(DRAFTS) || '{}') as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const drafts: Record<string, Draft> = {};
    for (const [id, d] of Object.entries(parsed as Record<string, Partial<Draft>>))
      if (d && typeof d.text === 'string' && typeof d.position === 'number')
        drafts[id] = { position: d.position, text: d.text, savedAt: String(d.savedAt ?? '') };
    return drafts;
  } catch {
    return {};
  }
}

/** The draft kept for the question `session` is waiting on, if any. */
export function draftFor(ctx: AppContext, session: SessionState): string | null {
  const d = readDrafts(ctx)[session.id];
  const pending = pendingTurn(session);
  return d && pending && d.position === pending.position && d.text.trim() !== '' ? d.text : null;
}

function saveDraft(ctx: AppContext, sessionId: string, position: number, text: string): void {
  const drafts = readDrafts(ctx);
  // Drafts of sessions since finished, ended or deleted go.
  for (const id of Object.keys(drafts))
    if (id !== sessionId && ctx.store.getSession(id)?.status !== 'active') delete drafts[id];
  drafts[sessionId] = { position, text, savedAt: ctx.now().toISOString() };
  ctx.store.setSetting(DRAFTS, JSON.stringify(drafts));
}

function clearDraft(ctx: AppContext, sessionId: string): void {
  const drafts = readDrafts(ctx);
  if (!(sessionId in drafts)) return;
  delete drafts[sessionId];
  ctx.store.setSetting(DRAFTS, JSON.stringify(drafts));
}

/** Keeps a draft; when the database cannot take it, prints it, so it is not lost either way. */
function keepDraft(ctx: AppContext, sessionId: string, position: number, text: string): boolean {
  try {
    saveDraft(ctx, sessionId, position, text);
    return true;
  } catch (err) {
    process.stderr.write(
      `mockops: could not keep your draft (${(err as Error).message}). Here it is:\n\n${text}\n\n`,
    );
    return false;
  }
}

/**
 * The session `--resume` continues: the one given by id; else the session of this home's last terminal run while
 * it is unfinished; else the last unfinished one.
 */
function resumeTarget(ctx: AppContext, id: string | undefined): { session: SessionState; current: TurnView } {
  if (id !== undefined) {
    const session = ctx.store.getSession(id);
    if (!session) throw new NotFoundError(`no session with id "${id}" (see 'mockops history')`);
    const pending = pendingTurn(session);
    if (!pending)
      throw new InputError(`session ${id} is finished; start a new one with \`mockops interview\``);
    return { session, current: turnView(ctx, pending) };
  }
  const last = ctx.store.getSetting(LAST_SESSION);
  const session = last ? ctx.store.getSession(last) : null;
  const pending = session ? pendingTurn(session) : null;
  if (session && pending) return { session, current: turnView(ctx, pending) };
  return resumeHandler(ctx);
}

/** The other unfinished sessions, and how to resume one of them. */
function otherUnfinished(ctx: AppContext, except: string): string | null {
  const others = ctx.store.listSessions(1000).filter((s) => s.status === 'active' && s.id !== except);
  if (others.length === 0) return null;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const local = (iso: string) =>
    new Date(iso).toLocaleString('sv-SE', { timeZone: zone, hour12: false }).slice(0, 16);
  const shown = others.slice(0, 10);
  const lines = [
    `Other unfinished session${others.length === 1 ? '' : 's'} (started, ${zone}):`,
    ...shown.map((s) => {
      // Questions answered, as `mockops history` counts them (a follow-up is part of its question).
      const state = ctx.store.getSession(s.id);
      const answered = state ? summarize(state).answered : s.answered;
      return `  ${s.id.padEnd(26)} ${local(s.createdAt)}  ${s.mode.padEnd(6)} ${answered} answered`;
    }),
    ...(others.length > shown.length
      ? [`  … and ${others.length - shown.length} more (mockops history)`]
      : []),
    `Resume one with: mockops interview --resume <id>`,
  ];
  return lines.join('\n');
}

async function run(ctx: AppContext, opts: InterviewOptions): Promise<void> {
  const blocks = opts.answers ? readAnswerBlocks(opts.answers) : null;
  const resumeId = typeof opts.resume === 'string' ? opts.resume : undefined;
  const started =
    opts.resume !== undefined && opts.resume !== false
      ? resumeTarget(ctx, resumeId)
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
  ctx.store.setSetting(LAST_SESSION, session.id);
  const quiet = opts.json === true;
  // With --json, standard output is the JSON alone: what is said along the way goes to standard error.
  const say = (text: string) => (quiet ? process.stderr : process.stdout).write(wrap(text));
  let prompter: Prompter | null = null;
  const onInterrupt = () => {
    const draft = prompter?.draft() ?? '';
    prompter?.close();
    const kept = draft !== '' && current !== null && keepDraft(ctx, session.id, current.position, draft);
    process.stderr.write(
      `\n${wrap(`Stopped. Every answer you gave is saved${kept ? ', and so is the answer you were typing' : ''}. Continue with: mockops interview --resume`, termWidth(process.stderr))}\n`,
    );
    process.exit(130);
  };
  if (!blocks) prompter = createPrompter({ output: quiet ? process.stderr : process.stdout, onInterrupt });
  process.once('SIGINT', onInterrupt);
  try {
    if (!quiet)
      process.stdout.write(
        `${dim(`Session ${session.id} · ${session.config.mode} · ${session.config.style} style`)}\n`,
      );
    if (opts.resume !== undefined && opts.resume !== false) {
      const others = otherUnfinished(ctx, session.id);
      if (others) say(`${dim(others)}\n`);
    }
    // An answer kept from the last run is offered back: keep it and go on typing, or drop it.
    let offer = blocks ? null : draftFor(ctx, session);
    while (current) {
      if (!quiet) showTurn(ctx, current, session);
      let draft: string | undefined;
      if (offer !== null && prompter) {
        say(`\n${bold('Your unsent answer from last time:')}\n${wrap(offer)}\n`);
        const keep = await prompter.line(`${bold('Keep it and go on?')} [Y/n] `);
        if (keep !== null && /^n/i.test(keep.trim())) clearDraft(ctx, session.id);
        else {
          draft = offer;
          say(`${dim('Kept. Go on typing, or send it as it is with an empty line.')}\n`);
        }
        offer = null;
      }
      const shownAt = Date.now();
      const ask = (): Promise<AnswerOutcome> => {
        if (blocks) {
          const block = blocks.shift();
          return Promise.resolve(block === undefined ? { kind: 'end' } : { kind: 'answer', text: block });
        }
        const start = draft;
        draft = undefined;
        return (prompter as Prompter).answer('', start === undefined ? {} : { draft: start });
      };
      // An interactive answer over the length limit is asked for again; one from a file stops the run, as before.
      const outcome = blocks ? await ask() : await askAnswer(ask);
      if (outcome.kind === 'kept') {
        const kept = keepDraft(ctx, session.id, current.position, outcome.draft);
        say(
          `\n${dim(`Not sent.${kept ? ' Your answer is kept: mockops interview --resume offers it back.' : ''}`)}\n`,
        );
        break;
      }
      if (outcome.kind !== 'answer') {
        if (!quiet)
          process.stdout.write(`\n${wrap(dim('Paused. Continue with: mockops interview --resume'))}\n`);
        break;
      }
      const result = answerHandler(ctx, session.id, { text: outcome.text, position: current.position });
      clearDraft(ctx, session.id);
      if (!quiet) {
        const a = result.analysis;
        const spoken = a ? ` · about ${a.language.speakingSeconds} s to say (${a.language.fit})` : '';
        if (!blocks)
          process.stdout.write(
            `${wrap(dim(`Answered in ${formatElapsed(Date.now() - shownAt)} · target ${TARGET[current.expect]}${spoken}`))}\n`,
          );
        if (a && session.config.style === 'practice') {
          const q =
            current.kind === 'question' && current.questionId ? ctx.bank.byId(current.questionId) : undefined;
          process.stdout.write(
            `\n${renderFeedback({
              analysis: a,
              comparison: result.comparison,
              modelAnswers: q && a.score < DEFAULT_POLICY.bands.followUpBelow ? q : null,
              verbose: opts.verbose === true,
              command: 'mockops interview --resume',
            })}\n`,
          );
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
      `\n${wrap(cyan("Thanks, that's all from my side. We'll be in touch about the next steps."))}\n\n${renderSummary(summarize(session))}\n`,
    );
    process.stdout.write(dim(`\nFull report: mockops report ${session.id} --format md\n`));
  } else if (blocks) {
    const pending = pendingTurn(session);
    process.stdout.write(
      `${wrap(
        dim(
          `\nThe answers file ran out at question ${(pending?.step ?? 0) + 1}. Continue with: mockops interview --resume`,
        ),
      )}\n`,
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
    .option(
      '--resume [id]',
      "continue this terminal's last unfinished session (or the one with this id; the others are listed)",
    )
    .option('--verbose', 'after each answer, all the feedback instead of the summary (practice style)')
    .action((opts: InterviewOptions) => withContext((ctx) => run(ctx, opts)));
}
