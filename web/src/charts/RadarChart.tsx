// A three-axis radar of the layers (technical means, ops thinking, delivery & collaboration), 0–100 each. Drawn
// at its rendered width (one user unit = one pixel), so the labels stay readable on a phone; the radius fits the
// width, and the two lower labels sit under their corners, running inwards, so they never leave the chart.
import { useRef } from 'react';
import { useT } from '../i18n';
import { DIMENSIONS, type Dimension } from '../types';
import { useWidth } from './useWidth';

/** Space above the top corner (its label) and below the lower corners (theirs). */
const TOP = 30;
const BOTTOM = 34;

export function RadarChart({ values }: { values: Readonly<Record<Dimension, number | null>> }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const W = Math.max(220, useWidth(ref, 320));
  // The lower corners are 0.866 R either side of the centre; keep 16 px beyond them for the labels' ends.
  const R = Math.round(Math.max(70, Math.min(120, (W - 32) / 1.732)));
  const CX = W / 2;
  const CY = TOP + R;
  const H = Math.round(CY + R / 2 + BOTTOM);
  const point = (i: number, value: number): [number, number] => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / DIMENSIONS.length;
    return [CX + Math.cos(angle) * R * (value / 100), CY + Math.sin(angle) * R * (value / 100)];
  };
  const description = DIMENSIONS.map((d) => `${t(`dim.${d}`)} ${values[d] ?? t('score.na')}`).join(', ');
  const shape = DIMENSIONS.map((d, i) => point(i, values[d] ?? 0).join(',')).join(' ');
  return (
    <figure className="chart" data-testid="radar-chart" ref={ref}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`${t('prog.radar')}: ${description}`}
      >
        {[25, 50, 75, 100].map((ring) => (
          <polygon
            key={ring}
            className="grid-line"
            points={DIMENSIONS.map((_, i) => point(i, ring).join(',')).join(' ')}
          />
        ))}
        {DIMENSIONS.map((d, i) => {
          const [x, y] = point(i, 100);
          // The top label above its corner; a right-hand corner's label ends at it, a left-hand one starts there.
          const anchor = i === 0 ? 'middle' : x > CX ? 'end' : 'start';
          const lx = i === 0 ? x : x > CX ? x + 14 : x - 14;
          const ly = i === 0 ? y - 16 : y + 22;
          return (
            <g key={d}>
              <line className="axis" x1={CX} y1={CY} x2={x} y2={y} />
              <text className="axis-label" x={lx} y={ly} textAnchor={anchor} dominantBaseline="middle">
                {t(`dim.short.${d}`)} {values[d] ?? '–'}
              </text>
            </g>
          );
        })}
        <polygon className="radar-shape" points={shape} data-testid="radar-shape" />
        {DIMENSIONS.map((d, i) => {
          const [x, y] = point(i, values[d] ?? 0);
          return <circle key={d} className="radar-dot" cx={x} cy={y} r={4} />;
        })}
      </svg>
      <table className="sr-only">
        <caption>{t('prog.radar')}</caption>
        <tbody>
          {DIMENSIONS.map((d) => (
            <tr key={d}>
              <th scope="row">{t(`dim.${d}`)}</th>
              <td>{values[d] ?? t('score.na')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="chart-legend">
        {DIMENSIONS.map((d) => (
          <span key={d}>
            {t(`dim.${d}`)} <strong>{values[d] ?? '–'}</strong>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
