// Rewrites that work: every "so that" replaced with one of the seed's alternatives, varied so none repeats, fillers
// dropped, grammar corrected, the whole answer shown rewritten (issue #11).
import { describe, expect, it } from 'vitest';
import { readText } from '../text/index.js';
import { dropFillers } from './rewrite.js';
import { analyzeLanguage } from './signals/language.js';

/** The seed notes' three example paragraphs, each sentence leaning on "so that" as the user says them. */
const SEED_PARAGRAPHS = [
  'I have strong skills in Linux and cloud platforms so that I can manage systems efficiently. I focus on automation with Terraform and GitHub Actions so that deployments are faster and safer. I’m experienced in observability with Prometheus and OpenTelemetry, so that issues are detected early.',
  'My core skills are in CI/CD pipelines, so that delivery is continuous and reliable. I use Kubernetes and Argo CD to deploy applications so that manual errors go down. I manage cloud resources with Terraform so that infrastructure is consistent and scalable.',
  'I’m skilled in monitoring, logging, and tracing, so that systems stay transparent. I set up Grafana, Loki, and OpenTelemetry so that performance issues become visible in real time. This helps teams optimize their applications so that the user experience improves.',
];
const ALTERNATIVES = [
  /\bwhich helps\b/gi,
  /\ballowing\b/gi,
  /\bthis way\b/gi,
  /\benabling\b/gi,
  /\bwhich ensures\b/gi,
];
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

describe('rewrites', () => {
  it.each(SEED_PARAGRAPHS.map((p, i) => [i + 1, p]))(
    'seed example %i: no "so that" left and no alternative repeated',
    (_, paragraph) => {
      const l = analyzeLanguage(readText(paragraph as string));
      const out = l.rewritten as string;
      expect(out).toBeTruthy();
      expect(count(out, /\bso that\b/gi)).toBe(0);
      for (const re of ALTERNATIVES) expect(count(out, re), `${re} in: ${out}`).toBeLessThanOrEqual(1);
      // The sentences keep their content words: nothing the candidate said is lost.
      for (const word of ['Terraform', 'Prometheus', 'Kubernetes', 'Grafana', 'CI/CD'])
        if ((paragraph as string).includes(word)) expect(out).toContain(word);
      // Each rewrite of a "so that" sentence is offered with the connector.
      const c = l.connectors.find((x) => x.phrase === 'so that');
      expect(c?.rewrites).toHaveLength(3);
      for (const r of c?.rewrites ?? []) expect(r.suggestion).not.toMatch(/\bso that\b/i);
    },
  );

  it('rewrites two "so that" in one sentence and drops the fillers (regression)', () => {
    const l = analyzeLanguage(
      readText(
        'Um, basically, you know, we keep the state in S3 so that everyone shares it so that nobody overwrites it. We lock it so that two applies cannot run at once.',
      ),
    );
    const out = l.rewritten as string;
    expect(count(out, /\bso that\b/gi)).toBe(0);
    expect(out).not.toMatch(/\b(?:um|basically|you know)\b/i);
    expect(out.startsWith('We keep the state in S3')).toBe(true);
    // A negative purpose keeps its negation.
    expect(out).toMatch(/nobody overwrites it|cannot run at once/);
  });

  it('varies other leaned-on connectors after their first use and corrects grammar', () => {
    const l = analyzeLanguage(
      readText(
        'Yesterday I fix the lock and then we review the plan, and then we apply, and then we verify the state.',
      ),
    );
    const out = l.rewritten as string;
    expect(out).toContain('Yesterday I fixed the lock');
    expect(count(out, /\band then\b/gi)).toBe(1);
  });

  it('drops fillers and keeps the sentence readable', () => {
    expect(dropFillers('Um, so, I would, like, check logs. You know, basically done.')).toBe(
      'I would check logs. Done.',
    );
  });

  it('leaves a clean answer alone', () => {
    expect(
      analyzeLanguage(readText('We keep state in S3 with locking and review every plan.')).rewritten,
    ).toBeNull();
  });
});
