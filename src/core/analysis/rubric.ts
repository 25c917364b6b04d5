// A question compiled for matching: phrases stemmed once, topic vocabulary gathered once, then cached per question.
import type { Question, RedFlag } from '../bank/schema.js';
import { isContent, readText } from '../text/index.js';
import { type CompiledPhrase, compilePhrases } from './phrases.js';
import { textStemMemo } from './stemCache.js';

export interface CompiledPair {
  readonly term: CompiledPhrase;
  readonly with: readonly CompiledPhrase[];
}

export interface CompiledKeyPoint {
  readonly id: string;
  readonly concepts: readonly CompiledPhrase[];
  readonly pairs: readonly CompiledPair[];
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
  /** Content stems of each key point's text, concepts and pairs. */
  readonly keyPointStems: ReadonlyArray<ReadonlySet<string>>;
  /** Content stems of each model answer (question words left out), for a fast similarity. */
  readonly modelStems: ReadonlyArray<ReadonlySet<string>>;
}

const cache = new WeakMap<Question, Rubric>();
const flagCache = new WeakMap<readonly RedFlag[], CompiledRedFlag[]>();

/** Compile a list of red flags once (the bank's common flags are shared by every question). */
export function compileRedFlags(flags: readonly RedFlag[]): CompiledRedFlag[] {
  const cached = flagCache.get(flags);
  if (cached) return cached;
  const all = compilePhrases(
    flags.flatMap((f) => f.phrasings),
    true,
  );
  let at = 0;
  const compiled = flags.map((f) => {
    const phrasings = all.slice(at, at + f.phrasings.length);
    at += f.phrasings.length;
    return { id: f.id, phrasings };
  });
  flagCache.set(flags, compiled);
  return compiled;
}

function contentStems(text: string): readonly string[] {
  const known = textStemMemo.get(text);
  if (known) return known;
  const out: string[] = [];
  for (const t of readText(text).tokens) {
    if (!isContent(t)) continue;
    out.push(t.stem, ...t.parts);
  }
  textStemMemo.set(text, out);
  return out;
}

export function compileRubric(question: Question): Rubric {
  const cached = cache.get(question);
  if (cached) return cached;
  const all = compilePhrases(
    question.keyPoints.flatMap((kp) => [...kp.concepts, ...kp.pairs.flatMap((p) => [p.term, ...p.with])]),
  );
  let at = 0;
  const take = (n: number) => {
    const out = all.slice(at, at + n);
    at += n;
    return out;
  };
  const keyPoints = question.keyPoints.map((kp) => {
    const concepts = take(kp.concepts.length);
    const pairs = kp.pairs.map((p) => {
      const [term] = take(1);
      return { term: term as CompiledPhrase, with: take(p.with.length) };
    });
    return { id: kp.id, concepts, pairs };
  });
  const redFlags = compileRedFlags(question.redFlags);
  const topic = new Set<string>(contentStems(question.text));
  const questionStems = new Set(topic);
  const keyPointStems = question.keyPoints.map(
    (kp) =>
      new Set(
        contentStems(
          `${kp.text} ${[...kp.concepts, ...kp.pairs.flatMap((p) => [p.term, ...p.with])].join('. ')}`,
        ),
      ),
  );
  for (const stems of keyPointStems) for (const s of stems) topic.add(s);
  for (const s of contentStems(`${question.modelAnswers.quick} ${question.modelAnswers.full}`)) topic.add(s);
  const rubric: Rubric = {
    question,
    keyPoints,
    redFlags,
    questionStems,
    topicStems: topic,
    keyPointStems,
    modelStems: [question.modelAnswers.full, question.modelAnswers.quick].map(
      (text) => new Set(contentStems(text).filter((s) => !questionStems.has(s))),
    ),
  };
  cache.set(question, rubric);
  return rubric;
}
