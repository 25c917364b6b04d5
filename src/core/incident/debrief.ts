// The debrief: what the candidate did against what an expert does, on the seed's three layers, with evidence
// quoted from the candidate's own turns. Technical means: the right investigations and fixes; ops thinking: stop
// the bleeding fast, in a sensible order, nothing unsafe, red herrings ruled out; delivery & collaboration:
// declare, roles, status updates, the client, the postmortem.
import { expertRun, runOut } from './engine.js';
import type { IncidentDebrief, IncidentState, LayerScore, TakenAction } from './types.js';

export type { IncidentDebrief, LayerScore } from './types.js';

import type { IncidentAction, IncidentScenario } from './schema.js';

/** Points lost per unsafe action (ops), per red herring chased (ops, each). */
export const UNSAFE_PENALTY = 25;
export const RED_HERRING_PENALTY = 8;

const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));

function takenActions(state: IncidentState): Map<string, TakenAction> {
  const out = new Map<string, TakenAction>();
  // The first time it worked; else the first time it was tried.
  for (const t of state.turns)
    for (const a of t.actions)
      if (a.outcome === 'done' && out.get(a.id)?.outcome !== 'done') out.set(a.id, a);
      else if (a.outcome === 'ineffective' && !out.has(a.id)) out.set(a.id, a);
  return out;
}

/** Share of expert action pairs the candidate took in the same relative order (1 when fewer than two taken). */
function orderAgreement(expert: readonly string[], taken: readonly string[]): number {
  const pos = new Map(taken.map((id, i) => [id, i]));
  const both = expert.filter((id) => pos.has(id));
  let pairs = 0;
  let agree = 0;
  for (let i = 0; i < both.length; i++)
    for (let j = i + 1; j < both.length; j++) {
      pairs++;
      if ((pos.get(both[i] as string) as number) < (pos.get(both[j] as string) as number)) agree++;
    }
  return pairs === 0 ? 1 : agree / pairs;
}

export function debriefIncident(s: IncidentScenario, state: IncidentState): IncidentDebrief {
  const expert = expertRun(s);
  const byId = new Map(s.actions.map((a) => [a.id, a]));
  const taken = takenActions(state);
  const credit = (a: IncidentAction) => {
    const t = taken.get(a.id);
    return t && t.outcome === 'done' ? [{ label: a.label, quote: t.quote, minute: t.minute }] : [];
  };
  const expertActions = s.expert
    .map((id) => byId.get(id))
    .filter((a): a is IncidentAction => a !== undefined);
  const layer = (kinds: readonly IncidentAction['kind'][]) =>
    expertActions.filter((a) => kinds.includes(a.kind));
  const share = (list: readonly IncidentAction[]) =>
    list.length === 0 ? 1 : list.filter((a) => taken.get(a.id)?.outcome === 'done').length / list.length;

  // Technical means: the investigations and fixes an expert makes.
  const techList = layer(['investigate', 'mitigate', 'recover']);
  const technical: LayerScore = {
    score: clamp(100 * share(techList)),
    credited: techList.flatMap(credit),
    missed: techList.filter((a) => taken.get(a.id)?.outcome !== 'done').map((a) => a.label),
    marked: [...taken.values()]
      .filter((t) => t.outcome === 'ineffective')
      .map(
        (t) =>
          `"${t.quote}" did not work yet: ${byId.get(t.id)?.ineffective ?? 'something had to come first'}`,
      ),
  };

  // Ops thinking: time to mitigate against the expert's, order, prevention; unsafe actions and red herrings cost.
  const unsafe = [...taken.values()].filter((t) => byId.get(t.id)?.unsafe);
  const herrings = [...taken.values()].filter((t) => byId.get(t.id)?.redHerring);
  const expertTtm = expert.mitigatedAt ?? s.limitMinutes;
  const speed = state.mitigatedAt === null ? 0 : Math.min(1, (expertTtm + 5) / (state.mitigatedAt + 5));
  const order = orderAgreement(s.expert, state.taken);
  const preventList = layer(['prevent']);
  const opsMarked = [
    ...unsafe.map((t) => `Unsafe: "${t.quote}". ${byId.get(t.id)?.consequence ?? ''}`.trim()),
    ...herrings.map((t) => `Chased a red herring: "${t.quote}" (${byId.get(t.id)?.label}).`),
    ...(state.mitigatedAt === null
      ? ['The user impact was never stopped.']
      : state.mitigatedAt > expertTtm + 5
        ? [`Impact stopped at minute ${state.mitigatedAt}; an expert stops it by minute ${expertTtm}.`]
        : []),
  ];
  const ops: LayerScore = {
    score: clamp(
      55 * speed +
        15 * (state.detectedAt !== null ? 1 : 0) +
        15 * order +
        15 * share(preventList) -
        UNSAFE_PENALTY * unsafe.length -
        RED_HERRING_PENALTY * herrings.length,
    ),
    credited: [
      ...(state.mitigatedAt !== null
        ? [
            {
              label: `Stopped the impact at minute ${state.mitigatedAt}`,
              quote:
                [...taken.values()].find(
                  (t) => byId.get(t.id)?.effect.mitigates || byId.get(t.id)?.effect.resolves,
                )?.quote ?? '',
              minute: state.mitigatedAt,
            },
          ]
        : []),
      ...preventList.flatMap(credit),
    ],
    missed: preventList.filter((a) => taken.get(a.id)?.outcome !== 'done').map((a) => a.label),
    marked: opsMarked,
  };

  // Delivery & collaboration: the communication an expert does, and how early.
  const commList = layer(['communicate']);
  const firstComm = [...taken.values()]
    .filter((t) => t.kind === 'communicate' && t.outcome === 'done')
    .reduce((m, t) => Math.min(m, t.minute), Number.POSITIVE_INFINITY);
  const expertFirstComm = expert.turns
    .flatMap((t) => t.actions)
    .filter((a) => a.kind === 'communicate')
    .reduce((m, a) => Math.min(m, a.minute), Number.POSITIVE_INFINITY);
  const timely = firstComm <= expertFirstComm + 10 ? 1 : firstComm < Number.POSITIVE_INFINITY ? 0.6 : 0;
  const delivery: LayerScore = {
    score: clamp(100 * share(commList) * (0.6 + 0.4 * timely)),
    credited: commList.flatMap(credit),
    missed: commList.filter((a) => taken.get(a.id)?.outcome !== 'done').map((a) => a.label),
    marked:
      firstComm === Number.POSITIVE_INFINITY
        ? ['Nobody was told: no incident declared, no status update, no word to the client.']
        : timely < 1
          ? [
              `The first communication came at minute ${firstComm}; an expert communicates by minute ${expertFirstComm}.`,
            ]
          : [],
  };

  const yoursOut = runOut(s, state);
  const expertOut = runOut(s, expert);
  const peak = Math.max(...yoursOut.curve.map((m) => m.errorRate));
  const notes: string[] = [];
  notes.push(
    state.mitigatedAt !== null
      ? `You stopped the user impact at minute ${state.mitigatedAt}; the expert run stops it at minute ${expert.mitigatedAt ?? '–'}.`
      : `The user impact was still running when the round ended at minute ${state.minute}; the expert run stops it at minute ${expert.mitigatedAt ?? '–'}.`,
  );
  if (state.detectedAt === null) notes.push('You never found the evidence that identifies the cause.');
  for (const m of [...ops.marked, ...delivery.marked]) notes.push(m);
  const missedAll = expertActions.filter((a) => taken.get(a.id)?.outcome !== 'done');
  if (missedAll.length > 0)
    notes.push(
      `An expert would also have: ${missedAll.map((a) => a.label.charAt(0).toLowerCase() + a.label.slice(1)).join('; ')}.`,
    );
  notes.push(`Root cause: ${s.rootCause}`);
  const overall = Math.round((technical.score + ops.score + delivery.score) / 3);
  return {
    scenarioId: s.id,
    rootCause: s.rootCause,
    outcome: {
      detectedAt: state.detectedAt,
      mitigatedAt: state.mitigatedAt,
      resolvedAt: state.resolvedAt,
      minutes: state.minute,
      endedBy: state.endedBy,
      // Over the scenario's whole time limit, as if nobody acted after the round ended.
      impact: {
        failedRequests: Math.round(yoursOut.failedRequests),
        budgetBurnt: Math.round(yoursOut.budgetBurnt * 10) / 10,
        peakErrorRate: peak,
        horizonMinutes: s.limitMinutes,
      },
    },
    expert: {
      detectedAt: expert.detectedAt,
      mitigatedAt: expert.mitigatedAt,
      resolvedAt: expert.resolvedAt,
      impact: {
        failedRequests: Math.round(expertOut.failedRequests),
        budgetBurnt: Math.round(expertOut.budgetBurnt * 10) / 10,
      },
      order: expertActions.map((a) => ({
        id: a.id,
        label: a.label,
        yourMinute: taken.get(a.id)?.minute ?? null,
      })),
    },
    scores: { technical, ops, delivery },
    overall,
    notes,
    curve: state.curve,
  };
}
