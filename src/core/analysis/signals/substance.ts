// Is there an answer at all, is it about the question, and does it say something or only name terms?

import type { TextDoc } from '../../text/index.js';
import { type MessageCode, say } from '../messages.js';
import { DEFAULT_POLICY, type Policy } from '../policy.js';
import type { SubstanceResult } from '../types.js';

const NON_ANSWER =
  /^\W*(?:(?:sorry,?\s*)?i\s*(?:do\s*n[o']?t|dont|really don'?t)\s+know|no idea|not sure|pass|skip|next question|i have no (?:idea|experience|clue)|i (?:can'?t|cannot|could not|couldn'?t) (?:answer|remember|say)|n\/?a|nothing|no comment|i never (?:did|used|worked)|idk|dunno)\b/i;

/** The notes of a list of message codes, in English and Chinese. */
export function notesOf(
  codes: readonly MessageCode[],
  params: Readonly<Record<string, string | number>> = {},
) {
  const texts = codes.map((c) => say(c, params));
  return { notes: texts.map((t) => t.en), notesZh: texts.map((t) => t.zh), noteCodes: [...codes] };
}

/** The result for an answer with nothing to grade (no words, or not graded at all). */
export function noSubstance(
  codes: readonly MessageCode[],
  params: Readonly<Record<string, string | number>> = {},
): SubstanceResult {
  return {
    nonAnswer: true,
    relevance: 0,
    buzzwordList: false,
    factor: 0,
    formFactor: 0,
    relevanceFactor: 0,
    ...notesOf(codes, params),
  };
}

/** The answer declines to answer ("I don't know", "pass"): a zero that is certain. */
export function declines(text: string): boolean {
  return NON_ANSWER.test(text) && text.split(/\s+/).length <= 12;
}

export interface SubstanceInput {
  readonly doc: TextDoc;
  /** Stems that belong to the question's topic; null in reference mode before a reference is read. */
  readonly topicStems: ReadonlySet<string> | null;
  /** Key points hit, for the listed-terms check. */
  readonly hits: number;
  /**
   * Reference-only grading of short answers: a two-word answer ("push and pop") can be complete, and a list can
   * be the answer, so only real non-answers count; relevance is left to the reference grader.
   */
  readonly shortAnswersAllowed?: boolean;
  readonly policy?: Policy;
}

const BULLET = /^\s*(?:[-*•·]|\d+[.)])\s+(.*)$/;

/** At least three bullet lines, most of them items of three or more words. */
function isNoteList(text: string): boolean {
  const items = text
    .split(/\r?\n/)
    .map((l) => BULLET.exec(l)?.[1])
    .filter((x): x is string => x !== undefined);
  if (items.length < 3) return false;
  const real = items.filter((i) => i.trim().split(/\s+/).length >= 3).length;
  return real / items.length >= 0.6;
}

function ramp(x: number, lo: number, hi: number): number {
  if (x <= lo) return 0;
  if (x >= hi) return 1;
  return (x - lo) / (hi - lo);
}

export function analyzeSubstance({
  doc,
  topicStems,
  hits,
  shortAnswersAllowed = false,
  policy = DEFAULT_POLICY,
}: SubstanceInput): SubstanceResult {
  const { listLinksPerVerb: LIST_LINKS_PER_VERB, buzzwordFactor: BUZZWORD_FACTOR } = policy.substance;
  const words = doc.tokens.filter((t) => t.kind === 'word');
  const content = words.filter((t) => !t.stop);
  const notes: MessageCode[] = [];
  const cjk = doc.tokens.filter((t) => t.kind === 'cjk').length;
  if (words.length === 0) {
    notes.push(cjk > 0 ? 'substance.no-english' : 'substance.empty');
    return noSubstance(notes);
  }
  // With short answers allowed, the reference grader recognises non-answers itself ("pass by value" is an answer).
  const nonAnswer =
    !shortAnswersAllowed && (content.length < 3 || (NON_ANSWER.test(doc.text) && content.length < 14));
  if (nonAnswer) notes.push('substance.declined');

  let relevance = 1;
  if (topicStems) {
    const onTopic = content.filter(
      (t) => topicStems.has(t.stem) || t.parts.some((p) => topicStems.has(p)),
    ).length;
    relevance = content.length > 0 ? onTopic / content.length : 0;
  }
  const verbs = words.filter((t) => t.pos === 'VERB' || t.pos === 'AUX').length;
  const verbRatio = verbs / words.length;
  const functionRatio = words.filter((t) => t.stop).length / words.length;
  const sentences = Math.max(1, doc.sentences.length);
  const wordsPerHit = hits > 0 ? words.length / hits : Number.POSITIVE_INFINITY;
  // Links per verb: commas and and/or joining names. Explaining takes verbs; stringing terms takes commas.
  const links = doc.tokens.filter((t) => t.norm === ',' || t.norm === 'and' || t.norm === 'or').length;
  const listiness = links / Math.max(1, verbs);
  // Notes in bullet form ("- describe the pod: events, exit code") carry content, item by item; they are not a
  // string of terms, but they are not yet an answer you can say either.
  const notesForm = isNoteList(doc.text);
  const buzzwordList =
    !nonAnswer &&
    !notesForm &&
    words.length >= 4 &&
    (verbRatio < 0.05 ||
      functionRatio < 0.25 ||
      listiness >= LIST_LINKS_PER_VERB ||
      (hits >= 3 && wordsPerHit < 4 && functionRatio < 0.3 && words.length / sentences < 40));
  if (buzzwordList) {
    notes.push('substance.buzzwords');
  }
  if (shortAnswersAllowed) {
    const f = nonAnswer ? 0 : 1;
    return {
      nonAnswer,
      relevance: 1,
      buzzwordList: false,
      factor: f,
      formFactor: f,
      relevanceFactor: 1,
      ...notesOf(notes),
    };
  }
  let factor = nonAnswer ? 0 : 1;
  if (buzzwordList) factor *= BUZZWORD_FACTOR;
  else if (notesForm) {
    factor *= policy.substance.notesFactor;
    notes.push('substance.notes-form');
  } else factor *= 1 - (1 - BUZZWORD_FACTOR) * ramp(listiness, LIST_LINKS_PER_VERB / 2, LIST_LINKS_PER_VERB);
  const formFactor = factor;
  let relevanceFactor = 1;
  if (topicStems && !nonAnswer) {
    const { relevanceNone, relevanceFull, relevanceFloor } = policy.substance;
    relevanceFactor = relevanceFloor + (1 - relevanceFloor) * ramp(relevance, relevanceNone, relevanceFull);
    if (relevanceFactor < 0.9) notes.push('substance.off-topic');
    factor *= relevanceFactor;
  }
  return {
    nonAnswer,
    relevance: Math.round(relevance * 100) / 100,
    buzzwordList,
    factor,
    formFactor,
    relevanceFactor,
    ...notesOf(notes),
  };
}
