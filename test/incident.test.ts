// Live incident rounds: for every scenario in the bank, an expert run mitigates early and scores high, a poor run
// (the red herring, the unsafe action, no communication) scores low and sees the consequences; runs are
// deterministic; bad input gets a clear message and nothing is lost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/app/context.js';
import { incidentScenarios } from '../src/app/incidents.js';
import { checkIncident } from '../src/core/incident/check.js';
import { debriefIncident } from '../src/core/incident/debrief.js';
import { expertRun, startIncident, takeAction, takeTurn } from '../src/core/incident/engine.js';
import { matchIntents } from '../src/core/incident/intents.js';
import type { IncidentScenario } from '../src/core/incident/schema.js';
import { createApp } from '../src/server/app.js';

const scenarios = incidentScenarios();

function poorRun(s: IncidentScenario) {
  let st = startIncident(s);
  const bad = s.actions.filter((a) => a.redHerring || a.unsafe);
  for (const a of bad) st = takeAction(s, st, a);
  // Then nothing useful until the time runs out.
  while (!st.finished) st = takeTurn(s, st, 'hmm, let me think about it');
  return st;
}

describe('incident scenarios', () => {
  it('the bank holds live incident scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(1);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: the expert run mitigates early and scores high',
    (_, s) => {
      const run = expertRun(s);
      expect(run.mitigatedAt).not.toBeNull();
      expect(run.resolvedAt).not.toBeNull();
      const d = debriefIncident(s, run);
      expect(d.overall).toBeGreaterThanOrEqual(80);
      for (const layer of ['technical', 'ops', 'delivery'] as const)
        expect(d.scores[layer].score).toBeGreaterThanOrEqual(60);
      // Deterministic: the same run twice gives the same state.
      expect(JSON.stringify(expertRun(s))).toBe(JSON.stringify(run));
    },
  );

  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: a poor run (red herring, unsafe action, no communication) scores low and sees the consequences',
    (_, s) => {
      const run = poorRun(s);
      const d = debriefIncident(s, run);
      expect(d.overall).toBeLessThan(35);
      expect(d.scores.delivery.score).toBe(0);
      expect(d.scores.ops.marked.some((m) => /Unsafe|red herring/.test(m))).toBe(true);
      const unsafe = s.actions.find((a) => a.unsafe);
      if (unsafe)
        expect(run.turns.flatMap((t) => t.actions).find((a) => a.id === unsafe.id)?.note).toBe(
          unsafe.consequence,
        );
      // The impact kept growing: more damage than the expert's run.
      expect(d.outcome.impact.failedRequests).toBeGreaterThan(d.expert.impact.failedRequests);
    },
  );
});

describe('scenario files', () => {
  it('names an unknown action id and an unreachable root cause with the field', () => {
    const s = scenarios[0] as IncidentScenario;
    const broken: IncidentScenario = {
      ...s,
      expert: [...s.expert, 'no-such-action'],
      actions: s.actions.map((a) => ({ ...a, effect: { ...a.effect, mitigates: false, resolves: false } })),
    };
    const problems = checkIncident(`incidents/${s.id}.yaml`, broken);
    const text = problems.map((p) => `${p.path}: ${p.message}`);
    expect(text).toContain(
      `expert[${s.expert.length}]: no action "no-such-action" in this scenario (actions: ${s.actions.map((a) => a.id).join(', ')})`,
    );
    expect(text).toContain('actions: no action mitigates: the root cause is unreachable');
    expect(checkIncident(`incidents/${s.id}.yaml`, s)).toEqual([]);
  });
});

describe('incident turns from free text', () => {
  const s = scenarios[0] as IncidentScenario;

  it('maps each phrasing of an action to it, and several in one turn in the order said', () => {
    for (const a of s.actions) {
      const st = takeTurn(s, startIncident(s), a.intents[0] as string);
      expect(st.turns[0]?.actions.map((x) => x.id)).toContain(a.id);
    }
    const [first, second] = s.expert.map((id) => s.actions.find((a) => a.id === id));
    const both = takeTurn(s, startIncident(s), `${first?.intents[1]}, and then ${second?.intents[1]}`);
    expect(both.turns[0]?.actions.map((x) => x.id)).toEqual([first?.id, second?.id]);
  });

  it('asks instead of doing nothing when it cannot map a turn, and the clock still runs', () => {
    const st = takeTurn(s, startIncident(s), 'I would investigate the issue carefully');
    expect(st.turns[0]?.actions).toEqual([]);
    expect(st.turns[0]?.clarify).toMatch(/exactly/);
    expect(st.minute).toBe(1);
    const empty = takeTurn(s, startIncident(s), '   ');
    expect(empty.turns[0]?.clarify).toMatch(/What do you do first/);
  });

  it('an action tried before what it needs can be tried again later, and then counts', () => {
    const needy = s.actions.find((a) => a.requires.length > 0 && s.expert.includes(a.id));
    if (!needy) return;
    let st = takeAction(s, startIncident(s), needy);
    expect(st.turns[0]?.actions[0]?.outcome).toBe('ineffective');
    for (const id of needy.requires)
      st = takeAction(s, st, s.actions.find((a) => a.id === id) as (typeof s.actions)[number]);
    st = takeAction(s, st, needy);
    expect(st.turns.at(-1)?.actions[0]?.outcome).toBe('done');
    expect(st.taken).toContain(needy.id);
  });

  it('does not take an action named only to rule it out', () => {
    const unsafe = s.actions.find((a) => a.unsafe);
    if (!unsafe) return;
    const st = takeTurn(s, startIncident(s), `I would not ${unsafe.intents[0]}`);
    expect(st.turns[0]?.actions.map((a) => a.id)).not.toContain(unsafe.id);
  });
});

describe('the intent matcher in other words', () => {
  const byId = (id: string) => scenarios.find((x) => x.id === id) as IncidentScenario;
  const ids = (id: string, text: string) => matchIntents(byId(id), text).matches.map((m) => m.actionId);

  it('folds the words on-call engineers use for one step together ("revert" is a rollback)', () => {
    const s = byId('db-connections-exhausted');
    const rollback = s.actions.find((a) => a.id === 'rollback-orders-api');
    expect(rollback?.intents.some((p) => /\brevert/i.test(p))).toBe(false);
    expect(ids(s.id, 'revert orders-api')).toEqual(['rollback-orders-api']);
    // A kind of step alone is no action: bouncing the app's pods never reboots the primary database.
    expect(ids(s.id, 'bounce orders-api pods')).not.toContain('reboot-db');
  });

  it('takes a word only one action has as naming it, but not in a question or a guess', () => {
    expect(ids('db-connections-exhausted', 'postmortem without blame later this week')).toEqual([
      'postmortem',
    ]);
    expect(ids('db-connections-exhausted', 'Should we have a postmortem?')).toEqual([]);
    expect(ids('db-connections-exhausted', 'maybe a postmortem later')).toEqual([]);
  });

  it('reads a command by its subcommand: "kubectl patch hpa" is not "kubectl get hpa"', () => {
    expect(ids('db-connections-exhausted', 'kubectl -n orders get hpa orders-api')).toEqual(['hpa-status']);
    expect(ids('db-connections-exhausted', 'kubectl patch hpa orders-api, set maxReplicas 10')).toEqual([
      'scale-down-orders',
    ]);
  });

  it('reads a step that builds for later as prevention, not a look ("add an alert on CPU throttling")', () => {
    expect(ids('p99-latency-doubled', 'check CPU throttling on the pods')).toEqual(['cpu-throttling']);
    expect(
      ids(
        'p99-latency-doubled',
        'Add an alert on CPU throttling above 25 percent and review our CPU limits policy.',
      ),
    ).toEqual(['throttling-alert']);
  });

  it('takes no step from a guess, a question about people, or the reasons a step was declined', () => {
    expect(ids('bad-deploy-release-is-cause', 'Maybe the database is slow, the reader looks hot.')).toEqual(
      [],
    );
    expect(ids('bad-deploy-release-is-cause', 'Maybe we first go back to the old version, v2.13.4')).toEqual([
      'rollback',
    ]);
    expect(ids('db-connections-exhausted', 'How many engineers are on call with me?')).toEqual([]);
    expect(
      ids('db-connections-exhausted', 'How many orders-api pods are Ready versus what the HPA wants?'),
    ).toEqual(['hpa-status']);
    expect(
      ids(
        'p99-latency-doubled',
        'I would not roll back search-svc, the latency step started ten minutes after its deploy.',
      ),
    ).toEqual([]);
  });

  it('does not take a step the candidate says would not help or is a red herring', () => {
    const s = byId('crashloop-after-config-change');
    const result = matchIntents(
      s,
      "Deleting the pods won't help, they will read the same bad config, so no.",
    );
    expect(result.matches).toEqual([]);
    expect(
      ids('db-connections-exhausted', 'The replica lag is a red herring, I will not spend time on it.'),
    ).toEqual([]);
  });
});

describe('seeded rounds', () => {
  const s = scenarios.find((x) => x.id === 'db-connections-exhausted') as IncidentScenario;
  const play = (seed: number) => {
    let st = startIncident(s, seed);
    for (const input of ['look at the RDS connection metrics', 'hmm', 'roll back orders-api', 'done'])
      st = takeTurn(s, st, input);
    return st;
  };

  it('replays the same round from the same seed; another seed wobbles the readings, never the scores', () => {
    expect(JSON.stringify(play(42))).toBe(JSON.stringify(play(42)));
    const other = play(7);
    expect(other.curve.map((m) => m.errorRate)).not.toEqual(play(42).curve.map((m) => m.errorRate));
    for (const [a, b] of play(42).curve.map((m, i) => [m, other.curve[i]] as const)) {
      expect(Math.abs(a.errorRate - (b?.errorRate ?? 0))).toBeLessThanOrEqual(
        0.09 * Math.max(a.errorRate, 0.01) + 0.002,
      );
      expect(a.failedRequests).toBe(b?.failedRequests);
    }
    expect(debriefIncident(s, play(42)).scores).toEqual(debriefIncident(s, other).scores);
    // Seed 0: the readings are the simulated values themselves.
    expect(play(0).curve[0]?.errorRate).toBe(s.impact.errorRate.start);
  });
});

describe('incident rounds through the API', () => {
  const home = mkdtempSync(join(tmpdir(), 'mockops-incident-'));
  const ctx = createContext({ dbFile: join(home, 'mockops.db') });
  const app = createApp(ctx, { webDir: null });
  afterAll(() => ctx.close());
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('starts a round, saves every turn, refuses a pasted log, finishes with a debrief, then 409', async () => {
    const s = scenarios[0] as IncidentScenario;
    const start = await post('/api/incidents', { scenarioId: s.id });
    expect(start.status).toBe(201);
    const view = (await start.json()) as { id: string; clock: string; minute: number };
    expect(view.clock).toBe(s.startTime);
    const long = await post(`/api/incidents/${view.id}/turns`, { input: 'x'.repeat(20_000) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(
      /at most 2,000 characters/,
    );
    const first = s.actions.find((a) => a.id === s.expert[0]);
    const turn = await post(`/api/incidents/${view.id}/turns`, { input: first?.intents[0] });
    expect(turn.status).toBe(201);
    // Saved as it was taken: a fresh read has the turn.
    const again = (await (await app.request(`/api/incidents/${view.id}`)).json()) as { turns: unknown[] };
    expect(again.turns).toHaveLength(1);
    const done = (await (await post(`/api/incidents/${view.id}/turns`, { input: 'done' })).json()) as {
      view: { finished: boolean; debrief: { scores: { delivery: { score: number } } } | null };
    };
    expect(done.view.finished).toBe(true);
    expect(done.view.debrief?.scores.delivery.score).toBeGreaterThanOrEqual(0);
    expect((await post(`/api/incidents/${view.id}/turns`, { input: 'roll back' })).status).toBe(409);
    // A seed out of range is named; a given seed is kept with the round.
    const bad = await post('/api/incidents', { scenarioId: s.id, seed: -1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/seed/);
    const seeded = (await (await post('/api/incidents', { scenarioId: s.id, seed: 42 })).json()) as {
      curve?: Array<{ errorRate: number }>;
      state?: { seed: number };
    };
    expect(JSON.stringify(seeded)).toMatch(/"seed":42/);
    // A finished round feeds review and progress like a question.
    const review = (await (await app.request('/api/review')).json()) as {
      items: Array<{ questionId: string; category: string; text: string }>;
      upcoming: Array<{ questionId: string; category: string; text: string }>;
    };
    const card = [...review.items, ...review.upcoming].find((i) => i.questionId === `incident:${s.id}`);
    expect(card?.category).toBe('incident');
    expect(card?.text).toContain(s.title);
    const progress = (await (await app.request('/api/progress')).json()) as {
      incidents: { rounds: number; byScenario: Array<{ scenarioId: string }> };
    };
    expect(progress.incidents.rounds).toBe(1);
    expect(progress.incidents.byScenario[0]?.scenarioId).toBe(s.id);
    expect((await post('/api/incidents', { scenarioId: 'no-such' })).status).toBe(404);
  });
});

describe('the learned step model', () => {
  it('is what training on the scenarios and the tuning sets gives today (else: npm run train:intents)', async () => {
    const { modelSource } = await import('../scripts/train-intents.js');
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(
      join(import.meta.dirname, '..', 'src', 'core', 'incident', 'learned-intents.ts'),
      'utf8',
    );
    expect(file === modelSource()).toBe(true);
  });

  it('names a step said in words no phrasing has, and only with the model', async () => {
    const { setLearnedIntents } = await import('../src/core/incident/intents.js');
    const { LEARNED_INTENTS } = await import('../src/core/incident/learned-intents.js');
    const s = scenarios.find((x) => x.id === 'disk-filling-stateful-node') as IncidentScenario;
    const text = 'stop the replay job for now so the disk stops growing';
    expect(matchIntents(s, text).matches.map((m) => m.actionId)).toEqual(['pause-backfill']);
    try {
      setLearnedIntents({});
      expect(matchIntents(s, text).matches.map((m) => m.actionId)).not.toEqual(['pause-backfill']);
    } finally {
      setLearnedIntents(LEARNED_INTENTS);
    }
  });
});

describe('the intent matcher reads a turn as an on-call engineer means it', () => {
  const tls = scenarios.find((x) => x.id === 'tls-certificate-expired') as IncidentScenario;
  const ids = (text: string) => matchIntents(tls, text).matches.map((m) => m.actionId);

  it('takes every item of a list in one step, the first one said as one word too', () => {
    expect(ids('Read the ALB metrics, the pod events and the served certificate.').slice(0, 2)).toEqual([
      'check-alb-metrics',
      'check-pods',
    ]);
    expect(ids('Postmortem, and an expiry alarm that pages the on-call.')).toEqual([
      'postmortem',
      'expiry-alerting',
    ]);
  });

  it('passes over a step said with "rather than", and takes the one chosen instead', () => {
    const r = matchIntents(tls, 'Rather than recreating the listener, swap the certificate on it.');
    expect(r.matches.map((m) => m.actionId)).toEqual(['swap-listener-cert']);
    expect(r.declined).toEqual(['recreate-listener']);
  });

  it('takes no step from the reasons given for a refused one', () => {
    const r = matchIntents(tls, 'I would not swap the certificate yet, it does not solve the partner side.');
    expect(r.matches).toEqual([]);
    expect(r.declined).toEqual(['swap-listener-cert']);
  });

  it('a question about the system takes a look or a check, never a fix', () => {
    expect(ids('Are the pods healthy now?')).toEqual(['check-pods']);
  });

  it('a statement of how things are takes no step; a request said as one still does', () => {
    expect(ids('So the pods are healthy and the target 5xx is flat.')).toEqual([]);
    expect(ids('The listener certificate should be swapped now.')).toEqual(['swap-listener-cert']);
    expect(ids('The pods look healthy, so let me check the served certificate with openssl.')).toEqual([
      'check-cert-openssl',
    ]);
  });

  it('a statement the next sentence acts on still names the step; telegraphic turns are read whole', () => {
    expect(ids('There is an expired cert on the listener. Swap it.')).toEqual(['swap-listener-cert']);
    expect(ids('Cert. Swap it. Now.')).toEqual(['swap-listener-cert']);
    const left = matchIntents(tls, 'Leave the pods alone, they are healthy.');
    expect(left.matches).toEqual([]);
    expect(left.declined).toEqual(['check-pods']);
    expect(ids('Is there a runbook for the certificate?')).toEqual([]);
  });

  it('reads chat: numbered items, "x + y", "pm", and "could someone …?" as a request', () => {
    expect(ids('1) check the cert with openssl 2) find it in ACM')).toEqual([
      'check-cert-openssl',
      'find-cert-in-acm',
    ]);
    // Quoted back without the list's numbers.
    expect(
      matchIntents(tls, '1) check the cert with openssl 2) find it in ACM').matches.map((m) => m.quote),
    ).toEqual(['check the cert with openssl', 'find it in ACM']);
    expect(ids('swap cert + verify externally')).toEqual(['swap-listener-cert', 'verify-externally']);
    expect(ids('pm and expiry alerting')).toEqual(['postmortem', 'expiry-alerting']);
    expect(ids('Could someone post a status update for the partners?')).toEqual(['status-update']);
  });

  it('vague intentions, remarks and looks at tools the system lacks take no step', () => {
    for (const t of [
      "I'd dig into it.",
      'check fastly logs',
      'Can I see the Datadog dashboard?',
      'Ugh, classic.',
      'Could it be the cache?',
    ])
      expect(ids(t), t).toEqual([]);
  });
});
