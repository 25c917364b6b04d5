import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/app/context.js';
import { ankiDeck } from '../src/app/export.js';
import { createApp } from '../src/server/app.js';
import { resolveServeOptions } from '../src/server/serve.js';

const home = mkdtempSync(join(tmpdir(), 'mockops-api-'));
let clock = new Date('2026-11-23T10:00:00Z');
const ctx = createContext({ dbFile: join(home, 'mockops.db'), now: () => clock });
const app = createApp(ctx, { webDir: null });
afterAll(() => ctx.close());

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('API', () => {
  it('reports health', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('lists and filters questions', async () => {
    const all = (await (await app.request('/api/questions')).json()) as { total: number };
    expect(all.total).toBeGreaterThanOrEqual(60);
    const iac = (await (await app.request('/api/questions?category=iac&level=1')).json()) as {
      questions: Array<{ category: string; level: number }>;
    };
    expect(iac.questions.length).toBeGreaterThan(0);
    expect(iac.questions.every((q) => q.category === 'iac' && q.level === 1)).toBe(true);
    const bad = await app.request('/api/questions?level=7');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_query');
  });

  it('analyses an answer by question id, by bank text, or against a reference', async () => {
    const byId = await app.request(
      '/api/analyze',
      json({ questionId: 'terraform-state-team', text: 'We keep remote state in S3 with use_lockfile.' }),
    );
    expect(byId.status).toBe(200);
    const a = (await byId.json()) as { score: number; coverage: unknown[] };
    expect(a.score).toBeGreaterThan(0);
    expect(a.coverage.length).toBeGreaterThan(0);
    const ref = await app.request(
      '/api/analyze',
      json({
        question: 'What is a pointer?',
        reference: 'A variable holding a memory address.',
        text: 'It holds the address of a variable in memory.',
      }),
    );
    expect(((await ref.json()) as { mode: string }).mode).toBe('reference');
  });

  it('turns malformed JSON, invalid fields, unknown ids and routes into JSON problems without stack traces', async () => {
    const malformed = await app.request('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.clone().json()).toEqual({
      error: {
        code: 'malformed_json',
        message: 'the request body is not valid JSON',
        zh: '请求体不是合法的 JSON',
      },
    });
    const invalid = await app.request('/api/analyze', json({ text: 42 }));
    expect(invalid.status).toBe(400);
    const unknownQ = await app.request('/api/analyze', json({ questionId: 'nope', text: 'x' }));
    expect(unknownQ.status).toBe(404);
    const route = await app.request('/api/nothing-here');
    expect(route.status).toBe(404);
    const session = await app.request('/api/sessions/s-nope');
    expect(session.status).toBe(404);
    for (const res of [malformed, invalid, unknownQ, route, session]) {
      const text = await res.text();
      expect(JSON.parse(text)).toHaveProperty('error.message');
      expect(text).not.toMatch(/at .*\.ts|\/work\/|node_modules/);
    }
  });

  it('refuses oversized bodies with 413 and over-long answers with 413', async () => {
    const huge = await app.request(
      '/api/analyze',
      json({ questionId: 'terraform-state-team', text: 'x'.repeat(1_100_000) }),
    );
    expect(huge.status).toBe(413);
    const long = await app.request(
      '/api/questions/terraform-state-team/answers',
      json({ text: 'word '.repeat(5000) }),
    );
    expect(long.status).toBe(413);
  });

  it('runs a session: start, answer, follow-up or next, finish; then 409', async () => {
    const start = await app.request(
      '/api/sessions',
      json({ mode: 'drill', category: 'iac', count: 2, seed: 4, maxFollowUps: 0 }),
    );
    expect(start.status).toBe(201);
    const s = (await start.json()) as { id: string; current: { position: number; questionId: string } };
    expect(s.current.questionId).toBeTruthy();
    const first = await app.request(
      `/api/sessions/${s.id}/answers`,
      json({ text: 'We keep remote state in S3 with use_lockfile and apply from CI.', position: 0 }),
    );
    expect(first.status).toBe(201);
    const r1 = (await first.json()) as { next: { position: number } | null; analysis: { score: number } };
    expect(r1.analysis.score).toBeGreaterThanOrEqual(0);
    expect(r1.next?.position).toBe(1);
    const stale = await app.request(
      `/api/sessions/${s.id}/answers`,
      json({ text: 'second tab', position: 0 }),
    );
    expect(stale.status).toBe(409);
    const last = await app.request(
      `/api/sessions/${s.id}/answers`,
      json({ text: 'Modules per component, environments as thin root modules.', position: 1 }),
    );
    const r2 = (await last.json()) as { finished: boolean; summary: { answered: number } };
    expect(r2.finished).toBe(true);
    expect(r2.summary.answered).toBe(2);
    const again = await app.request(`/api/sessions/${s.id}/answers`, json({ text: 'more' }));
    expect(again.status).toBe(409);
    const view = (await (await app.request(`/api/sessions/${s.id}`)).json()) as {
      status: string;
      turns: Array<{ answer: { text: string } | null }>;
    };
    expect(view.status).toBe('finished');
    expect(view.turns[0]?.answer?.text).toMatch(/use_lockfile/);
    const report = await app.request(`/api/sessions/${s.id}/report.md`);
    expect(await report.text()).toMatch(/^# mockops session/);
  });

  it('exports safely: no spreadsheet formulas, quotes Anki keeps, and follow-up answers with what was asked', async () => {
    await app.request(
      '/api/questions/terraform-state-team/answers',
      json({ text: '=HYPERLINK("http://evil.example","click") and remote state in S3' }),
    );
    const csv = await (await app.request('/api/export?format=csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") and remote state in S3"`);
    expect(csv).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
    expect(csv.split('\r\n')[0]).toContain('turn,asked,answer');
    // A session with a follow-up: the follow-up's answer carries the follow-up that was asked.
    const start = (await (
      await app.request(
        '/api/sessions',
        json({ mode: 'drill', category: 'iac', count: 1, seed: 2, maxFollowUps: 1 }),
      )
    ).json()) as { id: string };
    const first = (await (
      await app.request(
        `/api/sessions/${start.id}/answers`,
        json({ text: 'We keep state in S3.', position: 0 }),
      )
    ).json()) as { next: { kind: string; prompt: string } | null };
    expect(first.next?.kind).toBe('follow-up');
    await app.request(
      `/api/sessions/${start.id}/answers`,
      json({ text: 'Because two applies collide.', position: 1 }),
    );
    const exported = JSON.parse(await (await app.request('/api/export?format=json')).text()) as {
      answers: Array<{ turn: string; asked: string; text: string }>;
    };
    const followUp = exported.answers.find((a) => a.text === 'Because two applies collide.');
    expect(followUp?.turn).toBe('follow-up');
    expect(followUp?.asked).toBe(first.next?.prompt);
    const anki = await (await app.request('/api/export?format=anki')).text();
    // Every card line: no raw quote that Anki would read as the start of a quoted field.
    for (const line of anki.split('\n').filter((l) => l && !l.startsWith('#')))
      for (const field of line.split('\t')) expect(field.startsWith('"')).toBe(false);
    expect(anki).not.toMatch(/\t"/);
    const q = ctx.bank.byId('terraform-state-team');
    if (!q) throw new Error('bank question missing');
    const card =
      ankiDeck([{ ...q, text: '"Quoted" is how this question starts' }])
        .split('\n')
        .at(-2) ?? '';
    expect(card.startsWith('&quot;Quoted&quot; is how')).toBe(true);
  });

  it('gives the same counts in the room, the summary, history and the report (a follow-up is part of its question)', async () => {
    const start = (await (
      await app.request(
        '/api/sessions',
        json({ mode: 'drill', category: 'iac', count: 2, seed: 5, maxFollowUps: 1 }),
      )
    ).json()) as { id: string };
    let finished = false;
    let summary: { answered: number; overall: number } | null = null;
    for (let i = 0; i < 6 && !finished; i++) {
      const r = (await (
        await app.request(
          `/api/sessions/${start.id}/answers`,
          json({ text: `We keep state in S3 with use_lockfile, step ${i}.` }),
        )
      ).json()) as { finished: boolean; summary: { answered: number; overall: number } | null };
      finished = r.finished;
      summary = r.summary;
    }
    expect(finished).toBe(true);
    const view = (await (await app.request(`/api/sessions/${start.id}`)).json()) as {
      turns: Array<{ kind: string; answer: unknown }>;
    };
    // At least one follow-up was answered, so answers outnumber questions.
    expect(view.turns.filter((t) => t.answer).length).toBeGreaterThan(summary?.answered ?? 0);
    const list = (await (await app.request('/api/sessions')).json()) as {
      sessions: Array<{ id: string; answered: number; averageScore: number | null }>;
    };
    const item = list.sessions.find((x) => x.id === start.id);
    expect(item?.answered).toBe(summary?.answered);
    expect(item?.averageScore).toBe(summary?.overall);
    const report = await (await app.request(`/api/sessions/${start.id}/report.md`)).text();
    expect(report).toContain(`Overall: ${summary?.overall}/100 over ${summary?.answered} of`);
  });

  it('ends an abandoned session and deletes one, keeping its answers', async () => {
    const start = (await (
      await app.request(
        '/api/sessions',
        json({ mode: 'drill', category: 'iac', count: 3, seed: 9, maxFollowUps: 0 }),
      )
    ).json()) as { id: string };
    await app.request(
      `/api/sessions/${start.id}/answers`,
      json({ text: 'Remote state in S3.', position: 0 }),
    );
    const ended = await app.request(`/api/sessions/${start.id}/end`, json({}));
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { status: string }).status).toBe('finished');
    const list = (await (await app.request('/api/sessions')).json()) as {
      sessions: Array<{ id: string; endedEarly: boolean }>;
    };
    expect(list.sessions.find((x) => x.id === start.id)?.endedEarly).toBe(true);
    expect((await app.request(`/api/sessions/${start.id}/end`, json({}))).status).toBe(409);
    const before = ((await (await app.request('/api/export?format=json')).json()) as { answers: unknown[] })
      .answers.length;
    const del = await app.request(`/api/sessions/${start.id}`, { method: 'DELETE' });
    expect(await del.json()).toEqual({ deleted: start.id, answersKept: 1 });
    expect((await app.request(`/api/sessions/${start.id}`)).status).toBe(404);
    const after = ((await (await app.request('/api/export?format=json')).json()) as { answers: unknown[] })
      .answers.length;
    expect(after).toBe(before);
    expect((await app.request(`/api/sessions/${start.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('hides feedback in interview style until the end', async () => {
    const start = await app.request(
      '/api/sessions',
      json({ mode: 'quick', style: 'interview', count: 2, seed: 2, maxFollowUps: 0 }),
    );
    const s = (await start.json()) as { id: string };
    const first = (await (
      await app.request(`/api/sessions/${s.id}/answers`, json({ text: 'An answer.' }))
    ).json()) as { analysis: unknown; answered: { score: unknown } };
    expect(first.analysis).toBeNull();
    expect(first.answered.score).toBeNull();
    const mid = (await (await app.request(`/api/sessions/${s.id}`)).json()) as {
      turns: Array<{ answer: { analysis: unknown } | null }>;
    };
    expect(mid.turns[0]?.answer?.analysis).toBeNull();
    const last = (await (
      await app.request(`/api/sessions/${s.id}/answers`, json({ text: 'Another answer.' }))
    ).json()) as { analysis: unknown; finished: boolean };
    expect(last.finished).toBe(true);
    expect(last.analysis).not.toBeNull();
    const done = (await (await app.request(`/api/sessions/${s.id}`)).json()) as {
      turns: Array<{ answer: { analysis: unknown } | null }>;
    };
    expect(done.turns[0]?.answer?.analysis).not.toBeNull();
  });

  it('saves answer versions and compares a retry', async () => {
    const v1 = (await (
      await app.request('/api/questions/terraform-state-team/answers', json({ text: 'We keep state in S3.' }))
    ).json()) as { version: number; comparison: unknown };
    const v2 = (await (
      await app.request(
        '/api/questions/terraform-state-team/answers',
        json({ text: 'We keep remote state in S3 with use_lockfile locking and apply only in CI.' }),
      )
    ).json()) as {
      version: number;
      comparison: { score: { delta: number }; gained: string[] };
    };
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.comparison.score.delta).toBeGreaterThan(0);
    expect(v2.comparison.gained.length).toBeGreaterThan(0);
    const list = (await (await app.request('/api/questions/terraform-state-team/answers')).json()) as {
      answers: unknown[];
    };
    expect(list.answers.length).toBeGreaterThanOrEqual(2);
  });

  it('reports progress, the review queue and the interview date', async () => {
    clock = new Date('2026-11-24T10:00:00Z');
    const put = await app.request('/api/settings', {
      ...json({ interviewDate: '2026-12-15' }),
      method: 'PUT',
    });
    expect(put.status).toBe(200);
    const p = (await (await app.request('/api/progress')).json()) as {
      answers: number;
      interview: { daysLeft: number };
      categories: Array<{ category: string; practised: number }>;
      dimensions: Record<string, number | null>;
    };
    expect(p.answers).toBeGreaterThan(0);
    expect(p.interview.daysLeft).toBe(21);
    expect(p.categories.find((c) => c.category === 'iac')?.practised).toBeGreaterThan(0);
    const review = (await (await app.request('/api/review')).json()) as {
      interviewDate: string;
      items: unknown[];
    };
    expect(review.interviewDate).toBe('2026-12-15');
    expect(review.items.length).toBeGreaterThan(0);
  });

  it('refuses cross-origin writes and sends a CSP without inline scripts', async () => {
    const res = await app.request(
      '/api/analyze',
      json(
        { questionId: 'terraform-state-team', text: 'x' },
        { origin: 'http://evil.example', host: 'localhost:4317' },
      ),
    );
    expect(res.status).toBe(403);
    const health = await app.request('/api/health');
    expect(health.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  });

  it('requires the bearer token when one is set', async () => {
    const locked = createApp(ctx, { webDir: null, token: 'a-long-enough-secret-token' });
    expect((await locked.request('/api/health')).status).toBe(401);
    const ok = await locked.request('/api/health', {
      headers: { authorization: 'Bearer a-long-enough-secret-token' },
    });
    expect(ok.status).toBe(200);
    expect((await locked.request('/api/health', { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
  });

  it('binds loopback by default and refuses other addresses without MOCKOPS_TOKEN', () => {
    expect(resolveServeOptions({})).toMatchObject({ host: '127.0.0.1', port: 4317, token: null });
    expect(() => resolveServeOptions({ HOST: '0.0.0.0' })).toThrow(/MOCKOPS_TOKEN/);
    expect(
      resolveServeOptions({ HOST: '0.0.0.0', MOCKOPS_TOKEN: 'x'.repeat(32), PORT: '8080' }),
    ).toMatchObject({ host: '0.0.0.0', port: 8080 });
    expect(() => resolveServeOptions({ PORT: 'abc' })).toThrow(/invalid PORT/);
  });

  it('imports uploaded files with a preview, proposes key points, and grades imported questions against their reference', async () => {
    const md =
      '# Kubernetes\n\n<details>\n<summary>What is a PodDisruptionBudget for?</summary><br><b>\n\nA PodDisruptionBudget limits how many pods of an application can be down at once during voluntary disruptions such as node drains and cluster upgrades.\n</b></details>\n';
    const files = [{ name: 'k8s.md', content: Buffer.from(md).toString('base64') }];
    const preview = await app.request('/api/import', json({ dryRun: true, files }));
    expect(preview.status).toBe(200);
    const p = (await preview.json()) as {
      imported: number;
      files: Array<{ questions: unknown[]; format: string }>;
    };
    expect(p.imported).toBe(1);
    expect(p.files[0]?.format).toBe('details');
    expect(
      ((await (await app.request('/api/imported')).json()) as { questions: unknown[] }).questions,
    ).toHaveLength(0);
    const saved = await app.request('/api/import', json({ dryRun: false, files }));
    expect(saved.status).toBe(201);
    const ids = ((await saved.json()) as { importedIds: string[] }).importedIds;
    expect(ids).toHaveLength(1);
    const again = await app.request('/api/import', json({ dryRun: false, files }));
    expect(again.status).toBe(422);
    const id = ids[0] as string;
    const listed = (await (await app.request('/api/questions?category=imported')).json()) as {
      questions: Array<{ id: string }>;
    };
    expect(listed.questions.map((q) => q.id)).toContain(id);
    const candidates = (
      (await (await app.request(`/api/imported/${id}/candidates`)).json()) as {
        candidates: Array<{ id: string; text: string; concepts: string[] }>;
      }
    ).candidates;
    expect(candidates.length).toBeGreaterThan(0);
    const put = await app.request(`/api/imported/${id}/key-points`, {
      ...json({
        keyPoints: [
          {
            id: 'drains',
            text: 'Limits pods down during drains',
            concepts: ['node drains', 'voluntary disruptions'],
          },
        ],
      }),
      method: 'PUT',
    });
    expect(put.status).toBe(200);
    const good = (await (
      await app.request(
        '/api/analyze',
        json({
          questionId: id,
          text: 'It limits how many pods can be down at once during voluntary disruptions like node drains and upgrades.',
        }),
      )
    ).json()) as { mode: string; score: number; coverage: Array<{ id: string; status: string }> };
    const bad = (await (
      await app.request(
        '/api/analyze',
        json({ questionId: id, text: 'I like to cook pasta on weekends with friends and family at home.' }),
      )
    ).json()) as { score: number };
    expect(good.mode).toBe('reference');
    expect(good.coverage.find((c) => c.id === 'drains')?.status).toBe('hit');
    expect(good.score).toBeGreaterThan(bad.score + 30);
    const tooBig = await app.request(
      '/api/import',
      json({ dryRun: true, files: [{ name: 'x.md', content: 'A'.repeat(13 * 1024 * 1024) }] }),
    );
    expect(tooBig.status).toBe(413);
  });

  it('exports the study guide and the answers', async () => {
    const guide = await app.request('/api/export?format=md');
    expect(guide.headers.get('content-disposition')).toMatch(/mockops-study-guide\.md/);
    expect(await guide.text()).toMatch(/^# mockops study guide/);
    expect((await app.request('/api/export?format=pdf')).status).toBe(400);
  });
});
