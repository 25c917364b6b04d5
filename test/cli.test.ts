import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempHome } from './helpers.js';

describe('mockops CLI', () => {
  it('prints help and version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: mockops/);
    expect(help.stdout).toMatch(/grade/);
    const version = cli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects unknown commands and flags with a one-line error, the help hint and exit 2', () => {
    const cmd = cli(['frobnicate']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command 'frobnicate'/);
    expect(cmd.stderr).toMatch(/mockops --help/);
    const flag = cli(['bank', 'check', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('a session nothing in the bank matches names the categories that have some', () => {
    // Quick-fire asks technical questions; the behavioural category holds none.
    const r = cli(['interview', '--mode', 'quick', '--category', 'behavioral', '--answers', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no question in the bank matches category "behavioral" for mode "quick"/);
    expect(r.stderr).toMatch(/categories with questions: .*kubernetes \(\d+\)/);
  });

  it('ends quietly with exit 0 when the reader of its output stops early (| head)', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'mockops.js'), 'bank', 'export'], {
      env: { ...process.env, MOCKOPS_HOME: tempHome(), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    // Read the first chunk, then close the pipe as `head` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('lists stories by competency and warns about a reused phrase', () => {
    const home = tempHome();
    const empty = cli(['stories'], { home });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/No stories yet/);
    expect(empty.stdout).toMatch(/^ownership$/m);
    const file = join(home, 'answers.txt');
    const answer = (n: number) =>
      `In my last role I led migration number ${n} of our batch jobs to containers. I planned it with the owners, ran both paths side by side and switched over one job at a time. Our deploy time went from hours to minutes.`;
    writeFileSync(file, [1, 2, 3, 4, 5, 6].map(answer).join('\n---\n'));
    const run = cli(
      [
        'interview',
        '--mode',
        'drill',
        '--category',
        'behavioral',
        '--questions',
        '2',
        '--seed',
        '3',
        '--answers',
        file,
      ],
      { home },
    );
    expect(run.code).toBe(0);
    const told = cli(['stories'], { home });
    expect(told.stdout).not.toMatch(/No stories yet/);
    expect(told.stdout).toMatch(/Reused/);
    expect(told.stdout).toMatch(/hours to minutes|same story/);
    const json = JSON.parse(cli(['stories', '--json'], { home }).stdout);
    expect(json.reused.length).toBeGreaterThan(0);
  });

  it('review right after weak answers lists them with when they come back, never "answer some first"', () => {
    const home = tempHome();
    const file = join(home, 'answers.txt');
    writeFileSync(file, ['I use S3.', 'no idea', 'maybe', 'ok'].join('\n---\n'));
    const run = cli(
      ['interview', '--mode', 'drill', '--category', 'iac', '-n', '2', '--seed', '1', '--answers', file],
      { home },
    );
    expect(run.code).toBe(0);
    const r = cli(['review'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/Answer some questions first/);
    expect(r.stdout).toMatch(/\d+ due now · \d+ later/);
    expect(r.stdout).toMatch(/due (now|in \d+ (min|h|days?))/);
    expect(r.stdout).toMatch(/weak/);
    // History gives local times and says which zone they are in.
    const h = cli(['history'], { home, env: { TZ: 'Asia/Shanghai' } });
    expect(h.stdout).toMatch(/times in Asia\/Shanghai/);
    const utc = cli(['history'], { home, env: { TZ: 'UTC' } });
    const hour = (out: string) => Number(/\d{4}-\d{2}-\d{2} (\d{2}):\d{2}/.exec(out)?.[1]);
    expect((hour(h.stdout) - hour(utc.stdout) + 24) % 24).toBe(8);
  });

  it('bank check on a missing folder says so plainly and exits 2', () => {
    const r = cli(['bank', 'check', '--dir', '/no/such/bank']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dir: no bank folder at \/no\/such\/bank/);
    expect(r.stderr).not.toMatch(/ENOENT|scandir/);
  });

  it('speaks Chinese with --lang zh or MOCKOPS_LANG=zh, and names a wrong language', () => {
    const home = tempHome();
    const empty = cli(['--lang', 'zh', 'review'], { env: { MOCKOPS_HOME: home } });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/还没有复习卡/);
    const byEnv = cli(['review'], { env: { MOCKOPS_HOME: home, MOCKOPS_LANG: 'zh' } });
    expect(byEnv.stdout).toMatch(/还没有复习卡/);
    const bad = cli(['--lang', 'fr', 'review'], { env: { MOCKOPS_HOME: home } });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--lang: unknown language "fr" \(use en or zh\)/);
    const badEnv = cli(['review'], { env: { MOCKOPS_HOME: home, MOCKOPS_LANG: 'klingon' } });
    expect(badEnv.stderr).toMatch(/MOCKOPS_LANG: unknown language "klingon"/);
  });

  it('bank check names a concept pair used wrongly, and a one-word concept on a heavy key point', () => {
    const dir = join(tempHome(), 'bank');
    mkdirSync(join(dir, 'iac'), { recursive: true });
    const source = readFileSync(join(ROOT, 'bank', 'iac', 'terraform-state-team.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'iac', 'terraform-state-team.yaml'),
      source.replace(/\n {8}with: \[[^\]]*\]/, '\n        wiht: [lock]'),
    );
    const broken = cli(['bank', 'check', '--dir', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/iac\/terraform-state-team\.yaml:\d+: keyPoints\[\d\]\.pairs\[0\]\.with: /);
    writeFileSync(
      join(dir, 'iac', 'terraform-state-team.yaml'),
      source.replace('      - lock the state\n', '      - locking\n'),
    );
    const single = cli(['bank', 'check', '--dir', dir]);
    expect(single.stdout).toMatch(
      /terraform-state-team\.yaml:\d+: keyPoints\[1\]\.concepts\[\d+\]: "locking" is one word .*\[concept_unpaired\]/,
    );
  });

  it('bank check names the file, line and field of each problem and exits 1', () => {
    const dir = join(tempHome(), 'bank');
    mkdirSync(join(dir, 'aws'), { recursive: true });
    writeFileSync(join(dir, 'aws', 'broken.yaml'), 'id: broken\ncategory: aws\nlevel: 7\n');
    const r = cli(['bank', 'check', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/aws\/broken\.yaml:3: level: /);
    expect(r.stdout).toMatch(/aws\/broken\.yaml:\d+: kind: /);
  });

  it('grade streams megabytes of standard input from a slow writer (regression: EAGAIN on a pipe)', () => {
    const dir = tempHome();
    const writer = join(dir, 'writer.mjs');
    // ~3 MB in 64 KB pieces with pauses: larger than any pipe buffer, and slower than the reader.
    writeFileSync(
      writer,
      `const q = 'How do you manage Terraform state in a team to avoid conflicts and drift?';
const lines = [];
for (let i = 0; i < 1500; i++) lines.push(JSON.stringify({ id: i, question: q, pad: 'x'.repeat(2000), answer: 'We keep remote state in S3 with use_lockfile.' }));
const data = Buffer.from(lines.join('\\n') + '\\n');
let at = 0;
const next = () => { if (at >= data.length) return; const end = Math.min(data.length, at + 65536); process.stdout.write(data.subarray(at, end)); at = end; setTimeout(next, 3); };
next();
`,
    );
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${writer}" | "${process.execPath}" "${join(ROOT, 'bin', 'mockops.js')}" grade`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, MOCKOPS_HOME: dir },
        timeout: 120_000,
        maxBuffer: 64 * 2 ** 20,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: number; score: number });
    expect(out).toHaveLength(1500);
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 1500 }, (_, i) => i));
    expect(out.every((o) => typeof o.score === 'number')).toBe(true);
  });

  it('grade never swaps questions: a near match is only suggested (regression: Ansible graded as Terraform)', () => {
    const near = 'How do you manage Ansible inventory in a team to avoid conflicts and drift?';
    const input = [
      JSON.stringify({
        id: 'ref',
        question: near,
        reference:
          'Keep inventory in Git, use dynamic inventory plugins for cloud hosts, and group_vars per environment.',
        answer:
          'We keep the inventory in Git and use the aws_ec2 dynamic inventory plugin with group_vars per environment.',
      }),
      JSON.stringify({ id: 'none', question: near, answer: 'We keep the inventory in Git.' }),
    ].join('\n');
    const r = cli(['grade'], { input });
    const [ref, none] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(ref.mode).toBe('reference');
    expect(ref.questionId).toBeNull();
    expect(ref.suggestedQuestionId).toBe('terraform-state-team');
    expect(none.error).toMatch(/not in the bank word for word.*"questionId": "terraform-state-team"/);
  });

  it('grade reads JSON Lines and writes one line per input, in order, with errors inline', () => {
    const input = [
      JSON.stringify({
        id: 'a',
        question: 'How do you manage Terraform state in a team to avoid conflicts and drift?',
        answer: 'We keep remote state in S3 with use_lockfile and only apply from CI.',
      }),
      'not json',
      JSON.stringify({
        id: 'c',
        question: 'What is a pointer?',
        reference: 'A variable that stores a memory address.',
        answer: 'A variable holding an address in memory.',
      }),
      JSON.stringify({ id: 'd', question: 'Unknown question with no reference?', answer: 'x' }),
    ].join('\n');
    const r = cli(['grade'], { input });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', questionId: 'terraform-state-team', mode: 'bank' });
    expect(lines[0].score).toBeGreaterThan(30);
    expect(lines[1].error).toMatch(/line 2: not valid JSON/);
    expect(lines[2]).toMatchObject({ id: 'c', questionId: null, mode: 'reference' });
    expect(lines[3]).toMatchObject({ id: 'd' });
    expect(lines[3].error).toMatch(/reference/);
  });

  it('grade exits non-zero only when the input cannot be read', () => {
    const r = cli(['grade', '--input', '/nonexistent/answers.jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read \/nonexistent\/answers\.jsonl/);
  });

  it('bank export prints the whole bank as a JSON array', () => {
    const r = cli(['bank', 'export', '--format', 'json']);
    expect(r.code).toBe(0);
    const bank = JSON.parse(r.stdout);
    expect(Array.isArray(bank)).toBe(true);
    expect(bank[0]).toHaveProperty('keyPoints');
    expect(bank[0]).toHaveProperty('modelAnswers.quick');
  });
});
