// Coverage per category: questions practised of all, and the average latest score. Drawn at its rendered width
// (one user unit = one pixel): the name beside its bar where there is room, above it on a phone.

import { useRef } from 'react';
import { scoreTone } from '../feedback/ScoreHeader';
import { useT } from '../i18n';
import type { Progress } from '../types';
import { useWidth } from './useWidth';

/** Below this width the name goes above the bar. */
const STACK_BELOW = 440;
const VALUE = 76;

export function CategoryBars({ categories }: { categories: Progress['categories'] }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const W = Math.max(240, useWidth(ref, 520));
  const stacked = W < STACK_BELOW;
  const row = stacked ? 44 : 30;
  const labelW = stacked ? 0 : Math.min(190, Math.round(W * 0.36));
  const barX = stacked ? 0 : labelW;
  const barW = W - barX - VALUE;
  const H = Math.max(row, categories.length * row) + 8;
  const label = categories
    .map((c) => `${t(`cat.${c.category}`)} ${c.practised}/${c.total}, ${c.averageScore ?? t('score.na')}`)
    .join('; ');
  return (
    <figure className="chart" data-testid="category-bars" ref={ref}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-label={`${t('prog.bars')}: ${label}`}
      >
        {categories.map((c, i) => {
          const y = 4 + i * row;
          // The bar's vertical middle: the second line of a stacked row, the row's middle otherwise.
          const mid = stacked ? y + 31 : y + row / 2;
          const share = c.total ? c.practised / c.total : 0;
          return (
            <g key={c.category} data-testid="category-bar">
              <text
                className="bar-label"
                x={stacked ? 0 : labelW - 8}
                y={stacked ? y + 10 : mid}
                textAnchor={stacked ? 'start' : 'end'}
                dominantBaseline="middle"
              >
                {t(`cat.${c.category}`)}
              </text>
              <rect className="bar-track" x={barX} y={mid - 9} width={barW} height={18} rx={4} />
              <rect
                className={`bar-fill ${scoreTone(c.averageScore)}`}
                x={barX}
                y={mid - 9}
                width={Math.max(share > 0 ? 4 : 0, share * barW)}
                height={18}
                rx={4}
              />
              <text className="bar-value" x={barX + barW + 8} y={mid} dominantBaseline="middle">
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
