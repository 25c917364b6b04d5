// Every signal's results, as one list of typed findings the scores rest on.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../storage/bank.js';
import { analyzeAnswer, termModel } from './index.js';

const bank = loadBank();
const model = termModel(bank.questions, bank.commonRedFlags);
const run = (id: string, answer: string) => {
  const question = bank.byId(id);
  if (!question) throw new Error(`no question ${id}`);
  return analyzeAnswer({
    question,
    answer,
    commonRedFlags: bank.commonRedFlags,
    termModel: model,
    rivals: bank.questions,
  });
};
const codes = (a: ReturnType<typeof run>) => a.findings.map((f) => f.code);

describe('findings', () => {
  it('name each key point by how it was covered, with the words as spans', () => {
    const a = run(
      'terraform-state-team',
      'We keep remote state in an S3 backend with versioning and lock it with use_lockfile.',
    );
    const remote = a.findings.find((f) => f.ref === 'remote-backend');
    expect(remote?.code).toBe('keypoint.stated');
    expect(remote?.spans[0]?.text).toBeTruthy();
    expect(a.findings.filter((f) => f.signal === 'coverage')).toHaveLength(a.coverage.length);
  });

  it('cap an answer to another question, and say which question it answers', () => {
    const state = bank.byId('terraform-state-team');
    const a = run('vpc-secure-ha', state?.modelAnswers.full ?? '');
    const found = a.findings.find((f) => f.code === 'answer.other-question');
    expect(found?.ref).toBe('terraform-state-team');
    expect(a.score).toBeLessThanOrEqual(10);
    expect(a.feedback.find((f) => f.code === 'substance.other-question')?.message).toContain(state?.text);
    // The question's own model answer is not an answer to another one.
    const own = run('vpc-secure-ha', bank.byId('vpc-secure-ha')?.modelAnswers.full ?? '');
    expect(codes(own)).not.toContain('answer.other-question');
  });

  it('carry nonsense, dismissals, flags and low confidence as codes', () => {
    expect(
      codes(
        run(
          'eks-deployment-pipeline',
          'GitOps means Trivy builds the Helm values. The canary runs the unit tests with OIDC.',
        ),
      ),
    ).toContain('clause.unexplained');
    expect(
      codes(
        run(
          'rolling-bluegreen-canary',
          'Traffic splitting is overkill for us, so we never compare with the stable version.',
        ),
      ),
    ).toContain('keypoint.dismissed');
    const flagged = run('terraform-state-team', 'We commit the state file to Git so everyone has it.');
    expect(flagged.findings.find((f) => f.code === 'flag.red')?.measures.severity).toBe(3);
    expect(codes(run('terraform-state-team', 'S3.'))).toContain('confidence.low');
  });
});
