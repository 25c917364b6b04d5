// Your saved versions of this question's answer, oldest first, each openable with its feedback.
import { FeedbackView } from '../feedback/FeedbackView';
import { scoreTone } from '../feedback/ScoreHeader';
import { formatDate, useLang, useT } from '../i18n';
import type { StoredAnswer } from '../types';

export function VersionList({
  answers,
  questionId,
  onLoad,
}: {
  answers: readonly StoredAnswer[];
  questionId: string;
  onLoad: (text: string) => void;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="versions-h" data-testid="versions">
      <h2 id="versions-h">{t('ws.versions', { n: answers.length })}</h2>
      {answers.length === 0 && <p className="muted">{t('ws.noVersions')}</p>}
      {answers.map((a) => (
        <details key={a.answerId} className="turn-details" data-testid="version">
          <summary>
            <span className={`chip ${scoreTone(a.score)}`}>{a.score ?? '–'}</span>{' '}
            {t('ws.version', { n: a.version })} · {formatDate(a.createdAt, lang)}
            {a.sessionId && <span className="muted small"> · {t('ws.fromSession')}</span>}
          </summary>
          <div className="btn-row">
            <button type="button" className="btn btn-ghost btn-small" onClick={() => onLoad(a.text)}>
              {t('ws.loadVersion')}
            </button>
          </div>
          {a.analysis ? (
            <FeedbackView
              text={a.text}
              analysis={a.analysis}
              questionId={questionId}
              allowRetry={false}
              showModels={false}
            />
          ) : (
            <p className="answer-text">{a.text}</p>
          )}
        </details>
      ))}
    </section>
  );
}
