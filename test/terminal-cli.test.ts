// The terminal interview and practice, run as a person would with piped standard input: pastes, the length limit,
// Ctrl-D and Ctrl-C on a half-typed answer, wrapping, the summary and --verbose, and --resume.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { visibleWidth } from '../src/cli/render.js';
import { cli, ROOT, tempHome } from './helpers.js';

// Each test spawns the CLI a few times: generous time for a busy machine (nothing here measures time).
const SLOW = 180_000;

const START = '\u001b[200~';
const END = '\u001b[201~';
const DRILL = ['interview', '--mode', 'drill', '--category', 'iac', '--questions', '3', '--seed', '3'];
const WEAK = 'We keep remote state in S3 and I think maybe we has many module.';

function answers(home: string): string[] {
  const db = new Database(join(home, 'mockops.db'), { readonly: true });
  const rows = db.prepare('SELECT text FROM answers ORDER BY id').all() as Array<{ text: string }>;
  db.close();
  return rows.map((r) => r.text);
}

/** The drafts the terminal keeps, by session. */
function drafts(home: string): Record<string, { text: string }> {
  const db = new Database(join(home, 'mockops.db'), { readonly: true });
  const row = db.prepare("SELECT value FROM settings WHERE key = 'terminal.drafts'").get() as
    | { value: string }
    | undefined;
  db.close();
  return row?.value ? JSON.parse(row.value) : {};
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('terminal interview input', () => {
  it(
    'a pasted multi-paragraph answer stays one answer, and a long line is kept whole',
    () => {
      const home = tempHome();
      const long = `We keep state in S3 ${'and lock it with use_lockfile '.repeat(500)}.`;
      const input = `${START}We keep remote state in S3.\n\nAnd we lock it with use_lockfile.\n\n\nOnly CI applies.${END}\n\n${long}\n\n`;
      const r = cli([...DRILL, '--json'], { home, input });
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.turns[0].answer).toBe(
        'We keep remote state in S3.\n\nAnd we lock it with use_lockfile.\n\n\nOnly CI applies.',
      );
      expect(out.turns[1].answer).toBe(long);
      expect(answers(home)).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'an answer over the length limit is asked for again, with the limit, instead of ending the interview',
    () => {
      const home = tempHome();
      const huge = 'state '.repeat(4000); // 24,000 characters
      const r = cli([...DRILL, '--json'], {
        home,
        input: `${huge}\n\nWe keep remote state in S3 and lock it with use_lockfile.\n\n`,
      });
      expect(r.code).toBe(0);
      expect(flat(r.stderr)).toMatch(
        /That answer is 24,000 characters; the limit is 20,000\. Nothing was sent/,
      );
      const out = JSON.parse(r.stdout);
      expect(out.turns[0].answer).toBe('We keep remote state in S3 and lock it with use_lockfile.');
      expect(answers(home)).toEqual(['We keep remote state in S3 and lock it with use_lockfile.']);
    },
    SLOW,
  );

  it(
    'Ctrl-D on a half-typed answer asks whether to send it: y sends, n keeps it for --resume',
    () => {
      const home = tempHome();
      const sent = cli(DRILL, { home, input: 'We keep remote state in S3\u0004y\n' });
      expect(sent.code).toBe(0);
      expect(sent.stdout).toMatch(/Send this answer\? \[y\/n\]/);
      expect(answers(home)).toEqual(['We keep remote state in S3']);

      const other = tempHome();
      const kept = cli(DRILL, { home: other, input: 'We keep remote state\nin S3 and\u0004n\n' });
      expect(kept.code).toBe(0);
      expect(kept.stdout).toMatch(/Send this answer\? \[y\/n\]/);
      expect(flat(kept.stdout)).toMatch(
        /Not sent\. Your answer is kept: mockops interview --resume offers it back/,
      );
      expect(answers(other)).toEqual([]);
      // Offered back on resume; "n" drops it and a new answer is given.
      const resumed = cli(['interview', '--resume', '--json'], {
        home: other,
        input: 'n\nA new answer: remote state in S3 with use_lockfile.\n\n',
      });
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(/Your unsent answer from last time:\nWe keep remote state\nin S3 and/);
      expect(JSON.parse(resumed.stdout).turns[0].answer).toBe(
        'A new answer: remote state in S3 with use_lockfile.',
      );
      // Answered: nothing is kept any more.
      expect(drafts(other)).toEqual({});
    },
    SLOW,
  );

  it(
    'Ctrl-C keeps the unsent draft, and --resume offers it back to finish and send',
    () => {
      const home = tempHome();
      // On a terminal in raw mode Ctrl-C reaches the program as the byte 0x03, as here.
      const stopped = cli(DRILL, {
        home,
        input: 'We keep remote state in S3.\nAnd we lock it\u0003 (typed after Ctrl-C)\n\n',
      });
      expect(stopped.code).toBe(130);
      expect(flat(stopped.stderr)).toMatch(
        /and so is the answer you were typing\. Continue with: mockops interview --resume/,
      );
      expect(answers(home)).toEqual([]);
      const resumed = cli(['interview', '--resume'], { home, input: 'y\nwith use_lockfile.\n\n' });
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toMatch(
        /Your unsent answer from last time:\nWe keep remote state in S3\.\nAnd we lock it\n/,
      );
      expect(resumed.stdout).toMatch(/Keep it and go on\? \[Y\/n\]/);
      expect(answers(home)).toEqual(['We keep remote state in S3.\nAnd we lock it\nwith use_lockfile.']);
    },
    SLOW,
  );
});

describe('terminal feedback', () => {
  it(
    'wraps every line at the width (80 when not a TTY) between words; --verbose prints it all',
    () => {
      const home = tempHome();
      const dir = join(ROOT, 'bank', 'iac');
      const bank = readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map(
          (f) =>
            parse(readFileSync(join(dir, f), 'utf8')) as {
              text: string;
              modelAnswers: { full: string; quick: string };
            },
        );
      const r = cli(['practice', '-c', 'iac', '-l', '2', '--verbose'], { home, input: `${WEAK}\n\nn\n` });
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n');
      const over = lines.filter((l) => visibleWidth(l) > 80);
      expect(over).toEqual([]);
      // The model answers are there, every word whole: joining the lines gives the bank's text back.
      const text = flat(r.stdout);
      const q = bank.find((b) => text.includes(flat(b.text)));
      expect(q).toBeDefined();
      expect(text).toContain(flat(q?.modelAnswers.full ?? ''));
      expect(text).toContain(flat(q?.modelAnswers.quick ?? ''));
      expect(r.stdout).toMatch(/^Key points$/m);
      expect(r.stdout).toMatch(/Model answer — full/);
      expect(r.stdout).not.toMatch(/--verbose shows everything/);
    },
    SLOW,
  );

  it(
    'practice summarises long feedback by default: score, layers, missed key points, top 3 fixes, the hint',
    () => {
      const home = tempHome();
      const brief = cli(['practice', '-c', 'iac', '-l', '2'], { home, input: `${WEAK}\n\nn\n` });
      expect(brief.code).toBe(0);
      expect(brief.stdout).toMatch(/^Score .*grade \d\/5$/m);
      expect(brief.stdout).toMatch(/^ {2}technical means .*\n {2}ops thinking .*\n {2}delivery & teamwork /m);
      expect(brief.stdout).toMatch(/^Missed key points {2}\d+\/\d+$/m);
      expect(brief.stdout).toMatch(/^Top 3 fixes\n {2}1\. [\s\S]*\n {2}2\. [\s\S]*\n {2}3\. /m);
      expect(brief.stdout).toMatch(/--verbose shows everything \(mockops practice\s+--verbose\)/);
      expect(brief.stdout).not.toMatch(/Model answer — full/);
      expect(brief.stdout).not.toMatch(/^Key points$/m);
      const full = cli(['practice', '-c', 'iac', '-l', '2', '--verbose'], { home, input: `${WEAK}\n\nn\n` });
      expect(full.stdout.split('\n').length).toBeGreaterThan(brief.stdout.split('\n').length);
    },
    SLOW,
  );

  it(
    'interview feedback in practice style is summarised too, and --verbose shows all of it',
    () => {
      const home = tempHome();
      const file = join(home, 'answers.txt');
      writeFileSync(file, WEAK);
      const brief = cli([...DRILL, '--answers', file], { home });
      expect(brief.code).toBe(0);
      expect(brief.stdout).toMatch(/^Top 3 fixes$/m);
      expect(brief.stdout).toMatch(/--verbose shows everything/);
      expect(brief.stdout).not.toMatch(/^Key points$/m);
      const full = cli([...DRILL, '--answers', file, '--verbose'], { home });
      expect(full.stdout).toMatch(/^Key points$/m);
      expect(full.stdout).not.toMatch(/--verbose shows everything/);
    },
    SLOW,
  );
});

describe('--resume', () => {
  it(
    "resumes this home's last terminal session, lists the other unfinished ones, and takes an id",
    () => {
      const home = tempHome();
      const file = join(home, 'answers.txt');
      writeFileSync(file, 'We keep remote state in S3 and lock it with use_lockfile.');
      const first = JSON.parse(cli([...DRILL, '--answers', file, '--json'], { home }).stdout).sessionId;
      const second = JSON.parse(
        cli(['interview', '--mode', 'quick', '--seed', '5', '--answers', file, '--json'], { home }).stdout,
      ).sessionId;
      expect(first).not.toBe(second);
      // A terminal run on the first session (nothing answered: the second is still the last one touched).
      const byId = cli(['interview', '--resume', first, '--answers', '/dev/null', '--json'], { home });
      expect(byId.code).toBe(0);
      expect(JSON.parse(byId.stdout).sessionId).toBe(first);
      const r = cli(['interview', '--resume'], { home, input: '' });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Session ${first} · drill`);
      expect(r.stdout).toMatch(/Other unfinished session \(started, .+\):/);
      expect(r.stdout).toMatch(
        new RegExp(`^ {2}${second} +\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} +quick +1 answered$`, 'm'),
      );
      expect(r.stdout).not.toMatch(new RegExp(`^ {2}${first} `, 'm'));
      expect(r.stdout).toMatch(/Resume one with: mockops interview --resume <id>/);
      const missing = cli(['interview', '--resume', 's-nope'], { home });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/no session with id "s-nope"/);
    },
    SLOW,
  );
});
