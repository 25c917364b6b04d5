import { describe, expect, it } from 'vitest';
import { maskInnerDots, readText } from './index.js';

describe('readText', () => {
  it('keeps versions and file names whole and splits real sentences', () => {
    const doc = readText('We upgraded to v1.5.7 last week. Never commit terraform.tfstate to Git. Done!');
    expect(doc.sentences.map((s) => s.text)).toEqual([
      'We upgraded to v1.5.7 last week.',
      'Never commit terraform.tfstate to Git.',
      'Done!',
    ]);
    const names = doc.tokens.map((t) => t.text);
    expect(names).toContain('v1.5.7');
    expect(names).toContain('terraform.tfstate');
  });

  it('mask keeps length and offsets', () => {
    const text = 'see v1.5.7, e.g. terraform.tfstate and 3.14';
    const masked = maskInnerDots(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toContain('e.g.');
    expect(masked).toContain('3.14');
  });

  it('splits Chinese sentences at 。！？ and keeps spans pointing at the original text', () => {
    const text = '我负责迁移。然后呢！好的？ Then I rolled back the k8s deployment.';
    const doc = readText(text);
    expect(doc.sentences).toHaveLength(4);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    const k8s = doc.tokens.find((t) => t.text === 'k8s');
    expect(k8s?.stem).toBe(readText('Kubernetes').tokens[0]?.stem);
  });

  it('marks negation scopes and ends them at a conjunction', () => {
    const doc = readText('We never apply from laptops and we use CI.');
    const flag = (w: string) => doc.tokens.find((t) => t.norm === w)?.negated;
    expect(flag('apply')).toBe(true);
    expect(flag('laptops')).toBe(true);
    expect(flag('ci')).toBe(false);
  });

  it('treats avoid / deprecated as soft negation only', () => {
    const doc = readText(
      'We avoid applying from laptops. DynamoDB locking, which is now deprecated, was replaced.',
    );
    const tok = (w: string) => doc.tokens.find((t) => t.norm === w);
    expect(tok('applying')?.negated).toBe(false);
    expect(tok('applying')?.softNegated).toBe(true);
    expect(tok('dynamodb')?.softNegated).toBe(true);
  });

  it('keeps acronyms intact', () => {
    const stems = readText('EKS ECS AWS IAM VPCs CI/CD').tokens.map((t) => t.stem);
    expect(stems).toEqual(['eks', 'ecs', 'aws', 'iam', 'vpc', 'ci/cd']);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '   ', '😀😀', '\u0000\u0001', 'a'.repeat(5000), '中文，English mixed。']) {
      expect(() => readText(text)).not.toThrow();
    }
  });
});

describe('long runs', () => {
  it('keeps the masked text the same length for emoji and long words', () => {
    for (const text of ['😀'.repeat(300), 'x'.repeat(20_000), `${'ab'.repeat(100)}.cd`]) {
      expect(maskInnerDots(text)).toHaveLength(text.length);
    }
  });
});
