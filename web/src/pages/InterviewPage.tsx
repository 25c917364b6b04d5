// /interview: past sessions; /interview/:id: the room for that session (or its summary when finished).
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { useAsync } from '../lib/useAsync';
import { Room } from '../room/Room';
import { SessionHistory } from '../room/SessionHistory';

export function InterviewPage({ sessionId }: { sessionId: string | null }) {
  if (!sessionId) return <SessionHistory />;
  return <SessionLoader key={sessionId} sessionId={sessionId} />;
}

function SessionLoader({ sessionId }: { sessionId: string }) {
  const t = useT();
  const s = useAsync(() => api.session(sessionId), [sessionId]);
  if (s.error)
    return (
      <section className="card">
        <ErrorNote message={s.error} />
        <button type="button" className="btn btn-secondary" onClick={s.reload}>
          {t('common.retryLoad')}
        </button>
      </section>
    );
  if (!s.data) return <p className="muted">{t('common.loading')}</p>;
  return <Room initial={s.data} />;
}
