// Grammar: each rule finds its error with the right correction; jargon, code and the bank's own model answers
// are never flagged; the language score counts grammar; bad input never throws.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../storage/bank.js';
import { readText } from '../../text/index.js';
import { analyzeAnswer, termModel } from '../index.js';
import { MESSAGE_CODES, say } from '../messages.js';
import { bankLexicon, checkGrammar } from './grammar.js';
import { analyzeLanguage } from './language.js';

const bank = loadBank();
const lexicon = bankLexicon(bank.questions);
const check = (text: string) => checkGrammar(readText(text), lexicon);
const fixes = (text: string) => check(text).map((f) => `${f.text} → ${f.fix}`);

describe('grammar rules', () => {
  it.each([
    ['Yesterday I fix the pipeline.', 'fix → fixed', 'tense-past'],
    ['Next sprint I finished the migration.', 'finished → will finish', 'tense-future'],
    ['I work with Terraform since 2017.', 'work → have worked', 'tense-perfect'],
    ['I have joined this project in March 2021.', 'have joined → joined', 'tense-simple-past'],
    ['When the outage happened, I am on a flight.', 'am → was', 'tense-past'],
    ['The readiness probe fail when the pool is full.', 'fail → fails', 'agreement'],
    ['The on-call engineers was tired.', 'was → were', 'agreement'],
    ['Each of the teams have its own account.', 'have → has', 'agreement'],
    [
      'Last quarter I built new dashboard for the team.',
      'new dashboard → a new dashboard',
      'article-missing',
    ],
    ['It is an unique constraint.', 'an → a', 'article-a-an'],
    ['We have three cluster in us-east-1.', 'cluster → clusters', 'plural-after-number'],
    ['One of the biggest problem was the shared state.', 'problem → problems', 'plural-after-number'],
    ['The client gave us a lot of feedbacks.', 'feedbacks → feedback', 'uncountable-plural'],
    ['We discussed about the migration plan.', 'about  → ', 'preposition'],
    ['The migration depends of the network team.', 'of → on', 'preposition'],
    ['The API responds quick again.', 'quick → quickly', 'adverb-form'],
    ['The service scales more faster now.', 'more faster → faster', 'comparative'],
    ['I am very interesting in platform engineering.', 'interesting → interested', 'participle-adjective'],
    ['Although we had tests, but the bug appeared in production.', 'but  → ', 'doubled-conjunction'],
    ['Because the backend had no lock, so two engineers ran apply.', 'so  → ', 'doubled-conjunction'],
  ])('%s', (sentence, fix, rule) => {
    const found = check(sentence);
    expect(found.map((f) => `${f.text} → ${f.fix}`)).toContain(fix);
    const f = found.find((x) => `${x.text} → ${x.fix}` === fix);
    expect(f?.rule).toBe(rule);
    // Each finding carries its span, the corrected sentence, and an explanation in English and Chinese.
    expect(sentence.slice(f?.start, f?.end)).toBe(f?.text);
    expect(f?.sentence).not.toBe(sentence);
    expect(f?.message.length).toBeGreaterThan(10);
    expect(f?.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('corrects the whole sentence with every finding in it', () => {
    const [a, b] = check('Yesterday I fix the problem and it have no downtime.');
    expect(a?.sentence).toBe('Yesterday I fixed the problem and it had no downtime.');
    expect(b?.sentence).toBe(a?.sentence);
  });

  it('never flags correct sentences that look suspicious', () => {
    for (const s of [
      'Kubernetes schedules pods by their requests.',
      'The team are split across two sites.',
      'If I were designing it again, I would use separate accounts.',
      'Ten minutes is usually enough for a rolling update.',
      'We run three t3.medium nodes in an 11-node pool with an SLO and a UUID per request.',
      'When a pod crashes, Kubernetes restarts it.',
      'Finance says the bill jumped last month.',
      'Since 2023 Terraform has been under the Business Source License.',
    ])
      expect(fixes(s), s).toEqual([]);
  });

  it('never looks inside code, commands, URLs or YAML', () => {
    const text = [
      'Run `kubectl get pods -A` and check https://example.com/a/b?x=1 first.',
      'I run terraform state pull > backup.tfstate before every apply.',
      'replicas: 3',
      'image: nginx:1.27',
      '$ kubectl rollout undo deployment/web',
    ].join('\n');
    expect(check(text)).toEqual([]);
  });

  it('never throws on hostile input, and stops at a bounded number of findings', () => {
    const inputs = [
      '',
      '😀😀 🚀',
      '只有中文的回答',
      '\u0000\u0007 control',
      'a '.repeat(9000),
      'We was '.repeat(3000),
      '```yaml\nkey: value\n```',
      Array.from({ length: 2000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 90))).join(''),
    ];
    for (const text of inputs) {
      const found = check(text);
      expect(found.length).toBeLessThanOrEqual(60);
      for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
    }
  });
});

describe('no false alarms on correct texts we own', () => {
  it('finds nothing in any model answer, key point or red-flag fix of the bank', () => {
    const flagged: string[] = [];
    for (const q of bank.questions)
      for (const text of [
        q.modelAnswers.full,
        q.modelAnswers.quick,
        ...q.keyPoints.map((k) => k.text),
        ...q.redFlags.map((f) => f.fix),
      ])
        for (const f of check(text)) flagged.push(`${q.id}: "${f.text}" → "${f.fix}" (${f.rule})`);
    for (const f of bank.commonRedFlags)
      for (const g of check(f.fix)) flagged.push(`${f.id}: "${g.text}" → "${g.fix}"`);
    expect(flagged).toEqual([]);
  });

  it('finds nothing in the correct, jargon-dense sentences of the learner sets', () => {
    const dir = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures', 'grammar');
    const flagged: string[] = [];
    for (const file of ['learner-sentences.jsonl', 'learner-sentences-3.jsonl']) {
      for (const line of readFileSync(join(dir, file), 'utf8').trim().split('\n')) {
        const r = JSON.parse(line) as { id: string; sentence: string; errors: unknown[] };
        if (r.errors.length > 0) continue;
        for (const f of check(r.sentence)) flagged.push(`${r.id}: "${f.text}" → "${f.fix}"`);
      }
    }
    expect(flagged).toEqual([]);
  });
});

describe('the language score counts grammar', () => {
  const model = termModel(bank.questions, bank.commonRedFlags);
  const question = bank.byId('terraform-state-team');
  const run = (answer: string) =>
    analyzeAnswer({
      question,
      answer,
      commonRedFlags: bank.commonRedFlags,
      termModel: model,
      grammarLexicon: lexicon,
    });

  it('broken English cannot score 100, and the feedback says which errors repeat', () => {
    const a = run(
      'Yesterday I fix the problem and it have no downtime. We uses remote state in S3 with use_lockfile, and last week the pipeline fail twice because engineer run apply by hand.',
    );
    expect(a.language.grammar.length).toBeGreaterThanOrEqual(4);
    expect(a.language.score).not.toBeNull();
    expect(a.language.score as number).toBeLessThan(75);
    const past = a.language.grammarRepeats.find((r) => r.rule === 'tense-past');
    expect(past?.label).toMatch(/past tense missing \d×/);
    expect(past?.zh).toMatch(/过去式/);
    const item = a.feedback.find((f) => f.kind === 'grammar');
    expect(item?.message).toMatch(/past tense missing/);
    expect(item?.zh.message).toMatch(/语法/);
  });

  it('the same answer in correct English scores higher on language', () => {
    const broken = run('Yesterday I fix the lock and it have no downtime, because the pipeline fail.');
    const fixed = run('Yesterday I fixed the lock and it had no downtime, because the pipeline failed.');
    expect(fixed.language.grammar).toEqual([]);
    expect(fixed.language.score as number).toBeGreaterThan(broken.language.score as number);
  });

  it('a non-answer gets no language score', () => {
    expect(run("I don't know.").language.score).toBeNull();
    expect(run('').language.score).toBeNull();
  });

  it('typed answers say the pace is estimated; spoken ones use the measured time and pauses', () => {
    const typed = analyzeLanguage(readText('We keep state in S3 with locking and review every plan.'));
    expect(typed.pace).toEqual({ wpm: 130, measured: false });
    const spoken = analyzeLanguage(readText('We keep state in S3 with locking and review every plan.'), {
      durationSec: 6,
      pauses: 1,
    });
    expect(spoken.pace).toEqual({ wpm: 110, measured: true, pauses: 1 });
  });
});

describe('messages', () => {
  it('every message code has a Chinese text', () => {
    const missing = MESSAGE_CODES.filter(
      (code) => !/[\u4e00-\u9fff]/.test(say(code, { text: 'x', fix: 'y', zh: '' }).zh),
    );
    expect(missing).toEqual([]);
  });
});
