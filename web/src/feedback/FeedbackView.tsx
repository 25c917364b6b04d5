// The feedback on one answer, reused by the interview room, the workshop and history: scores, the answer with
// highlights, connectors and rewrites, the key-point checklist, STAR + Future, delivery facts, the follow-up,
// the coach's notes, model answers, and a retry that shows what changed.
import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import type { Analysis, AnswerComparison } from '../types';
import { ComparisonView } from './ComparisonView';
import { Connectors } from './Connectors';
import { DeliveryFacts } from './DeliveryFacts';
import { FeedbackItems } from './FeedbackItems';
import { HighlightedAnswer } from './HighlightedAnswer';
import { KeyPointList } from './KeyPointList';
import { ModelAnswersById } from './ModelAnswers';
import { ReferenceCheck } from './ReferenceCheck';
import { type RetryOutcome, RetryPanel, type SessionRetryTarget } from './RetryPanel';
import { Rewritten } from './Rewritten';
import { ScoreHeader } from './ScoreHeader';
import { StarParts } from './StarParts';

export interface FeedbackProps {
  /** The text the analysis was made from (its spans point into it). */
  readonly text: string;
  readonly analysis: Analysis;
  readonly questionId: string | null;
  readonly comparison?: AnswerComparison | null;
  /** Shown above the answer, e.g. that a follow-up is graded with the first answer. */
  readonly note?: string;
  readonly allowRetry?: boolean;
  readonly showModels?: boolean;
  readonly title?: string;
  /**
   * The follow-up the interviewer actually asks next (the room), or null when none is: then the analysis's
   * suggestion is not shown. Undefined (workshop, history): the analysis's suggestion.
   */
  readonly followUp?: string | null;
  /** After a follow-up: key points the question's earlier answer covered (not listed as missing again). */
  readonly coveredBefore?: ReadonlySet<string>;
  /** A retry inside a session (it counts there), with the text to start from. */
  readonly retryIn?: SessionRetryTarget & { readonly initial?: string };
  /** The latest retry already made (after a reload), shown as the current version. */
  readonly initialRetry?: { readonly text: string; readonly analysis: Analysis; readonly n: number };
}

interface RetryState extends RetryOutcome {
  readonly text: string;
  readonly n: number;
}

function FeedbackViewImpl(props: FeedbackProps) {
  const t = useT();
  const [retry, setRetry] = useState<RetryState | null>(() =>
    props.initialRetry ? { ...props.initialRetry, comparison: null } : null,
  );
  const { text, analysis, comparison } = retry ?? {
    text: props.text,
    analysis: props.analysis,
    comparison: props.comparison ?? null,
  };
  const retried = retry?.n ?? 0;
  const followUp = props.followUp === undefined ? analysis.followUp : props.followUp;
  // A retry answers the whole question again: the follow-up's notes no longer apply to it.
  const coveredBefore = retried === 0 ? props.coveredBefore : undefined;
  const compareRef = useRef<HTMLDivElement>(null);
  // Bring a new retry's comparison into view; not one shown again after a reload.
  const firstShown = useRef(retried);
  useEffect(() => {
    if (retried === firstShown.current) return;
    compareRef.current?.focus({ preventScroll: true });
    compareRef.current?.scrollIntoView({ block: 'start' });
  }, [retried]);
  return (
    <article className="feedback card" data-testid="feedback" aria-label={props.title ?? t('fb.title')}>
      <header className="fb-head">
        <h2>{props.title ?? t('fb.title')}</h2>
        {retried > 0 && <span className="chip">{t('retry.version', { n: retried })}</span>}
      </header>
      <ScoreHeader analysis={analysis} />
      <div ref={compareRef} tabIndex={-1} className="compare-anchor">
        {retry?.inSession && (
          <p className="success-note" data-testid="retry-counts" role="status">
            {t('retry.counts', {
              n: retry.inSession.step + 1,
              before: retry.inSession.before,
              after: retry.inSession.after,
            })}
          </p>
        )}
        {comparison && <ComparisonView comparison={comparison} />}
      </div>
      <div className="fb-columns">
        <div className="fb-main">
          <section className="fb-section" aria-label={t('fb.yourAnswer')}>
            <h3>{t('fb.yourAnswer')}</h3>
            {props.note && retried === 0 && <p className="muted small">{props.note}</p>}
            <HighlightedAnswer text={text} analysis={analysis} />
          </section>
          <Connectors analysis={analysis} />
          <Rewritten analysis={analysis} />
          <KeyPointList analysis={analysis} coveredBefore={coveredBefore} />
          <ReferenceCheck analysis={analysis} />
          <StarParts analysis={analysis} />
        </div>
        <div className="fb-side">
          {followUp && retried === 0 && (
            <section className="fb-section follow-up" data-testid="follow-up" aria-label={t('fb.followUp')}>
              <h3>{t('fb.followUp')}</h3>
              <p lang="en">
                <q>{followUp}</q>
              </p>
            </section>
          )}
          <DeliveryFacts analysis={analysis} />
          <FeedbackItems analysis={analysis} coveredBefore={coveredBefore} />
          {props.questionId && props.showModels !== false && (
            <ModelAnswersById questionId={props.questionId} />
          )}
        </div>
      </div>
      {props.questionId && props.allowRetry !== false && (
        <RetryPanel
          key={retried}
          questionId={props.questionId}
          initial={retried === 0 && props.retryIn?.initial !== undefined ? props.retryIn.initial : text}
          session={props.retryIn}
          onDone={(newText, result) => setRetry({ ...result, text: newText, n: retried + 1 })}
        />
      )}
    </article>
  );
}

/** Memoised: the workshop re-renders on every keystroke, the feedback only when a new analysis arrives. */
export const FeedbackView = memo(FeedbackViewImpl);
