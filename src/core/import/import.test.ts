import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Question } from '../bank/schema.js';
import {
  type BankQuestionText,
  detectFormat,
  type ImportedQuestion,
  isInterviewerQuestion,
  normaliseForDedupe,
  parseImport,
  restatementFinder,
} from './index.js';
import { isTopicTitle } from './restate.js';

// The fixtures are third-party files read at run time only (never copied into the project).
const SHARED = '/work/shared';
const CORPORA = join(SHARED, 'corpora');
const SEED = join(SHARED, 'seeds', '000_29fd288b389dd724.txt');
const HAVE_SHARED = existsSync(join(CORPORA, 'devops-exercises')) && existsSync(SEED);
const SKIP_REASON = `fixtures not found under ${SHARED} (shared corpora/seeds not mounted); fixture tests skipped`;
if (!HAVE_SHARED) console.warn(SKIP_REASON);

const read = (path: string): string => readFileSync(path, 'utf8');
const byText = (qs: readonly ImportedQuestion[], text: string): ImportedQuestion | undefined =>
  qs.find((q) => q.text === text);

/** devops-exercises counts from its SOURCE.md: pairs and empty answers per file. */
const DEVOPS: ReadonlyArray<readonly [string, number, number]> = [
  ['README.md', 444, 81],
  ['topics/aws/README.md', 444, 16],
  ['topics/kubernetes/README.md', 341, 26],
  ['topics/linux/README.md', 298, 85],
  ['topics/terraform/README.md', 166, 0],
  ['topics/sre/README.md', 5, 0],
];

describe.skipIf(!HAVE_SHARED)(`fixtures: devops-exercises (${HAVE_SHARED ? 'present' : SKIP_REASON})`, () => {
  // Guarded: a skipped describe still runs its body to collect the tests.
  const parsed = new Map(
    (HAVE_SHARED ? DEVOPS : []).map(
      ([file]) => [file, parseImport(read(join(CORPORA, 'devops-exercises', file)), file)] as const,
    ),
  );
  const get = (file: string) => {
    const p = parsed.get(file);
    if (!p) throw new Error(file);
    return p;
  };

  it.each(DEVOPS)('%s: %i pairs, %i with an empty answer (as SOURCE.md)', (file, pairs, empty) => {
    const p = get(file);
    expect(p.format).toBe('details');
    expect(p.questions).toHaveLength(pairs);
    expect(p.questions.filter((q) => q.answer === undefined)).toHaveLength(empty);
    const warning = p.warnings.find((w) => w.message.includes('empty answer'));
    if (empty > 0) expect(warning?.message).toContain(`${empty} question(s) have an empty answer`);
    else expect(warning).toBeUndefined();
  });

  it('totals 1,698 pairs, 1,490 answered, 208 empty', () => {
    const all = [...parsed.values()].flatMap((p) => p.questions);
    expect(all).toHaveLength(1698);
    expect(all.filter((q) => q.answer)).toHaveLength(1490);
    expect(all.every((q) => q.text.length > 0 && q.line > 0)).toBe(true);
  });

  it('warns about the off-template block at terraform line 416 and skips it', () => {
    const p = get('topics/terraform/README.md');
    expect(p.warnings).toContainEqual({
      line: 416,
      message: '<details> without <summary> (off-template block); skipped',
    });
    expect(p.questions.some((q) => q.text.includes('[Question]'))).toBe(false);
  });

  it('keeps multi-line questions with their lists and code', () => {
    const readme = get('README.md').questions;
    const osi = readme.find((q) => q.line === 199);
    expect(osi?.text).toBe(
      'For each of the following determines to which OSI layer it belongs:\n- Error correction\n- Packets routing\n- Cables and electrical signals\n- MAC address\n- IP address\n- Terminate connections\n- 3 way handshake',
    );
    expect(osi?.answer?.split('\n')[0]).toBe('- Error correction - Data link');
    const go = readme.find((q) => q.line === 1134);
    expect(go?.text).toBe(
      'What is the problem with the following block of code? How to fix it?\nfunc main() {\n    var x float32 = 13.5\n    var y int\n    y = x\n}',
    );
    expect(go?.answer).toBeUndefined();
  });

  it('strips markup: <code>, links (text kept), images, angle brackets inside code kept', () => {
    const tf = get('topics/terraform/README.md').questions;
    expect(byText(tf, 'How to reference a variable?')?.answer).toBe('Using the syntax var.<VAR_NAME>');
    expect(byText(tf, 'How to reference a variable?')?.section).toBe('Input Variables');
    const readme = get('README.md').questions;
    expect(byText(readme, 'What is TCP/IP?')?.answer).toBe(
      'A set of protocols that define how two or more devices can communicate with each other.\n\nTo learn more about TCP/IP, read here',
    );
    expect(byText(readme, 'What is TCP/IP?')?.section).toBe('Network');
    const linux = get('topics/linux/README.md').questions;
    expect(linux.find((q) => q.text.startsWith('What this command does? chmod +x some_file'))).toBeDefined();
    const k8s = get('topics/kubernetes/README.md').questions.find((q) => q.line === 270);
    expect(k8s?.text).toBe(
      'Place the components on the right side of the image in the right place in the drawing\n[image: cluster_architecture_exercise.png]',
    );
    expect(k8s?.answer).toBe('[image: cluster_architecture_solution.png]');
    for (const q of [...parsed.values()].flatMap((p) => p.questions)) {
      expect(q.text).not.toMatch(/<\/?(?:b|code|br|summary|details|a|img)\b|\*\*|`|&[a-z]+;/);
    }
  });

  it('parses both collections completely', () => {
    const texts = [
      ...DEVOPS.map(([file]) => [file, read(join(CORPORA, 'devops-exercises', file))] as const),
      ['README.md', read(join(CORPORA, 'test-your-sysadmin-skills', 'README.md'))] as const,
    ];
    let n = 0;
    for (const [file, text] of texts) n += parseImport(text, file).questions.length;
    expect(n).toBe(1698 + 285);
  });
});

describe.skipIf(!HAVE_SHARED)(
  `fixtures: test-your-sysadmin-skills (${HAVE_SHARED ? 'present' : SKIP_REASON})`,
  () => {
    const path = join(CORPORA, 'test-your-sysadmin-skills', 'README.md');
    const text = HAVE_SHARED ? read(path) : '';
    const lines = text.split('\n');
    const p = parseImport(text, 'README.md');
    const simple = p.questions.filter((q) => q.section === 'Simple Questions');
    const pairs = p.questions.filter((q) => q.section !== 'Simple Questions');

    it('finds 271 details pairs and the 14 question-only bullets', () => {
      expect(p.format).toBe('details');
      expect(pairs).toHaveLength(271);
      expect(simple).toHaveLength(14);
      expect(simple.every((q) => q.answer === undefined && lines[q.line - 1]?.startsWith('- <b>'))).toBe(
        true,
      );
      expect(simple[0]).toEqual({
        text: 'What did you learn this week?',
        line: 71,
        section: 'Simple Questions',
      });
    });

    it('marks the 53 " ***" summaries partial and drops the 33 "To be completed." placeholders', () => {
      const starred = pairs.filter((q) => lines[q.line - 1]?.includes('***'));
      expect(starred).toHaveLength(53);
      expect(starred.every((q) => q.partial === true && !q.text.includes('*'))).toBe(true);
      const placeholders = pairs.filter((q) => q.partial && q.answer === undefined);
      expect(placeholders).toHaveLength(33);
      expect(p.warnings.find((w) => w.message.includes('placeholder'))?.message).toContain('33 answer(s)');
      // Two more answers start with "To be completed." without " ***": partial too, placeholder removed.
      expect(p.questions.filter((q) => q.partial)).toHaveLength(55);
      expect(p.questions.some((q) => q.answer?.startsWith('To be completed'))).toBe(false);
    });

    it('takes sections from the nearest heading (count stripped) and levels from Junior/Regular/Senior', () => {
      const first = pairs[0];
      expect(first?.section).toBe('System Questions');
      expect(first?.level).toBe(1);
      expect(pairs.filter((q) => q.level === 1)).toHaveLength(37 + 23 + 5 + 1);
      expect(pairs.filter((q) => q.level === 2)).toHaveLength(60 + 24 + 7 + 4);
      expect(simple.every((q) => q.level === undefined)).toBe(true);
    });

    it('keeps fenced code in answers (headings inside code are not headings)', () => {
      const nc = byText(pairs, 'Create a single-use TCP or UDP proxy with netcat.');
      expect(nc?.answer?.split('\n').slice(0, 2)).toEqual([
        '### TCP -> TCP',
        'nc -l -p 2000 -c "nc [ip|hostname] 3000"',
      ]);
      expect(nc?.section).toBe('Network Questions');
    });
  },
);

describe.skipIf(!HAVE_SHARED)(`fixtures: seed notes 000 (${HAVE_SHARED ? 'present' : SKIP_REASON})`, () => {
  const p = parseImport(HAVE_SHARED ? read(SEED) : '', '000_29fd288b389dd724.txt');
  const interviewer = p.questions.filter((q) => !q.answer);
  const quick = p.questions.filter((q) => q.answer);

  it('finds the 23 interviewer questions and the 10 quick answers, nothing else', () => {
    expect(p.format).toBe('notes');
    expect(p.questions).toHaveLength(33);
    expect(interviewer).toHaveLength(23);
    expect(quick).toHaveLength(10);
    expect(p.questions.some((q) => /^(I|We|In my|As a result|Looking ahead)\b/.test(q.text))).toBe(false);
  });

  it('keeps the interviewer questions verbatim with their section', () => {
    expect(interviewer[0]).toEqual({
      text: 'How do you design a secure and highly available VPC architecture on AWS?',
      line: 81,
      section: '一、AWS 基础与架构',
    });
    expect(
      byText(
        p.questions,
        'What’s the difference between using EC2, EKS, and ECS for workloads? When would you choose each?',
      )?.section,
    ).toBe('一、AWS 基础与架构');
    const prompt = interviewer.find((q) => q.text.startsWith('A new application deployment'));
    expect(prompt?.text).toBe(
      'A new application deployment caused 50% of user requests to fail. Walk me through how you’d handle this incident end-to-end.',
    );
    expect(prompt?.section).toBe('六、情景模拟题');
    const sections = new Map<string, number>();
    for (const q of interviewer) sections.set(q.section ?? '', (sections.get(q.section ?? '') ?? 0) + 1);
    expect([...sections.values()]).toEqual([4, 4, 4, 3, 4, 4]);
    expect(interviewer.every((q) => q.level === undefined)).toBe(true);
  });

  it('reads "Q1. Title" + "👉 answer" with levels from the Level headings', () => {
    expect(quick.map((q) => q.level)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 3]);
    expect(quick[0]?.text).toBe('EC2 vs ECS vs EKS');
    expect(quick[0]?.answer).toMatch(
      /^EC2 gives full VM control, good for legacy workloads\. .* multi-cloud needs\.$/,
    );
    const q7 = quick[6];
    expect(q7?.text).toBe('Handling failed EKS deployment');
    expect(q7?.level).toBe(3);
    expect(q7?.answer?.startsWith('First, declare an incident')).toBe(true);
    expect(quick.every((q) => q.section === 'AWS / IaC / Container Release – Interview Quick Answers')).toBe(
      true,
    );
  });
});

describe('details collections (synthetic)', () => {
  const md = [
    '# Topic (12)', // 1
    '', // 2
    '```html', // 3
    '<details>', // 4
    '<summary>Not a question: this is inside a code block</summary>', // 5
    '</details>', // 6
    '```', // 7
    '', // 8
    '<details>', // 9
    '<summary>What does <code>a &lt; b</code> &amp; `<T>` mean in', // 10
    'a *generic* [signature](https://example.com)? ***</summary><br><b>', // 11
    '', // 12
    'Example:', // 13
    '```ts', // 14
    'const x = <details>y</details>;', // 15
    '```', // 16
    '</b></details>', // 17
    '', // 18
    '<details>', // 19
    '<summary>Empty one?</summary><br><b>', // 20
    '</b></details>', // 21
    '', // 22
    '## Sub', // 23
    '<details>', // 24
    '<summary>Never closed?</summary>', // 25
    'Some answer', // 26
    '', // 27
    '## Next', // 28
    '<details>', // 29
    '<summary>After the unclosed one?</summary>', // 30
    'To be completed.', // 31
    '</details>', // 32
  ].join('\n');
  const p = parseImport(md, 'notes.md');

  it('parses blocks, ignores <details> in code, decodes entities and keeps code', () => {
    expect(p.format).toBe('details');
    expect(p.questions.map((q) => q.line)).toEqual([10, 20, 25, 30]);
    const [first, empty, unclosed, placeholder] = p.questions;
    expect(first).toEqual({
      text: 'What does a < b & <T> mean in a generic signature?',
      answer: 'Example:\nconst x = <details>y</details>;',
      line: 10,
      section: 'Topic',
      partial: true,
    });
    expect(empty?.answer).toBeUndefined();
    expect(unclosed).toMatchObject({ text: 'Never closed?', answer: 'Some answer', section: 'Sub' });
    expect(placeholder).toMatchObject({ text: 'After the unclosed one?', section: 'Next', partial: true });
    expect(placeholder?.answer).toBeUndefined();
  });

  it('warns with lines: unclosed details, empty answers, placeholders', () => {
    expect(p.warnings).toEqual([
      { line: 24, message: '<details> is never closed; its answer is taken up to line 27' },
      { line: 20, message: '1 question(s) have an empty answer; imported without one (lines 20)' },
      {
        line: 30,
        message:
          '1 answer(s) are placeholders such as "To be completed."; imported as partial without an answer (lines 30)',
      },
    ]);
  });

  it('handles a missing summary, a stray close and an unclosed block at the end', () => {
    const r = parseImport('<details>\nno summary\n</details>\n</details>\n<details><summary>Last?', 'x.md');
    expect(r.questions).toEqual([{ text: 'Last?', line: 5 }]);
    expect(r.warnings).toEqual([
      { line: 4, message: 'a </details> without a matching <details>; ignored' },
      { line: 5, message: '<details> is never closed; its answer is taken up to line 5' },
      { line: 1, message: '<details> without <summary> (off-template block); skipped' },
      { line: 5, message: '<summary> is never closed; the question ends at the first blank line' },
      { line: 5, message: '1 question(s) have an empty answer; imported without one (lines 5)' },
    ]);
  });
});

describe('notes (synthetic)', () => {
  it('applies the question rules', () => {
    expect(isInterviewerQuestion('How do you scale it?')).toBe(true);
    expect(isInterviewerQuestion('Your pods crash. Walk me through your debugging.')).toBe(true);
    expect(isInterviewerQuestion('Tell me about a time you failed.')).toBe(true);
    expect(isInterviewerQuestion('I built CI/CD pipelines. Explain more later.')).toBe(false);
    expect(isInterviewerQuestion('I have strong experience with Infrastructure as Code.')).toBe(false);
    expect(isInterviewerQuestion('We reduced MTTR by half.')).toBe(false);
  });

  it('reads Markdown notes: heading questions, bullets, quoted lines, Q/A pairs', () => {
    const text = [
      '# Kubernetes',
      '',
      '## What is a Pod?',
      'The smallest deployable unit.',
      '',
      '```',
      '"Inside code: not a question?"',
      '```',
      '## Level 2',
      '- How do you drain a node?',
      '“I would cordon it first.”',
      '',
      'Q: Why use PDBs?',
      'A: To keep enough replicas up.',
      'Just some prose that asks nothing.',
      'Is this a question without a list marker?',
    ].join('\n');
    const r = parseImport(text, 'k8s.md');
    expect(r.format).toBe('notes');
    expect(r.questions).toEqual([
      {
        text: 'What is a Pod?',
        answer: 'The smallest deployable unit.\n\n"Inside code: not a question?"',
        line: 3,
        section: 'Kubernetes',
      },
      {
        text: 'How do you drain a node?',
        answer: 'I would cordon it first.',
        line: 10,
        section: 'Kubernetes',
        level: 2,
      },
      {
        text: 'Why use PDBs?',
        answer: 'To keep enough replicas up.\nJust some prose that asks nothing.',
        line: 13,
        section: 'Kubernetes',
        level: 2,
      },
      { text: 'Is this a question without a list marker?', line: 16, section: 'Kubernetes', level: 2 },
    ]);
  });
});

describe('notes: broken input', () => {
  it('reads an unclosed code fence as plain text and warns', () => {
    const r = parseImport('“How?”\n```\n“Why?”', 'n.txt');
    expect(r.questions.map((q) => [q.text, q.line])).toEqual([
      ['How?', 1],
      ['Why?', 3],
    ]);
    expect(r.warnings).toEqual([{ line: 2, message: 'a code fence is never closed; read as plain text' }]);
  });
});

describe('CSV and TSV', () => {
  it('parses RFC 4180 CSV with a header, embedded commas, quotes and newlines', () => {
    const csv =
      'question,answer,level\r\n"What is a VPC, really?","A private network.\nIsolated, per region.",1\r\n' +
      '"Say ""hello""?",Hi,2\r\n\r\nPlain?,,\r\n,orphan answer,\r\n';
    const r = parseImport(csv, 'deck.csv');
    expect(r.format).toBe('csv');
    expect(r.questions).toEqual([
      {
        text: 'What is a VPC, really?',
        answer: 'A private network.\nIsolated, per region.',
        line: 2,
        level: 1,
      },
      { text: 'Say "hello"?', answer: 'Hi', line: 4, level: 2 },
      { text: 'Plain?', line: 6 },
    ]);
    expect(r.warnings).toEqual([{ line: 7, message: 'a row without a question; skipped' }]);
  });

  it('reads an Anki export: header lines, tab separator, HTML fields, deck column, no header row', () => {
    const tsv = [
      '#separator:tab',
      '#html:true',
      '#deck column:1',
      'AWS::EC2\tWhat is an <b>AMI</b>?\tAn image.<br>Used to launch&nbsp;instances.',
      'AWS\t"Multi-line\tfront"\t"<div>Back</div><div>two</div>"',
      'AWS\t{{c1::Cloze}} text\t[sound:x.mp3]',
    ].join('\n');
    const r = parseImport(tsv, 'export.txt');
    expect(r.format).toBe('tsv');
    expect(r.questions).toEqual([
      {
        text: 'What is an AMI?',
        answer: 'An image.\nUsed to launch instances.',
        line: 4,
        section: 'AWS::EC2',
      },
      { text: 'Multi-line front', answer: 'Back\ntwo', line: 5, section: 'AWS' },
      { text: 'Cloze text', line: 6, section: 'AWS' },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('reads headerless front,back CSV and TSV files, and an unterminated quote', () => {
    expect(parseImport('Front one,Back one\nFront two,Back two', 'cards.csv').questions).toEqual([
      { text: 'Front one', answer: 'Back one', line: 1 },
      { text: 'Front two', answer: 'Back two', line: 2 },
    ]);
    const tsv = parseImport('front\tback\nQ1?\tA1\n', 'cards.tsv');
    expect(tsv.format).toBe('tsv');
    expect(tsv.questions).toEqual([{ text: 'Q1?', answer: 'A1', line: 2 }]);
    const broken = parseImport('q,a\n"open,never closed\nmore', 'b.csv');
    expect(broken.questions).toEqual([{ text: 'open,never closed more', line: 2 }]);
    expect(broken.warnings[0]).toEqual({
      line: 2,
      message: 'a quoted field is never closed; it runs to the end of the file',
    });
  });
});

describe('bank YAML / JSON', () => {
  const valid = {
    id: 'state-q',
    category: 'iac',
    level: 2,
    kind: 'technical',
    text: 'How do you manage Terraform state?',
    zh: { translation: '如何管理 state？', intent: '考察远程后端' },
    keyPoints: [
      {
        id: 'remote',
        text: 'Remote backend',
        dimension: 'technical',
        concepts: ['remote state', 's3 backend'],
      },
    ],
    modelAnswers: { quick: 'One. Two. Three.', full: 'Remote state in an S3 backend.', notesZh: '注意' },
  };

  it('takes text, modelAnswers.full, level and category from a valid question (YAML)', () => {
    expect(Question.safeParse(valid).success).toBe(true);
    const yaml = `id: state-q\ncategory: iac\nlevel: 2\nkind: technical\ntext: "How do you manage Terraform state?"\nzh:\n  translation: 如何管理 state？\n  intent: 考察远程后端\nkeyPoints:\n  - id: remote\n    text: Remote backend\n    dimension: technical\n    concepts: [remote state, s3 backend]\nmodelAnswers:\n  quick: One. Two. Three.\n  full: Remote state in an S3 backend.\n  notesZh: 注意\n`;
    const r = parseImport(yaml, 'state-q.yaml');
    expect(r.format).toBe('bank');
    expect(r.questions).toEqual([
      {
        text: 'How do you manage Terraform state?',
        answer: 'Remote state in an S3 backend.',
        line: 5,
        section: 'iac',
        level: 2,
      },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('reads a JSON array; invalid objects give warnings with lines, not exceptions', () => {
    const json = JSON.stringify(
      [valid, { ...valid, id: 'Bad Id', level: 7 }, { question: 'Plain?', answer: 'Yes' }, 42, {}],
      null,
      2,
    );
    const r = parseImport(json, 'bank.json');
    expect(r.questions.map((q) => q.text)).toEqual([
      'How do you manage Terraform state?',
      'How do you manage Terraform state?',
      'Plain?',
    ]);
    expect(r.questions[2]).toMatchObject({ answer: 'Yes' });
    expect(r.questions[1]?.level).toBeUndefined();
    const messages = r.warnings.map((w) => `${w.line}: ${w.message}`);
    const lines = json.split('\n');
    const idLine = lines.findIndex((l) => l.includes('"Bad Id"')) + 1;
    expect(messages).toContain(
      `${idLine}: question [1]: id: must be kebab-case: lower-case letters, digits and single hyphens`,
    );
    expect(messages.some((m) => m.includes('question [3] is not an object'))).toBe(true);
    expect(messages.some((m) => m.includes('question [4] has no question text'))).toBe(true);
  });

  it('reports YAML syntax errors with a line', () => {
    const r = parseImport('text: "unterminated\nlevel: [1,\n', 'broken.yml');
    expect(r.questions).toEqual([]);
    expect(r.warnings[0]?.message).toMatch(/^not valid YAML\/JSON/);
    expect(r.warnings[0]?.line).toBeGreaterThanOrEqual(1);
  });
});

describe('robustness', () => {
  it('detects formats by extension and content', () => {
    expect(detectFormat('a,b', 'x.csv')).toBe('csv');
    expect(detectFormat('#separator:tab\na\tb', 'x.txt')).toBe('tsv');
    expect(detectFormat('<details><summary>Q?</summary>A</details>', 'README')).toBe('details');
    expect(detectFormat('```\n<details><summary>Q</summary></details>\n```\n"How?"', 'x.md')).toBe('notes');
    expect(detectFormat('[{"text": "Q?"}]', 'bank')).toBe('bank');
    expect(detectFormat('“How do you deploy?”', 'notes.txt')).toBe('notes');
  });

  it('never throws on garbage, binary, broken HTML or random unicode', () => {
    const names = ['a.md', 'a.txt', 'a.csv', 'a.tsv', 'a.yaml', 'a.json', 'noext'];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...names), (text, name) => {
        const r = parseImport(text, name);
        expect(Array.isArray(r.questions) && Array.isArray(r.warnings)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const tokens = [
      '<details>',
      '</details>',
      '<summary>',
      '</summary>',
      '```',
      '“',
      '”',
      '?',
      '\n',
      '# ',
      'Q1. ',
      '👉',
      '"',
      ',',
      '\t',
      '&lt;',
      '**',
      '`',
      '<b>',
      '- ',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tokens), { maxLength: 80 }),
        fc.constantFrom(...names),
        (parts, name) => {
          const r = parseImport(parts.join(''), name);
          for (const q of r.questions) expect(q.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
    const bytes = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const bin = parseImport(bytes, 'image.png');
    expect(bin.questions).toEqual([]);
    expect(bin.warnings[0]?.message).toMatch(/does not look like a text file/);
    expect(parseImport(undefined as unknown as string, undefined as unknown as string).questions).toEqual([]);
  });

  it('finishes on huge pathological text without throwing (its speed is in npm run bench)', () => {
    const huge = [
      '<details>'.repeat(20_000),
      '**a '.repeat(50_000),
      '`'.repeat(10_000),
      '<code>'.repeat(5_000),
      '[x]('.repeat(20_000),
      `“${'How? '.repeat(10_000)}”`,
      'x,"y\n'.repeat(10_000),
    ];
    for (const text of huge)
      for (const name of ['a.md', 'a.txt', 'a.csv']) expect(() => parseImport(text, name)).not.toThrow();
  });
});

describe('normaliseForDedupe', () => {
  it('folds case, quotes, markup, whitespace and trailing punctuation', () => {
    const key = normaliseForDedupe('How do you manage `Terraform` state?');
    expect(key).toBe('how do you manage terraform state');
    expect(normaliseForDedupe('  “How do  you manage <b>Terraform</b>\nstate” ?! ')).toBe(key);
    expect(normaliseForDedupe('**How do you manage Terraform state.**')).toBe(key);
    expect(normaliseForDedupe('What’s &amp; why')).toBe("what's & why");
    expect(normaliseForDedupe('')).toBe('');
  });
});

describe('notes: a question and its answer on one line', () => {
  it('splits "Q1. …? 👉 answer" and the other one-line markers after a question mark', () => {
    const text = [
      'Q1. How do you roll back a Terraform change? 👉 Revert the commit and apply.', // 1
      'Q2: Why pin provider versions? -> So a plan today matches a plan tomorrow.', // 2
      '- How do you drain a node? → Cordon it, then evict with PDBs respected.', // 3
      'What is a PodDisruptionBudget? A: A floor on voluntary evictions.', // 4
      '“How would you scale the web tier?” 👉 “Add replicas behind the ALB.”', // 5
      '**Q3. What does prevent_destroy do?** => It blocks a plan that would delete the resource.', // 6
      'Q4. EC2 vs ECS 👉 EC2 gives full VM control.', // 7
      '', // 8
      'IaC → observability → DevOps', // 9
    ].join('\n');
    const r = parseImport(text, 'notes.txt');
    expect(r.questions.map((q) => [q.line, q.text, q.answer])).toEqual([
      [1, 'How do you roll back a Terraform change?', 'Revert the commit and apply.'],
      [2, 'Why pin provider versions?', 'So a plan today matches a plan tomorrow.'],
      [3, 'How do you drain a node?', 'Cordon it, then evict with PDBs respected.'],
      [4, 'What is a PodDisruptionBudget?', 'A floor on voluntary evictions.'],
      [5, 'How would you scale the web tier?', 'Add replicas behind the ALB.'],
      [6, 'What does prevent_destroy do?', 'It blocks a plan that would delete the resource.'],
      [7, 'EC2 vs ECS', 'EC2 gives full VM control.'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('keeps answer lines that follow an inline answer, and splits nothing without a question before the marker', () => {
    const r = parseImport(
      'Q1. How do you roll back? 👉 Revert the commit.\n👉 Then apply from CI.\n\nWe went IaC → GitOps -> done.',
      'n.txt',
    );
    expect(r.questions).toEqual([
      { text: 'How do you roll back?', answer: 'Revert the commit.\nThen apply from CI.', line: 1 },
    ]);
  });
});

describe('notes: numbering past Q999', () => {
  it('reads Q1000., Q1234: and 4-digit numbered list items as questions', () => {
    const text = [
      'Q999. How do you rotate a KMS key?', // 1
      '👉 Enable automatic rotation.', // 2
      'Q1000. How do you rotate an IAM access key?', // 3
      '👉 Create a second key, switch, then delete the first.', // 4
      'Q1234: What is a landing zone?', // 5
      '1000. Why use SCPs?', // 6
      '**Q123456. What is drift?**', // 7
    ].join('\n');
    const r = parseImport(text, 'many.txt');
    expect(r.questions.map((q) => [q.line, q.text, q.answer])).toEqual([
      [1, 'How do you rotate a KMS key?', 'Enable automatic rotation.'],
      [3, 'How do you rotate an IAM access key?', 'Create a second key, switch, then delete the first.'],
      [5, 'What is a landing zone?', undefined],
      [6, 'Why use SCPs?', undefined],
      [7, 'What is drift?', undefined],
    ]);
    expect(normaliseForDedupe('Q1000. What is drift?')).toBe(normaliseForDedupe('What is drift?'));
  });
});

describe('template placeholders', () => {
  it('skips "[Question]" / "[Answer]" template blocks in a README and says where', () => {
    const md = [
      '# Contributing', // 1
      '', // 2
      '<details>', // 3
      '<summary>[Question]</summary><br><b>', // 4
      '', // 5
      '[Answer]', // 6
      '</b></details>', // 7
      '', // 8
      '<details>', // 9
      '<summary>What is a VPC?</summary><br><b>', // 10
      '', // 11
      '[Answer]', // 12
      '</b></details>', // 13
    ].join('\n');
    const r = parseImport(md, 'README.md');
    expect(r.questions).toEqual([
      { text: 'What is a VPC?', line: 10, section: 'Contributing', partial: true },
    ]);
    expect(r.warnings).toEqual([
      {
        line: 4,
        message: '1 template placeholder(s) such as "[Question]" are not questions; skipped (lines 4)',
      },
      {
        line: 10,
        message:
          '1 answer(s) are template placeholders such as "[Answer]"; imported as partial without an answer (lines 10)',
      },
    ]);
  });

  it('skips "Q: [your question here]" rows in notes and CSV template rows', () => {
    const notes = parseImport(
      'Q: [your question here]\nA: [your answer here]\n\nQ1. <Question text>\n\nQ2. What is DNS?\nA: Names to addresses.',
      'template.md',
    );
    expect(notes.questions).toEqual([{ text: 'What is DNS?', answer: 'Names to addresses.', line: 6 }]);
    expect(notes.warnings[0]?.message).toBe(
      '2 template placeholder(s) such as "[your question here]" are not questions; skipped (lines 1, 4)',
    );
    const csv = parseImport(
      'question,answer\n[Question],[Answer]\nYour question here,\nWhat is a VPC?,A network\n',
      'deck.csv',
    );
    expect(csv.questions).toEqual([{ text: 'What is a VPC?', answer: 'A network', line: 4 }]);
    expect(csv.warnings[0]?.message).toMatch(/^2 template placeholder\(s\) .*\(lines 2, 3\)$/);
  });

  it('keeps real text in brackets, and labelled questions', () => {
    const r = parseImport(
      'question,answer\n[image: vpc.png],x\n[A record vs CNAME]?,y\n[Question] Which arguments does a variable block need?,None\n',
      'deck.csv',
    );
    expect(r.questions.map((q) => q.text)).toEqual([
      '[image: vpc.png]',
      '[A record vs CNAME]?',
      '[Question] Which arguments does a variable block need?',
    ]);
  });
});

describe('markup in question text', () => {
  it('keeps <script>alert(1)</script> as text in every format (clients render text, never HTML)', () => {
    const script = '<script>alert(1)</script>';
    const q = `What does ${script} in a comment field tell you?`;
    const notes = parseImport(`Q1. ${q}\n👉 The page echoes input unescaped: ${script}.`, 'xss.txt');
    expect(notes.questions[0]?.text).toBe(q);
    expect(notes.questions[0]?.answer).toBe(`The page echoes input unescaped: ${script}.`);
    const details = parseImport(
      `<details>\n<summary>${q}</summary><br><b>\n\nEscape ${script} on output.\n</b></details>`,
      'README.md',
    );
    expect(details.questions[0]?.text).toBe(q);
    expect(details.questions[0]?.answer).toBe(`Escape ${script} on output.`);
    const csv = parseImport(`question,answer\n"${q}",XSS\n`, 'deck.csv');
    expect(csv.questions[0]?.text).toBe(q);
    const bank = parseImport(JSON.stringify([{ question: q, answer: 'XSS' }]), 'bank.json');
    expect(bank.questions[0]?.text).toBe(q);
    expect(parseImport(`- ${q}`, 'n.md').questions[0]?.text).toBe(q);
    // Known tags are still markup; an entity-escaped script is the same text.
    expect(parseImport(`- What does <b>&lt;script&gt;</b> do?`, 'n.md').questions[0]?.text).toBe(
      'What does <script> do?',
    );
    expect(normaliseForDedupe(q)).toContain(script);
  });
});

describe('titles that restate a bank question', () => {
  // A small bank of our own wording, with neighbours that share words with the titles below.
  const answer = (full: string) => ({ modelAnswers: { full } });
  const bank: BankQuestionText[] = [
    {
      id: 'tf-state-team',
      text: 'How do you manage Terraform state in a team to avoid conflicts and drift?',
      ...answer('A remote backend with locking, plans in CI, and scheduled drift detection.'),
    },
    {
      id: 'tf-split-state',
      text: 'How would you split one large Terraform state into smaller ones?',
      ...answer(
        'Split by lifecycle and owner, move resources with moved blocks or state mv, and read outputs.',
      ),
    },
    {
      id: 'tf-import',
      text: 'How do you bring existing cloud resources under Terraform?',
      ...answer('Write import blocks, generate configuration, and plan until it shows no changes.'),
    },
    {
      id: 'pod-crashloop',
      text: 'How do you troubleshoot a Kubernetes pod stuck in CrashLoopBackOff?',
      ...answer(
        'Read the logs of the previous container, describe the pod for exit codes and events, check probes.',
      ),
    },
    {
      id: 'probes',
      text: 'What is the difference between liveness and readiness probes in Kubernetes?',
      ...answer('Readiness takes a pod out of the service endpoints; liveness restarts the container.'),
    },
    {
      id: 'incident-story',
      text: 'Can you give an example of a major incident you handled? What was your role, and what did you learn?',
      ...answer(
        'A release broke checkout. As incident commander I had it rolled back, kept stakeholders updated, found the config error, and we added a release gate.',
      ),
    },
    {
      id: 'postmortem',
      text: 'How do you write a blameless postmortem after an outage?',
      ...answer('A timeline, contributing factors rather than blame, and action items with owners.'),
    },
    {
      id: 'eks-pipeline',
      text: 'How would you design a deployment pipeline for applications running on EKS?',
      modelAnswers: {
        full: 'Build the image once, scan and sign it, then let Argo CD sync it through GitOps. Roll out with Argo Rollouts as a canary, analyse error rate and latency metrics, and roll back automatically when the analysis fails.',
      },
      keyPoints: [{ text: 'Canary with metric analysis', concepts: ['canary', 'automatic rollback'] }],
    },
    {
      id: 'ecs-fargate',
      text: 'How do you deploy a service on ECS with Fargate without breaking production?',
      modelAnswers: {
        full: 'Use the ECS deployment circuit breaker with CloudWatch alarms, blue/green through CodeDeploy, and health checks on the target group.',
      },
    },
  ];
  const notes = [
    'Interview Quick Answers', // 1
    '🔹 Level 1 – Fundamentals', // 2
    '', // 3
    'Q1. Terraform state management', // 4
    '👉 “Remote state in S3 with a lock table; plan and apply run in CI, never from laptops.”', // 5
    '', // 6
    'Q2. CrashLoopBackOff troubleshooting', // 7
    '👉 “Read the previous container’s logs and kubectl describe; usually a bad config or a failing probe.”', // 8
    '', // 9
    'Q3. Example of major incident', // 10
    '👉 “A bad release took checkout down; I rolled back, found the config error and added a pipeline gate.”', // 11
    '', // 12
    'Q4. Safe EKS rollouts', // 13
    '👉 “GitOps with Argo CD, canary steps with Argo Rollouts, metric analysis on error rate, automatic rollback.”', // 14
    '', // 15
    'Q5. Terraform workspaces naming', // 16
    '👉 “One workspace per environment, named after it.”', // 17
  ].join('\n');

  it('finds the bank question a seed-style title restates, by its words or by its answer', () => {
    const find = restatementFinder(bank);
    const found = parseImport(notes, 'quick.txt').questions.map((q) => [q.text, find(q)?.id, find(q)?.by]);
    expect(found).toEqual([
      ['Terraform state management', 'tf-state-team', 'title'],
      ['CrashLoopBackOff troubleshooting', 'pod-crashloop', 'title'],
      ['Example of major incident', 'incident-story', 'title'],
      ['Safe EKS rollouts', 'eks-pipeline', 'answer'],
      ['Terraform workspaces naming', undefined, undefined],
    ]);
  });

  it('leaves alone what is not clearly one bank question', () => {
    const find = restatementFinder(bank);
    // Ambiguous (two state questions), one word, a full question in other words, and an answer elsewhere.
    expect(find({ text: 'Terraform state' })).toBeUndefined();
    expect(find({ text: 'Terraform' })).toBeUndefined();
    expect(find({ text: 'How should a team share Terraform state?' })).toBeUndefined();
    expect(
      find({
        text: 'CrashLoopBackOff troubleshooting',
        answer:
          'Write a blameless postmortem after the outage, with the timeline and what the team will change.',
      }),
    ).toBeUndefined();
    expect(restatementFinder([])({ text: 'Terraform state management' })).toBeUndefined();
    expect(find({ text: undefined as unknown as string })).toBeUndefined();
    expect(isTopicTitle('Terraform state management')).toBe(true);
    expect(isTopicTitle('Describe Terraform state management')).toBe(false);
    expect(isTopicTitle('We manage Terraform state in S3.')).toBe(false);
  });
});
