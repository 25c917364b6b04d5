// The overall score and grade, and the three layers an interviewer judges.
import { useT } from '../i18n';
import { type Analysis, DIMENSIONS } from '../types';

const DIM_TEST_ID = { technical: 'dim-technical', ops: 'dim-ops', delivery: 'dim-delivery' } as const;

export function scoreTone(score: number | null): string {
  if (score === null) return 'tone-none';
  if (score >= 75) return 'tone-good';
  if (score >= 50) return 'tone-mid';
  return 'tone-low';
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
