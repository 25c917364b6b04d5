// Past sessions, newest first: open one to see its conversation, summary and feedback.
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { formatDate, useLang, useT } from '../i18n';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';

export function SessionHistory() {
  const t = useT();
  const lang = useLang();
  const list = useAsync(() => api.sessions(), []);
  return (
    <section className="card" aria-labelledby="history-h" data-testid="history">
      <h1 id="history-h">{t('history.title')}</h1>
      <p className="muted">{t('history.intro')}</p>
      <ErrorNote message={list.error} />
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
                <td>{s.status === 'active' ? t('history.active') : t('history.finished')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
