// Which questions a session asks, in which order: deterministic for a given seed.
import type { Bank } from '../bank/index.js';
import { CORE_CATEGORIES, type Question } from '../bank/schema.js';
import { InputError } from '../errors.js';
import { type Random, seededRandom, shuffle } from './random.js';
import type { Mode, PlannedStep, SessionConfig } from './types.js';

export const DEFAULT_COUNT: Readonly<Record<Mode, number>> = { mock: 8, drill: 5, quick: 6, story: 4 };

const TECHNICAL_KINDS = new Set(['technical', 'scenario']);
const STORY_KINDS = new Set(['behavioral', 'career-story']);

function take(random: Random, pool: readonly Question[], n: number, taken: Set<string>): Question[] {
  const out: Question[] = [];
  for (const q of shuffle(random, pool)) {
    if (out.length >= n) break;
    if (taken.has(q.id)) continue;
    taken.add(q.id);
    out.push(q);
  }
  return out;
}

function byLevel(a: Question, b: Question): number {
  return a.level - b.level;
}

/**
 * Mock interview: intro, questions rising from level 1 to 3 across categories (or within the one asked for), one
 * scenario, your questions. `count` is the number of questions asked, intro and scenario included.
 */
function planMock(bank: Bank, config: SessionConfig & { count: number }, random: Random): PlannedStep[] {
  const { count } = config;
  const taken = new Set<string>();
  const steps: PlannedStep[] = [];
  const intro = count >= 3 ? bank.questions.find((q) => q.kind === 'self-intro') : undefined;
  if (intro) {
    taken.add(intro.id);
    steps.push({ kind: 'question', questionId: intro.id });
  }
  const inScope = (q: Question) =>
    (!config.category || q.category === config.category) && (!config.level || q.level === config.level);
  const scenarios = bank.questions.filter((q) => q.kind === 'scenario' && q.level >= 2);
  const wantScenario = count >= 2 && scenarios.length > 0;
  const technicalCount = Math.max(1, count - steps.length - (wantScenario ? 1 : 0));
  const categories = config.category
    ? [config.category]
    : shuffle(
        random,
        CORE_CATEGORIES.filter((c) => c !== 'scenario'),
      );
  const picked: Question[] = [];
  for (let i = 0; i < technicalCount; i++) {
    // Levels rise through the interview: the first third fundamentals, the last third final-round depth.
    const level = config.level ?? (Math.min(3, 1 + Math.floor((i * 3) / technicalCount)) as 1 | 2 | 3);
    const category = categories[i % categories.length];
    const pool = bank.questions.filter(
      (q) => q.category === category && q.kind === 'technical' && inScope(q),
    );
    const atLevel = pool.filter((q) => q.level === level);
    const [q] = take(random, atLevel.length > 0 ? atLevel : pool, 1, taken);
    if (q) picked.push(q);
  }
  if (picked.length === 0)
    throw new InputError(
      `no technical question in the bank matches ${config.category ? `category "${config.category}"` : 'that'}${config.level ? ` at level ${config.level}` : ''} for a mock interview`,
    );
  picked.sort(byLevel);
  for (const q of picked) steps.push({ kind: 'question', questionId: q.id });
  if (wantScenario) {
    // The scenario of the category asked for when there is one.
    const own = scenarios.filter(inScope);
    const [scenario] = take(random, own.length > 0 ? own : scenarios, 1, taken);
    if (scenario) steps.push({ kind: 'question', questionId: scenario.id });
  }
  steps.push({ kind: 'candidate-questions', questionId: null });
  return steps;
}

export function planSession(
  bank: Bank,
  config: SessionConfig & { seed: number; count: number },
): PlannedStep[] {
  if (config.questionIds) {
    const unknown = config.questionIds.filter((id) => !bank.byId(id));
    if (unknown.length > 0)
      throw new InputError(`no question with id ${unknown.map((id) => `"${id}"`).join(', ')} in the bank`);
    return config.questionIds.map((id) => ({ kind: 'question', questionId: id }));
  }
  const random = seededRandom(config.seed);
  const matches = (q: Question) =>
    (!config.category || q.category === config.category) && (!config.level || q.level === config.level);
  let questions: Question[];
  switch (config.mode) {
    case 'mock':
      return planMock(bank, config, random);
    case 'drill':
      questions = take(
        random,
        bank.questions.filter((q) => matches(q) && q.kind !== 'self-intro'),
        config.count,
        new Set(),
      ).sort(byLevel);
      break;
    case 'quick':
      questions = take(
        random,
        bank.questions.filter((q) => matches(q) && TECHNICAL_KINDS.has(q.kind)),
        config.count,
        new Set(),
      ).sort(byLevel);
      break;
    case 'story': {
      if (config.category && !bank.questions.some((q) => STORY_KINDS.has(q.kind) && matches(q))) {
        const held = new Map<string, number>();
        for (const q of bank.questions)
          if (STORY_KINDS.has(q.kind)) held.set(q.category, (held.get(q.category) ?? 0) + 1);
        throw new InputError(
          `story mode asks behavioural questions, and category "${config.category}"${config.level ? ` at level ${config.level}` : ''} has none; categories with stories: ${[...held].map(([c, n]) => `${c} (${n})`).join(', ')}`,
        );
      }
      const taken = new Set<string>();
      const fixed = ['self-intro', 'career-story']
        .map((kind) => bank.questions.find((q) => q.kind === kind))
        .filter((q): q is Question => q !== undefined);
      for (const q of fixed) taken.add(q.id);
      const stories = take(
        random,
        bank.questions.filter((q) => STORY_KINDS.has(q.kind) && matches(q)),
        Math.max(0, config.count - fixed.length),
        taken,
      );
      questions = [...fixed, ...stories].slice(0, config.count);
      break;
    }
  }
  if (questions.length === 0) {
    // Say which categories do hold questions, so the next try works.
    const counts = new Map<string, number>();
    for (const q of bank.questions)
      if (q.source !== 'imported' || config.category === 'imported')
        counts.set(q.category, (counts.get(q.category) ?? 0) + 1);
    const held = [...counts].map(([c, n]) => `${c} (${n})`).join(', ');
    throw new InputError(
      `no question in the bank matches ${config.category ? `category "${config.category}"` : 'that'}${config.level ? ` at level ${config.level}` : ''} for mode "${config.mode}"; categories with questions: ${held}`,
    );
  }
  return questions.map((q) => ({ kind: 'question', questionId: q.id }));
}
