// The incident simulation: a pure state machine. Each turn maps the candidate's words to actions, runs the clock
// (each action costs minutes; impact accumulates minute by minute; the interviewer interjects), applies the actions'
// effects in the order they were said, and ends when the cause is fixed, the time is up or the candidate ends it.
import { matchIntents } from './intents.js';
import type { IncidentAction, IncidentScenario } from './schema.js';
import type { IncidentState, Metrics, TakenAction } from './types.js';

export type { IncidentState, IncidentTurn, Metrics, TakenAction } from './types.js';

/** A turn is at most this long: say what you do; a pasted log is not an action. */
export const MAX_TURN_CHARS = 2000;
/** The interviewer says the error rate out loud when it first crosses this. */
const ALARM_ERROR_RATE = 0.7;
/** Thinking costs time too: a turn that maps to nothing still takes a minute. */
const THINKING_MINUTES = 1;

/** How much a reading wobbles around the simulated value, at most (a share of it). */
export const READING_NOISE = 0.04;

/** A number in [-1, 1] from the seed, the minute and which reading (mulberry32 over the three). */
function wobble(seed: number, minute: number, which: number): number {
  let t = (seed ^ Math.imul(minute + 1, 0x9e3779b1) ^ Math.imul(which + 1, 0x85ebca6b)) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) as number;
}

/** What the dashboard shows at a minute: the simulated value, wobbling by the seed. */
function reading(seed: number | undefined, minute: number, errorRate: number, latencyMs: number) {
  if (!seed) return { errorRate, latencyMs };
  return {
    errorRate: Math.min(1, Math.max(0, errorRate * (1 + READING_NOISE * wobble(seed, minute, 0)))),
    latencyMs: Math.max(0, latencyMs * (1 + READING_NOISE * wobble(seed, minute, 1))),
  };
}

export function startIncident(s: IncidentScenario, seed = 0): IncidentState {
  const shown = reading(seed, 0, s.impact.errorRate.start, s.impact.latencyMs.start);
  const m: Metrics = {
    minute: 0,
    errorRate: Math.round(shown.errorRate * 1000) / 1000,
    latencyMs: Math.round(shown.latencyMs),
    failedRequests: 0,
    budgetBurnt: 0,
  };
  return {
    seed,
    scenarioId: s.id,
    minute: 0,
    errorRate: s.impact.errorRate.start,
    latencyMs: s.impact.latencyMs.start,
    growing: true,
    failedRequests: 0,
    budgetBurnt: 0,
    detectedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    taken: [],
    said: [],
    alarmed: s.impact.errorRate.start >= ALARM_ERROR_RATE,
    turns: [],
    curve: [m],
    finished: false,
    endedBy: null,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

const metricsOf = (st: Mutable<IncidentState>): Metrics => {
  const shown = reading(st.seed, st.minute, st.errorRate, st.latencyMs);
  return {
    minute: st.minute,
    errorRate: Math.round(shown.errorRate * 1000) / 1000,
    latencyMs: Math.round(shown.latencyMs),
    failedRequests: Math.round(st.failedRequests),
    budgetBurnt: Math.round(st.budgetBurnt * 10) / 10,
  };
};

/** Run the clock: impact grows and accumulates minute by minute; due interjections are said. */
function advance(s: IncidentScenario, st: Mutable<IncidentState>, minutes: number, said: string[]): void {
  for (let k = 0; k < minutes && st.minute < s.limitMinutes; k++) {
    st.minute++;
    if (st.growing) {
      st.errorRate = Math.min(s.impact.errorRate.max, st.errorRate + s.impact.errorRate.growthPerMin);
      st.latencyMs = Math.min(s.impact.latencyMs.max, st.latencyMs + s.impact.latencyMs.growthPerMin);
    }
    st.failedRequests += s.impact.requestsPerMin * st.errorRate;
    st.budgetBurnt += s.impact.sloBurnPerMinAtFull * st.errorRate;
    st.curve.push(metricsOf(st));
    s.events.forEach((e, i) => {
      if (e.at > st.minute || st.said.includes(i)) return;
      st.said.push(i);
      if (!e.unless.some((id) => st.taken.includes(id)) && st.mitigatedAt === null) said.push(e.say);
    });
    if (!st.alarmed && st.errorRate >= ALARM_ERROR_RATE) {
      st.alarmed = true;
      said.push(`Error rate is now ${Math.round(st.errorRate * 100)}% and still climbing.`);
    }
  }
}

function apply(s: IncidentScenario, st: Mutable<IncidentState>, a: IncidentAction): void {
  const e = a.effect;
  if (e.errorRate !== undefined) st.errorRate = e.errorRate;
  if (e.errorRateFactor !== undefined) st.errorRate = Math.min(1, st.errorRate * e.errorRateFactor);
  if (e.latencyMs !== undefined) st.latencyMs = e.latencyMs;
  if (e.stopsGrowth) st.growing = false;
  if (e.mitigates) {
    st.errorRate = s.impact.baselineErrorRate;
    st.latencyMs = s.impact.baselineLatencyMs;
    st.growing = false;
    st.mitigatedAt ??= st.minute;
  }
  // A worse state (an unsafe action) starts the growth again.
  if (e.errorRateFactor !== undefined && e.errorRateFactor > 1) st.growing = true;
  if (e.resolves) {
    if (st.mitigatedAt === null) {
      st.errorRate = s.impact.baselineErrorRate;
      st.latencyMs = s.impact.baselineLatencyMs;
      st.growing = false;
      st.mitigatedAt = st.minute;
    }
    st.resolvedAt ??= st.minute;
  }
}

const END =
  /^\s*(done|end|finish(ed)?|stop|close( the)? incident|i'?m (done|finished)|that'?s (all|it))[.!]?\s*$/i;

/** Take one turn: the candidate's words → actions in order → clock, effects, evidence and interjections. */
export function takeTurn(s: IncidentScenario, state: IncidentState, input: string): IncidentState {
  if (state.finished) return state;
  const st = structuredClone(state) as Mutable<IncidentState>;
  const text = input.slice(0, MAX_TURN_CHARS);
  const said: string[] = [];
  const taken: TakenAction[] = [];
  const evidence: string[] = [];
  let clarify: string | null = null;
  if (END.test(text)) {
    st.finished = true;
    st.endedBy = 'candidate';
  } else {
    const { matches, unmatched } =
      text.trim() === '' ? { matches: [], unmatched: [] } : matchIntents(s, text);
    const byId = new Map(s.actions.map((a) => [a.id, a]));
    for (const m of matches) {
      const a = byId.get(m.actionId) as IncidentAction;
      if (st.taken.includes(a.id)) {
        taken.push({
          ...base(a, st.minute, m.quote),
          note: 'Already done: nothing changes.',
          outcome: 'repeated',
        });
        continue;
      }
      advance(s, st, a.minutes, said);
      const missing = a.requires.filter((r) => !st.taken.includes(r));
      // Tried too early, it can be tried again once what it needs is done.
      if (missing.length > 0) {
        taken.push({ ...base(a, st.minute, m.quote), note: a.ineffective ?? null, outcome: 'ineffective' });
        continue;
      }
      st.taken.push(a.id);
      apply(s, st, a);
      if (s.detectedBy.includes(a.id)) st.detectedAt ??= st.minute;
      if (a.evidence) evidence.push(a.evidence);
      taken.push({
        ...base(a, st.minute, m.quote),
        evidence: a.evidence ?? null,
        note: a.consequence ?? null,
        outcome: 'done',
      });
    }
    if (matches.length === 0) {
      advance(s, st, THINKING_MINUTES, said);
      clarify =
        text.trim() === ''
          ? 'The clock is running. What do you do first?'
          : `I'm not sure what you'd do there${unmatched[0] ? ` ("${unmatched[0].slice(0, 80)}")` : ''}. Which tool would you open, or what would you change, exactly?`;
    } else if (unmatched.length > 0)
      clarify = `And "${unmatched[0]?.slice(0, 80)}": what exactly would you do there?`;
    // Resolved: one more turn to wrap up (the postmortem, the client, what to prevent), then the round closes.
    if (st.resolvedAt !== null && state.resolvedAt !== null) {
      st.finished = true;
      st.endedBy = 'resolved';
    } else if (st.resolvedAt !== null) {
      said.push(
        `That fixes it: the incident is resolved at ${clockAt(s, st.resolvedAt)}. Anything else before we close it? ("done" ends the round.)`,
      );
    } else if (st.minute >= s.limitMinutes) {
      st.finished = true;
      st.endedBy = 'time';
      said.push(`We're at minute ${st.minute}: let's stop here and look at how it went.`);
    }
  }
  st.turns.push({
    input,
    actions: taken,
    minute: st.minute,
    evidence,
    interjections: said,
    clarify,
    metrics: metricsOf(st),
  });
  return st as IncidentState;
}

function base(a: IncidentAction, minute: number, quote: string) {
  return { id: a.id, label: a.label, kind: a.kind, minute, quote, evidence: null };
}

/**
 * The same round run on to the scenario's time limit with nobody acting: impact over one horizon for every run, so
 * a round that stops early is not shown as less damage than an expert's that fixed it.
 */
export function runOut(s: IncidentScenario, state: IncidentState): IncidentState {
  const st = structuredClone(state) as Mutable<IncidentState>;
  advance(s, st, Math.max(0, s.limitMinutes - st.minute), []);
  return st as IncidentState;
}

/** The clock as the interviewer reads it: startTime plus the simulated minutes ("14:05" + 12 → "14:17"). */
export function clockAt(s: IncidentScenario, minute: number): string {
  const [h, m] = s.startTime.split(':').map(Number) as [number, number];
  const total = (h * 60 + m + minute) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The expert's run: each expert action as its own turn, through the same engine (for the debrief). */
export function expertRun(s: IncidentScenario): IncidentState {
  let st = startIncident(s);
  const byId = new Map(s.actions.map((a) => [a.id, a]));
  for (const id of s.expert) {
    const a = byId.get(id);
    if (!a || st.finished) break;
    st = takeAction(s, st, a);
  }
  return {
    ...st,
    finished: true,
    endedBy: st.resolvedAt !== null ? 'resolved' : (st.endedBy ?? 'candidate'),
  };
}

/** One action taken directly (no words to match): the expert run and tests. */
export function takeAction(s: IncidentScenario, state: IncidentState, a: IncidentAction): IncidentState {
  const st = structuredClone(state) as Mutable<IncidentState>;
  const said: string[] = [];
  advance(s, st, a.minutes, said);
  const ok = a.requires.every((r) => st.taken.includes(r));
  if (ok) {
    st.taken.push(a.id);
    apply(s, st, a);
    if (s.detectedBy.includes(a.id)) st.detectedAt ??= st.minute;
  }
  if (st.minute >= s.limitMinutes) {
    st.finished = true;
    st.endedBy = 'time';
  }
  st.turns.push({
    input: a.label,
    actions: [
      {
        ...base(a, st.minute, a.label),
        evidence: ok ? (a.evidence ?? null) : null,
        note: ok ? (a.consequence ?? null) : (a.ineffective ?? null),
        outcome: ok ? 'done' : 'ineffective',
      },
    ],
    minute: st.minute,
    evidence: a.evidence ? [a.evidence] : [],
    interjections: said,
    clarify: null,
    metrics: metricsOf(st),
  });
  return st as IncidentState;
}
