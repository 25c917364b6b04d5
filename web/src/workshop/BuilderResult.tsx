// One assembled answer from a builder: the text, its score and length fit, the full feedback on demand, and
// saving it as a version of the question.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { ComparisonView } from '../feedback/ComparisonView';
import { FeedbackView } from '../feedback/FeedbackView';
import { scoreTone } from '../feedback/ScoreHeader';
import { useT } from '../i18n';
import type { Analysis, PracticeResult } from '../types';

export function BuilderResult({
  title,
  text,
  analysis,
  questionId,
  testId,
}: {
  title: string;
  text: string;
  analysis: Analysis | null;
  questionId: string;
  testId: string;
}) {
  const t = useT();
  const [saved, setSaved] = useState<PracticeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    setError(null);
    try {
      setSaved(await api.saveAnswer(questionId, text));
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <section className="builder-result card-inset" data-testid={testId} aria-label={title}>
      <header className="fb-head">
        <h3>{title}</h3>
        {analysis && (
          <span className={`chip ${scoreTone(analysis.score)}`} data-testid={`${testId}-score`}>
            {analysis.score}/100 · {t(`fit.${analysis.language.fit}`)}
          </span>
        )}
      </header>
      <p className="answer-text assembled" lang="en">
        {text || <span className="muted">{t('builder.emptyText')}</span>}
      </p>
      {analysis && (
        <>
          <div className="btn-row">
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={save}
              disabled={!text.trim()}
            >
              {t('builder.saveVersion')}
            </button>
            {saved && (
              <span className="success-note">
                {t('ws.saved', { n: saved.version, due: saved.due.slice(0, 10) })}
              </span>
            )}
          </div>
          <ErrorNote message={error} />
          {saved?.comparison && <ComparisonView comparison={saved.comparison} />}
          <details className="turn-details">
            <summary>{t('builder.fullFeedback')}</summary>
            <FeedbackView
              text={text}
              analysis={analysis}
              questionId={questionId}
              allowRetry={false}
              showModels={false}
            />
          </details>
        </>
      )}
    </section>
  );
}
