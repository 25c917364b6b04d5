// The key-point checklist: hit ✔, partial ◐, missed ✘, each with the answer's own words as evidence, and the
// bank's Chinese note on the point as a second line when the interface is in Chinese. After a follow-up, a point
// the first answer already covered says so instead of "missed" (the follow-up is graded on its own words).
import { useLang, useT } from '../i18n';
import type { Analysis } from '../types';

const ICON = { hit: '✔', partial: '◐', missed: '✘' } as const;

export function KeyPointList({
  analysis,
  coveredBefore,
}: {
  analysis: Analysis;
  /** Key points the question's earlier answer (before this follow-up) covered. */
  coveredBefore?: ReadonlySet<string>;
}) {
  const t = useT();
  const lang = useLang();
  if (analysis.coverage.length === 0) return null;
  return (
    <section className="fb-section" aria-label={t('fb.keyPoints')}>
      <h3>{t('fb.keyPoints')}</h3>
      <ul className="keypoints">
        {analysis.coverage.map((k) => {
          const quote = [...k.evidence].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
          const earlier = k.status !== 'hit' && coveredBefore?.has(k.id) === true;
          return (
            <li
              key={k.id}
              className={`keypoint kp-${earlier ? 'hit' : k.status}`}
              data-testid={`keypoint-${k.id}`}
              data-status={earlier ? 'earlier' : k.status}
            >
              <span
                className="kp-icon"
                role="img"
                aria-label={earlier ? t('kp.earlier') : t(`kp.${k.status}`)}
              >
                {earlier ? ICON.hit : ICON[k.status]}
              </span>
              <div className="kp-body">
                <p className="kp-text">
                  <span lang="en">{k.text}</span> <span className="tag">{t(`dim.${k.dimension}`)}</span>
                </p>
                {lang === 'zh' && k.zh && (
                  <p className="kp-zh" lang="zh-CN" data-testid="kp-zh">
                    {k.zh}
                  </p>
                )}
                {quote ? (
                  <p className="kp-quote">
                    <q>{quote.text}</q>
                  </p>
                ) : (
                  <p className="kp-quote muted">{earlier ? t('kp.earlier') : t('kp.notSaid')}</p>
                )}
                {k.contradicted && <p className="kp-warn">{t('kp.contradicted')}</p>}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
