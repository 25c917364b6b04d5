// Days to the interview (set with a date input) and what is still weak.
import { useId, useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote, isInputError } from '../components/ErrorNote';
import { useT } from '../i18n';
import { href } from '../lib/router';
import type { Progress } from '../types';

export function Countdown({ progress, onSaved }: { progress: Progress; onSaved: () => void }) {
  const t = useT();
  const id = useId();
  const [date, setDate] = useState(progress.interview?.date ?? '');
  const [error, setError] = useState<string | null>(null);
  const [plain, setPlain] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(value: string | null) {
    setBusy(true);
    setError(null);
    try {
      await api.saveSettings(value);
      onSaved();
    } catch (err) {
      setPlain(isInputError(err));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card countdown" aria-labelledby={`${id}-h`} data-testid="countdown">
      <h2 id={`${id}-h`}>{t('prog.countdown')}</h2>
      {progress.interview ? (
        <p className="days">
          <strong data-testid="days-left">{progress.interview.daysLeft}</strong>{' '}
          {t('prog.daysLeft', { date: progress.interview.date })}
        </p>
      ) : (
        <p className="muted">{t('prog.noDate')}</p>
      )}
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (date) save(date);
        }}
      >
        <label className="field">
          <span>{t('prog.dateLabel')}</span>
          <input
            type="date"
            className="input"
            data-testid="interview-date"
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              setError(null);
            }}
          />
        </label>
        <div className="btn-row align-end">
          <button type="submit" className="btn btn-primary" disabled={busy || !date}>
            {t('prog.saveDate')}
          </button>
          {progress.interview && (
            <button
              type="button"
              className="btn btn-ghost"
              disabled={busy}
              onClick={() => save(null).then(() => setDate(''))}
            >
              {t('prog.clearDate')}
            </button>
          )}
        </div>
      </form>
      <ErrorNote message={error} plain={plain} />
      <h3>{t('prog.stillWeak')}</h3>
      {progress.weak.length === 0 ? (
        <p className="muted">{progress.answers ? t('prog.nothingWeak') : t('prog.noData')}</p>
      ) : (
        <ul className="weak-list" data-testid="weak-list">
          {progress.weak.slice(0, 6).map((w) => (
            <li key={w.questionId}>
              <span className="chip tone-low">{w.score}</span>{' '}
              <a href={href('workshop', w.questionId)} lang="en">
                {w.text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
