// Your stories across behavioural questions: which competencies they cover, what is missing, and where one story
// or one phrase ("hours to minutes") is reused across answers.
import { useId } from 'react';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { scoreTone } from '../feedback/ScoreHeader';
import { type StringKey, useT } from '../i18n';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import type { Competency } from '../types';

export function StoryMapView() {
  const t = useT();
  const id = useId();
  const map = useAsync(() => api.stories(), []);
  const label = (c: Competency) => t(`competency.${c}` as StringKey);
  if (map.error) return <ErrorNote message={map.error} />;
  if (!map.data) return <p className="muted">{t('common.loading')}</p>;
  const m = map.data;
  const told = m.competencies.some((c) => c.stories.length > 0);
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="story-map">
      <h2 id={`${id}-h`}>{t('stories.title')}</h2>
      <p className="muted">{t('stories.intro')}</p>
      {!told && <p data-testid="stories-empty">{t('stories.empty')}</p>}
      {m.reused.length > 0 && (
        <div className="warn-note" role="status" data-testid="story-reuse">
          <h3>{t('stories.reused')}</h3>
          <ul>
            {m.reused.map((r) => (
              <li key={`${r.kind}:${r.phrase ?? ''}:${r.questionIds.join(',')}`}>
                {r.kind === 'story'
                  ? t('stories.sameStory', {
                      a: r.questionIds[0] ?? '',
                      b: r.questionIds[1] ?? '',
                      share: Math.round((r.share ?? 0) * 100),
                    })
                  : t('stories.samePhrase', { phrase: r.phrase ?? '', n: r.questionIds.length })}{' '}
                <span className="muted small">
                  {r.questionIds.map((q, i) => (
                    <span key={q}>
                      {i > 0 && ', '}
                      <a href={href('workshop', q)}>{q}</a>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('stories.competency')}</th>
              <th scope="col">{t('stories.stories')}</th>
            </tr>
          </thead>
          <tbody>
            {m.competencies.map(({ competency, stories }) => (
              <tr key={competency} data-testid={`competency-${competency}`}>
                <th scope="row">{label(competency)}</th>
                <td>
                  {stories.length === 0 ? (
                    <span className="muted">{t('stories.none')}</span>
                  ) : (
                    <ul className="plain-list">
                      {stories.map((s) => (
                        <li key={s.questionId}>
                          <span className={`chip ${scoreTone(s.score)}`}>{s.score ?? '–'}</span>{' '}
                          <a href={href('workshop', s.questionId)}>{s.questionText}</a>
                          <div className="muted small">{s.opening}</div>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {m.unanswered.length > 0 && (
        <>
          <h3>{t('stories.unanswered')}</h3>
          <ul className="plain-list">
            {m.unanswered.map((u) => (
              <li key={u.questionId}>
                <a href={href('workshop', u.questionId)}>{u.questionId}</a>{' '}
                <span className="muted small">{u.competencies.map(label).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
