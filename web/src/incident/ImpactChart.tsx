// The impact over simulated minutes: the error rate (left axis, 0–100%) as a filled line and p99 latency (right
// axis) as a dashed line; in the replay, a numbered marker at each minute an action was taken. Drawn at its
// rendered width (one user unit = one pixel, see charts/useWidth.ts), with the data as a visually hidden table.
import { useRef } from 'react';
import { useWidth } from '../charts/useWidth';
import { formatNumber, useLang, useT } from '../i18n';
import type { IncidentMetrics } from '../types';
import type { ActionMarker } from './format';
import { millis, percent } from './format';

const H = 230;
const PAD = { l: 44, r: 56, t: 22, b: 34 };
/** Room for one minute label on the x axis. */
const MINUTE_SPACING = 44;
const MINUTE_STEPS = [1, 2, 5, 10, 15, 20, 30, 60];

/** A round number at or above `v` for the latency axis: 1, 2 or 5 times a power of ten. */
function niceCeil(v: number): number {
  if (v <= 0) return 100;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

export function ImpactChart({
  points,
  markers = [],
  caption,
  testId = 'incident-chart',
}: {
  points: readonly IncidentMetrics[];
  markers?: readonly ActionMarker[];
  caption: string;
  testId?: string;
}) {
  const t = useT();
  const lang = useLang();
  const ref = useRef<HTMLElement>(null);
  const W = Math.max(260, useWidth(ref, 420));
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const last = points.at(-1)?.minute ?? 0;
  const xMax = Math.max(10, Math.ceil(last / 5) * 5);
  const latMax = niceCeil(Math.max(...points.map((p) => p.latencyMs), 1) * 1.05);
  const x = (m: number) => PAD.l + (m / xMax) * innerW;
  const yErr = (r: number) => PAD.t + innerH - Math.min(1, Math.max(0, r)) * innerH;
  const yLat = (ms: number) => PAD.t + innerH - (Math.min(ms, latMax) / latMax) * innerH;
  const errLine = points.map((p) => `${x(p.minute).toFixed(1)},${yErr(p.errorRate).toFixed(1)}`).join(' ');
  const latLine = points.map((p) => `${x(p.minute).toFixed(1)},${yLat(p.latencyMs).toFixed(1)}`).join(' ');
  const first = points[0];
  const lastPoint = points.at(-1);
  const area =
    first && lastPoint
      ? `M${x(first.minute)},${yErr(0)} L${errLine.replaceAll(' ', ' L')} L${x(lastPoint.minute)},${yErr(0)} Z`
      : '';
  const step =
    MINUTE_STEPS.find((s) => (innerW / xMax) * s >= MINUTE_SPACING) ??
    MINUTE_STEPS[MINUTE_STEPS.length - 1] ??
    60;
  const minuteTicks: number[] = [];
  for (let m = 0; m <= xMax; m += step) minuteTicks.push(m);
  const latTicks = [0, latMax / 2, latMax];
  const summary = lastPoint
    ? t('inc.chartSummary', {
        m: lastPoint.minute,
        e: percent(lastPoint.errorRate, lang),
        l: millis(lastPoint.latencyMs, lang),
        peak: percent(Math.max(...points.map((p) => p.errorRate)), lang),
      })
    : t('inc.chartEmpty');

  return (
    <figure className="chart inc-chart" data-testid={testId} ref={ref}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`${caption}. ${summary}${markers.length > 0 ? ` ${t('inc.markersSummary', { n: markers.length })}` : ''}`}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line className="grid-line" x1={PAD.l} x2={W - PAD.r} y1={yErr(v)} y2={yErr(v)} />
            <text className="tick" x={PAD.l - 6} y={yErr(v)} textAnchor="end" dominantBaseline="middle">
              {Math.round(v * 100)}%
            </text>
          </g>
        ))}
        {latTicks.map((v) => (
          <text
            key={v}
            className="tick inc-tick-latency"
            x={W - PAD.r + 6}
            y={yLat(v)}
            textAnchor="start"
            dominantBaseline="middle"
          >
            {v >= 1000 ? `${formatNumber(Math.round(v / 100) / 10, lang)} s` : `${formatNumber(v, lang)} ms`}
          </text>
        ))}
        {minuteTicks.map((m) => (
          <text key={m} className="tick" x={x(m)} y={H - PAD.b + 16} textAnchor="middle">
            {m}
          </text>
        ))}
        <text className="tick" x={PAD.l + innerW / 2} y={H - 2} textAnchor="middle">
          {t('inc.chartMinutes')}
        </text>
        <line className="axis" x1={PAD.l} x2={W - PAD.r} y1={yErr(0)} y2={yErr(0)} />
        {area && <path className="inc-area" d={area} />}
        {points.length > 1 && (
          <polyline className="inc-line-error" points={errLine} data-testid="error-line" />
        )}
        {points.length > 1 && (
          <polyline className="inc-line-latency" points={latLine} data-testid="latency-line" />
        )}
        {lastPoint && (
          <circle className="inc-dot" cx={x(lastPoint.minute)} cy={yErr(lastPoint.errorRate)} r={4.5}>
            <title>{`${t('inc.atMinute', { n: lastPoint.minute })}: ${percent(lastPoint.errorRate, lang)}`}</title>
          </circle>
        )}
        {markers.map((mk) => (
          <g key={mk.minute} className="inc-marker" data-testid="chart-marker">
            <line x1={x(mk.minute)} x2={x(mk.minute)} y1={PAD.t - 4} y2={yErr(0)} />
            <circle cx={x(mk.minute)} cy={PAD.t - 10} r={9} />
            <text x={x(mk.minute)} y={PAD.t - 10} textAnchor="middle" dominantBaseline="central">
              {mk.n}
            </text>
            <title>{`${t('inc.atMinute', { n: mk.minute })}: ${mk.actions.map((a) => a.label).join('; ')}`}</title>
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span>
          <span className="inc-swatch inc-swatch-error" aria-hidden="true" /> {t('inc.errorRate')}
        </span>
        <span>
          <span className="inc-swatch inc-swatch-latency" aria-hidden="true" /> {t('inc.p99')}
        </span>
        {markers.length > 0 && (
          <span>
            <span className="inc-swatch inc-swatch-marker" aria-hidden="true" /> {t('inc.markerLegend')}
          </span>
        )}
      </figcaption>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inc.chartMinute')}</th>
            <th scope="col">{t('inc.errorRate')}</th>
            <th scope="col">{t('inc.p99')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a minute can have two points (before and after a turn)
            <tr key={i}>
              <td>{p.minute}</td>
              <td>{percent(p.errorRate, lang)}</td>
              <td>{millis(p.latencyMs, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
