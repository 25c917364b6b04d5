// Claims, not keywords: regression tests named after what fooled the engine (issue #10), on the real bank.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../../storage/bank.js';
import { analyzeAnswer, termModel } from '../index.js';

const bank = loadBank();
const model = termModel(bank.questions, bank.commonRedFlags);
const run = (id: string, answer: string) => {
  const question = bank.byId(id);
  if (!question) throw new Error(`no question ${id}`);
  return analyzeAnswer({ question, answer, commonRedFlags: bank.commonRedFlags, termModel: model });
};
const status = (a: ReturnType<typeof run>, id: string) => a.coverage.find((c) => c.id === id)?.status;

describe('claims, not keywords', () => {
  it('fluent buzzword salad scores low (regression: iam-least-privilege scored 100)', () => {
    const a = run(
      'iam-least-privilege',
      'STS is a kind of MFA for the network. We keep OIDC inside the SCP, and CloudTrail acts as our SSO. Access Analyzer hands out temporary credentials to the permission boundaries.',
    );
    expect(a.score).toBeLessThan(50);
    const b = run(
      'eks-deployment-pipeline',
      'GitOps means Trivy builds the Helm values. The canary runs the unit tests with OIDC. Promotion is done by the HPA.',
    );
    expect(b.score).toBeLessThan(45);
    expect(b.unexplained.map((u) => u.quote.text)).toContain('GitOps means Trivy builds the Helm values.');
  });

  it('credits neither of two key points equated in one clause, and quotes the clause', () => {
    const equated = run(
      'terraform-apply-failed-halfway',
      'Pause the pipeline is basically the run a plan of state pull.',
    );
    for (const id of ['pause-and-read', 'back-up-state', 'compare-state-reality'])
      expect(equated.coverage.find((c) => c.id === id)).toMatchObject({
        status: 'partial',
        basis: 'unexplained',
      });
    expect(equated.unexplained.map((u) => u.quote.text)).toContain(
      'Pause the pipeline is basically the run a plan of state pull.',
    );
    // Said as what is done, in order, the same key points stand.
    const stated = run(
      'terraform-apply-failed-halfway',
      'First I pause the pipeline and read the error, then I back up the state with terraform state pull before I run a plan.',
    );
    expect(status(stated, 'pause-and-read')).toBe('hit');
    expect(status(stated, 'back-up-state')).toBe('hit');
  });

  it('credits neither of two key points joined in one clause the way no model answer joins them', () => {
    const jammed = run(
      'terraform-state-team',
      'Drift detection runs inside separate state. We let state locking handle apply in CI.',
    );
    for (const id of ['drift-detection', 'ci-only-apply'])
      expect(jammed.coverage.find((c) => c.id === id)).toMatchObject({
        status: 'partial',
        basis: 'unexplained',
      });
    // Key points the model answers state together in one clause still stand together.
    const joined = run(
      'terraform-state-team',
      'We keep remote state in an S3 bucket and lock the state with use_lockfile, which blocks two concurrent applies.',
    );
    expect(status(joined, 'remote-backend')).toBe('hit');
    expect(status(joined, 'state-locking')).toBe('hit');
  });

  it('credits neither key point of "B runs inside A" when no correct clause joins them with that verb', () => {
    const placed = run('k8s-control-plane-etcd', 'Etcd snapshot runs inside the kubelet on each node.');
    for (const id of ['etcd-operations', 'node-agents'])
      expect(placed.coverage.find((c) => c.id === id)).toMatchObject({
        status: 'partial',
        basis: 'unexplained',
      });
    // Two key points the model answers name together, one described with a participle, both stand.
    const described = run(
      'container-supply-chain-security',
      "Then cosign keyless signing through Sigstore using the CI's OIDC identity, with the SBOM and provenance attached as attestations.",
    );
    expect(status(described, 'signing-provenance')).toBe('hit');
    expect(status(described, 'sbom-and-scanning')).toBe('hit');
  });

  it('counts every clause that equates or wrongly joins two key points as explaining nothing', () => {
    // Each key point is best said elsewhere; the clauses that equate them still explain nothing.
    const a = run(
      'waf-ddos-protection',
      'Rate-based rule is basically the shield advanced of managed rule groups. We let managed rule groups handle waf logs, so shield advanced is always consistent. Cloudfront in front runs inside shield advanced, and waf logs acts as our cloudfront in front as well. In practice waf logs replaces rate-based rule completely. That is why rate-based rule is configured through managed rule groups instead of shield advanced.',
    );
    expect(a.unexplained.map((u) => u.quote.text)).toEqual(
      expect.arrayContaining([
        'and waf logs acts as our cloudfront in front as well.',
        'In practice waf logs replaces rate-based rule completely.',
      ]),
    );
    expect(a.findings.some((f) => f.code === 'answer.mostly-unexplained')).toBe(true);
    expect(a.score).toBeLessThan(30);
  });

  it('reads a bare judgment as stating nothing, whatever its subject names', () => {
    const judged = run(
      'k8s-control-plane-etcd',
      'Running pods keep running, so the kubelet on each node is always consistent.',
    );
    expect(status(judged, 'node-agents')).not.toBe('hit');
    const stated = run(
      'k8s-control-plane-etcd',
      'The kubelet on each node starts the containers through containerd and reports the pod status.',
    );
    expect(status(stated, 'node-agents')).toBe('hit');
  });

  it('does not credit a practice named to reject it (regression: canary credited for its words)', () => {
    const a = run(
      'rolling-bluegreen-canary',
      'Canary releases just slow us down, so we ship to everyone at once with a rolling update.',
    );
    expect(status(a, 'canary-mechanics')).toBe('missed');
    expect(a.score).toBeLessThan(30);
    const b = run(
      'rolling-bluegreen-canary',
      'Traffic splitting is overkill for us, so we never compare with the stable version and just ship.',
    );
    expect(b.flags.find((f) => f.kind === 'contradiction')?.id).toBe('not-canary-mechanics');
  });

  it('respects word boundaries (regression: "on-call rotation" ticked "the name people can call you")', () => {
    const a = run(
      'self-introduction',
      'I run the on-call rotation for our platform team and handle incidents.',
    );
    expect(status(a, 'name-intro')).toBe('missed');
  });

  it('lets a red flag win over a hit on the same words (regression: DynamoDB locking ticked and flagged)', () => {
    const a = run('terraform-state-team', 'We use DynamoDB locking for the state and keep it in S3.');
    expect(a.flags.map((f) => f.id)).toContain('dynamodb-only');
    expect(status(a, 'state-locking')).not.toBe('hit');
  });

  it('names a bad practice called a mistake without claiming it', () => {
    const id = 'dynamodb-capacity-hot-partitions';
    const flags = (answer: string) => run(id, answer).flags.map((f) => f.id);
    expect(flags('We pick the order date as the partition key.')).toContain('low-cardinality-key');
    expect(flags('A classic mistake here is using the order date as the partition key.')).not.toContain(
      'low-cardinality-key',
    );
  });

  it('reads "avoid X" as agreeing with a key point that finds X, and "X is overkill" as rejecting it', () => {
    const avoid = run(
      'terraform-state-team',
      'On drift, we follow good practice, avoid manual changes, and look at it from time to time.',
    );
    expect(avoid.flags.map((f) => f.id)).not.toContain('not-drift-detection');
    const reject = run('terraform-state-team', 'Drift detection is overkill for a team like ours.');
    expect(reject.flags.map((f) => f.id)).toContain('not-drift-detection');
  });

  it('reads a red flag through a coordinated conjunct, not through another verb', () => {
    const both = run(
      'crashloopbackoff-troubleshooting',
      'If it keeps crashing I remove the liveness and readiness probe, because probes are the most common reason.',
    );
    expect(both.flags.map((f) => f.id)).toContain('disable-health-checks');
    const other = run(
      'crashloopbackoff-troubleshooting',
      'I remove the old sidecar and keep the readiness probe as it is.',
    );
    expect(other.flags.map((f) => f.id)).not.toContain('disable-health-checks');
  });

  it("meets another question's red flag on a technical answer, but not a local flag or on a story", () => {
    const withRivals = (id: string, answer: string) =>
      analyzeAnswer({
        question: bank.byId(id),
        answer,
        commonRedFlags: bank.commonRedFlags,
        termModel: model,
        rivals: bank.questions,
      }).flags.map((f) => f.id);
    const dated =
      'We keep one root module per environment and lock its state with a DynamoDB lock table, the recommended locking method.';
    // dynamodb-only belongs to terraform-state-team; answered under the modules question it still costs.
    expect(withRivals('terraform-modules-environments', dated)).toContain('dynamodb-only');
    expect(run('terraform-modules-environments', dated).flags.map((f) => f.id)).not.toContain(
      'dynamodb-only',
    );
    expect(withRivals('major-incident-story', dated)).not.toContain('dynamodb-only');
    // nlb-reads-paths is local: "ALB with path-based routing" is right under another question.
    expect(
      withRivals(
        'api-gateway-alb-nlb-choice',
        'For HTTP APIs I use an ALB, with path-based routing to each service.',
      ),
    ).not.toContain('nlb-reads-paths');
  });

  it('reads what is avoided, retired or set aside as not claimed', () => {
    const ids = (id: string, answer: string) => run(id, answer).flags.map((f) => f.id);
    // A colon spells out what is avoided.
    expect(
      ids(
        'terraform-module-design',
        'I avoid two extremes: a thin wrapper around one resource that adds nothing, and a mega-module that builds a whole environment.',
      ),
    ).not.toContain('wrap-everything');
    expect(
      ids('terraform-module-design', 'Our modules are each a thin wrapper around one resource.'),
    ).toContain('wrap-everything');
    // "Being retired" says the tool is on its way out.
    expect(
      ids(
        'prometheus-cloudwatch-integration',
        "For instrumentation it's OpenTelemetry SDKs everywhere, since the X-Ray SDKs are being retired.",
      ),
    ).not.toContain('xray-sdk-new-work');
    expect(
      ids(
        'prometheus-cloudwatch-integration',
        'We instrument every new service with the X-Ray SDK and the daemon.',
      ),
    ).toContain('xray-sdk-new-work');
    // "Rather than remove it" keeps the probe.
    expect(
      ids(
        'crashloopbackoff-troubleshooting',
        'If the restarts line up with Liveness probe failed events, I add a startupProbe or fix the timings rather than remove it.',
      ),
    ).not.toContain('not-probes');
    expect(
      ids('crashloopbackoff-troubleshooting', 'The liveness probe kept failing, so we removed it.'),
    ).toContain('not-probes');
    // Examples of what is blocked ("like …, or …") are blocked too, and a blocked drop act drops nothing.
    const blocked = ids(
      'multi-account-design',
      'SCPs on the OUs block things like using unapproved regions, or turning off CloudTrail and GuardDuty.',
    );
    expect(blocked).not.toContain('disable-audit-logging');
    expect(blocked.filter((f) => f.startsWith('not-'))).toEqual([]);
    expect(
      ids('multi-account-design', 'We are turning off CloudTrail and GuardDuty in dev to save money.'),
    ).toContain('disable-audit-logging');
    // A question answered by a case ("If … no new nodes appear") is not answered "no".
    expect(
      ids(
        'eks-autoscaling-not-kicking-in',
        'Node level: are there Pending pods? If pods sit in Pending with FailedScheduling and no new nodes appear, I read the Karpenter controller logs.',
      ).filter((f) => f.startsWith('not-')),
    ).toEqual([]);
    expect(ids('eks-autoscaling-not-kicking-in', 'Pending pods alerts? We never had them.')).toContain(
      'not-prevent-and-follow-up',
    );
  });

  it('does not flag the migration away from a deprecated practice', () => {
    const a = run(
      'terraform-state-team',
      'We migrated from DynamoDB locking to use_lockfile in the S3 backend.',
    );
    expect(a.flags).toEqual([]);
    expect(status(a, 'state-locking')).toBe('hit');
  });

  it('needs a partner for a paired term: "use_lockfile" alone in a list is not the locking point', () => {
    const listed = run('terraform-state-team', 'use_lockfile, OIDC, Atlantis, Checkov, drift.');
    expect(status(listed, 'state-locking')).not.toBe('hit');
    const stated = run(
      'terraform-state-team',
      'We set use_lockfile in the S3 backend so two applies never write at once.',
    );
    expect(status(stated, 'state-locking')).toBe('hit');
  });

  it('credits a correct statement in other words: an acronym or its expansion', () => {
    const a = run(
      'eks-networking-pod-identity',
      'Each pod gets its own AWS permissions through IAM roles for service accounts or EKS Pod Identity, scoped to the service account, so no pod uses the node role.',
    );
    expect(a.coverage.some((c) => c.status === 'hit')).toBe(true);
  });

  it('catches a confident mistake (regression: a full mesh of 20 VPC peerings scored 78)', () => {
    const a = run(
      'vpc-secure-ha',
      'For twenty VPCs I build a full mesh of VPC peering connections, every VPC peered with every other one, so we do not need a Transit Gateway.',
    );
    expect(a.score).toBeLessThan(30);
  });
});
