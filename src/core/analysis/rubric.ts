// A question compiled for matching: phrases stemmed once, topic vocabulary gathered once, then cached per question.
import type { Question, RedFlag } from '../bank/schema.js';
import { isContent, readText, type TextDoc } from '../text/index.js';
import { type CompiledPhrase, compilePhrase } from './phrases.js';

export interface CompiledKeyPoint {
  readonly id: string;
  readonly concepts: readonly CompiledPhrase[];
}

export interface CompiledRedFlag {
  readonly id: string;
  readonly phrasings: readonly CompiledPhrase[];
}

export interface Rubric {
  readonly question: Question;
  readonly keyPoints: readonly CompiledKeyPoint[];
  readonly redFlags: readonly CompiledRedFlag[];
  /** Stems of the question text: saying them back is not an answer. */
  readonly questionStems: ReadonlySet<string>;
  /** Stems of everything on-topic: question, key points, concepts, model answers. */
  readonly topicStems: ReadonlySet<string>;
  /** Read once, for similarity to the model answers. */
  readonly questionDoc: TextDoc;
  readonly quickAnswer: TextDoc;
  readonly fullAnswer: TextDoc;
}

const cache = new WeakMap<Question, Rubric>();
const flagCache = new WeakMap<readonly RedFlag[], CompiledRedFlag[]>();

/** Compile a list of red flags once (the bank's common flags are shared by every question). */
export function compileRedFlags(flags: readonly RedFlag[]): CompiledRedFlag[] {
  const cached = flagCache.get(flags);
  if (cached) return cached;
  const compiled = flags.map((f) => ({ id: f.id, phrasings: f.phrasings.map(compilePhrase) }));
  flagCache.set(flags, compiled);
  return compiled;
}

function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of readText(text).tokens) {
    if (!isContent(t)) continue;
    out.push(t.stem, ...t.parts);
  }
  return out;
}

export function compileRubric(question: Question): Rubric {
  const cached = cache.get(question);
  if (cached) return cached;
  const keyPoints = question.keyPoints.map((kp) => ({ id: kp.id, concepts: kp.concepts.map(compilePhrase) }));
  const redFlags = compileRedFlags(question.redFlags);
  const topic = new Set<string>(contentStems(question.text));
  const questionStems = new Set(topic);
  for (const kp of question.keyPoints)
    for (const s of contentStems(`${kp.text} ${kp.concepts.join('. ')}`)) topic.add(s);
  for (const s of contentStems(`${question.modelAnswers.quick} ${question.modelAnswers.full}`)) topic.add(s);
  const rubric: Rubric = {
    question,
    keyPoints,
    redFlags,
    questionStems,
    topicStems: topic,
    questionDoc: readText(question.text),
    quickAnswer: readText(question.modelAnswers.quick),
    fullAnswer: readText(question.modelAnswers.full),
  };
  cache.set(question, rubric);
  return rubric;
}
