// The bar above the conversation: which session, how far along, the timer, and reading aloud.
import { useT } from '../i18n';
import type { SessionView, TurnView } from '../types';
import { TurnTimer } from './TurnTimer';
import type { useReadAloud } from './useReadAloud';

export function RoomBar({
  session,
  current,
  voice,
}: {
  session: SessionView;
  current: TurnView | null;
  voice: ReturnType<typeof useReadAloud>;
}) {
  const t = useT();
  const lastStep = session.turns.at(-1)?.step ?? 0;
  const step = current ? current.step : lastStep;
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
      {current && <TurnTimer key={`${session.id}:${current.position}`} expect={current.expect} running />}
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
