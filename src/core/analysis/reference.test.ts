import { describe, expect, it } from 'vitest';
import { readText } from '../text/index.js';
import { analyzeAnswer } from './index.js';
import { gradeAgainstReference, gradeWithPeers } from './reference.js';

const question = readText('What is a pointer?');
const reference = readText('A variable that contains the address in memory of another variable.');
const grade = (answer: string, ref = reference, q = question) =>
  gradeAgainstReference(readText(answer), ref, q);

describe('gradeAgainstReference', () => {
  it('gives the reference itself a top score', () => {
    const r = grade(reference.text);
    expect(r.score).toBeGreaterThanOrEqual(90);
    expect(r.similarity).toBeCloseTo(1, 5);
    expect(r.missingTerms).toEqual([]);
  });

  it('scores an off-topic answer well below a correct one', () => {
    const off = grade('I enjoy hiking in the mountains with my dog on sunny weekends.');
    expect(off.similarity).toBe(0);
    expect(off.matched).toEqual([]);
    // Calibrated to human graders, who are lenient with answers that share no word (see reference.ts).
    expect(off.score).toBeLessThanOrEqual(65);
    expect(grade(reference.text).score - off.score).toBeGreaterThanOrEqual(30);
  });

  it('gives 0 to empty answers and explicit non-answers', () => {
    expect(grade('').score).toBe(0);
    expect(grade('   ').score).toBe(0);
    expect(grade('not answered').score).toBe(0);
    expect(grade("I don't know.").score).toBe(0);
  });

  it('ranks a paraphrase with the key words above a partial answer, and that above an off-topic one', () => {
    const paraphrase = grade('It is a variable holding the memory address of some other variable.');
    const partial = grade('It is a variable in memory.');
    const off = grade('Sorting puts numbers in ascending order quickly.');
    expect(paraphrase.score).toBeGreaterThan(partial.score + 10);
    expect(partial.score).toBeGreaterThan(off.score + 5);
    expect(partial.missingTerms).toEqual(['contains', 'address', 'another']);
  });

  it('gives no credit for repeating the question, even where the reference repeats it too', () => {
    const q = readText('What is a stack?');
    const ref = readText('A stack is a list where the last element added is the first one removed.');
    const echo = gradeAgainstReference(readText('A stack is a kind of stack.'), ref, q);
    const answer = gradeAgainstReference(readText('The last element you add is removed first.'), ref, q);
    expect(echo.similarity).toBe(0);
    expect(answer.score).toBeGreaterThan(echo.score + 20);
  });

  it('is deterministic', () => {
    const text = 'Pointers hold the adress of another variable in memory, not its value.';
    const first = grade(text);
    for (let i = 0; i < 3; i++) expect(grade(text)).toEqual(first);
  });

  it('returns spans that cover real words of the answer aligned to the reference', () => {
    const text = 'Basically it stores the ADDRESS of a different variable, in memory.';
    const r = grade(text);
    const words = r.matched.map((m) => text.slice(m.start, m.end).toLowerCase());
    expect(words).toEqual(['address', 'variable', 'memory']);
    for (const m of r.matched) expect(text.slice(m.start, m.end)).toMatch(/^[A-Za-z]+$/);
  });

  it('tolerates misspellings, number words and acronyms', () => {
    const ref = readText('Last in first out: the element added last is removed first.');
    const q = readText('What order does a stack use?');
    expect(grade('adress of anothr variable in memmory').similarity).toBeGreaterThan(0.5);
    expect(gradeAgainstReference(readText('LIFO'), ref, q).similarity).toBeGreaterThan(0.3);
    const once = gradeAgainstReference(
      readText('runs 1 time'),
      readText('executes at least once'),
      readText('do while?'),
    );
    expect(once.similarity).toBeGreaterThan(0);
  });
});

describe('gradeWithPeers', () => {
  const peers = [
    'A variable that holds the memory address of another variable.',
    'It stores an address, the location of another variable in memory.',
    'A variable whose value is the address of another variable.',
    'Holds the address of a variable.',
    'A loop that repeats code.',
    '',
  ];
  it('keeps order and length, and still ranks right against wrong', () => {
    const results = gradeWithPeers(peers.map(readText), reference, question);
    expect(results).toHaveLength(peers.length);
    const [best, , , , wrong, empty] = results;
    expect(best?.score).toBeGreaterThan(wrong?.score ?? 100);
    expect(empty?.score).toBe(0);
    expect(results).toEqual(gradeWithPeers(peers.map(readText), reference, question));
  });

  it('falls back to the reference alone with too few peers', () => {
    const few = peers.slice(3, 6);
    expect(gradeWithPeers(few.map(readText), reference, question)).toEqual(few.map((p) => grade(p)));
  });
});

describe('reference mode weighs relevance', () => {
  const question = 'What is Amazon EBS and when would you use it?';
  const reference =
    'EBS is block storage for EC2 instances: persistent volumes in one Availability Zone, gp3 and io2 volume types, snapshots stored in S3, and encryption with KMS. Use it for boot volumes and databases on EC2.';
  const grade = (answer: string) => analyzeAnswer({ questionText: question, reference, answer }).score;

  it('scores an answer about another topic like an off-topic one (regression: a swap-partition answer scored 65)', () => {
    const swap = grade(
      'A swap partition is disk space the Linux kernel uses when RAM is full. You create it with mkswap and enable it with swapon, and set swappiness in sysctl to control how aggressively pages are moved out of memory to the disk.',
    );
    const onTopic = grade(
      'EBS gives an EC2 instance persistent block volumes in one AZ; I use gp3 for most disks, io2 for heavy databases, take snapshots to S3 for backup and encrypt volumes with KMS.',
    );
    expect(swap).toBeLessThan(30);
    expect(onTopic).toBeGreaterThan(80);
  });
});
