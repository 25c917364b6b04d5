// The review queue: what to practise again and when, weakest first.
import { scoreTone } from '../feedback/ScoreHeader';
import { type StringKey, useT } from '../i18n';
import { href } from '../lib/router';
import type { ReviewItem } from '../types';

export function ReviewQueue({ items }: { items: readonly ReviewItem[] }) {
  const t = useT();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="card" aria-labelledby="review-h" data-testid="review-queue">
      <h2 id="review-h">{t('prog.review')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('prog.reviewEmpty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('sum.question')}</th>
              <th scope="col">{t('prog.lastScore')}</th>
              <th scope="col">{t('prog.due')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const due = item.due.slice(0, 10);
              return (
                <tr key={item.questionId} data-testid="review-item">
                  <td lang="en">
                    {item.category === 'incident' ? (
                      <a href={href('incident')}>{item.text}</a>
                    ) : (
                      <a href={href('workshop', item.questionId)}>{item.text}</a>
                    )}
                    {item.category !== 'incident' && (
                      <span className="muted small"> · {t(`cat.${item.category}` as StringKey)}</span>
                    )}
                  </td>
                  <td>
                    <span className={`chip ${scoreTone(item.lastScore)}`}>{item.lastScore}</span>
                    {item.weak && <span className="chip chip-small tone-low">{t('prog.weak')}</span>}
                  </td>
                  <td>
                    <time dateTime={due}>{due <= today ? t('prog.dueNow') : due}</time>
                    {item.plan.length > 1 && (
                      <span className="muted small">
                        {' '}
                        · {t('prog.plan', { dates: item.plan.map((d) => d.slice(5, 10)).join(', ') })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
