import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dueCards, planForInterview, ratingFor, reviewCard } from './index.js';

const now = new Date('2026-11-23T10:00:00Z');
const interview = new Date('2026-12-15T00:00:00Z');

describe('rating mapping', () => {
  it('maps scores to FSRS ratings by band', () => {
    expect(ratingFor(95)).toBe(Rating.Easy);
    expect(ratingFor(85)).toBe(Rating.Easy);
    expect(ratingFor(70)).toBe(Rating.Good);
    expect(ratingFor(50)).toBe(Rating.Hard);
    expect(ratingFor(44)).toBe(Rating.Again);
  });
});

describe('review cards', () => {
  it('a strong answer pushes the next review further than a weak one', () => {
    const strong = reviewCard(null, 'q', 95, now);
    const weak = reviewCard(null, 'q', 20, now);
    expect(new Date(strong.due).getTime()).toBeGreaterThan(new Date(weak.due).getTime());
    expect(strong.reviews).toBe(1);
    const again = reviewCard(strong, 'q', 60, new Date(strong.due));
    expect(again.reviews).toBe(2);
    expect(again.bestScore).toBe(95);
  });

  it('with an interview date, every weak question comes back at least twice before it', () => {
    // A weak card whose FSRS interval would land after the interview.
    const card = { ...reviewCard(null, 'weak', 60, now), due: '2027-01-10T00:00:00.000Z' };
    const strong = { ...reviewCard(null, 'strong', 95, now), due: '2027-01-10T00:00:00.000Z' };
    const plan = planForInterview([strong, card], now, interview);
    const weak = plan.find((p) => p.questionId === 'weak');
    expect(weak?.plan).toHaveLength(2);
    for (const d of weak?.plan ?? []) expect(new Date(d).getTime()).toBeLessThan(interview.getTime());
    expect(plan[0]?.questionId).toBe('weak');
    expect(plan.find((p) => p.questionId === 'strong')?.plan).toEqual([]);
  });

  it('reviewing a weak card before the interview clamps its next due date to a third of the way', () => {
    const card = reviewCard(null, 'q', 30, now, interview);
    const due = new Date(card.due).getTime();
    expect(due).toBeLessThanOrEqual(now.getTime() + (interview.getTime() - now.getTime()) / 3);
  });

  it('lists due cards weakest first', () => {
    const a = { ...reviewCard(null, 'a', 60, now), due: now.toISOString() };
    const b = { ...reviewCard(null, 'b', 20, now), due: now.toISOString() };
    const c = { ...reviewCard(null, 'c', 10, now), due: '2030-01-01T00:00:00.000Z' };
    expect(dueCards([a, b, c], now).map((x) => x.questionId)).toEqual(['b', 'a']);
  });
});
