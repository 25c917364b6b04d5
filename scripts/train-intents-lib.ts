// Training examples for the learned step model (src/core/incident/classifier.ts): every action's label and
// phrasings, and the blind authors' labelled turns of the tuning sets, one example per step where the steps line
// up with the actions said.
import { type ScenarioModel, train } from '../src/core/incident/classifier.js';
import { readTurn, stepFeatures, stepRanges } from '../src/core/incident/intents.js';
import type { IncidentScenario } from '../src/core/incident/schema.js';
import type { Phrasing } from './eval-intents.js';

export function examplesFor(s: IncidentScenario, rows: readonly Phrasing[]) {
  const out: Array<{ label: string; features: string[] }> = [];
  const whole = (text: string) => {
    const doc = readTurn(text);
    return stepFeatures(doc, 0, doc.tokens.length);
  };
  for (const a of s.actions) {
    out.push({ label: a.id, features: whole(a.label) });
    for (const p of a.intents) out.push({ label: a.id, features: whole(p) });
  }
  const ids = new Set(s.actions.map((a) => a.id));
  for (const r of rows) {
    if (r.scenarioId !== s.id || r.expected.length === 0 || r.expected.some((e) => !ids.has(e))) continue;
    const doc = readTurn(r.text);
    if (r.expected.length === 0) continue;
    if (r.expected.length === 1) {
      out.push({ label: r.expected[0] as string, features: stepFeatures(doc, 0, doc.tokens.length) });
      continue;
    }
    const steps = stepRanges(doc).filter(([f, t]) => stepFeatures(doc, f, t).length > 0);
    if (steps.length !== r.expected.length) continue;
    steps.forEach(([f, t], i) => {
      out.push({ label: r.expected[i] as string, features: stepFeatures(doc, f, t) });
    });
  }
  return out;
}

export function trainAll(
  scenarios: readonly IncidentScenario[],
  rows: readonly Phrasing[],
): Record<string, ScenarioModel> {
  return Object.fromEntries(scenarios.map((s) => [s.id, train(examplesFor(s, rows))]));
}
