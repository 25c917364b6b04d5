// Home: what mockops is, one button to start a mock interview, and the session options.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { SessionOptionsForm } from '../components/SessionOptionsForm';
import { useT } from '../i18n';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import type { SessionOptions } from '../types';

export function Home() {
  const t = useT();
  const [options, setOptions] = useState<SessionOptions>({ mode: 'mock', style: 'practice' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sessions = useAsync(() => api.sessions(), []);
  const unfinished = sessions.data?.find((s) => s.status === 'active');

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const session = await api.startSession(options);
      navigate('interview', session.id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="home">
      <section className="hero card">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.line1')}</p>
        <p className="lead">{t('home.line2')}</p>
        <div className="hero-actions">
          <button
            type="button"
            className="btn btn-primary btn-large"
            data-testid="start-interview"
            onClick={start}
            disabled={busy}
          >
            {busy ? t('home.starting') : t(`home.start.${options.mode}`)}
          </button>
          {unfinished && (
            <a className="btn btn-secondary" href={href('interview', unfinished.id)} data-testid="resume">
              {t('home.resume', { n: unfinished.answered })}
            </a>
          )}
        </div>
        <ErrorNote message={error} />
      </section>
      <SessionOptionsForm value={options} onChange={setOptions} />
      <section className="tiles" aria-label={t('home.more')}>
        <a className="tile card" href={href('workshop')}>
          <h2>{t('nav.workshop')}</h2>
          <p>{t('home.tile.workshop')}</p>
        </a>
        <a className="tile card" href={href('progress')}>
          <h2>{t('nav.progress')}</h2>
          <p>{t('home.tile.progress')}</p>
        </a>
        <a className="tile card" href={href('bank')}>
          <h2>{t('nav.bank')}</h2>
          <p>{t('home.tile.bank')}</p>
        </a>
      </section>
    </div>
  );
}
