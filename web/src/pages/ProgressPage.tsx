// The progress dashboard: the three layers, scores over time, coverage per category, the review queue, the
// countdown to the interview, and the exports.
import { api } from '../api';
import { CategoryBars } from '../charts/CategoryBars';
import { LineChart } from '../charts/LineChart';
import { RadarChart } from '../charts/RadarChart';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { Countdown } from '../progress/Countdown';
import { ExportLinks } from '../progress/ExportLinks';
import { ReviewQueue } from '../progress/ReviewQueue';

export default function ProgressPage() {
  const t = useT();
  const p = useAsync(() => api.progress(), []);
  if (p.error) return <ErrorNote message={p.error} />;
  if (!p.data) return <p className="muted">{t('common.loading')}</p>;
  const data = p.data;
  return (
    <div className="progress-page">
      <div className="page-head">
        <h1>{t('nav.progress')}</h1>
        <p className="muted" data-testid="progress-stats">
          {t('prog.stats', { answers: data.answers, questions: data.questionsPractised })}
        </p>
      </div>
      {data.answers === 0 && (
        <p className="card">
          {t('prog.empty')} <a href={href()}>{t('history.start')}</a>
        </p>
      )}
      <div className="dash-grid">
        <section className="card" aria-labelledby="radar-h">
          <h2 id="radar-h">{t('prog.radar')}</h2>
          <RadarChart values={data.dimensions} />
        </section>
        <section className="card" aria-labelledby="line-h">
          <h2 id="line-h">{t('prog.line')}</h2>
          <LineChart points={data.overTime} />
        </section>
        <section className="card" aria-labelledby="bars-h">
          <h2 id="bars-h">{t('prog.bars')}</h2>
          <CategoryBars categories={data.categories} />
        </section>
        <Countdown key={data.interview?.date ?? 'none'} progress={data} onSaved={p.reload} />
      </div>
      <ReviewQueue items={data.review} />
      <ExportLinks />
    </div>
  );
}
