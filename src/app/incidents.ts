// Live incident rounds, for every client: list the scenarios, start a round, take a turn (saved at once), read a
// round with its debrief, resume the last unfinished one.
import { randomBytes } from 'node:crypto';
import { BankError, ConflictError, InputError, NotFoundError } from '../core/errors.js';
import { debriefIncident } from '../core/incident/debrief.js';
import { clockAt, MAX_TURN_CHARS, startIncident, takeTurn } from '../core/incident/engine.js';
import type { IncidentScenario } from '../core/incident/schema.js';
import type { IncidentTurn, IncidentView, ScenarioSummary } from '../core/incident/types.js';

export type { IncidentView, ScenarioSummary } from '../core/incident/types.js';

import { readIncidentDir } from '../storage/bankFiles.js';
import type { IncidentRecord } from '../storage/store.js';
import type { AppContext } from './context.js';
import { reviewWith } from './review.js';

let loaded: IncidentScenario[] | null = null;

/** Review cards of incident rounds are keyed by scenario, beside the questions' cards. */
export const INCIDENT_CARD_PREFIX = 'incident:';
export const incidentCardId = (scenarioId: string) => `${INCIDENT_CARD_PREFIX}${scenarioId}`;

/** The scenario a review card stands for, if it is an incident round's. */
export function scenarioOfCard(questionId: string): IncidentScenario | undefined {
  if (!questionId.startsWith(INCIDENT_CARD_PREFIX)) return undefined;
  const id = questionId.slice(INCIDENT_CARD_PREFIX.length);
  return incidentScenarios().find((s) => s.id === id);
}

/** The built-in scenarios (bank/incidents), read once; a broken file is refused with file, line and field. */
export function incidentScenarios(): IncidentScenario[] {
  if (loaded) return loaded;
  const { scenarios, problems } = readIncidentDir();
  if (problems.length > 0) throw new BankError(problems);
  loaded = scenarios.map((s) => s.scenario);
  return loaded;
}

function scenarioById(id: string): IncidentScenario {
  const all = incidentScenarios();
  const s = all.find((x) => x.id === id);
  if (!s)
    throw new NotFoundError(`no incident scenario "${id}"; scenarios: ${all.map((x) => x.id).join(', ')}`);
  return s;
}

export function listScenariosHandler(): ScenarioSummary[] {
  return incidentScenarios().map((s) => ({
    id: s.id,
    title: s.title,
    level: s.level,
    tags: s.tags,
    brief: s.brief,
    zh: s.zh,
  }));
}

function viewOf(r: IncidentRecord): IncidentView {
  const s = scenarioById(r.scenarioId);
  return {
    id: r.id,
    scenario: {
      id: s.id,
      title: s.title,
      level: s.level,
      brief: s.brief,
      zh: s.zh,
      system: s.system,
      startTime: s.startTime,
      limitMinutes: s.limitMinutes,
      // Labels are shown only in the debrief and after an action is taken; the list is for the replay legend.
      actions: s.actions.map((a) => ({
        id: a.id,
        kind: a.kind,
        label: a.label,
        ...(a.zh ? { zh: a.zh } : {}),
      })),
    },
    minute: r.state.minute,
    clock: clockAt(s, r.state.minute),
    finished: r.state.finished,
    turns: r.state.turns,
    curve: r.state.curve,
    seed: r.state.seed ?? 0,
    debrief: r.state.finished ? debriefIncident(s, r.state) : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function startIncidentHandler(
  ctx: AppContext,
  options: { scenarioId?: string | undefined; seed?: number | undefined },
): IncidentView {
  if (
    options.seed !== undefined &&
    !(Number.isInteger(options.seed) && options.seed >= 0 && options.seed < 2 ** 31)
  )
    throw new InputError(`seed must be a whole number from 0 to ${2 ** 31 - 1}, not ${options.seed}`);
  const all = incidentScenarios();
  if (all.length === 0) throw new InputError('there are no incident scenarios in the bank (bank/incidents/)');
  // Without a scenario: the one practised least, then a seeded pick among them.
  const done = new Map<string, number>();
  for (const r of ctx.store.listIncidents(10_000)) done.set(r.scenarioId, (done.get(r.scenarioId) ?? 0) + 1);
  let s: IncidentScenario;
  if (options.scenarioId) s = scenarioById(options.scenarioId);
  else {
    const least = Math.min(...all.map((x) => done.get(x.id) ?? 0));
    const pool = all.filter((x) => (done.get(x.id) ?? 0) === least);
    s = pool[ctx.newSeed() % pool.length] as IncidentScenario;
  }
  const now = ctx.now().toISOString();
  const record: IncidentRecord = {
    id: `i-${ctx.now().getTime().toString(36)}-${randomBytes(3).toString('hex')}`,
    scenarioId: s.id,
    // Readings wobble only by a seed asked for (0: none), so a round is the same every time unless asked.
    state: startIncident(s, options.seed ?? 0),
    overall: null,
    createdAt: now,
    updatedAt: now,
  };
  ctx.store.saveIncident(record);
  return viewOf(record);
}

export function getIncidentHandler(ctx: AppContext, id: string): IncidentView {
  const r = ctx.store.getIncident(id);
  if (!r) throw new NotFoundError(`no incident round "${id}" (see 'mockops incident --list')`);
  return viewOf(r);
}

/** The last unfinished round, for `--resume`. */
export function latestOpenIncident(ctx: AppContext): IncidentView | null {
  const r = ctx.store.listIncidents(50).find((x) => !x.state.finished);
  return r ? viewOf(r) : null;
}

export function incidentTurnHandler(
  ctx: AppContext,
  id: string,
  input: unknown,
): { turn: IncidentTurn; view: IncidentView } {
  if (typeof input !== 'string') throw new InputError('input: a turn is text: say what you do');
  if (input.length > MAX_TURN_CHARS)
    throw new InputError(
      `input: a turn is at most ${MAX_TURN_CHARS.toLocaleString('en-US')} characters (this one has ${input.length.toLocaleString('en-US')}): say what you do and what you look at; the interviewer shows you the output`,
    );
  const r = ctx.store.getIncident(id);
  if (!r) throw new NotFoundError(`no incident round "${id}"`);
  if (r.state.finished) throw new ConflictError(`incident round ${id} is finished; start a new one`);
  const s = scenarioById(r.scenarioId);
  const state = takeTurn(s, r.state, input);
  const record: IncidentRecord = {
    ...r,
    state,
    overall: state.finished ? debriefIncident(s, state).overall : null,
    updatedAt: ctx.now().toISOString(),
  };
  ctx.store.transaction(() => {
    ctx.store.saveIncident(record);
    // A finished round feeds review like a question: a weak round comes back sooner.
    if (state.finished && record.overall !== null) {
      const now = ctx.now();
      const key = incidentCardId(s.id);
      reviewWith(ctx, key, record.overall, null, now);
    }
  });
  return { turn: state.turns.at(-1) as IncidentTurn, view: viewOf(record) };
}

/** The round as `--json` prints it. */
export function incidentResult(view: IncidentView) {
  const d = view.debrief;
  return {
    id: view.id,
    scenarioId: view.scenario.id,
    seed: view.seed,
    turns: view.turns.map((t) => ({
      input: t.input,
      actions: t.actions.map((a) => ({
        id: a.id,
        kind: a.kind,
        label: a.label,
        minute: a.minute,
        outcome: a.outcome,
      })),
      evidence: t.evidence,
      minute: t.minute,
      interjections: t.interjections,
      clarify: t.clarify,
      metrics: t.metrics,
    })),
    outcome: d
      ? {
          detectedAt: d.outcome.detectedAt,
          mitigatedAt: d.outcome.mitigatedAt,
          resolvedAt: d.outcome.resolvedAt,
          impact: d.outcome.impact,
        }
      : null,
    scores: d
      ? { technical: d.scores.technical.score, ops: d.scores.ops.score, delivery: d.scores.delivery.score }
      : null,
    debrief: d,
  };
}
