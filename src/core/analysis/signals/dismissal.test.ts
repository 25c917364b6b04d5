// Polarity of a mention. The hand cases below are ours; the phrasings in test/fixtures/polarity were written by a
// helper who never saw this code, and half of them (the held-out half) were never looked at while writing it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../text/index.js';
import { compilePhrase, indexDoc, matchPhrase } from '../phrases.js';
import { clauseIndexOf, clausesOf } from './clauses.js';
import { stanceOf } from './dismissal.js';

function stance(practice: string, sentence: string) {
  const doc = readText(sentence);
  const m = matchPhrase(indexDoc(doc), compilePhrase(practice));
  if (!m || m.fraction < 1) return 'no-match';
  const clauses = clausesOf(doc);
  const at = clauseIndexOf(clauses, doc.tokens.length)[m.tokens[0] ?? 0] ?? -1;
  return stanceOf(doc, clauses, at, m.tokens[0] ?? 0, m.tokens[m.tokens.length - 1] ?? 0, m.tokens).stance;
}

describe('dismissal', () => {
  it('reads a thing that cannot do something as a symptom, a person who cannot as a denial', () => {
    expect(stance('connect to the database', "The stack trace says it can't connect to the database.")).toBe(
      'stated',
    );
    expect(stance('pull the image', 'The pod cannot pull the image from ECR.')).toBe('stated');
    expect(stance('environment variables', "We can't check the environment variables in prod.")).toBe(
      'negated',
    );
  });

  it('catches a practice named only to reject it (regression: "canary releases just slow us down")', () => {
    expect(
      stance('canary releases', 'Canary releases just slow us down, so we ship to everyone at once.'),
    ).toBe('dismissed');
    expect(stance('code review', 'We skip code review when the deadline is close.')).toBe('dismissed');
    expect(stance('runbooks', 'Runbooks? Nobody reads them.')).toBe('dismissed');
    expect(stance('state locking', 'We looked at state locking. It was pure overhead.')).toBe('dismissed');
    expect(stance('readiness probes', 'Readiness probes made pods flap, so we turned them off.')).toBe(
      'dismissed',
    );
  });

  it('reads a fronted object dropped, a negator inside the mention, and a rule of thumb as the reason', () => {
    expect(stance('SCPs', 'SCPs I avoid, because they break things unexpectedly.')).toBe('dismissed');
    expect(stance('kubectl logs', 'kubectl cannot show logs from a crashed container.')).toBe('negated');
    expect(
      stance('test failover', "I'd never test failover in production, that's how you cause the outage."),
    ).toBe('negated');
    // Regret for a negation stays an endorsement; a contrast after a comma is about what follows it.
    expect(stance('restore test', 'We never ran a restore test, and it cost us a weekend.')).toBe('stated');
    expect(stance('remote state', 'We keep remote state, not the local file.')).toBe('stated');
    expect(stance('wildcard policies', 'Wildcard policies we never avoid.')).toBe('stated');
  });

  it('reads a verdict inside a spread-out mention, a fronted object refused, and "more than it is worth"', () => {
    expect(stance('signed images', 'Signing is theatre for our images.')).toBe('dismissed');
    expect(stance('network policies', "Network policies we don't use, since everything is internal.")).toBe(
      'dismissed',
    );
    expect(stance('canaries', "Canaries I don't trust.")).toBe('dismissed');
    expect(stance('service mesh', 'A service mesh is more moving parts than it is worth.')).toBe('dismissed');
    // A refused drop act, and a negated verb with an object of its own, refuse nothing.
    expect(stance('canaries', "Canaries we don't skip.")).toBe('stated');
    expect(stance('backups', "Backups we don't touch by hand.")).toBe('stated');
  });

  it('reads a later word of a spread-out mention refused by a person, not a contrast', () => {
    const practice = 'private cluster guardrails';
    expect(stance(practice, "The cluster is private, so we don't need guardrails.")).toBe('negated');
    expect(stance(practice, 'The cluster is private, with guardrails, not just alerts.')).toBe('stated');
    expect(stance(practice, 'The cluster is private, and guardrails never see public traffic.')).toBe(
      'stated',
    );
  });

  it('reads a negation inside a condition or a question as a case, and a drop with an exception as restraint', () => {
    expect(
      stance('api server', "If the app doesn't talk to the API server, I turn off the token mount."),
    ).toBe('stated');
    expect(stance('runbooks', "What happens when the team doesn't write runbooks?")).toBe('stated');
    expect(stance('clusterrolebinding', 'I avoid a ClusterRoleBinding unless it is really needed.')).toBe(
      'stated',
    );
    // The same words without the condition, the question or the exception still refuse.
    expect(stance('api server', "The app doesn't talk to the API server.")).toBe('negated');
    expect(stance('runbooks', "The team doesn't write runbooks.")).toBe('negated');
    expect(stance('clusterrolebinding', 'I avoid a ClusterRoleBinding.')).toBe('dismissed');
  });

  it('reads a negation inside a goal ("so that no …", "make sure nobody …") as what the practice prevents', () => {
    expect(
      stance(
        'service account token',
        'I turn off automounting so that no service account token sits in the pod.',
      ),
    ).toBe('stated');
    expect(stance('state locking', 'Make sure nobody turns state locking off.')).toBe('stated');
    expect(stance('state locking', 'Nobody turns state locking on here.')).toBe('negated');
  });

  it('reads negation by parity and keeps endorsements that use negative words', () => {
    expect(stance('state locking', 'We do not use state locking.')).toBe('negated');
    expect(stance('rollback plan', 'We never deploy without a rollback plan.')).toBe('stated');
    expect(stance('code review', 'Skipping code review is a mistake we made once.')).toBe('stated');
    expect(stance('backups', 'There is no excuse to skip backups.')).toBe('stated');
    expect(stance('load testing', 'People say load testing is overhead, but it saved our launch.')).toBe(
      'stated',
    );
    expect(stance('automated tests', 'We stopped manual testing and moved to automated tests.')).toBe(
      'stated',
    );
    expect(
      stance('autoscaling', 'Autoscaling and shutting down non-prod at night remove a lot of waste.'),
    ).toBe('stated');
  });

  it('holds its figures on phrasings written blind to it (held-out half)', () => {
    const file = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'polarity',
      'phrasings.jsonl',
    );
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { practice: string; sentence: string; label: 'dismiss' | 'endorse' });
    const fnv = (x: string) => {
      let h = 2166136261;
      for (const c of x) {
        h ^= c.charCodeAt(0);
        h = Math.imul(h, 16777619) >>> 0;
      }
      return h;
    };
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows.filter((x) => fnv(x.sentence) % 2 === 1)) {
      const s = stance(r.practice, r.sentence);
      if (s === 'no-match') continue;
      const caught = s !== 'stated';
      if (r.label === 'dismiss') caught ? tp++ : fn++;
      else if (caught) fp++;
    }
    // Measured 0.58 recall, 0.91 precision when this test was written (docs/benchmarks.md).
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.55);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.88);
  });
});
