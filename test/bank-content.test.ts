// The built-in bank against the spec in the seed notes: the 23 interviewer questions verbatim, the seed's levels,
// the story questions, and the rules for behavioural model answers.
import { describe, expect, it } from 'vitest';
import { CORE_CATEGORIES } from '../src/core/bank/schema.js';
import { loadBank } from '../src/storage/bank.js';

/** The interviewer questions of the seed notes (六 sections), as written there. */
const SEED_QUESTIONS = [
  'How do you design a secure and highly available VPC architecture on AWS?',
  'What’s the difference between using EC2, EKS, and ECS for workloads? When would you choose each?',
  'How do you implement centralized logging and monitoring across multiple AWS accounts?',
  'Can you walk me through how you would implement cross-region disaster recovery?',
  'How do you organize Terraform modules for different environments (dev/stage/prod)?',
  'How do you manage Terraform state in a team to avoid conflicts and drift?',
  'What’s your strategy for rolling back infrastructure changes if something goes wrong?',
  'Have you used policy-as-code (like OPA/Conftest) to enforce compliance in IaC pipelines?',
  'How would you design a deployment pipeline for applications running on EKS?',
  'What’s the difference between rolling updates, blue-green, and canary deployments? Which do you prefer and why?',
  'How do you troubleshoot a Kubernetes pod stuck in CrashLoopBackOff?',
  'How would you secure the container supply chain (images, registries, runtime)?',
  'How do you integrate Prometheus/Grafana/OpenTelemetry with AWS CloudWatch for observability?',
  'Can you give an example of a major incident you handled? What was your role, and what did you learn?',
  'How do you balance automation vs. manual control in incident management?',
  'How do you hand over infrastructure and tooling to a client after project delivery?',
  'What’s your approach to knowledge transfer and documentation for clients?',
  'What would you do if the client insists on skipping compliance checks to deliver faster?',
  'How do you work with developers to align release processes and infrastructure requirements?',
  'A Terraform apply failed halfway and left resources inconsistent. What would you do?',
  'Your EKS cluster auto-scaling is not kicking in during traffic spikes. How do you debug?',
  'A new application deployment caused 50% of user requests to fail. Walk me through how you’d handle this incident end-to-end.',
  'If you join our team, what would be your first 90 days’ focus?',
];

/** The seed's quick answers give levels: Q1–Q3 level 1, Q4–Q6 level 2, Q7–Q10 level 3. */
const SEED_LEVELS: Record<string, 1 | 2 | 3> = {
  'ec2-vs-ecs-vs-eks': 1,
  'terraform-state-team': 1,
  'crashloopbackoff-troubleshooting': 1,
  'multi-account-design': 2,
  'eks-deployment-pipeline': 2,
  'terraform-rollback-strategy': 2,
  'bad-deployment-half-requests-failing': 3,
  'iac-policy-as-code': 3,
  'first-90-days': 3,
  'major-incident-story': 3,
};

const bank = loadBank();

describe('built-in bank content', () => {
  it('has every seed interviewer question, verbatim, marked as seed', () => {
    for (const text of SEED_QUESTIONS) {
      const q = bank.questions.find((x) => x.text === text);
      expect(q, text).toBeDefined();
      expect(q?.source).toBe('seed');
    }
    expect(bank.questions.filter((q) => q.source === 'seed')).toHaveLength(SEED_QUESTIONS.length);
  });

  it('keeps the levels the seed quick answers give', () => {
    for (const [id, level] of Object.entries(SEED_LEVELS)) expect(bank.byId(id)?.level, id).toBe(level);
  });

  it('has at least 60 questions over the six categories and three levels', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(60);
    for (const c of CORE_CATEGORIES) {
      const inCategory = bank.questions.filter((q) => q.category === c);
      expect(inCategory.length, c).toBeGreaterThanOrEqual(4);
    }
    for (const level of [1, 2, 3])
      expect(bank.questions.filter((q) => q.level === level).length).toBeGreaterThanOrEqual(10);
  });

  it('has the self-introduction in the seed shape, the career story and behavioural STAR + Future prompts', () => {
    const intro = bank.questions.find((q) => q.kind === 'self-intro');
    expect(intro?.modelAnswers.full).toMatch(/my name is .*but you can call me/i);
    expect(bank.questions.some((q) => q.kind === 'career-story')).toBe(true);
    expect(bank.questions.filter((q) => q.kind === 'behavioral').length).toBeGreaterThanOrEqual(3);
  });

  it("never invents the candidate's numbers in story answers: figures are placeholders", () => {
    for (const q of bank.questions.filter(
      (x) => x.kind === 'behavioral' || x.kind === 'self-intro' || x.kind === 'career-story',
    )) {
      const outsidePlaceholders = `${q.modelAnswers.quick} ${q.modelAnswers.full}`.replace(/\[[^\]]*\]/g, '');
      expect(outsidePlaceholders, q.id).not.toMatch(
        /\d+\s*(%|percent|minutes|hours|days|weeks|months|years|engineers|services|accounts|x\b)/i,
      );
      expect(`${q.modelAnswers.full}`, q.id).toMatch(/\[[^\]]+\]/);
    }
  });

  it('teaches 2026 practice: native S3 state locking, not DynamoDB as the way', () => {
    const state = bank.byId('terraform-state-team');
    expect(state?.modelAnswers.full).toMatch(/use_lockfile/);
    expect(state?.modelAnswers.full).toMatch(/DynamoDB[^.]*deprecated|deprecated[^.]*DynamoDB/);
  });
});
