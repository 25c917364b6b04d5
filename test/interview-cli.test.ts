import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempHome } from './helpers.js';

const ANSWERS = [
  'Hello, my name is Haitao Pan, but you can call me Harry, it is easier. I am a senior DevOps engineer with [N] years of experience with AWS, Terraform and Kubernetes.',
  'I built GitOps pipelines with Argo CD, and as a result deployments went from hours to minutes.',
  'We keep remote state in an S3 backend with use_lockfile locking, and only the pipeline applies.',
].join('\n---\n');

describe('mockops interview', () => {
  it('runs a scripted interview, saves every answer, and prints the session as JSON', () => {
    const home = tempHome();
    const file = join(home, 'answers.txt');
    writeFileSync(file, ANSWERS);
    const r = cli(
      ['interview', '--mode', 'mock', '--questions', '3', '--seed', '11', '--answers', file, '--json'],
      { home },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sessionId).toMatch(/^s-/);
    expect(out.turns[0].questionId).toBe('self-introduction');
    expect(out.turns.filter((t: { answer: string | null }) => t.answer !== null)).toHaveLength(3);
    expect(out.turns[0].score).toBeGreaterThan(0);
    expect(out.status).toBe('active');

    const history = cli(['history', '--json'], { home });
    // History counts questions answered: a follow-up is part of its question.
    const questions = new Set(
      out.turns
        .filter(
          (t: { answer: string | null; questionId: string | null }) => t.answer !== null && t.questionId,
        )
        .map((t: { questionId: string }) => t.questionId),
    ).size;
    expect(JSON.parse(history.stdout)[0]).toMatchObject({
      id: out.sessionId,
      answered: questions,
      status: 'active',
    });

    const resumed = cli(['interview', '--resume', '--answers', file, '--json'], { home });
    expect(resumed.code).toBe(0);
    const after = JSON.parse(resumed.stdout);
    expect(after.sessionId).toBe(out.sessionId);
    expect(after.turns.filter((t: { answer: string | null }) => t.answer !== null).length).toBeGreaterThan(3);

    const report = cli(['report', out.sessionId, '--format', 'md'], { home });
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^# mockops session/);
    expect(report.stdout).toMatch(/Technical means/);
    expect(report.stdout).toMatch(/Model answers/);

    const review = cli(['review', '--json', '--by', '2099-12-15'], { home });
    const items = JSON.parse(review.stdout);
    expect(Array.isArray(items)).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items.filter((i: { weak: boolean }) => i.weak)) expect(item.plan).toHaveLength(2);
  });

  it('gives clear errors, exit 2, for unknown modes, categories and sessions', () => {
    const home = tempHome();
    const mode = cli(['interview', '--mode', 'party'], { home });
    expect(mode.code).toBe(2);
    expect(mode.stderr).toMatch(/unknown mode "party": use mock, drill, quick, story/);
    const cat = cli(['interview', '--mode', 'drill', '--category', 'cooking'], { home });
    expect(cat.code).toBe(2);
    expect(cat.stderr).toMatch(/unknown category "cooking"/);
    const report = cli(['report', 's-nope'], { home });
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/no session with id "s-nope"/);
    const resume = cli(['interview', '--resume'], { home });
    expect(resume.code).toBe(2);
    expect(resume.stderr).toMatch(/no unfinished session/);
    const date = cli(['review', '--by', '2026-13-45'], { home });
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/invalid interview date "2026-13-45"/);
  });

  it('keeps every answer already given when interrupted with Ctrl-C, and resumes', async () => {
    const home = tempHome();
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'mockops.js'),
        'interview',
        '--mode',
        'drill',
        '--category',
        'iac',
        '--questions',
        '3',
        '--seed',
        '3',
      ],
      {
        env: { ...process.env, MOCKOPS_HOME: home, NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 300 && !re.test(out); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out).toMatch(re);
    };
    await waitFor(/\[1\/3\]/);
    child.stdin.write('We keep remote state in S3 and lock it with use_lockfile.\n\n');
    await waitFor(/Score/);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const db = new Database(join(home, 'mockops.db'), { readonly: true });
    const rows = db.prepare('SELECT text FROM answers').all() as Array<{ text: string }>;
    db.close();
    expect(rows.map((r) => r.text)).toEqual(['We keep remote state in S3 and lock it with use_lockfile.']);
    const resumed = cli(['interview', '--resume', '--json'], { home, input: '' });
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout).turns[0].answer).toMatch(/use_lockfile/);
  });

  it('reports a corrupt database by name without touching it', () => {
    const home = tempHome();
    writeFileSync(join(home, 'mockops.db'), 'not a database '.repeat(500));
    const r = cli(['history'], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(join(home, 'mockops.db'));
    expect(r.stderr).toMatch(/not a readable mockops database/);
  });
});
