// Review handlers: what is due (weakest first), the interview date, and the plan that brings weak questions back.

import { isWeak } from '../core/analysis/policy.js';
import { InputError } from '../core/errors.js';
import {
  dueCards,
  type PlannedReview,
  planForInterview,
  type ReviewCard,
  ratingFor,
  reviewCard,
} from '../core/schedule/index.js';
import type { AppContext } from './context.js';
import { scenarioOfCard } from './incidents.js';

const INTERVIEW_DATE = 'interviewDate';

export function parseDate(value: string, what = 'date'): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.trim()) {
    throw new InputError(`invalid ${what} "${value}": use YYYY-MM-DD, e.g. 2026-12-15`);
  }
  return date;
}

export function interviewDate(ctx: AppContext): Date | null {
  const value = ctx.store.getSetting(INTERVIEW_DATE);
  return value ? new Date(value) : null;
}

/** Review a card with a result (0–100) now, towards the interview date; returns the card's next due time. */
export function reviewWith(
  ctx: AppContext,
  cardId: string,
  score: number,
  answerId: number | null,
  now: Date,
): string {
  const card = reviewCard(ctx.store.getCard(cardId), cardId, score, now, interviewDate(ctx) ?? undefined);
  ctx.store.saveCard(card, answerId, ratingFor(score), now.toISOString());
  return card.due;
}

export function setInterviewDate(ctx: AppContext, date: Date): void {
  ctx.store.setSetting(INTERVIEW_DATE, date.toISOString());
}

export interface ReviewQueue {
  readonly interviewDate: string | null;
  /** Due now (without an interview date), or every card re-planned for the date. */
  readonly items: ReviewItem[];
  /** Without an interview date: the cards not due yet, soonest first, so a queue is never shown as empty. */
  readonly upcoming: ReviewItem[];
  readonly counts: { readonly dueNow: number; readonly later: number };
}

export interface ReviewItem extends PlannedReview {
  readonly text: string;
  readonly category: string;
  readonly level: number;
  readonly reviews: number;
}

/**
 * The review queue. Without a date: cards due now, weakest first. With `by` (the interview date, saved): every
 * card re-planned so weak ones come back at least twice before it, listed weakest first.
 */
export function reviewHandler(ctx: AppContext, options: { by?: string | undefined } = {}): ReviewQueue {
  const now = ctx.now();
  let cards: ReviewCard[] = ctx.store.listCards();
  let date = interviewDate(ctx);
  if (options.by) {
    date = parseDate(options.by, 'interview date');
    if (date.getTime() <= now.getTime())
      throw new InputError(`the interview date ${options.by} is not in the future`);
    setInterviewDate(ctx, date);
  }
  const describe = (p: PlannedReview): ReviewItem => {
    const q = ctx.bank.byId(p.questionId);
    const card = cards.find((c) => c.questionId === p.questionId);
    const incident = q ? undefined : scenarioOfCard(p.questionId);
    return {
      ...p,
      text: q?.text ?? (incident ? `Incident round: ${incident.title}` : p.questionId),
      category: q?.category ?? (incident ? 'incident' : 'imported'),
      level: q?.level ?? incident?.level ?? 0,
      reviews: card?.reviews ?? 0,
    };
  };
  if (date && date.getTime() > now.getTime()) {
    const planned = planForInterview(cards, now, date);
    ctx.store.transaction(() => {
      for (const p of planned) {
        const card = cards.find((c) => c.questionId === p.questionId);
        if (card && card.due !== p.due) ctx.store.saveCardDue(p.questionId, p.due);
      }
    });
    cards = ctx.store.listCards();
    const items = planned.map(describe);
    const dueNow = items.filter((i) => new Date(i.due).getTime() <= now.getTime()).length;
    return {
      interviewDate: date.toISOString().slice(0, 10),
      items,
      upcoming: [],
      counts: { dueNow, later: items.length - dueNow },
    };
  }
  const due = dueCards(cards, now).map((c) => ({
    questionId: c.questionId,
    due: c.due,
    lastScore: c.lastScore,
    weak: isWeak(c.lastScore),
    plan: [c.due],
  }));
  const dueIds = new Set(due.map((d) => d.questionId));
  const upcoming = cards
    .filter((c) => !dueIds.has(c.questionId))
    .sort((a, b) => a.due.localeCompare(b.due))
    .map((c) =>
      describe({
        questionId: c.questionId,
        due: c.due,
        lastScore: c.lastScore,
        weak: isWeak(c.lastScore),
        plan: [c.due],
      }),
    );
  return {
    interviewDate: date ? date.toISOString().slice(0, 10) : null,
    items: due.map(describe),
    upcoming,
    counts: { dueNow: due.length, later: upcoming.length },
  };
}
