// Review scheduling with FSRS: every question is a card, an answer's score is the rating, and an interview
// date pulls weak questions back at least twice before it.
import { type Card, type CardInput, createEmptyCard, fsrs, type Grade, Rating, TypeConvert } from 'ts-fsrs';
import { DEFAULT_POLICY } from '../analysis/policy.js';

/**
 * Score → FSRS rating. 85+ is Easy (you could say it in the interview), 70–84 Good, 45–69 Hard (parts missing),
 * below 45 Again (start over).
 */
export const RATING_BANDS: ReadonlyArray<{
  readonly min: number;
  readonly rating: Grade;
  readonly label: string;
}> = [
  { min: DEFAULT_POLICY.rating.easy, rating: Rating.Easy, label: 'easy' },
  { min: DEFAULT_POLICY.rating.good, rating: Rating.Good, label: 'good' },
  { min: DEFAULT_POLICY.rating.hard, rating: Rating.Hard, label: 'hard' },
  { min: 0, rating: Rating.Again, label: 'again' },
];

/** Below this score a question is weak and must come back before the interview. */
export const WEAK_BELOW = DEFAULT_POLICY.bands.weakBelow;
const DAY = 86_400_000;

export function ratingFor(score: number): Grade {
  return (
    (RATING_BANDS.find((b) => score >= b.min) ?? RATING_BANDS[RATING_BANDS.length - 1])?.rating ??
    Rating.Again
  );
}

export interface ReviewCard {
  readonly questionId: string;
  /** FSRS card state, dates as ISO strings (JSON-safe). */
  readonly card: CardInput & { due: string; last_review?: string | null };
  readonly due: string;
  readonly lastScore: number;
  readonly bestScore: number;
  readonly reviews: number;
}

const scheduler = fsrs({ enable_fuzz: false });

function toJson(card: Card): ReviewCard['card'] {
  return {
    ...card,
    due: card.due.toISOString(),
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

/**
 * Rate a card with an answer's score. With an interview date, a weak card is due no later than a third of the
 * way to it, so at least two reviews fit before the date.
 */
export function reviewCard(
  previous: ReviewCard | null,
  questionId: string,
  score: number,
  now: Date,
  interviewDate?: Date,
): ReviewCard {
  const card = previous ? TypeConvert.card(previous.card) : createEmptyCard(now);
  const next = scheduler.next(card, now, ratingFor(score)).card;
  const due = clampForInterview(next.due, score, now, interviewDate);
  return {
    questionId,
    card: toJson({ ...next, due }),
    due: due.toISOString(),
    lastScore: score,
    bestScore: Math.max(score, previous?.bestScore ?? 0),
    reviews: (previous?.reviews ?? 0) + 1,
  };
}

export function clampForInterview(due: Date, score: number, now: Date, interviewDate?: Date): Date {
  if (!interviewDate || score >= WEAK_BELOW || interviewDate.getTime() <= now.getTime()) return due;
  const third = new Date(now.getTime() + (interviewDate.getTime() - now.getTime()) / 3);
  return due.getTime() < third.getTime() ? due : third;
}

export interface PlannedReview {
  readonly questionId: string;
  readonly due: string;
  readonly lastScore: number;
  readonly weak: boolean;
  /** Review dates planned before the interview date (weak cards get at least two). */
  readonly plan: readonly string[];
}

/** Cards due by `until` (default: now), weakest first, then by due date. */
export function dueCards(cards: readonly ReviewCard[], now: Date, until?: Date): ReviewCard[] {
  const limit = (until ?? now).getTime();
  return cards
    .filter((c) => new Date(c.due).getTime() <= limit)
    .sort((a, b) => a.lastScore - b.lastScore || a.due.localeCompare(b.due));
}

/**
 * Re-plan every card for an interview date: weak cards get two review dates before it (the first no later
 * than a third of the way there, the second halfway between that and the date).
 */
export function planForInterview(
  cards: readonly ReviewCard[],
  now: Date,
  interviewDate: Date,
): PlannedReview[] {
  const end = interviewDate.getTime();
  return cards
    .map((c) => {
      const weak = c.lastScore < WEAK_BELOW;
      const due = new Date(c.due);
      if (!weak || end <= now.getTime()) {
        return {
          questionId: c.questionId,
          due: c.due,
          lastScore: c.lastScore,
          weak,
          plan: due.getTime() < end ? [c.due] : [],
        };
      }
      const first = clampForInterview(due, c.lastScore, now, interviewDate);
      const start = Math.max(first.getTime(), now.getTime());
      const second = new Date(start + (end - start) / 2);
      // Never later than the day before the interview when there is room for it.
      const latest = end - DAY > start ? Math.min(second.getTime(), end - DAY) : second.getTime();
      return {
        questionId: c.questionId,
        due: first.toISOString(),
        lastScore: c.lastScore,
        weak,
        plan: [first.toISOString(), new Date(latest).toISOString()],
      };
    })
    .sort((a, b) => a.lastScore - b.lastScore || a.due.localeCompare(b.due));
}

/** When a card comes back, in words: "now", "in 1 min", "in 3 h", "in 2 days" (or in Chinese). */
export function dueInWords(due: string, now: Date, lang: 'en' | 'zh' = 'en'): string {
  const ms = new Date(due).getTime() - now.getTime();
  const zh = lang === 'zh';
  if (ms <= 0) return zh ? '现在' : 'now';
  const min = Math.ceil(ms / 60_000);
  if (min < 60) return zh ? `${min} 分钟后` : `in ${min} min`;
  const h = Math.round(min / 60);
  if (h < 36) return zh ? `${h} 小时后` : `in ${h} h`;
  const d = Math.round(h / 24);
  return zh ? `${d} 天后` : `in ${d} day${d === 1 ? '' : 's'}`;
}
