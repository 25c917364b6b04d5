// Where dictation is not available (no speech recognition, or its service refused): record yourself while you
// type and play it back to hear your delivery. The recording stays in the page; the room says so. Hidden, with
// the reason, when the browser cannot record.
import { type StringKey, useT } from '../i18n';
import { recorderUnavailable, useRecorder } from './useRecorder';

export function PlaybackRecorder() {
  const t = useT();
  const unavailable = recorderUnavailable();
  if (unavailable)
    return (
      <p className="muted small" data-testid="recorder-unavailable">
        {t(unavailable === 'no-recorder' ? 'rec.noRecorder' : 'rec.noMicrophone')}
      </p>
    );
  return <Recorder />;
}

function Recorder() {
  const t = useT();
  const rec = useRecorder();
  return (
    <section className="recorder card-inset" data-testid="recorder" aria-label={t('rec.title')}>
      <p className="small">{t('rec.intro')}</p>
      <div className="btn-row">
        <button
          type="button"
          className={`btn btn-small ${rec.recording ? 'btn-danger' : 'btn-secondary'}`}
          data-testid="record"
          aria-pressed={rec.recording}
          disabled={rec.starting}
          onClick={rec.recording ? rec.stop : rec.start}
        >
          {rec.recording ? t('rec.stop') : rec.clip ? t('rec.again') : t('rec.start')}
        </button>
        {rec.recording && (
          <span className="muted small" aria-live="polite" data-testid="recording-now">
            {t('rec.recording')}
          </span>
        )}
      </div>
      {rec.clip && !rec.recording && (
        <div className="recorder-clip">
          {/* biome-ignore lint/a11y/useMediaCaption: the candidate's own voice, recorded a moment ago; the words are in the answer box */}
          <audio
            controls
            src={rec.clip.url}
            data-testid="recording-playback"
            data-bytes={rec.clip.bytes}
            aria-label={t('rec.playback')}
          />
          <button type="button" className="btn btn-ghost btn-small" onClick={rec.discard}>
            {t('rec.discard')}
          </button>
        </div>
      )}
      {rec.error && (
        <p className="error-inline" role="alert" data-testid="recorder-error">
          {t(rec.error as StringKey)}
        </p>
      )}
    </section>
  );
}
