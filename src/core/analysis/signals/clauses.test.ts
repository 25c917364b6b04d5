import { describe, expect, it } from 'vitest';
import { readText } from '../../text/index.js';
import { clausesOf } from './clauses.js';

const clauses = (text: string) => {
  const doc = readText(text);
  return clausesOf(doc).map((c) => ({
    text: doc.tokens
      .slice(c.from, c.to)
      .map((t) => t.text)
      .join(' '),
    predicate: c.predicate,
    termRun: c.termRun,
  }));
};

describe('clauses', () => {
  it('splits at a comma or conjunction that opens a new clause, not inside a list', () => {
    expect(clauses('We keep state in S3, and we lock it with use_lockfile.').map((c) => c.text)).toEqual([
      'We keep state in S3',
      'and we lock it with use_lockfile .',
    ]);
    expect(clauses('We use S3, DynamoDB and KMS.')).toHaveLength(1);
  });

  it('knows a claim from a fragment: a verb, a copula with a complement, or a relation', () => {
    expect(clauses('We lock the state.')[0]?.predicate).toBe(true);
    expect(clauses('DynamoDB locking is deprecated.')[0]?.predicate).toBe(true);
    expect(clauses('Versioning and Object Lock against ransomware.')[0]?.predicate).toBe(true);
    expect(clauses('Remote state, S3 backend, OIDC.')[0]?.predicate).toBe(false);
  });

  it('does not take a bare judgment for a claim ("monitoring is important"), but a judgment with reasons is one', () => {
    expect(clauses('Monitoring is really important.')[0]?.predicate).toBe(false);
    expect(clauses('So the circuit breaker is always consistent as well.')[0]?.predicate).toBe(false);
    expect(clauses('The bucket is public.')[0]?.predicate).toBe(true);
    expect(clauses('Remote state is important for teams that share one environment.')[0]?.predicate).toBe(
      true,
    );
  });

  it('marks a verbless run of terms', () => {
    expect(clauses('Remote state, S3 backend, use_lockfile, OIDC, Atlantis.')[0]?.termRun).toBe(true);
    expect(clauses('We apply from the pipeline after review.')[0]?.termRun).toBe(false);
  });
});
