// Checks a scenario's schema cannot express: every action id it names exists, the root cause can be reached
// (some action mitigates and some resolves), the expert's own run ends the incident, and phrasings are unique.
import type { Problem } from '../errors.js';
import type { IncidentScenario } from './schema.js';

export function checkIncident(file: string, s: IncidentScenario): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string): void => {
    problems.push({ code: 'incident', file, path, message });
  };
  const expected = `incidents/${s.id}`;
  if (file.replace(/\.(ya?ml|json)$/, '') !== expected)
    add('id', `file should be ${expected}.yaml to match its id`);
  const ids = new Map<string, number>();
  s.actions.forEach((a, i) => {
    if (ids.has(a.id))
      add(`actions[${i}].id`, `action id "${a.id}" is repeated (first at actions[${ids.get(a.id)}])`);
    else ids.set(a.id, i);
  });
  const known = (ref: string, path: string) => {
    if (!ids.has(ref))
      add(path, `no action "${ref}" in this scenario (actions: ${[...ids.keys()].join(', ')})`);
  };
  s.actions.forEach((a, i) => {
    a.requires.forEach((r, k) => {
      known(r, `actions[${i}].requires[${k}]`);
      if (r === a.id) add(`actions[${i}].requires[${k}]`, 'an action cannot require itself');
    });
    if (a.requires.length > 0 && !a.ineffective)
      add(
        `actions[${i}].ineffective`,
        'an action with `requires` says what happens when they were not taken first',
      );
    if (a.unsafe && !a.consequence) add(`actions[${i}].consequence`, 'an unsafe action says what it does');
  });
  for (const [i, e] of s.events.entries())
    for (const [k, r] of e.unless.entries()) known(r, `events[${i}].unless[${k}]`);
  for (const [k, r] of s.expert.entries()) known(r, `expert[${k}]`);
  for (const [k, r] of s.detectedBy.entries()) known(r, `detectedBy[${k}]`);
  const byId = new Map(s.actions.map((a) => [a.id, a]));
  if (!s.actions.some((a) => a.effect.mitigates))
    add('actions', 'no action mitigates: the root cause is unreachable');
  if (!s.actions.some((a) => a.effect.resolves)) add('actions', 'no action resolves the incident');
  const expert = s.expert.map((r) => byId.get(r)).filter((a) => a !== undefined);
  if (!expert.some((a) => a.effect.mitigates))
    add('expert', "the expert's actions never mitigate the impact");
  if (!expert.some((a) => a.effect.resolves))
    add('expert', "the expert's actions never resolve the incident");
  if (expert.some((a) => a.unsafe || a.redHerring))
    add('expert', 'the expert takes an unsafe or red-herring action');
  // The expert's order satisfies every requirement.
  const done = new Set<string>();
  s.expert.forEach((r, k) => {
    for (const need of byId.get(r)?.requires ?? [])
      if (!done.has(need))
        add(`expert[${k}]`, `"${r}" requires "${need}", which the expert has not taken yet`);
    done.add(r);
  });
  if (!s.actions.some((a) => a.redHerring))
    add('actions', 'needs at least one red-herring action to rule out');
  const seen = new Map<string, string>();
  for (const [i, a] of s.actions.entries())
    for (const [k, p] of a.intents.entries()) {
      const norm = p.toLowerCase().replace(/\s+/g, ' ').trim();
      const other = seen.get(norm);
      if (other && other !== a.id)
        add(`actions[${i}].intents[${k}]`, `"${p}" is also a phrasing of "${other}"`);
      seen.set(norm, a.id);
    }
  return problems;
}
