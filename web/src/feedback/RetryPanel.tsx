// Retry: edit the answer and send it as a new version of the question; the caller shows the comparison.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { AnswerTextarea } from '../components/AnswerTextarea';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import type { PracticeResult } from '../types';

export function RetryPanel({
  questionId,
  initial,
  onDone,
}: {
  questionId: string;
  initial: string;
  onDone: (text: string, result: PracticeResult) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.saveAnswer(questionId, text);
      setOpen(false);
      onDone(text, result);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <div className="retry-row">
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="retry"
          onClick={() => {
            setText(initial);
            setOpen(true);
          }}
        >
          {t('retry.button')}
        </button>
        <span className="muted small">{t('retry.help')}</span>
      </div>
    );
  }
  return (
    <div className="retry-panel card-inset">
      <AnswerTextarea
        value={text}
        onChange={setText}
        label={t('retry.label')}
        testId="retry-input"
        onSubmit={send}
        autoFocus
      />
      <ErrorNote message={error} />
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="retry-send"
          disabled={busy || !text.trim()}
          onClick={send}
        >
          {busy ? t('common.sending') : t('retry.send')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
