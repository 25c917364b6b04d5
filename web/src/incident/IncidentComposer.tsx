// What you do next: type it, or dictate where the browser can. Enter sends, Shift+Enter starts a new line (and
// Enter while an input method is composing is left to it). The box is disabled while the turn is sent and keeps
// the text when the server refuses it, with the server's reason below.
import { type KeyboardEvent, type Ref, useId } from 'react';
import { ErrorNote } from '../components/ErrorNote';
import { formatNumber, useLang, useT } from '../i18n';
import { MicNotice } from '../room/MicNotice';
import { useRecognition } from '../room/useRecognition';
import { MAX_INCIDENT_TURN_CHARS } from '../types';

interface Props {
  readonly text: string;
  readonly onText: (text: string | ((prev: string) => string)) => void;
  readonly onSend: (input: string) => void;
  readonly busy: boolean;
  readonly error: string | null;
  readonly inputRef: Ref<HTMLTextAreaElement>;
}

export function IncidentComposer({ text, onText, onSend, busy, error, inputRef }: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const mic = useRecognition((phrase) => {
    if (phrase) onText((prev) => (prev && !/\s$/.test(prev) ? `${prev} ${phrase}` : `${prev}${phrase}`));
  });
  const empty = text.trim() === '';
  const over = text.length > MAX_INCIDENT_TURN_CHARS;

  function send() {
    if (empty || busy) return;
    mic.stop();
    mic.reset();
    onSend(text);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    send();
  }

  return (
    <section className="card inc-composer" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="inc-composer-h">
        <label htmlFor={`${id}-input`}>{t('inc.composer')}</label>
      </h2>
      <p id={`${id}-keys`} className="muted small inc-keys">
        {t('inc.keys')}
      </p>
      <textarea
        id={`${id}-input`}
        ref={inputRef}
        className="inc-input-box"
        data-testid="incident-input"
        value={text}
        rows={3}
        lang="en"
        spellCheck
        placeholder={t('inc.placeholder')}
        disabled={busy}
        aria-describedby={`${id}-keys ${id}-count${error ? ` ${id}-error` : ''}`}
        aria-invalid={over || undefined}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-count`} className={`small inc-count ${over ? 'inc-count-over' : 'muted'}`}>
        {t('inc.count', {
          n: formatNumber(text.length, lang),
          max: formatNumber(MAX_INCIDENT_TURN_CHARS, lang),
        })}
      </p>
      {mic.listening && (
        <p className="interim muted small" aria-live="polite">
          {t('mic.listening')} {mic.interim}
        </p>
      )}
      <MicNotice mic={mic} />
      <div id={`${id}-error`}>
        <ErrorNote message={error} testId="incident-error" />
      </div>
      <div className="composer-actions">
        <div className="btn-row">
          {mic.supported && (
            <button
              type="button"
              className={`btn ${mic.listening ? 'btn-danger' : 'btn-secondary'}`}
              data-testid="incident-mic"
              aria-pressed={mic.listening}
              disabled={busy}
              onClick={mic.listening ? mic.stop : mic.start}
            >
              {mic.listening ? t('mic.stop') : t('inc.dictate')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-ghost"
            data-testid="incident-end"
            disabled={busy}
            onClick={() => onSend('done')}
          >
            {t('inc.end')}
          </button>
        </div>
        <div className="send-group">
          {busy && (
            <span className="send-reason" aria-live="polite">
              {t('inc.sending')}
            </span>
          )}
          <button
            type="button"
            className="btn btn-primary"
            data-testid="incident-send"
            disabled={empty || busy}
            onClick={send}
          >
            {busy ? t('common.sending') : t('inc.send')}
          </button>
        </div>
      </div>
    </section>
  );
}
