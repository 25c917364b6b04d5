// A retry inside a session counts in that session (regression: the room saved it as a plain practice answer, so
// the summary, history and report kept the first score and never said the question was retried). A retry is not a
// new question: the question is counted once, with the retry's result; the review card takes the retry's score.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/app/context.js';
import { createApp } from '../src/server/app.js';

const home = mkdtempSync(join(tmpdir(), 'mockops-retry-'));
const ctx = createContext({ dbFile: join(home, 'mockops.db'), now: () => new Date('2026-11-30T10:00:00Z') });
const app = createApp(ctx, { webDir: null });
afterAll(() => ctx.close());

const post = (path: string, body: unknown) =>
  app.request(`/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const get = async <T>(path: string) => (await (await app.request(`/api${path}`)).json()) as T;

const WEAK = 'We keep state in S3.';
const STRONG =
  'I keep state in a remote S3 backend with versioning and encryption, and I turn on native locking with use_lockfile so two applies can never write at once. ' +
  'Each environment and component has its own state, which keeps the blast radius small. We only run plan and apply in CI, with the plan reviewed in the pull request, never from laptops. ' +
  'A scheduled plan detects drift every night, and we fix drift in code.';

interface Summary {
  answered: number;
  overall: number | null;
  questions: Array<{
    step: number;
    score: number;
    firstScore: number;
    retried: { times: number; before: number; after: number } | null;
  }>;
}
interface Retry {
  step: number;
  analysis: { score: number };
  comparison: { score: { before: number; after: number }; gained: string[] } | null;
  question: { before: number; after: number; times: number };
  due: string | null;
}

async function start(body: Record<string, unknown>): Promise<string> {
  const res = await post('/sessions', { mode: 'drill', ...body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('a retry inside a session', () => {
  it('replaces the question result in the summary, history, report and review card, counted once', async () => {
    const id = await start({ questionIds: ['terraform-state-team', 'iac-tool-choice'], maxFollowUps: 0 });
    const first = (await (await post(`/sessions/${id}/answers`, { text: WEAK, position: 0 })).json()) as {
      analysis: { score: number };
    };
    const before = first.analysis.score;

    // Not answered yet, no such question, nothing to say: each refused with a message that says why.
    const early = await post(`/sessions/${id}/retries`, { step: 1, text: STRONG });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { message: string } }).error.message).toMatch(
      /question 2 .* has not been answered yet/,
    );
    const nowhere = await post(`/sessions/${id}/retries`, { step: 7, text: STRONG });
    expect(nowhere.status).toBe(400);
    expect(((await nowhere.json()) as { error: { message: string } }).error.message).toMatch(
      /there is no question 8/,
    );
    expect((await post(`/sessions/${id}/retries`, { step: 0, text: '  ' })).status).toBe(400);
    expect((await post(`/sessions/${id}/retries`, { step: -1, text: STRONG })).status).toBe(400);

    const res = await post(`/sessions/${id}/retries`, { step: 0, text: STRONG });
    expect(res.status).toBe(201);
    const retry = (await res.json()) as Retry;
    expect(retry.analysis.score).toBeGreaterThan(before);
    expect(retry.question).toEqual({ before, after: retry.analysis.score, times: 1 });
    expect(retry.comparison?.score.before).toBe(before);
    expect(retry.comparison?.gained.length).toBeGreaterThan(0);
    // The review card takes the retry's result.
    expect(ctx.store.getCard('terraform-state-team')?.lastScore).toBe(retry.analysis.score);
    expect(retry.due).toBe(ctx.store.getCard('terraform-state-team')?.due);

    // The session view lists the retry; it is not a turn.
    const mid = await get<{ retries: Array<{ step: number; text: string }>; turns: unknown[] }>(
      `/sessions/${id}`,
    );
    expect(mid.retries).toEqual([expect.objectContaining({ step: 0, text: STRONG })]);
    expect(mid.turns).toHaveLength(2);

    const last = (await (
      await post(`/sessions/${id}/answers`, { text: 'Terraform for most teams, for its providers.' })
    ).json()) as { finished: boolean; summary: Summary; analysis: { score: number } };
    expect(last.finished).toBe(true);
    const s = last.summary;
    expect(s.answered).toBe(2);
    expect(s.questions).toHaveLength(2);
    expect(s.questions[0]).toMatchObject({
      step: 0,
      firstScore: before,
      score: retry.analysis.score,
      retried: { times: 1, before, after: retry.analysis.score },
    });
    expect(s.questions[1]?.retried).toBeNull();
    expect(s.overall).toBe(Math.round((retry.analysis.score + last.analysis.score) / 2));

    const list = await get<{ sessions: Array<{ id: string; answered: number; averageScore: number }> }>(
      '/sessions',
    );
    expect(list.sessions.find((x) => x.id === id)).toMatchObject({ answered: 2, averageScore: s.overall });
    const report = await (await app.request(`/api/sessions/${id}/report.md`)).text();
    expect(report).toContain(`Overall: ${s.overall}/100 over 2 of 2 questions.`);
    expect(report).toContain('### Retry 1 of question 1');
    expect(report).toContain(`Question 1 retried 1×: ${before} → ${retry.analysis.score}/100`);
    const exported = JSON.parse(await (await app.request('/api/export?format=json')).text()) as {
      answers: Array<{ turn: string; text: string; sessionId: string | null }>;
      sessions: Array<{ id: string; answered: number }>;
    };
    expect(exported.answers.find((a) => a.text === STRONG)).toMatchObject({ turn: 'retry', sessionId: id });
    expect(exported.sessions.find((x) => x.id === id)?.answered).toBe(2);

    // A finished session can still be retried from its summary; the latest retry counts.
    const again = (await (await post(`/sessions/${id}/retries`, { step: 0, text: WEAK })).json()) as Retry;
    expect(again.question).toEqual({ before, after: again.analysis.score, times: 2 });
    const done = await get<{ summary: Summary }>(`/sessions/${id}`);
    expect(done.summary.questions[0]?.score).toBe(again.analysis.score);
    expect(done.summary.answered).toBe(2);
  });

  it('is refused while an interview-style session runs (its feedback comes at the end)', async () => {
    const id = await start({ questionIds: ['terraform-state-team', 'iac-tool-choice'], style: 'interview' });
    await post(`/sessions/${id}/answers`, { text: WEAK });
    const res = await post(`/sessions/${id}/retries`, { step: 0, text: STRONG });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /interview style: its feedback, and retries, come after the last question/,
    );
    expect((await post('/sessions/s-none/retries', { step: 0, text: STRONG })).status).toBe(404);
  });

  it('a follow-up answered after a retry adds to the retry, and the card is set once, after the follow-up', async () => {
    const id = await start({ questionIds: ['terraform-state-team', 'iac-tool-choice'], maxFollowUps: 1 });
    const first = (await (
      await post(`/sessions/${id}/answers`, {
        text: 'We keep the Terraform state remote in an S3 backend with versioning, and we run plan and apply only from the CI pipeline after review.',
      })
    ).json()) as { analysis: { score: number }; next: { kind: string } };
    expect(first.next.kind).toBe('follow-up');
    const cardBefore = ctx.store.getCard('terraform-state-team');
    const retry = (await (await post(`/sessions/${id}/retries`, { step: 0, text: STRONG })).json()) as Retry;
    // The follow-up is still to come: it sets the card, built on this retry.
    expect(retry.due).toBeNull();
    expect(ctx.store.getCard('terraform-state-team')).toEqual(cardBefore);
    const fu = (await (
      await post(`/sessions/${id}/answers`, {
        text: 'Then the lock stays: I check nobody is applying, and run terraform force-unlock with the lock id.',
      })
    ).json()) as { analysis: { questionResult: { score: number } } };
    const result = fu.analysis.questionResult.score;
    // Built on the retry (which covered every point), not on the first answer (alone it would stay at its score).
    expect(retry.analysis.score).toBeGreaterThan(first.analysis.score);
    expect(result).toBeGreaterThan(first.analysis.score);
    expect(ctx.store.getCard('terraform-state-team')?.lastScore).toBe(result);
    const view = await get<{ current: { step: number } }>(`/sessions/${id}`);
    expect(view.current.step).toBe(1);
  });

  it('says which question, in the progress bar numbers, when another tab answered first', async () => {
    const id = await start({ questionIds: ['terraform-state-team', 'iac-tool-choice'], maxFollowUps: 1 });
    const first = (await (
      await post(`/sessions/${id}/answers`, {
        text: 'We keep the Terraform state remote in an S3 backend with versioning.',
        position: 0,
      })
    ).json()) as { next: { kind: string; position: number } };
    expect(first.next.kind).toBe('follow-up');
    await post(`/sessions/${id}/answers`, { text: 'I would force-unlock it.', position: 1 });
    // Position 1 was the follow-up; the session is now at position 2, which is question 2 of the plan.
    const stale = await post(`/sessions/${id}/answers`, { text: 'A second tab.', position: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toBe(
      'the follow-up to question 1 was already answered (another tab?); the session is now at question 2',
    );
  });
});
