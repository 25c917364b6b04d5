// Past sessions, newest first: open one to see its conversation, summary and feedback.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { formatDate, useLang, useT } from '../i18n';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import { announceSession } from './useSessionSync';

export function SessionHistory() {
  const t = useT();
  const lang = useLang();
  const list = useAsync(() => api.sessions(), []);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function end(id: string) {
    setError(null);
    try {
      await api.endSession(id);
      announceSession(id);
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  async function remove(id: string) {
    if (!window.confirm(t('history.confirmDelete'))) return;
    setError(null);
    try {
      const r = await api.deleteSession(id);
      announceSession(id);
      setNote(t('history.deleted', { n: r.answersKept }));
      list.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <section className="card" aria-labelledby="history-h" data-testid="history">
      <h1 id="history-h">{t('history.title')}</h1>
      <p className="muted">{t('history.intro')}</p>
      <ErrorNote message={list.error ?? error} />
      {note && (
        <p className="success-note" role="status">
          {note}
        </p>
      )}
      {list.data && list.data.length === 0 && (
        <p>
          {t('history.empty')} <a href={href()}>{t('history.start')}</a>
        </p>
      )}
      {list.data && list.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('options.mode')}</th>
              <th scope="col">{t('history.answered')}</th>
              <th scope="col">{t('history.average')}</th>
              <th scope="col">{t('history.status')}</th>
              <th scope="col">{t('history.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.id}>
                <td>
                  <a href={href('interview', s.id)}>{formatDate(s.createdAt, lang)}</a>
                </td>
                <td>
                  {t(`mode.${s.mode}`)} · {t(`style.${s.style}`)}
                </td>
                <td>{s.answered}</td>
                <td>{s.averageScore ?? '–'}</td>
                <td data-testid="history-status">
                  {s.status === 'active'
                    ? t('history.active')
                    : s.endedEarly
                      ? t('history.ended')
                      : t('history.finished')}
                </td>
                <td>
                  <div className="btn-row">
                    {s.status === 'active' && (
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        data-testid="history-end"
                        aria-label={t('history.endLabel', { when: formatDate(s.createdAt, lang) })}
                        onClick={() => end(s.id)}
                      >
                        {t('history.end')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      data-testid="history-delete"
                      aria-label={t('history.deleteLabel', { when: formatDate(s.createdAt, lang) })}
                      onClick={() => remove(s.id)}
                    >
                      {t('history.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
