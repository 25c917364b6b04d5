// Coherence learned from the bank: which terms go together, and what each named tool is said to do.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../storage/bank.js';
import { readText } from '../../text/index.js';
import { compileRubric } from '../rubric.js';
import { clausesOf } from './clauses.js';
import { coherence, exportTermModel, importTermModel, relationsOf, termModel } from './coherence.js';
import { bestParaphrase, keyPointBags } from './paraphrase.js';

const bank = loadBank();
const model = termModel(bank.questions, bank.commonRedFlags);
const judge = (text: string) => {
  const doc = readText(text);
  return { doc, clauses: clausesOf(doc), result: coherence(doc, clausesOf(doc), model) };
};

describe('coherence', () => {
  it('marks a tool doing another tool\'s job (regression: "CloudTrail acts as our SSO", "Trivy builds the Helm values")', () => {
    for (const text of [
      'CloudTrail acts as our SSO.',
      'GitOps means Trivy builds the Helm values.',
      'Macie is handling our TLS termination.',
    ]) {
      const { doc, clauses } = judge(text);
      expect(
        relationsOf(doc, clauses, model).some((r) => !r.attested),
        text,
      ).toBe(true);
    }
  });

  it('accepts what correct answers say a tool does', () => {
    for (const text of [
      'CloudTrail records every API call in the account.',
      'Karpenter provisions nodes for pending pods.',
    ]) {
      const { doc, clauses } = judge(text);
      expect(
        relationsOf(doc, clauses, model).filter((r) => !r.attested),
        text,
      ).toEqual([]);
    }
  });

  it('reads who does what in passives, relative clauses, names tagged as verbs and placements', () => {
    const said = (text: string) => {
      const { doc, clauses } = judge(text);
      return relationsOf(doc, clauses, model).map(
        (r) => `${r.subject} ${r.verb} ${r.object ?? ''} ${r.attested}`,
      );
    };
    // The agent of a passive does the verb: the Internet Gateway "protects", which no correct answer says.
    expect(said('The isolated subnets are protected by the Internet Gateway.')).toContain(
      'internet·gateway protect subnet false',
    );
    // "which" stands for the term before it.
    expect(said('Traffic goes through the Internet Gateway, which acts as our WAF.')).toContainEqual(
      expect.stringMatching(/^internet·gateway act waf false$/),
    );
    // "Logs" in "VPC Flow Logs" is part of the name, not the verb.
    expect(said('VPC Flow Logs enforce least privilege.')).toContainEqual(
      expect.stringMatching(/^vpc·flow\S* enforc least·privileg false$/),
    );
    // A person putting one tool on another: GuardDuty does not sit on a Transit Gateway.
    expect(said('We enable GuardDuty on the Transit Gateway.')).toContain('guardduti  transit·gateway false');
    // A tool that "runs inside" another claims where it is: CloudTrail does not run in a Transit Gateway.
    expect(said('CloudTrail runs inside the Transit Gateway.')).toContain(
      'cloudtrail  transit·gateway false',
    );
    expect(said('Karpenter runs in the cluster.')).toContain('karpent  cluster true');
    // The same shapes, said correctly, stand.
    expect(said('We enable GuardDuty in every account.').every((r) => r.endsWith('true'))).toBe(true);
  });

  it('finds more unattested pairings in fluent nonsense than in a correct answer', () => {
    const salad = judge(
      'The HPA handles promotion of the canary. Route 53 runs inside the Aurora cluster, and CloudFront keeps versioning of the KMS keys.',
    ).result;
    const correct = judge(
      'Argo Rollouts shifts a small share of traffic to the canary and promotes it when the error rate stays under the SLO; the HPA scales pods on CPU.',
    ).result;
    expect(salad.unattestedShare).toBeGreaterThan(correct.unattestedShare);
    expect(salad.unexplained.length).toBeGreaterThan(0);
  });

  it('learns terms, pairs, names and relations from the bank, and survives a save and a load', () => {
    expect(model.named.has('karpent')).toBe(true);
    expect(model.pairs.size).toBeGreaterThan(10_000);
    const copy = importTermModel([], exportTermModel(model));
    expect(copy.pairs.size).toBe(model.pairs.size);
    expect([...copy.relations]).toEqual([...model.relations]);
  });
});

describe('paraphrase', () => {
  it('credits a key point said in other words than its phrasings', () => {
    const q = bank.byId('terraform-state-team');
    if (!q) throw new Error('missing question');
    const bags = keyPointBags(q, model, compileRubric(q).questionStems);
    const doc = readText(
      'During every plan and apply two runs cannot write it at once with native locking on S3.',
    );
    const best = bestParaphrase(
      doc,
      clausesOf(doc),
      bags.find((b) => b.id === 'state-locking') ?? (bags[0] as never),
    );
    expect(best?.share ?? 0).toBeGreaterThan(0.3);
  });
});
