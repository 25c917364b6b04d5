// A three-axis radar of the layers (technical means, ops thinking, delivery & collaboration), 0–100 each.
import { useT } from '../i18n';
import { DIMENSIONS, type Dimension } from '../types';

const W = 320;
const H = 236;
const CX = W / 2;
const CY = 132;
const R = 100;

function point(i: number, value: number): [number, number] {
  const angle = -Math.PI / 2 + (i * 2 * Math.PI) / DIMENSIONS.length;
  return [CX + Math.cos(angle) * R * (value / 100), CY + Math.sin(angle) * R * (value / 100)];
}

export function RadarChart({ values }: { values: Readonly<Record<Dimension, number | null>> }) {
  const t = useT();
  const description = DIMENSIONS.map((d) => `${t(`dim.${d}`)} ${values[d] ?? t('score.na')}`).join(', ');
  const shape = DIMENSIONS.map((d, i) => point(i, values[d] ?? 0).join(',')).join(' ');
  return (
    <figure className="chart" data-testid="radar-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('prog.radar')}: ${description}`}>
        {[25, 50, 75, 100].map((ring) => (
          <polygon
            key={ring}
            className="grid-line"
            points={DIMENSIONS.map((_, i) => point(i, ring).join(',')).join(' ')}
          />
        ))}
        {DIMENSIONS.map((d, i) => {
          const [x, y] = point(i, 100);
          const [lx, ly] = point(i, i === 0 ? 116 : 122);
          return (
            <g key={d}>
              <line className="axis" x1={CX} y1={CY} x2={x} y2={y} />
              <text className="axis-label" x={lx} y={ly} textAnchor="middle" dominantBaseline="middle">
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
