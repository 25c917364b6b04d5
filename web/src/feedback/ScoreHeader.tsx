// The overall score and grade, and the three layers an interviewer judges.
import { scoreBand } from '../../../src/core/analysis/policy.js';
import { useT } from '../i18n';
import { type Analysis, DIMENSIONS } from '../types';

const DIM_TEST_ID = { technical: 'dim-technical', ops: 'dim-ops', delivery: 'dim-delivery' } as const;

export function scoreTone(score: number | null): string {
  if (score === null) return 'tone-none';
  // The same bands as the terminal and the review schedule (policy.ts).
  const band = scoreBand(score);
  return band === 'good' ? 'tone-good' : band === 'fair' ? 'tone-mid' : 'tone-low';
}

export function ScoreHeader({ analysis }: { analysis: Analysis }) {
  const t = useT();
  return (
    <div className="score-header">
      <div className={`score-overall ${scoreTone(analysis.score)}`} data-testid="score-overall">
        <span className="score-number">{analysis.score}</span>
        <span className="score-of">/100</span>
        <span className="score-grade">{t('score.grade', { g: analysis.grade })}</span>
      </div>
      <dl className="dims">
        {DIMENSIONS.map((d) => {
          const dim = analysis.dimensions[d];
          return (
            <div key={d} className="dim" data-testid={DIM_TEST_ID[d]}>
              <dt>{t(`dim.${d}`)}</dt>
              <dd>
                <span className="dim-score">{dim.score ?? t('score.na')}</span>
                <span className="meter" aria-hidden="true">
                  <span
                    className={`meter-fill ${scoreTone(dim.score)}`}
                    style={{ width: `${dim.score ?? 0}%` }}
                  />
                </span>
                <span className="dim-hits">{t('score.hits', { hit: dim.hit, total: dim.total })}</span>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
