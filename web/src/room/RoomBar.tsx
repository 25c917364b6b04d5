// The bar above the conversation: which session, how far along, the timer, and reading aloud.
import { useT } from '../i18n';
import type { SessionView, TurnView } from '../types';
import { TurnTimer } from './TurnTimer';
import type { useReadAloud } from './useReadAloud';

/**
 * The question the bar names ("Question n of m" is step + 1): the one being answered, else the one whose feedback
 * is on screen (not the next one, already appended to the turns), else the last one.
 */
export function stepShown(session: SessionView, current: TurnView | null, reading: number | null): number {
  if (current) return current.step;
  if (reading !== null) return reading;
  return session.turns.at(-1)?.step ?? 0;
}

export function RoomBar({
  session,
  current,
  reading,
  shownAt,
  voice,
}: {
  session: SessionView;
  current: TurnView | null;
  /** The plan step whose feedback is being read: the bar stays on it until the next question is shown. */
  reading: number | null;
  /** When the current question was shown (epoch ms). */
  shownAt: number;
  voice: ReturnType<typeof useReadAloud>;
}) {
  const t = useT();
  const step = stepShown(session, current, reading);
  const done = session.status === 'finished';
  const pct = Math.round(((done ? session.planned : step) / Math.max(1, session.planned)) * 100);
  return (
    <div className="room-bar card">
      <div className="room-title">
        <h1>{t(`mode.${session.config.mode}`)}</h1>
        <span className="chip">{t(`style.${session.config.style}`)}</span>
      </div>
      <div className="room-progress">
        <span data-testid="progress">
          {done ? t('room.finished') : t('room.progress', { n: step + 1, of: session.planned })}
        </span>
        <span
          className="progress-track"
          role="progressbar"
          aria-label={t('room.progressLabel')}
          aria-valuemin={0}
          aria-valuemax={session.planned}
          aria-valuenow={done ? session.planned : step}
        >
          <span className="progress-fill" style={{ width: `${pct}%` }} />
        </span>
      </div>
      {current && (
        <TurnTimer
          key={`${session.id}:${current.position}`}
          expect={current.expect}
          since={shownAt}
          running
        />
      )}
      <div className="room-voice">
        {voice.available && !voice.hasVoice ? (
          <span className="muted small" data-testid="read-aloud-off">
            {t('voice.noVoices')}
          </span>
        ) : voice.available ? (
          <>
            <label className="switch">
              <input
                type="checkbox"
                checked={voice.enabled}
                data-testid="read-aloud"
                onChange={(e) => voice.setEnabled(e.target.checked)}
              />
              <span>{t('voice.toggle')}</span>
            </label>
            {current && (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => voice.speak([current.preface, current.prompt].filter(Boolean).join(' '), true)}
              >
                {t('voice.repeat')}
              </button>
            )}
          </>
        ) : (
          <span className="muted small">{t('voice.unsupported')}</span>
        )}
      </div>
    </div>
  );
}
