// STAR + Future: which parts a story has, the sentence that carries each, a quantified result, and ownership.
import type { Kind } from '../../bank/schema.js';
import type { TextDoc } from '../../text/index.js';
import { DEFAULT_POLICY } from '../policy.js';
import type { Span, StarPart, StructureResult } from '../types.js';

const PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result', 'future'];

/** Cues per part, matched on the sentence text; the weight says how sure a cue is. */
const CUES: Readonly<Record<StarPart, ReadonlyArray<[RegExp, number]>>> = {
  situation: [
    [
      /\b(?:in|at) (?:my|our|one of my) (?:last|previous|current|recent|former)? ?(?:roles?|jobs?|company|companies|projects?|teams?|positions?)\b/i,
      3,
    ],
    [/\b(?:we|the team|our team|the company|the client) (?:had|was|were|faced|lacked|needed|used to)\b/i, 2],
    [/\bthere (?:was|were)\b/i, 2],
    [/\b(?:back (?:in|when)|a few (?:years|months) ago|last year|once|one time|at \[company\])\b/i, 2],
    [/\b(?:the (?:context|situation|problem|background) was)\b/i, 3],
    [/\blacked|was (?:slow|manual|unreliable|fragile|painful)\b/i, 1],
  ],
  task: [
    [/\bmy (?:responsibility|role|task|job|goal|mission|assignment) (?:was|is)\b/i, 4],
    [/\bI (?:was|am) (?:asked|responsible|tasked|in charge|expected|assigned)\b/i, 4],
    [/\b(?:I|we) (?:needed|had) to\b/i, 2],
    [/\b(?:the|our) (?:goal|objective|target|aim|task) was\b/i, 3],
    [/\bI (?:owned|took ownership|volunteered)\b/i, 2],
  ],
  action: [
    [
      /\bI (?:introduced|built|set up|implemented|wrote|created|led|designed|migrated|automated|rolled back|added|configured|organi[sz]ed|proposed|ran|moved|replaced|wrote|drove|coordinated|declared|fixed|reviewed|talked|explained|scheduled|paired|documented|trained|deployed|refactored|standardi[sz]ed|split|enabled|containeri[sz]ed|defined|started|decided|analy[sz]ed|investigated|checked|called)\b/i,
      3,
    ],
    [/\b(?:first|then|after that|next|finally),? I\b/i, 2],
    [/\bSo I\b/, 2],
    [/\bwe (?:introduced|built|set up|implemented|automated|migrated|rolled back|added|moved)\b/i, 1],
  ],
  result: [
    [/\bas a result\b|\bthe result was\b|\bin the end\b|\boutcome\b/i, 4],
    [
      /\b(?:reduced|improved|increased|cut|saved|shortened|dropped|halved|doubled|eliminated|decreased|sped up|went from)\b/i,
      2,
    ],
    [
      /\d+\s?(?:%|percent|x|times|minutes?|hours?|days?|weeks?|ms|seconds?)\b|\[[^\]]*(?:figure|number|%|minutes|hours|percent)[^\]]*\]/i,
      2,
    ],
    [/\b(?:faster|fewer|more reliable|less downtime|no more)\b/i, 1],
  ],
  future: [
    [/\b(?:looking ahead|going forward|in the future|next time|from then on|since then|from now on)\b/i, 4],
    [/\b(?:I|we) (?:learned|learnt|realised|realized)\b|\blessons?\b|\btakeaway\b/i, 3],
    [/\bI (?:want|plan|hope|would like|aim) to\b|\bmy (?:career )?goal is\b/i, 3],
    [/\bnow (?:I|we) always\b/i, 3],
  ],
};

/** Kinds whose answers are stories: the policy's (STAR + Future applies; scored only for some of them). */
const STORY_KINDS: ReadonlySet<Kind> = new Set(DEFAULT_POLICY.kinds.star);
const QUANTIFIED = /\d|\bhalf\b|\bdouble|\btwice\b|\bthree times\b|\bpercent\b/i;
const PLACEHOLDER = /\[[^\]\n]{2,40}\]/g;

export function analyzeStructure(doc: TextDoc, kind: Kind | null): StructureResult {
  const story = kind !== null && STORY_KINDS.has(kind);
  // Only stories are read for their parts: a technical answer has none to find (and the cues cost time).
  const scores = story
    ? doc.sentences.map((s) =>
        PARTS.map((part) => CUES[part].reduce((n, [re, w]) => (re.test(s.text) ? n + w : n), 0)),
      )
    : [];
  const parts: Record<StarPart, Span | null> = {
    situation: null,
    task: null,
    action: null,
    result: null,
    future: null,
  };
  const best: Record<StarPart, number> = { situation: 0, task: 0, action: 0, result: 0, future: 0 };
  doc.sentences.forEach((s, i) => {
    const row = scores[i] ?? [];
    const top = Math.max(...row);
    if (top < 2) return;
    PARTS.forEach((part, p) => {
      const v = row[p] ?? 0;
      // A sentence carries the parts it signals most strongly; a clear secondary cue counts too.
      if (v >= 2 && (v === top || v >= 3) && v > best[part]) {
        best[part] = v;
        parts[part] = { start: s.start, end: s.end, text: s.text };
      }
    });
  });
  const present = PARTS.filter((p) => parts[p] !== null);
  const placeholders = [...doc.text.matchAll(PLACEHOLDER)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
    text: m[0],
  }));
  const resultText = parts.result?.text ?? '';
  const quantifiedResult = QUANTIFIED.test(resultText.replace(PLACEHOLDER, ''));
  let i = 0;
  let we = 0;
  for (const t of doc.tokens) {
    if (t.norm === 'i' || t.norm === "i'm" || t.norm === "i've" || t.norm === "i'd") i++;
    else if (t.norm === 'we' || t.norm === "we're" || t.norm === "we've") we++;
  }
  const applies = kind !== null && STORY_KINDS.has(kind);
  const note =
    applies && we > 2 && we > i * 2 ? `"we" ${we} times, "I" ${i} times: say what you did yourself.` : null;
  return {
    applies,
    parts,
    present,
    missing: PARTS.filter((p) => parts[p] === null),
    quantifiedResult,
    placeholders,
    ownership: { i, we, note },
  };
}
