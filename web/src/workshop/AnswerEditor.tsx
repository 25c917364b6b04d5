// Write an answer with live analysis as you type; save it as a new version and see what changed.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { AnswerTextarea } from '../components/AnswerTextarea';
import { ErrorNote } from '../components/ErrorNote';
import { ComparisonView } from '../feedback/ComparisonView';
import { FeedbackView } from '../feedback/FeedbackView';
import { useT } from '../i18n';
import type { PracticeResult } from '../types';
import { useLiveAnalysis } from './useLiveAnalysis';

export function AnswerEditor({
  questionId,
  text,
  onText,
  onSaved,
}: {
  questionId: string;
  text: string;
  onText: (t: string) => void;
  onSaved: () => void;
}) {
  const t = useT();
  const live = useLiveAnalysis(questionId, text);
  const [saved, setSaved] = useState<PracticeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.saveAnswer(questionId, text);
      setSaved(result);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card editor" aria-labelledby="editor-h">
      <h2 id="editor-h">{t('ws.editor')}</h2>
      <AnswerTextarea
        value={text}
        onChange={(v) => {
          onText(v);
          setSaved(null);
        }}
        label={t('ws.answerLabel')}
        testId="workshop-input"
        onSubmit={save}
        rows={9}
        placeholder={t('ws.answerPlaceholder')}
      />
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="save-version"
          disabled={!text.trim() || busy}
          onClick={save}
        >
          {busy ? t('common.sending') : t('ws.save')}
        </button>
        <span className="muted small" aria-live="polite" data-testid="live-status">
          {!text.trim()
            ? t('ws.liveIdle')
            : live.pending
              ? t('ws.analysing')
              : live.result
                ? t('ws.liveReady')
                : ''}
        </span>
      </div>
      <ErrorNote message={error ?? live.error} />
      {saved && (
        <div data-testid="saved">
          <p className="success-note">{t('ws.saved', { n: saved.version, due: saved.due.slice(0, 10) })}</p>
          {saved.comparison ? (
            <ComparisonView comparison={saved.comparison} />
          ) : (
            <p className="muted">{t('ws.firstVersion')}</p>
          )}
        </div>
      )}
      {live.result && (
        <div className={live.pending ? 'live stale' : 'live'} data-testid="live-analysis">
          <FeedbackView
            text={live.result.text}
            analysis={live.result.analysis}
            questionId={questionId}
            allowRetry={false}
            title={t('ws.liveTitle')}
          />
        </div>
      )}
    </section>
  );
}
