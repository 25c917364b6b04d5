// Retry: edit the answer and send it again; the caller shows the comparison. Outside a session it is a new practice
// version of the question; inside one it is that session's retry of the question (it replaces the question's result
// in the summary and the review card).
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { AnswerTextarea } from '../components/AnswerTextarea';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import type { Analysis, AnswerComparison, SessionRetryResult } from '../types';

export interface RetryOutcome {
  readonly analysis: Analysis;
  readonly comparison: AnswerComparison | null;
  /** Inside a session: the question's result there before its first retry and now. */
  readonly inSession?: SessionRetryResult['question'] & { readonly step: number };
}

/** A retry inside a session: which session and which of its questions (plan step). */
export interface SessionRetryTarget {
  readonly sessionId: string;
  readonly step: number;
  readonly onRetried?: (result: SessionRetryResult) => void;
}

export function RetryPanel({
  questionId,
  initial,
  session,
  onDone,
}: {
  questionId: string;
  initial: string;
  session?: SessionRetryTarget;
  onDone: (text: string, result: RetryOutcome) => void;
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
      if (session) {
        const r = await api.retryTurn(session.sessionId, { step: session.step, text });
        setOpen(false);
        session.onRetried?.(r);
        onDone(text, {
          analysis: r.analysis,
          comparison: r.comparison,
          inSession: { ...r.question, step: r.step },
        });
      } else {
        const r = await api.saveAnswer(questionId, text);
        setOpen(false);
        onDone(text, { analysis: r.analysis, comparison: r.comparison });
      }
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
        <span className="muted small">{session ? t('retry.helpSession') : t('retry.help')}</span>
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
