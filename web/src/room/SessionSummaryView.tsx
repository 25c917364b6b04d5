// The end of a session: the three layers, the score per question (and what a retry changed), language habits,
// next steps, the Markdown report, and the feedback on every answer (the only feedback an interview-style session
// gives), each question retryable: the retry counts in the session.
import { api } from '../api';
import { FeedbackView } from '../feedback/FeedbackView';
import { scoreTone } from '../feedback/ScoreHeader';
import { useLang, useT } from '../i18n';
import { href } from '../lib/router';
import { DIMENSIONS, type SessionView } from '../types';
import { coveredBefore } from './shownFeedback';

/** The summary takes focus when it appears, so keyboard and screen-reader users land on it. */
function focusOnMount(el: HTMLElement | null) {
  el?.focus({ preventScroll: true });
  el?.scrollIntoView({ block: 'start' });
}

export function SessionSummaryView({
  session,
  onRetried,
}: {
  session: SessionView;
  /** A question was retried from here: the caller reloads the session (the summary changes with it). */
  onRetried?: () => void;
}) {
  const t = useT();
  const zh = useLang() === 'zh';
  const s = session.summary;
  if (!s) return null;
  const answered = session.turns.filter((tn) => tn.answer?.analysis);
  return (
    <section className="summary card" data-testid="summary" aria-labelledby="summary-h">
      <h2 id="summary-h" ref={focusOnMount} tabIndex={-1}>
        {t('sum.title')}
      </h2>
      <div className="summary-top">
        <div className={`score-overall ${scoreTone(s.overall)}`} data-testid="summary-overall">
          <span className="score-number">{s.overall ?? '–'}</span>
          <span className="score-of">/100</span>
          <span className="score-grade">{t('sum.answered', { n: s.answered, of: s.planned })}</span>
        </div>
        <dl className="dims">
          {DIMENSIONS.map((d) => (
            <div key={d} className="dim" data-testid={`summary-dim-${d}`}>
              <dt>{t(`dim.${d}`)}</dt>
              <dd>
                <span className="dim-score">{s.dimensions[d] ?? t('score.na')}</span>
                <span className="meter" aria-hidden="true">
                  <span
                    className={`meter-fill ${scoreTone(s.dimensions[d])}`}
                    style={{ width: `${s.dimensions[d] ?? 0}%` }}
                  />
                </span>
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <h3>{t('sum.perQuestion')}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('sum.question')}</th>
            <th scope="col">{t('sum.first')}</th>
            <th scope="col">{t('sum.final')}</th>
            <th scope="col">{t('sum.missed')}</th>
          </tr>
        </thead>
        <tbody>
          {s.questions.map((q) => (
            <tr key={q.questionId} data-testid="summary-question">
              <td lang="en">
                <a href={href('workshop', q.questionId)}>{q.prompt}</a>
              </td>
              <td>{q.firstScore}</td>
              <td>
                <span className={`chip ${scoreTone(q.score)}`}>{q.score}</span>
                {q.retried && (
                  <span className="muted small retried-note" data-testid="summary-retried">
                    {' '}
                    {t('sum.retried', {
                      n: q.retried.times,
                      before: q.retried.before,
                      after: q.retried.after,
                    })}
                  </span>
                )}
              </td>
              <td className="small" lang={zh ? 'zh-CN' : 'en'}>
                {(zh ? (q.missedZh ?? q.missed) : q.missed).slice(0, 2).join(' · ') || '—'}
                {q.flags.length > 0 && <span className="kp-warn"> ⚠ {q.flags.join(' · ')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        {t('sum.language', {
          soThat: s.language.soThat,
          fillers: s.language.fillers,
          hedges: s.language.hedges,
          long: s.language.tooLong,
        })}
      </p>
      <h3>{t('sum.next')}</h3>
      {s.language.grammarRepeats?.length > 0 && (
        <p className="small" data-testid="summary-grammar">
          {t('facts.grammar')}:{' '}
          {s.language.grammarRepeats.map((r) => (zh ? r.zh : r.label)).join(zh ? '，' : ', ')}
        </p>
      )}
      <ul className="next-steps" data-testid="next-steps">
        {(zh ? (s.nextStepsZh ?? s.nextSteps) : s.nextSteps).map((n) => (
          <li key={n} lang={zh ? 'zh-CN' : 'en'}>
            {n}
          </li>
        ))}
      </ul>
      <p className="btn-row">
        <a className="btn btn-secondary" href={api.reportUrl(session.id)} data-testid="report-link" download>
          {t('sum.report')}
        </a>
        <a className="btn btn-primary" href={href()}>
          {t('sum.again')}
        </a>
      </p>
      <h3>{t('sum.answers')}</h3>
      {answered.map((tn) => (
        <details key={tn.position} className="turn-details">
          <summary>
            <span className={`chip ${scoreTone(tn.answer?.score ?? null)}`}>{tn.answer?.score ?? '–'}</span>{' '}
            {tn.prompt}
          </summary>
          {tn.answer?.analysis && (
            <FeedbackView
              text={tn.answer.gradedText}
              analysis={tn.answer.analysis}
              questionId={tn.questionId}
              note={tn.kind === 'follow-up' ? t('room.followUpGraded') : undefined}
              followUp={followUpAfter(session, tn.position)}
              coveredBefore={coveredBefore(session, { ...tn, answerId: tn.answer.answerId })}
              // A question is retried from its first answer's feedback; the retry counts in the session.
              allowRetry={tn.kind === 'question'}
              retryIn={{ sessionId: session.id, step: tn.step, onRetried: () => onRetried?.() }}
            />
          )}
        </details>
      ))}
      {session.retries.map((r, i) =>
        r.analysis ? (
          <details key={r.answerId} className="turn-details" data-testid="summary-retry-details">
            <summary>
              <span className={`chip ${scoreTone(r.score)}`}>{r.score ?? '–'}</span>{' '}
              {t('sum.retryOf', {
                n: session.retries.slice(0, i + 1).filter((x) => x.step === r.step).length,
                q: r.step + 1,
              })}
            </summary>
            <FeedbackView text={r.text} analysis={r.analysis} questionId={null} allowRetry={false} />
          </details>
        ) : null,
      )}
    </section>
  );
}

/** The follow-up the interviewer asked right after this turn, or null: the feedback names only that one. */
function followUpAfter(session: SessionView, position: number): string | null {
  const next = session.turns.find((tn) => tn.position === position + 1);
  return next?.kind === 'follow-up' ? next.prompt : null;
}
