import { describe, expect, it } from 'vitest';
import { readText } from '../../text/index.js';
import { DEFAULT_POLICY } from '../policy.js';
import { confidenceOf } from './confidence.js';

const judge = (text: string, known = 1, declined = false) =>
  confidenceOf({ doc: readText(text), known, declined }, DEFAULT_POLICY);

describe('confidence', () => {
  it('is low for very short answers, mostly another language, or words the rubric does not know', () => {
    expect(judge('S3 and locking.')).toEqual({ level: 'low', reasons: ['too-short'] });
    expect(
      judge('我们把状态放在远程存储里，用锁来避免冲突，再定期检查漂移，还有审计日志。').reasons,
    ).toContain('other-language');
    const long =
      'I enjoy hiking in the mountains with my family, cooking dumplings, reading novels and watching football on the weekend.';
    expect(judge(long, 0.1)).toEqual({ level: 'low', reasons: ['unknown-words'] });
  });

  it('is high for a real answer, and for an explicit "I don\'t know" (its zero is certain)', () => {
    const answer =
      'We keep the state in an S3 backend with versioning and lock it with use_lockfile in every pipeline run.';
    expect(judge(answer, 0.9)).toEqual({ level: 'high', reasons: [] });
    expect(judge("I don't know.", 0, true)).toEqual({ level: 'high', reasons: [] });
  });
});
