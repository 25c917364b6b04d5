// Feedback items: each quotes the answer or names the missing key point, says what to do next, and may carry a follow-up.

import type { Question } from '../bank/schema.js';
import { DEFAULT_POLICY, type Policy } from './policy.js';
import type {
  Confidence,
  FeedbackItem,
  FlagHit,
  KeyPointCoverage,
  LanguageResult,
  StarPart,
  StructureResult,
  SubstanceResult,
  Unexplained,
} from './types.js';

const PART_ADVICE: Readonly<Record<StarPart, string>> = {
  situation: 'Open with one line of context: where you were and what was wrong ("In my last role, …").',
  task: 'Say what you were responsible for ("My job was to …").',
  action: 'Say what you did yourself, step by step, with "I" ("I introduced …, then I …").',
  result: 'Give the result with a number ("As a result, deployments went from [hours] to [minutes]").',
  future: 'Close with a Future line: what you learned or would do next ("Going forward, …").',
};

const FIT_ADVICE: Readonly<Record<LanguageResult['fit'], string | null>> = {
  empty: null,
  'too-short': 'Too short for either version: a quick answer is 3–4 sentences (about 30–45 s).',
  quick: null,
  between:
    'Longer than a quick answer but short of a full one: either cut to 3–4 sentences or add structure and examples (60–120 s).',
  full: null,
  'too-long': 'Longer than two minutes: cut repetition and lead with the point; interviewers stop listening.',
};

export function followUpFor(
  question: Question | null,
  coverage: readonly KeyPointCoverage[],
  flags: readonly FlagHit[],
) {
  if (!question) return null;
  for (const f of flags) {
    const byFlag = question.followUps.find((x) => x.redFlag === f.id);
    if (byFlag) return byFlag.text;
  }
  const ranked = [...coverage]
    .filter((c) => c.status !== 'hit')
    .sort((a, b) => b.weight - a.weight || (a.status === 'missed' ? -1 : 1));
  for (const c of ranked) {
    const byPoint = question.followUps.find((x) => x.keyPoint === c.id);
    if (byPoint) return byPoint.text;
  }
  return (
    question.followUps.find((x) => !x.keyPoint && !x.redFlag)?.text ?? question.followUps[0]?.text ?? null
  );
}

interface FeedbackInput {
  readonly question: Question | null;
  readonly coverage: readonly KeyPointCoverage[];
  readonly flags: readonly FlagHit[];
  readonly substance: SubstanceResult;
  readonly structure: StructureResult;
  readonly language: LanguageResult;
  readonly missingTerms: readonly string[];
  readonly unexplained?: readonly Unexplained[];
  readonly confidence?: Confidence;
  readonly policy?: Policy;
}

const CONFIDENCE_WORDS: Readonly<Record<Confidence['reasons'][number], string>> = {
  'too-short': 'The answer is too short to judge reliably: treat the score as a rough guess.',
  'other-language': 'Most of the answer is not in English, so the grade is unreliable: answer in English.',
  'unknown-words':
    'Almost nothing in the answer matches what this question is about, so the grade may be off: check that you answered the question asked.',
};

export function buildFeedback(input: FeedbackInput): FeedbackItem[] {
  const { question, coverage, flags, substance, structure, language } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  const items: FeedbackItem[] = [];
  if (input.confidence?.level === 'low')
    for (const reason of input.confidence.reasons)
      items.push({
        kind: 'confidence',
        severity: 'major',
        message: CONFIDENCE_WORDS[reason],
        next: 'Give a fuller answer in English: 3–4 sentences on what you would do and why.',
      });
  for (const u of (input.unexplained ?? []).slice(0, 3)) {
    items.push({
      kind: 'unexplained',
      severity: 'major',
      message: `This sentence strings terms together (${u.terms.slice(0, 4).join(', ')}) without saying anything an interviewer can check: it sounds like buzzwords.`,
      quote: u.quote,
      next: 'Say what each tool actually does, to what, and why: one claim per sentence, in your own words.',
    });
  }
  const followUpOf = (keyPoint: string) => question?.followUps.find((f) => f.keyPoint === keyPoint)?.text;
  for (const note of substance.notes) {
    items.push({
      kind: 'substance',
      severity: 'major',
      message: note,
      next: 'Answer the question asked, in full sentences.',
    });
  }
  for (const f of flags) {
    items.push({
      kind: f.kind,
      severity: f.severity >= 2 ? 'major' : 'minor',
      message: f.kind === 'red-flag' ? `An interviewer would mark this down: ${f.text}` : f.text,
      ...(f.evidence[0] ? { quote: f.evidence[0] } : {}),
      next: f.fix,
      ...(question?.followUps.find((x) => x.redFlag === f.id)
        ? { followUp: question.followUps.find((x) => x.redFlag === f.id)?.text }
        : {}),
    });
  }
  const byWeight = [...coverage].sort((a, b) => b.weight - a.weight);
  for (const c of byWeight) {
    if (c.status === 'hit' || c.contradicted) continue;
    const fu = followUpOf(c.id);
    if (c.status === 'partial') {
      const how =
        c.basis === 'unexplained'
          ? 'You named this, but in a sentence that does not make technical sense'
          : c.basis === 'named'
            ? 'You named this without saying what you do with it or why'
            : 'You touched on this but did not make it explicit';
      items.push({
        kind: 'partial',
        severity: 'minor',
        message: `${how}: ${c.text}`,
        ...(c.evidence[0] ? { quote: c.evidence[0] } : {}),
        keyPointId: c.id,
        next: `Say it plainly, for example: "${c.concept ?? c.text}".`,
        ...(fu ? { followUp: fu } : {}),
      });
    } else {
      items.push({
        kind: 'missed',
        severity: c.weight >= 2 ? 'major' : 'minor',
        message: `Missing: ${c.text}`,
        keyPointId: c.id,
        next: `Add a sentence on it; the interviewer listens for words like "${question?.keyPoints.find((k) => k.id === c.id)?.concepts[0] ?? c.text}".`,
        ...(fu ? { followUp: fu } : {}),
      });
    }
  }
  for (const term of input.missingTerms.slice(0, 4)) {
    items.push({
      kind: 'missed',
      severity: 'minor',
      message: `The reference answer relies on "${term}"; your answer does not mention it.`,
      next: `Explain where "${term}" fits in your answer.`,
    });
  }
  if (structure.applies && question && policy.kinds.starScored.includes(question.kind)) {
    for (const part of structure.missing) {
      items.push({
        kind: 'structure',
        severity: part === 'action' || part === 'result' ? 'major' : 'minor',
        message: `No ${part} line in the story.`,
        next: PART_ADVICE[part],
      });
    }
    if (structure.parts.result && !structure.quantifiedResult) {
      items.push({
        kind: 'quantify',
        severity: 'minor',
        message: 'The result has no number.',
        quote: structure.parts.result,
        next: 'Quantify it: time saved, error rate, lead time, cost, with your real figure.',
      });
    }
    for (const p of structure.placeholders) {
      items.push({
        kind: 'quantify',
        severity: 'minor',
        message: `Placeholder ${p.text} is still in the answer.`,
        quote: p,
        next: 'Replace it with your real figure before the interview.',
      });
    }
    if (structure.ownership.note) {
      items.push({
        kind: 'ownership',
        severity: 'minor',
        message: structure.ownership.note,
        next: 'Keep "we" for the team context; use "I" for the actions you took.',
      });
    }
  }
  for (const c of language.connectors) {
    const rewrite = c.rewrites[0];
    items.push({
      kind: 'connector',
      severity: 'minor',
      message: `"${c.phrase}" ${c.count} times: it starts to sound mechanical.`,
      ...(c.places[0] ? { quote: c.places[0] } : {}),
      next: rewrite
        ? `Vary it (${c.alternatives.join(', ')}). For example: "${rewrite.suggestion}"`
        : `Vary it: ${c.alternatives.join(', ')}.`,
    });
  }
  const fillerTotal = language.fillers.reduce((n, f) => n + f.places.length, 0);
  if (fillerTotal >= 2) {
    const list = language.fillers.map((f) => `"${f.phrase}" ×${f.places.length}`).join(', ');
    items.push({
      kind: 'filler',
      severity: fillerTotal >= 5 ? 'major' : 'minor',
      message: `Fillers: ${list}.`,
      ...(language.fillers[0]?.places[0] ? { quote: language.fillers[0].places[0] } : {}),
      next: 'Pause silently instead; a short pause sounds more confident than a filler.',
    });
  }
  const hedgeTotal = language.hedges.reduce((n, h) => n + h.places.length, 0);
  if (hedgeTotal >= 2) {
    const list = language.hedges.map((h) => `"${h.phrase}" ×${h.places.length}`).join(', ');
    items.push({
      kind: 'hedge',
      severity: 'minor',
      message: `Hedges: ${list}.`,
      ...(language.hedges[0]?.places[0] ? { quote: language.hedges[0].places[0] } : {}),
      next: 'State what you did and would do; keep "I think" for real uncertainty.',
    });
  }
  const fit = FIT_ADVICE[language.fit];
  if (fit)
    items.push({
      kind: 'length',
      severity: 'minor',
      message: `${language.wordCount} words, about ${language.speakingSeconds} s at ${language.pace.wpm} wpm.`,
      next: fit,
    });
  for (const long of language.longSentences.slice(0, 2)) {
    items.push({
      kind: 'length',
      severity: 'minor',
      message: 'A very long sentence is hard to follow when spoken.',
      quote: long,
      next: 'Split it in two at the connector.',
    });
  }
  const strengths = byWeight.filter((c) => c.status === 'hit').slice(0, 3);
  for (const c of strengths) {
    items.push({
      kind: 'strength',
      severity: 'info',
      message: `Covered: ${c.text}`,
      ...(c.evidence[0] ? { quote: c.evidence[0] } : {}),
      keyPointId: c.id,
      next: 'Keep this.',
    });
  }
  return items;
}
