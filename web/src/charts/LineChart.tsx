// Average score per practice day (0–100), with the number of answers; a visually hidden table for screen readers.
// Drawn at its rendered width (one user unit = one pixel), so the ticks stay readable on a phone.
import { useRef } from 'react';
import { useT } from '../i18n';
import type { Progress } from '../types';
import { useWidth } from './useWidth';

const H = 220;
const PAD = { l: 36, r: 16, t: 14, b: 34 };
/** Room for one date label ("05-14") on the x axis. */
const DATE_SPACING = 64;

export function LineChart({ points }: { points: Progress['overTime'] }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const W = Math.max(220, useWidth(ref, 520));
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const x = (i: number) => PAD.l + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => PAD.t + innerH - (v / 100) * innerH;
  const line = points.map((p, i) => `${x(i)},${y(p.score)}`).join(' ');
  const labels = Math.max(2, Math.min(6, Math.floor(innerW / DATE_SPACING)));
  const every = Math.max(1, Math.ceil(points.length / labels));
  const label = points.map((p) => `${p.date}: ${p.score}`).join(', ');
  return (
    <figure className="chart" data-testid="line-chart" ref={ref}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`${t('prog.line')}: ${label || t('prog.noData')}`}
      >
        {[0, 25, 50, 75, 100].map((v) => (
          <g key={v}>
            <line className="grid-line" x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} />
            <text className="tick" x={PAD.l - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
              {v}
            </text>
          </g>
        ))}
        {points.length > 1 && <polyline className="line" points={line} />}
        {points.map((p, i) => (
          <g key={p.date}>
            <circle className="line-dot" cx={x(i)} cy={y(p.score)} r={4.5} data-testid="line-point">
              <title>{`${p.date}: ${p.score} (${t('prog.answersN', { n: p.count })})`}</title>
            </circle>
            {i % every === 0 && (
              <text className="tick" x={x(i)} y={H - PAD.b + 18} textAnchor="middle">
                {p.date.slice(5)}
              </text>
            )}
          </g>
        ))}
        {points.length === 0 && (
          <text className="tick" x={W / 2} y={H / 2} textAnchor="middle">
            {t('prog.noData')}
          </text>
        )}
      </svg>
      <table className="sr-only">
        <caption>{t('prog.line')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prog.date')}</th>
            <th scope="col">{t('prog.score')}</th>
            <th scope="col">{t('prog.answers')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <td>{p.date}</td>
              <td>{p.score}</td>
              <td>{p.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
