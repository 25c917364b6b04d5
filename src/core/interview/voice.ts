// What the interviewer says: short, natural acknowledgements matched to the answer, transitions and closings.
import { DEFAULT_POLICY } from '../analysis/policy.js';
import type { Category } from '../bank/schema.js';
import { pick, type Random } from './random.js';

/** Acknowledgements by how the answer went: never praise a weak answer. */
const ACKS = {
  strong: [
    "Good, that's clear.",
    "Nice, that's a solid approach.",
    'Okay, that makes sense.',
    'Right, I like that you mentioned the trade-offs.',
    "Good. That's how we do it too.",
  ],
  fair: ['Okay, thanks.', 'Got it.', 'Alright.', 'Okay, I see.', 'Understood.'],
  weak: ['Okay.', "Alright, let's move on.", 'I see.', "Okay, let's leave it there.", 'Mm-hm.'],
  none: ['Okay, no problem.', "That's fine, let's try another one.", "Alright, let's move on."],
} as const;

export type AnswerBand = keyof typeof ACKS;

export function bandOf(score: number | null, nonAnswer: boolean): AnswerBand {
  if (nonAnswer || score === null) return 'none';
  if (score >= DEFAULT_POLICY.bands.praise) return 'strong';
  if (score >= DEFAULT_POLICY.bands.fair) return 'fair';
  return 'weak';
}

/** Acknowledgements that close the topic: said only when the interviewer moves on, never before a follow-up. */
const MOVING_ON = /move on|leave it there|another one/i;

export function acknowledgement(
  random: Random,
  band: AnswerBand,
  options: { staying?: boolean } = {},
): string {
  const list = options.staying ? ACKS[band].filter((a) => !MOVING_ON.test(a)) : ACKS[band];
  return pick(random, list) ?? 'Okay.';
}

const CATEGORY_LABEL: Readonly<Record<Category, string>> = {
  aws: 'AWS architecture',
  iac: 'infrastructure as code',
  release: 'containers and releases',
  observability: 'observability',
  delivery: 'delivery and working with clients',
  scenario: 'a scenario',
  behavioral: 'your experience',
  kubernetes: 'Kubernetes',
  linux: 'Linux',
  security: 'security',
  networking: 'networking',
  databases: 'databases',
  finops: 'cloud cost',
  platform: 'CI/CD and platform engineering',
  'system-design': 'system design',
  'ai-ops': 'AI workloads and AI in operations',
  imported: 'your own questions',
};

export function transition(random: Random, from: Category | null, to: Category, levelUp: boolean): string {
  if (to === 'scenario')
    return pick(random, ['Let me give you a scenario.', "Here's a situation we actually had."]) ?? '';
  if (from !== to)
    return (
      pick(random, [
        `Let's talk about ${CATEGORY_LABEL[to]}.`,
        `Moving on to ${CATEGORY_LABEL[to]}.`,
        `Now, ${CATEGORY_LABEL[to]}.`,
      ]) ?? ''
    );
  if (levelUp) return pick(random, ["Let's go a bit deeper.", 'A harder one now.']) ?? '';
  return pick(random, ['Next one.', 'Another one.']) ?? '';
}

export const GREETING: Readonly<Record<string, string>> = {
  mock: "Hi, thanks for joining today. I lead the DevOps team here. We'll go through some technical questions and a scenario, and you'll have time for your questions at the end.",
  drill: "Let's drill a few questions. Take your time and answer as you would in the interview.",
  quick: 'Quick-fire round: give me the short version, three or four sentences each.',
  story: "Let's work on your stories. Tell them the way you'd tell me in the interview.",
};

export const ONE_QUESTION_GREETING = "Let's work on this one. Answer it as you would in the interview.";

export const FOLLOW_UP_LEADS = [
  'Let me follow up on that.',
  'One more on this.',
  'Quick follow-up.',
  'Can I push on one point?',
];

export const CANDIDATE_QUESTIONS_PROMPT = "We're almost out of time. Do you have any questions for me?";

export const CLOSING = "Thanks, that's all from my side. We'll be in touch about the next steps.";
