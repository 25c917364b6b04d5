// The key-point checklist: hit ✔, partial ◐, missed ✘, each with the answer's own words as evidence, and the
// bank's Chinese note on the point as a second line when the interface is in Chinese.
import { useLang, useT } from '../i18n';
import type { Analysis } from '../types';

const ICON = { hit: '✔', partial: '◐', missed: '✘' } as const;

export function KeyPointList({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const lang = useLang();
  if (analysis.coverage.length === 0) return null;
  return (
    <section className="fb-section" aria-label={t('fb.keyPoints')}>
      <h3>{t('fb.keyPoints')}</h3>
      <ul className="keypoints">
        {analysis.coverage.map((k) => {
          const quote = [...k.evidence].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
          return (
            <li
              key={k.id}
              className={`keypoint kp-${k.status}`}
              data-testid={`keypoint-${k.id}`}
              data-status={k.status}
            >
              <span className="kp-icon" role="img" aria-label={t(`kp.${k.status}`)}>
                {ICON[k.status]}
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
                  <p className="kp-quote muted">{t('kp.notSaid')}</p>
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
