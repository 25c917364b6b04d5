// A step said in words no phrasing has: which action it most likely names, learned from candidates' turns that
// blind authors wrote and labelled (scripts/train-intents.ts), as word counts per action. Multinomial naive Bayes
// over the step's folded stems; it answers only when one action clearly leads, else the interviewer asks.

/** Word counts per action of one scenario, as trained. */
export interface ActionCounts {
  /** Feature → how often it stood in this action's training steps. */
  readonly words: Readonly<Record<string, number>>;
  /** How many training steps the action has. */
  readonly steps: number;
}

export type ScenarioModel = Readonly<Record<string, ActionCounts>>;

/** Laplace smoothing for a word an action never had. */
export const SMOOTHING = 0.5;

export interface Guess {
  readonly id: string;
  /** Posterior of the best action among the scenario's actions. */
  readonly p: number;
  /** Features of the step the model knows at all. */
  readonly known: number;
}

/** Count features per label. */
export function train(
  examples: ReadonlyArray<{ label: string; features: readonly string[] }>,
): ScenarioModel {
  const out: Record<string, { words: Record<string, number>; steps: number }> = {};
  for (const e of examples) {
    const a = out[e.label] ?? { words: {}, steps: 0 };
    out[e.label] = a;
    a.steps++;
    for (const f of new Set(e.features)) a.words[f] = (a.words[f] ?? 0) + 1;
  }
  return out;
}

/** The most likely action for a step's features, with its posterior. */
export function guess(
  model: ScenarioModel,
  features: readonly string[],
  allowed?: ReadonlySet<string>,
): Guess | null {
  const ids = Object.keys(model).filter((id) => !allowed || allowed.has(id));
  if (ids.length === 0) return null;
  const vocab = new Set<string>();
  for (const id of ids) for (const w of Object.keys((model[id] as ActionCounts).words)) vocab.add(w);
  const seen = [...new Set(features)].filter((f) => vocab.has(f));
  if (seen.length === 0) return null;
  const logs = ids.map((id) => {
    const a = model[id] as ActionCounts;
    let lp = 0;
    // Bernoulli-style: each known feature present, with the share of the action's steps that had it.
    for (const f of seen) lp += Math.log(((a.words[f] ?? 0) + SMOOTHING) / (a.steps + 2 * SMOOTHING));
    return lp;
  });
  const top = Math.max(...logs);
  const exp = logs.map((l) => Math.exp(l - top));
  const sum = exp.reduce((x, y) => x + y, 0);
  let best = 0;
  for (let i = 1; i < ids.length; i++) if ((logs[i] as number) > (logs[best] as number)) best = i;
  return { id: ids[best] as string, p: (exp[best] as number) / sum, known: seen.length };
}

/**
 * The one action that nearly alone had some of these features in training, at least `min` times each
 * ("postmortem" in a scenario where only the postmortem action's steps say it); null when none or several.
 */
export function exclusiveOwner(model: ScenarioModel, features: readonly string[], min = 3): string | null {
  let owner: string | null = null;
  for (const f of new Set(features)) {
    let holder: string | null = null;
    let most = 0;
    let all = 0;
    for (const [id, a] of Object.entries(model)) {
      const n = a.words[f] ?? 0;
      all += n;
      if (n > most) {
        most = n;
        holder = id;
      }
    }
    // Nearly alone: a stray step of another action (a turn whose steps did not line up) does not share it.
    if (holder === null || most < min || (all - most) * EXCLUSIVE_RATIO > most) continue;
    if (owner !== null && owner !== holder) return null;
    owner = holder;
  }
  return owner;
}

/** A feature is one action's when the others together had it at most a fifth as often. */
export const EXCLUSIVE_RATIO = 5;
