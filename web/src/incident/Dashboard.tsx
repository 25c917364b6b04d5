// The evolving dashboard beside the round: the impact curve so far and the metrics now (error rate, p99, failed
// requests, error budget burnt), each with how it moved since your last turn.
import { formatNumber, type Lang, useLang, useT } from '../i18n';
import type { IncidentMetrics, IncidentView } from '../types';
import { chartSeries, currentMetrics, millis, percent, previousMetrics } from './format';
import { ImpactChart } from './ImpactChart';

type Key = 'errorRate' | 'latencyMs' | 'failedRequests' | 'budgetBurnt';

const METRICS: ReadonlyArray<{ key: Key; label: string; testId: string }> = [
  { key: 'errorRate', label: 'inc.errorRate', testId: 'metric-error-rate' },
  { key: 'latencyMs', label: 'inc.p99', testId: 'metric-p99' },
  { key: 'failedRequests', label: 'inc.failed', testId: 'metric-failed' },
  { key: 'budgetBurnt', label: 'inc.budget', testId: 'metric-budget' },
];

function show(key: Key, v: number, lang: Lang): string {
  if (key === 'errorRate') return percent(v, lang);
  if (key === 'latencyMs') return millis(v, lang);
  if (key === 'budgetBurnt') return `${formatNumber(v, lang)}%`;
  return formatNumber(v, lang);
}

function change(key: Key, now: number, before: number, lang: Lang): string {
  const d = now - before;
  const sign = d > 0 ? '+' : '−';
  const abs = Math.abs(d);
  if (key === 'errorRate') return `${sign}${formatNumber(Math.round(abs * 1000) / 10, lang)}`;
  if (key === 'budgetBurnt') return `${sign}${formatNumber(Math.round(abs * 10) / 10, lang)}`;
  return `${sign}${formatNumber(Math.round(abs), lang)}`;
}

export function Dashboard({ view }: { view: IncidentView }) {
  const t = useT();
  const lang = useLang();
  const now = currentMetrics(view);
  const before = previousMetrics(view);
  return (
    <aside className="inc-side card" aria-labelledby="inc-dash-h" data-testid="incident-dashboard">
      <h2 id="inc-dash-h">{t('inc.dashboard')}</h2>
      <ImpactChart points={chartSeries(view.curve, view.turns)} caption={t('inc.chart')} />
      {now && (
        <dl className="inc-metrics">
          {METRICS.map((m) => (
            <div key={m.key} className="inc-metric" data-testid={m.testId}>
              <dt>{t(m.label)}</dt>
              <dd>
                <span className="inc-metric-value">{show(m.key, now[m.key], lang)}</span>
                {before && <Delta k={m.key} now={now} before={before} lang={lang} />}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </aside>
  );
}

function Delta({
  k,
  now,
  before,
  lang,
}: {
  k: Key;
  now: IncidentMetrics;
  before: IncidentMetrics;
  lang: Lang;
}) {
  const t = useT();
  const d = now[k] - before[k];
  if (Math.abs(d) < 1e-9) return <span className="inc-delta muted small">{t('inc.unchanged')}</span>;
  // More failures, latency or budget burnt is bad; an error rate going down is good.
  const tone = d > 0 ? 'inc-delta-worse' : 'inc-delta-better';
  const unit =
    k === 'errorRate'
      ? t('inc.points')
      : k === 'latencyMs'
        ? ' ms'
        : k === 'budgetBurnt'
          ? t('inc.points')
          : '';
  return (
    <span className={`inc-delta small ${tone}`}>
      {t('inc.since', { d: `${change(k, now[k], before[k], lang)}${unit}` })}
    </span>
  );
}
