// Follow-ups are graded on their own (regression: a pure-buzzword follow-up was graded as first answer + follow-up
// joined, scored 88 and heard "Nice, that's a solid approach.").
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/app/context.js';
import { answerHandler, startSessionHandler } from '../src/app/sessions.js';

const home = mkdtempSync(join(tmpdir(), 'mockops-follow-up-'));
const ctx = createContext({ dbFile: join(home, 'mockops.db'), now: () => new Date('2026-11-30T10:00:00Z') });
afterAll(() => ctx.close());

const FIRST =
  'We keep the Terraform state remote in an S3 backend with versioning, and we run plan and apply only from the CI pipeline after review.';

function session() {
  const { session } = startSessionHandler(ctx, {
    mode: 'drill',
    questionIds: ['terraform-state-team', 'iac-tool-choice'],
    style: 'practice',
  });
  const first = answerHandler(ctx, session.id, { text: FIRST });
  expect(first.next?.kind).toBe('follow-up');
  return { id: session.id, first, prompt: first.next?.prompt ?? '' };
}

describe('follow-up grading', () => {
  it('grades a buzzword follow-up on its own text, low, with a plain acknowledgement', () => {
    const { id, first } = session();
    const salad =
      'Locking is basically the DynamoDB of the OIDC provider. The lock file encrypts the drift, and workspaces rotate the backend so the state is always fresh. Terraform Cloud handles the lock through the SCP.';
    const r = answerHandler(ctx, id, { text: salad });
    expect(r.analysis).not.toBeNull();
    // Its own words only: the first answer is not glued to it.
    expect(r.answered.gradedText).toBe(salad);
    expect(r.analysis?.language.wordCount).toBeLessThan(45);
    expect(r.analysis?.score ?? 100).toBeLessThan(35);
    // The question's result does not fall below the first answer for a follow-up that adds nothing, nor rise.
    expect(r.analysis?.questionResult?.score).toBe(first.analysis?.score);
    // The interviewer's acknowledgement matches the follow-up's own result: no praise.
    expect(r.next?.preface ?? '').not.toMatch(/good|nice|solid|great|like that/i);
    const end = answerHandler(ctx, id, { text: 'I would pick Terraform for most teams.' });
    const done = end.next ? answerHandler(ctx, id, { text: 'Nothing more.' }) : end;
    expect(done.summary?.questions[0]?.score).toBe(first.analysis?.score);
    expect(done.summary?.questions[0]?.firstScore).toBe(first.analysis?.score);
  });

  it('credits what the follow-up probes, and the question result rises with it', () => {
    const { id, first, prompt } = session();
    expect(prompt).toMatch(/lock/i);
    const good =
      'No. Since Terraform 1.10 the S3 backend locks the state natively with use_lockfile = true, so two applies cannot write it at once, and 1.11 deprecated the DynamoDB arguments. During the migration I set both for one release, then I removed the lock table.';
    const r = answerHandler(ctx, id, { text: good });
    const own = r.analysis;
    expect(own?.coverage[0]?.id).toBe('state-locking');
    expect(own?.coverage[0]?.status).toBe('hit');
    expect(own?.score ?? 0).toBeGreaterThanOrEqual(50);
    expect(r.analysis?.questionResult?.score ?? 0).toBeGreaterThan(first.analysis?.score ?? 100);
    // The review card takes the question's result, once.
    expect(ctx.store.getCard('terraform-state-team')?.lastScore).toBe(r.analysis?.questionResult?.score);
  });
});

describe('follow-up choice', () => {
  it('never presumes what the answer did not say: "your rollback" only after a rollback was mentioned', async () => {
    const { loadBank } = await import('../src/storage/bank.js');
    const { followUpFor } = await import('../src/core/analysis/feedback.js');
    const { readText } = await import('../src/core/text/index.js');
    const bank = loadBank();
    const q = bank.byId('ingress-nginx-retirement-gateway-api');
    if (!q) throw new Error('missing question');
    const probe = q.followUps.find((f) => /your rollback/.test(f.text));
    expect(probe?.keyPoint).toBe('parallel-cutover');
    const missed = q.keyPoints.map((k) => ({
      id: k.id,
      text: k.text,
      dimension: k.dimension,
      weight: k.id === 'parallel-cutover' ? 100 : k.weight,
      status: 'missed' as const,
      evidence: [],
      contradicted: false,
    }));
    const stems = (text: string) => new Set(readText(text).tokens.map((t) => t.stem));
    const silent = followUpFor(q, missed, [], stems('We would move every route to Gateway API at once.'));
    expect(silent?.text).not.toMatch(/your rollback/);
    const saidIt = followUpFor(
      q,
      missed,
      [],
      stems('We move one hostname at a time and keep a rollback by DNS.'),
    );
    expect(saidIt?.text).toMatch(/your rollback/);
  });
});
