// Answer the current question: type, or dictate where the browser supports it (else record yourself for playback);
// send with the button or Ctrl+Enter.
import { useId, useState } from 'react';
import { AnswerTextarea } from '../components/AnswerTextarea';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { MicNotice } from './MicNotice';
import { PlaybackRecorder } from './PlaybackRecorder';
import { useRecognition } from './useRecognition';

interface Props {
  readonly text: string;
  readonly onText: (text: string | ((prev: string) => string)) => void;
  readonly onSend: (durationSec: number | undefined, pauses?: number) => void;
  readonly busy: boolean;
  readonly error: string | null;
}

function MicIcon({ recording }: { recording: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" className="icon">
      {recording ? (
        <rect x="3" y="3" width="10" height="10" rx="2" fill="currentColor" />
      ) : (
        <>
          <rect x="5.5" y="1" width="5" height="9" rx="2.5" fill="currentColor" />
          <path
            d="M3 7.5a5 5 0 0 0 10 0M8 12.5V15M5.5 15h5"
            stroke="currentColor"
            strokeWidth="1.5"
            fill="none"
          />
        </>
      )}
    </svg>
  );
}

export function Composer({ text, onText, onSend, busy, error }: Props) {
  const t = useT();
  const id = useId();
  const mic = useRecognition((phrase) => {
    if (phrase) onText((prev) => (prev && !/\s$/.test(prev) ? `${prev} ${phrase}` : `${prev}${phrase}`));
  });
  // Dictation is unavailable, or its service refused (no network, not allowed): offer recording for playback, and
  // keep offering it once offered, so a clip is not lost when dictation is tried again.
  const speechDown =
    !mic.supported || ['network', 'not-allowed', 'service-not-allowed'].includes(mic.error ?? '');
  const [recordOffered, setRecordOffered] = useState(speechDown);
  if (speechDown && !recordOffered) setRecordOffered(true);
  const empty = text.trim() === '';
  const reason = empty ? t('room.reasonEmpty') : busy ? t('room.reasonBusy') : null;

  function send() {
    if (empty || busy) return;
    const durationSec = mic.recordedSeconds();
    const pauses = durationSec === undefined ? undefined : mic.pauseCount();
    mic.stop();
    onSend(durationSec, pauses);
    mic.reset();
  }

  return (
    <section className="composer card" aria-label={t('room.yourAnswer')}>
      <AnswerTextarea
        value={text}
        onChange={onText}
        label={t('room.yourAnswer')}
        testId="answer-input"
        onSubmit={send}
        autoFocus
        placeholder={t('room.placeholder')}
        describedBy={reason ? `${id}-reason` : undefined}
      />
      {mic.listening && (
        <p className="interim muted small" aria-live="polite">
          {t('mic.listening')} {mic.interim}
        </p>
      )}
      <MicNotice mic={mic} />
      {recordOffered && <PlaybackRecorder />}
      <ErrorNote message={error} testId="send-error" />
      <div className="composer-actions">
        {mic.supported ? (
          <button
            type="button"
            className={`btn ${mic.listening ? 'btn-danger' : 'btn-secondary'}`}
            data-testid="mic"
            aria-pressed={mic.listening}
            onClick={mic.listening ? mic.stop : mic.start}
          >
            <MicIcon recording={mic.listening} /> {mic.listening ? t('mic.stop') : t('mic.start')}
          </button>
        ) : (
          <p className="muted small" data-testid="mic-unsupported">
            {t('mic.unsupported')}
          </p>
        )}
        <div className="send-group">
          {reason && (
            <span id={`${id}-reason`} className="send-reason" data-testid="send-reason">
              {reason}
            </span>
          )}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="send-answer"
            disabled={empty || busy}
            onClick={send}
          >
            {busy ? t('common.sending') : t('room.send')}
          </button>
        </div>
      </div>
    </section>
  );
}
