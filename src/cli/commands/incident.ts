// `mockops incident`: a live incident round in the terminal. The interviewer plays the system; you say what you do,
// turn by turn; the clock and the damage run; a debrief at the end.
import type { Command } from 'commander';
import {
  getIncidentHandler,
  type IncidentView,
  incidentResult,
  incidentTurnHandler,
  latestOpenIncident,
  listScenariosHandler,
  startIncidentHandler,
} from '../../app/incidents.js';
import { InputError } from '../../core/errors.js';
import type { IncidentDebrief, LayerScore } from '../../core/incident/debrief.js';
import type { IncidentTurn, Metrics } from '../../core/incident/engine.js';
import { withContext } from '../context.js';
import { createPrompter } from '../prompt.js';
import { bold, cyan, dim, getCliLang, green, red, yellow } from '../render.js';
import { readAnswerBlocks } from './interview.js';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const num = (x: number) => Math.round(x).toLocaleString('en-US');
const indent = (text: string, by = '    ') =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');

function metricsLine(m: Metrics): string {
  return dim(
    `error rate ${pct(m.errorRate)} · p99 ${num(m.latencyMs)} ms · ${num(m.failedRequests)} failed requests · ${m.budgetBurnt}% of the monthly error budget burnt`,
  );
}

function renderOpening(v: IncidentView): string {
  const s = v.scenario;
  const zh = getCliLang() === 'zh';
  const services = s.system.services.map((x) => `${x.name}${x.version ? ` ${x.version}` : ''}`).join(', ');
  return [
    bold(`${zh ? s.zh.title : s.title}  ·  level ${s.level}`),
    '',
    `${cyan(`[${v.clock} · minute ${v.minute}]`)} ${s.brief}`,
    zh ? dim(s.zh.brief) : '',
    dim(`Services: ${services}`),
    s.system.dashboards.length > 0 ? dim(`Dashboards: ${s.system.dashboards.join(', ')}`) : '',
    '',
    dim(
      zh
        ? '每一轮写你要做什么（可以一次写几步）；输入 done 结束。'
        : 'Each turn, type what you do (several steps in order are fine); "done" ends the round.',
    ),
  ]
    .filter((l) => l !== '')
    .join('\n');
}

function renderTurn(t: IncidentTurn, clock: string, minuteBefore: number): string {
  const out: string[] = [];
  const spent = t.minute - minuteBefore;
  out.push(cyan(`[+${spent} min → ${clock} · minute ${t.minute}]`));
  for (const a of t.actions) {
    const mark = a.outcome === 'done' ? green('✓') : a.outcome === 'ineffective' ? yellow('~') : dim('=');
    out.push(`${mark} ${a.label}`);
    if (a.evidence) out.push(indent(a.evidence));
    if (a.note) out.push(indent(a.outcome === 'done' ? red(a.note) : yellow(a.note)));
  }
  for (const say of t.interjections) out.push(`${bold('Interviewer:')} ${say}`);
  if (t.clarify) out.push(`${bold('Interviewer:')} ${t.clarify}`);
  out.push(metricsLine(t.metrics));
  return out.join('\n');
}

function renderLayer(name: string, l: LayerScore): string {
  const out = [`${bold(name)} ${l.score}/100`];
  for (const c of l.credited)
    out.push(`  ${green('✓')} ${c.label} ${dim(`(minute ${c.minute}) "${c.quote}"`)}`);
  for (const m of l.missed) out.push(`  ${red('✗')} ${m}`);
  for (const m of l.marked) out.push(`  ${yellow('!')} ${m}`);
  return out.join('\n');
}

function renderDebrief(title: string, d: IncidentDebrief): string {
  const o = d.outcome;
  const e = d.expert;
  const at = (x: number | null) => (x === null ? '–' : `minute ${x}`);
  return [
    '',
    bold(`Debrief: ${title}  ·  ${d.overall}/100`),
    `Detected ${at(o.detectedAt)} (expert ${at(e.detectedAt)}) · impact stopped ${at(o.mitigatedAt)} (expert ${at(e.mitigatedAt)}) · resolved ${at(o.resolvedAt)} (expert ${at(e.resolvedAt)})`,
    `Impact over ${o.impact.horizonMinutes} minutes (after the round, nobody acts): ${num(o.impact.failedRequests)} failed requests, ${o.impact.budgetBurnt}% of the monthly error budget, peak error rate ${pct(o.impact.peakErrorRate)} (expert: ${num(e.impact.failedRequests)}, ${e.impact.budgetBurnt}%)`,
    '',
    renderLayer('Technical means', d.scores.technical),
    renderLayer('Ops thinking', d.scores.ops),
    renderLayer('Delivery & collaboration', d.scores.delivery),
    '',
    bold('The expert order'),
    ...e.order.map(
      (x, i) =>
        `  ${String(i + 1).padStart(2)}. ${x.label} ${x.yourMinute === null ? red('(you: not done)') : dim(`(you: minute ${x.yourMinute})`)}`,
    ),
    '',
    ...d.notes.map((n) => `• ${n}`),
  ].join('\n');
}

export function registerIncidentCommand(program: Command): void {
  program
    .command('incident')
    .description('a live incident round: the interviewer runs an outage and you work it, turn by turn')
    .option('--scenario <id>', 'which scenario (see --list); default: the one you practised least')
    .option('--answers <file>', 'take the turns from a file (turns separated by a line ---)')
    .option('--json', 'print the round as JSON at the end')
    .option('--list', 'list the scenarios')
    .option('--resume', 'continue the last unfinished round')
    .option(
      '--seed <n>',
      'readings wobble by this seed (±4%, scores never); the same seed and turns replay a round exactly (default 0: no wobble)',
    )
    .action(
      (opts: {
        scenario?: string;
        answers?: string;
        json?: boolean;
        list?: boolean;
        resume?: boolean;
        seed?: string;
      }) =>
        withContext(async (ctx) => {
          if (opts.list) {
            const list = listScenariosHandler();
            if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
            else
              for (const s of list) process.stdout.write(`${s.id.padEnd(34)} level ${s.level}  ${s.title}\n`);
            return;
          }
          const blocks = opts.answers ? readAnswerBlocks(opts.answers) : null;
          let view = opts.resume ? latestOpenIncident(ctx) : null;
          if (opts.resume && !view)
            process.stderr.write('No unfinished incident round: starting a new one.\n');
          const seed =
            opts.seed === undefined ? undefined : /^\d+$/.test(opts.seed) ? Number(opts.seed) : Number.NaN;
          if (Number.isNaN(seed)) throw new InputError(`--seed must be a whole number, not "${opts.seed}"`);
          view ??= startIncidentHandler(ctx, { scenarioId: opts.scenario, seed });
          const quiet = Boolean(opts.json);
          const write = (s: string) => {
            if (!quiet) process.stdout.write(`${s}\n`);
          };
          write(renderOpening(view));
          for (const [i, t] of view.turns.entries())
            write(`${dim(`> ${t.input}`)}\n${renderTurn(t, '', view.turns[i - 1]?.minute ?? 0)}`);
          const prompter = blocks ? null : createPrompter();
          try {
            let b = 0;
            while (!view.finished) {
              let input: string | null;
              if (blocks) {
                input = blocks[b++] ?? null;
                if (input !== null) write(`${dim('>')} ${input}`);
              } else input = await (prompter as NonNullable<typeof prompter>).line(`${bold('>')} `);
              if (input === null) {
                write(
                  dim(`\nRound saved at minute ${view.minute}. Continue with: mockops incident --resume`),
                );
                break;
              }
              const before = view.minute;
              const r = incidentTurnHandler(ctx, view.id, input);
              view = r.view;
              write(renderTurn(r.turn, view.clock, before));
            }
          } finally {
            prompter?.close();
          }
          view = getIncidentHandler(ctx, view.id);
          if (view.debrief) {
            write(renderDebrief(view.scenario.title, view.debrief));
            write(
              dim(`Replay this round: mockops incident --scenario ${view.scenario.id} --seed ${view.seed}`),
            );
          }
          if (opts.json) process.stdout.write(`${JSON.stringify(incidentResult(view), null, 2)}\n`);
        }),
    );
}
