// Coverage per category: questions practised of all, and the average latest score.

import { scoreTone } from '../feedback/ScoreHeader';
import { useT } from '../i18n';
import type { Progress } from '../types';

const W = 520;
const ROW = 30;
const LABEL = 190;

export function CategoryBars({ categories }: { categories: Progress['categories'] }) {
  const t = useT();
  const H = Math.max(ROW, categories.length * ROW) + 8;
  const barW = W - LABEL - 76;
  const label = categories
    .map((c) => `${t(`cat.${c.category}`)} ${c.practised}/${c.total}, ${c.averageScore ?? t('score.na')}`)
    .join('; ');
  return (
    <figure className="chart" data-testid="category-bars">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('prog.bars')}: ${label}`}>
        {categories.map((c, i) => {
          const y = 4 + i * ROW;
          const share = c.total ? c.practised / c.total : 0;
          return (
            <g key={c.category} data-testid="category-bar">
              <text
                className="bar-label"
                x={LABEL - 8}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="middle"
              >
                {t(`cat.${c.category}`)}
              </text>
              <rect className="bar-track" x={LABEL} y={y + 6} width={barW} height={ROW - 12} rx={4} />
              <rect
                className={`bar-fill ${scoreTone(c.averageScore)}`}
                x={LABEL}
                y={y + 6}
                width={Math.max(share > 0 ? 4 : 0, share * barW)}
                height={ROW - 12}
                rx={4}
              />
              <text className="bar-value" x={LABEL + barW + 8} y={y + ROW / 2} dominantBaseline="middle">
                {c.practised}/{c.total} · {c.averageScore ?? '–'}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{t('prog.bars')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('prog.category')}</th>
            <th scope="col">{t('prog.practised')}</th>
            <th scope="col">{t('prog.average')}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.category}>
              <td>{t(`cat.${c.category}`)}</td>
              <td>
                {c.practised}/{c.total}
              </td>
              <td>{c.averageScore ?? t('score.na')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="chart-legend small muted">{t('prog.barsLegend')}</figcaption>
    </figure>
  );
}
