// The user's stories across behavioural questions: which competencies they cover, and where one story or one
// phrase is reused. An interviewer who hears "hours to minutes" in three answers, or the same migration told as
// the conflict, the failure and the deadline story, stops believing all three.
import type { Question } from './bank/schema.js';
import type { StoryAnswer, StoryMap, StoryReuse } from './storyTypes.js';
import { isContent, readText, type Token } from './text/index.js';
import { COMPETENCIES } from './vocabulary.js';

export type { StoryAnswer, StoryMap, StoryRef, StoryReuse } from './storyTypes.js';

/** Two stories sharing at least this share of the shorter one's three-word sequences are one story told twice. */
export const SAME_STORY_SHARE = 0.3;
/** A phrase of this many words (from–to) recurs… */
const PHRASE_WORDS = { min: 3, max: 6 } as const;
/** …with at least this many content words in it. */
const PHRASE_CONTENT = 2;
/** At most this many phrase warnings: the longest, most repeated first. */
const MAX_PHRASES = 8;
/**
 * Words that give a story its shape rather than its substance: "in my last role", "as a result", "going
 * forward" are the STAR frame the coach itself teaches, and may recur.
 */
const FRAME_WORDS: ReadonlySet<string> = new Set(
  'last previous current role job company team project time result situation task action next going forward way first also really'.split(
    ' ',
  ),
);

interface Read {
  readonly answer: StoryAnswer;
  /** The story's first sentence, to recognise it by. */
  readonly opening: string;
  readonly words: readonly Token[];
  /** Content stems in order, for story shingles. */
  readonly content: readonly string[];
}

function read(answer: StoryAnswer): Read {
  // Placeholders ("[your figure]") are the model's, not the user's wording: no phrase runs across one.
  const doc = readText(answer.text.replace(/\[[^\]]*\]/g, '. '));
  const words = doc.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  // From the text as written (placeholders kept): up to the first full stop, question or exclamation mark.
  const opening = (/^\s*(.*?[.!?])(\s|$)/s.exec(answer.text)?.[1] ?? answer.text.slice(0, 160)).trim();
  return { answer, opening, words, content: words.filter(isContent).map((t) => t.stem) };
}

function shingles(content: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= content.length; i++) out.add(content.slice(i, i + 3).join(' '));
  return out;
}

/** Phrases (by lower-case words) of each story that carry substance, not just the story frame. */
function phrasesOf(r: Read): Map<string, string> {
  const out = new Map<string, string>();
  const w = r.words;
  for (let i = 0; i < w.length; i++)
    for (let n = PHRASE_WORDS.min; n <= PHRASE_WORDS.max && i + n <= w.length; n++) {
      const span = w.slice(i, i + n);
      // Within one sentence, starting and ending on a content word.
      if (span.some((t) => t.sentence !== span[0]?.sentence)) break;
      const first = span[0] as Token;
      const last = span[n - 1] as Token;
      if (!isContent(first) || !isContent(last)) continue;
      const content = span.filter((t) => isContent(t) && !FRAME_WORDS.has(t.norm));
      if (content.length < PHRASE_CONTENT) continue;
      const key = span.map((t) => t.norm).join(' ');
      if (!out.has(key)) out.set(key, span.map((t) => t.text).join(' '));
    }
  return out;
}

/**
 * Join phrases in the same answers that overlap ("deploy time went from hours" + "time went from hours to
 * minutes" → "deploy time went from hours to minutes"): one warning per recurring run of words.
 */
function mergeOverlaps(kept: Array<[string, { text: string; ids: Set<string> }]>): void {
  const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < kept.length && !merged; i++)
      for (let j = 0; j < kept.length && !merged; j++) {
        const [ka, ea] = kept[i] as [string, { text: string; ids: Set<string> }];
        const [kb, eb] = kept[j] as [string, { text: string; ids: Set<string> }];
        if (i === j || !same(ea.ids, eb.ids)) continue;
        const a = ka.split(' ');
        const b = kb.split(' ');
        const ta = ea.text.split(' ');
        const tb = eb.text.split(' ');
        for (let k = Math.min(a.length, b.length) - 1; k >= 2; k--)
          if (a.slice(-k).join(' ') === b.slice(0, k).join(' ')) {
            kept[i] = [
              [...a, ...b.slice(k)].join(' '),
              { text: [...ta, ...tb.slice(k)].join(' '), ids: ea.ids },
            ];
            kept.splice(j, 1);
            merged = true;
            break;
          }
      }
  }
}

/**
 * Map the user's latest story per behavioural question onto competencies, and find reuse: the same story told
 * for two questions, and the same wording across answers.
 */
export function storyMap(answers: readonly StoryAnswer[], questions: readonly Question[] = []): StoryMap {
  const reads = answers.filter((a) => a.text.trim() !== '').map(read);
  const competencies = COMPETENCIES.map((competency) => ({
    competency,
    stories: reads
      .filter((r) => r.answer.competencies.includes(competency))
      .map((r) => ({
        questionId: r.answer.questionId,
        questionText: r.answer.questionText,
        score: r.answer.score,
        opening: r.opening,
      })),
  }));
  const reused: StoryReuse[] = [];
  // The same story: many shared three-word sequences of content words.
  const sh = reads.map((r) => shingles(r.content));
  for (let a = 0; a < reads.length; a++)
    for (let b = a + 1; b < reads.length; b++) {
      const x = sh[a] as Set<string>;
      const y = sh[b] as Set<string>;
      const small = Math.min(x.size, y.size);
      if (small === 0) continue;
      let shared = 0;
      for (const s of x) if (y.has(s)) shared++;
      const share = shared / small;
      if (share >= SAME_STORY_SHARE)
        reused.push({
          kind: 'story',
          questionIds: [(reads[a] as Read).answer.questionId, (reads[b] as Read).answer.questionId],
          share: Math.round(share * 100) / 100,
        });
    }
  // The same wording: a phrase in two or more answers; the longest phrase for each set of answers.
  const where = new Map<string, { text: string; ids: Set<string> }>();
  for (const r of reads)
    for (const [key, text] of phrasesOf(r)) {
      const entry = where.get(key) ?? { text, ids: new Set<string>() };
      entry.ids.add(r.answer.questionId);
      where.set(key, entry);
    }
  const repeated = [...where.entries()]
    .filter(([, e]) => e.ids.size >= 2)
    .sort((p, q) => q[1].ids.size - p[1].ids.size || q[0].split(' ').length - p[0].split(' ').length);
  const kept: Array<[string, { text: string; ids: Set<string> }]> = [];
  for (const [key, e] of repeated) {
    // A shorter phrase inside a kept one, in the same answers, says nothing new.
    const inside = kept.some(([k, f]) => k.includes(key) && [...e.ids].every((id) => f.ids.has(id)));
    if (!inside) kept.push([key, e]);
  }
  mergeOverlaps(kept);
  const storyPairs = new Set(reused.map((r) => [...r.questionIds].sort().join('|')));
  for (const [, e] of kept) {
    const ids = [...e.ids].sort();
    // Phrases of a story already reported as told twice add nothing.
    if (ids.length === 2 && storyPairs.has(ids.join('|'))) continue;
    reused.push({ kind: 'phrase', questionIds: ids, phrase: e.text });
    if (reused.filter((r) => r.kind === 'phrase').length >= MAX_PHRASES) break;
  }
  const answered = new Set(reads.map((r) => r.answer.questionId));
  return {
    competencies,
    uncovered: competencies.filter((c) => c.stories.length === 0).map((c) => c.competency),
    reused,
    unanswered: questions
      .filter((q) => q.competencies.length > 0 && !answered.has(q.id))
      .map((q) => ({ questionId: q.id, competencies: q.competencies })),
  };
}
