// Feedback items: each quotes the answer or names the missing key point, says what to do next, and may carry a follow-up.

import type { FollowUp, Question } from '../bank/schema.js';
import { isContent, readText, type Token } from '../text/index.js';
import { type MessageCode, say } from './messages.js';
import { DEFAULT_POLICY, type Policy } from './policy.js';
import type {
  Confidence,
  FeedbackItem,
  FlagHit,
  KeyPointCoverage,
  LanguageResult,
  StructureResult,
  SubstanceResult,
  Unexplained,
} from './types.js';

const FIT_CODE: Readonly<Record<LanguageResult['fit'], MessageCode | null>> = {
  empty: null,
  'too-short': 'length.too-short',
  quick: null,
  between: 'length.between',
  full: null,
  'too-long': 'length.too-long',
};

/**
 * What a follow-up takes for granted: the words after "your" ("your rollback", "your DR setup"), as stems. A
 * follow-up may presume what the question itself is about or what the answer said, nothing else.
 */
function presumed(text: string): string[][] {
  const doc = readText(text);
  const out: string[][] = [];
  doc.tokens.forEach((t, i) => {
    // "Your HPA scales on CPU and …": a sentence that opens with it sets a scene; it presumes nothing said.
    if (t.norm !== 'your' || doc.sentences[t.sentence]?.from === i) return;
    if (GENERIC_OWN.has(doc.tokens[i + 1]?.norm ?? '')) return;
    const words: string[] = [];
    for (let k = i + 1; k < doc.tokens.length && k <= i + 3; k++) {
      const n = doc.tokens[k] as Token;
      if (n.kind !== 'word' || !(n.pos === 'NOUN' || n.pos === 'PROPN' || n.pos === 'ADJ' || n.pos === 'X'))
        break;
      if (isContent(n)) words.push(n.stem);
    }
    if (words.length > 0) out.push(words);
  });
  return out;
}

/** What every candidate has, said or not: "your team", "your plate", "your manager". */
const GENERIC_OWN: ReadonlySet<string> = new Set(
  'team teams company manager plate experience role side view opinion organisation organization org career colleagues users customers customer client clients own instructions job day time answer approach setup design plan options choice recommendation mind system systems app apps application service services api workloads workers pods nodes clusters shell current older new main production next first model responsibility sales director recent work projects https weekly standard reference'.split(
    ' ',
  ),
);

const presumptions = new Map<string, string[][]>();
const asks = new WeakMap<Question, ReadonlySet<string>>();

/** The stems of a question's own text (what a follow-up may take for granted), once per question. */
function askedStems(q: Question): ReadonlySet<string> {
  let known = asks.get(q);
  if (!known) {
    known = new Set(readText(q.text).tokens.map((t) => t.stem));
    asks.set(q, known);
  }
  return known;
}

/** The follow-up an interviewer would ask next: about a red flag first, then the heaviest point not covered. */
export function followUpFor(
  question: Question | null,
  coverage: readonly KeyPointCoverage[],
  flags: readonly FlagHit[],
  /** The answer's stems, when known: a follow-up about "your X" needs X said (or asked about). */
  said?: ReadonlySet<string>,
) {
  if (!question) return null;
  const asked = said ? askedStems(question) : null;
  const fair = (f: FollowUp) => {
    if (!said || !asked) return true;
    let p = presumptions.get(f.text);
    if (!p) {
      p = presumed(f.text);
      presumptions.set(f.text, p);
    }
    return p.every((words) => words.some((w) => said.has(w) || asked.has(w)));
  };
  const candidates = question.followUps.filter(fair);
  for (const f of flags) {
    const byFlag = candidates.find((x) => x.redFlag === f.id);
    if (byFlag) return byFlag;
  }
  const ranked = [...coverage]
    .filter((c) => c.status !== 'hit')
    .sort((a, b) => b.weight - a.weight || (a.status === 'missed' ? -1 : 1));
  for (const c of ranked) {
    const byPoint = candidates.find((x) => x.keyPoint === c.id);
    if (byPoint) return byPoint;
  }
  return candidates.find((x) => !x.keyPoint && !x.redFlag) ?? candidates[0] ?? null;
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
  /** Most term-bearing clauses explain nothing, and the score was capped. */
  readonly mostlyUnexplained?: { readonly clauses: number; readonly of: number; readonly cap: number };
  /** The answer fits this other question far better, and the score was capped. */
  readonly otherQuestion?: { readonly text: string; readonly cap: number } | undefined;
  readonly confidence?: Confidence;
  readonly policy?: Policy;
}

/** One feedback item from message codes: the English and the Chinese side by side. */
function item(
  kind: FeedbackItem['kind'],
  severity: FeedbackItem['severity'],
  message: MessageCode,
  next: MessageCode,
  params: Readonly<Record<string, string | number>> = {},
  extra: Partial<Pick<FeedbackItem, 'quote' | 'keyPointId' | 'followUp' | 'followUpZh'>> = {},
): FeedbackItem {
  const m = say(message, params);
  const n = say(next, params);
  return {
    kind,
    code: message,
    severity,
    message: m.en,
    next: n.en,
    zh: { message: m.zh, next: n.zh },
    ...extra,
  };
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function buildFeedback(input: FeedbackInput): FeedbackItem[] {
  const { question, coverage, flags, substance, structure, language } = input;
  const policy = input.policy ?? DEFAULT_POLICY;
  const items: FeedbackItem[] = [];
  if (input.confidence?.level === 'low')
    for (const reason of input.confidence.reasons)
      items.push(item('confidence', 'major', `confidence.${reason}`, 'confidence.next'));
  if (input.otherQuestion)
    items.push(
      item('substance', 'major', 'substance.other-question', 'substance.other-question.next', {
        question: input.otherQuestion.text,
        cap: String(input.otherQuestion.cap),
      }),
    );
  if (input.mostlyUnexplained)
    items.push(
      item('unexplained', 'major', 'unexplained.mostly', 'unexplained.next', {
        clauses: String(input.mostlyUnexplained.clauses),
        of: String(input.mostlyUnexplained.of),
        cap: String(input.mostlyUnexplained.cap),
      }),
    );
  for (const u of (input.unexplained ?? []).slice(0, 3))
    items.push(
      item(
        'unexplained',
        'major',
        'unexplained',
        'unexplained.next',
        { terms: u.terms.slice(0, 4).join(', ') },
        { quote: u.quote },
      ),
    );
  const followUpOf = (keyPoint: string) => question?.followUps.find((f) => f.keyPoint === keyPoint);
  for (const code of substance.noteCodes) items.push(item('substance', 'major', code, 'substance.next'));
  for (const f of flags) {
    const fu = question?.followUps.find((x) => x.redFlag === f.id);
    const extra = defined({ quote: f.evidence[0], followUp: fu?.text, followUpZh: fu?.zh });
    if (f.kind === 'red-flag')
      items.push(
        item(
          f.kind,
          f.severity >= 2 ? 'major' : 'minor',
          'flag.red',
          'flag.fix',
          { text: f.text, zh: f.zh ?? '', fix: f.fix },
          extra,
        ),
      );
    else {
      const c = coverage.find((x) => `not-${x.id}` === f.id);
      items.push(
        item(
          f.kind,
          f.severity >= 2 ? 'major' : 'minor',
          c?.stance === 'dismissed' ? 'flag.dismissed' : 'flag.negated',
          'flag.contradiction-fix',
          { text: c?.text ?? f.fix, zh: c?.zh ?? '' },
          extra,
        ),
      );
    }
  }
  const byWeight = [...coverage].sort((a, b) => b.weight - a.weight);
  for (const c of byWeight) {
    if (c.status === 'hit' || c.contradicted) continue;
    const fu = followUpOf(c.id);
    const extra = defined({ keyPointId: c.id, followUp: fu?.text, followUpZh: fu?.zh });
    const params = { text: c.text, zh: c.zh ?? '', concept: c.concept ?? c.text };
    if (c.status === 'partial') {
      const code =
        c.basis === 'unexplained'
          ? 'keypoint.unexplained'
          : c.basis === 'named'
            ? 'keypoint.named'
            : 'keypoint.touched';
      items.push(
        item('partial', 'minor', code, 'keypoint.say-plainly', params, {
          ...extra,
          ...defined({ quote: c.evidence[0] }),
        }),
      );
    } else {
      const concept = question?.keyPoints.find((k) => k.id === c.id)?.concepts[0] ?? c.text;
      items.push(
        item(
          'missed',
          c.weight >= 2 ? 'major' : 'minor',
          'keypoint.missed',
          'keypoint.add',
          { ...params, concept },
          extra,
        ),
      );
    }
  }
  for (const term of input.missingTerms.slice(0, 4))
    items.push(item('missed', 'minor', 'reference.missing-term', 'reference.explain-term', { term }));
  if (structure.applies && question && policy.kinds.starScored.includes(question.kind)) {
    for (const part of structure.missing)
      items.push(
        item(
          'structure',
          part === 'action' || part === 'result' ? 'major' : 'minor',
          `structure.no-${part}`,
          `structure.advice-${part}`,
        ),
      );
    if (structure.parts.result && !structure.quantifiedResult)
      items.push(
        item(
          'quantify',
          'minor',
          'quantify.no-number',
          'quantify.add-number',
          {},
          { quote: structure.parts.result },
        ),
      );
    for (const p of structure.placeholders)
      items.push(
        item('quantify', 'minor', 'quantify.placeholder', 'quantify.replace', { text: p.text }, { quote: p }),
      );
    if (structure.ownership.note)
      items.push(
        item('ownership', 'minor', 'ownership', 'ownership.next', {
          i: structure.ownership.i,
          we: structure.ownership.we,
        }),
      );
  }
  if (language.grammar.length > 0) {
    const first = language.grammar[0];
    items.push(
      item(
        'grammar',
        language.grammar.length >= 3 ? 'major' : 'minor',
        'grammar',
        'grammar.say',
        {
          list: language.grammarRepeats.map((r) => r.label).join(', '),
          listZh: language.grammarRepeats.map((r) => r.zh).join('，'),
          sentence: first?.sentence ?? '',
        },
        defined({ quote: first ? { start: first.start, end: first.end, text: first.text } : undefined }),
      ),
    );
  }
  for (const c of language.connectors) {
    const rewrite = c.rewrites[0];
    const params = {
      phrase: c.phrase,
      count: c.count,
      alternatives: c.alternatives.join(', '),
      rewrite: rewrite?.suggestion ?? '',
    };
    items.push(
      item(
        'connector',
        'minor',
        'connector',
        rewrite ? 'connector.vary-example' : 'connector.vary',
        params,
        defined({ quote: c.places[0] }),
      ),
    );
  }
  const fillerTotal = language.fillers.reduce((n, f) => n + f.places.length, 0);
  if (fillerTotal >= 2) {
    const list = language.fillers.map((f) => `"${f.phrase}" ×${f.places.length}`).join(', ');
    items.push(
      item(
        'filler',
        fillerTotal >= 5 ? 'major' : 'minor',
        'fillers',
        'fillers.next',
        { list },
        defined({ quote: language.fillers[0]?.places[0] }),
      ),
    );
  }
  const hedgeTotal = language.hedges.reduce((n, h) => n + h.places.length, 0);
  if (hedgeTotal >= 2) {
    const list = language.hedges.map((h) => `"${h.phrase}" ×${h.places.length}`).join(', ');
    items.push(
      item(
        'hedge',
        'minor',
        'hedges',
        'hedges.next',
        { list },
        defined({ quote: language.hedges[0]?.places[0] }),
      ),
    );
  }
  const fit = FIT_CODE[language.fit];
  if (fit) {
    const pace = say(language.pace.measured ? 'pace.measured' : 'pace.estimated', { wpm: language.pace.wpm });
    items.push(
      item('length', 'minor', 'length', fit, {
        words: language.wordCount,
        seconds: language.speakingSeconds,
        pace: pace.en,
        paceZh: pace.zh,
      }),
    );
  }
  for (const long of language.longSentences.slice(0, 2))
    items.push(item('length', 'minor', 'length.long-sentence', 'length.split', {}, { quote: long }));
  const strengths = byWeight.filter((c) => c.status === 'hit').slice(0, 3);
  for (const c of strengths)
    items.push(
      item(
        'strength',
        'info',
        'keypoint.covered',
        'keypoint.keep',
        { text: c.text, zh: c.zh ?? '' },
        { keyPointId: c.id, ...defined({ quote: c.evidence[0] }) },
      ),
    );
  return items;
}
