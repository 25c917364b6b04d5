// The round turn by turn: what you said, then the interviewer's answer: the clock, each action taken (✓ done,
// ~ did not work and why, = already done), the tool output, interjections, a clarifying question, the metrics.
// In the live room the list is a polite live region, so a new turn is read out when it arrives.
import { formatNumber, useLang, useT } from '../i18n';
import type { IncidentTurn, IncidentView } from '../types';
import { clockAt, millis, OUTCOME_MARK, percent, turnMinutes } from './format';

export function TurnList({ view, live = false }: { view: IncidentView; live?: boolean }) {
  const t = useT();
  return (
    <>
      {view.turns.length === 0 && (
        <p className="muted" data-testid="no-turns">
          {t('inc.noTurns')}
        </p>
      )}
      <ol
        className="inc-turns"
        aria-label={t('inc.conversation')}
        aria-live={live ? 'polite' : undefined}
        data-testid="incident-turns"
      >
        {view.turns.map((turn, i) => (
          <TurnItem
            // biome-ignore lint/suspicious/noArrayIndexKey: turns are only ever appended, so the position is stable
            key={i}
            turn={turn}
            minutes={turnMinutes(view.turns, i)}
            startTime={view.scenario.startTime}
          />
        ))}
      </ol>
    </>
  );
}

function TurnItem({ turn, minutes, startTime }: { turn: IncidentTurn; minutes: number; startTime: string }) {
  const t = useT();
  const hasReply =
    turn.actions.length > 0 ||
    turn.evidence.length > 0 ||
    turn.interjections.length > 0 ||
    turn.clarify !== null;
  return (
    <li className="inc-turn" data-testid="incident-turn">
      <div className="bubble bubble-candidate inc-input">
        <span className="bubble-who">{t('inc.you')}</span>
        <p className="bubble-answer" lang="en" data-testid="turn-input">
          {turn.input || <span className="muted">{t('inc.emptyTurn')}</span>}
        </p>
      </div>
      <div className="bubble bubble-interviewer inc-reply">
        <span className="bubble-who">
          {t('inc.interviewer')}{' '}
          <span className="inc-turn-clock">
            {t('inc.turnClock', { n: minutes, clock: clockAt(startTime, turn.minute), m: turn.minute })}
          </span>
        </span>
        {turn.actions.length > 0 && (
          <ul className="inc-actions" aria-label={t('inc.actionsTaken')}>
            {turn.actions.map((a, k) => (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: an action can be said twice in one turn
                key={`${a.id}-${k}`}
                className={`inc-action inc-action-${a.outcome}`}
                data-testid="turn-action"
                data-outcome={a.outcome}
              >
                <span className="inc-action-mark" aria-hidden="true">
                  {OUTCOME_MARK[a.outcome]}
                </span>
                <span className="inc-action-body">
                  <span className="sr-only">{t(`inc.outcome.${a.outcome}`)}: </span>
                  <span className="inc-action-label" lang="en">
                    {a.label}
                  </span>{' '}
                  <span className="muted small">{t('inc.atMinute', { n: a.minute })}</span>
                  {a.outcome !== 'done' && (
                    <span className={`chip chip-small inc-outcome-${a.outcome}`} aria-hidden="true">
                      {t(`inc.outcome.${a.outcome}`)}
                    </span>
                  )}
                  {a.note && (
                    <span className="inc-action-note" lang="en">
                      {a.note}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {turn.evidence.map((ev, k) => (
          <figure
            // biome-ignore lint/suspicious/noArrayIndexKey: the evidence of one turn, in order
            key={k}
            className="inc-evidence"
          >
            <figcaption className="muted small">{t('inc.evidence')}</figcaption>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide output scrolls sideways by keyboard too */}
            <pre tabIndex={0} lang="en" data-testid="evidence">
              {ev.replace(/\n+$/, '')}
            </pre>
          </figure>
        ))}
        {turn.interjections.map((say, k) => (
          <p
            // biome-ignore lint/suspicious/noArrayIndexKey: what the interviewer says, in order
            key={k}
            className="inc-interjection"
            lang="en"
            data-testid="interjection"
          >
            {say}
          </p>
        ))}
        {turn.clarify && (
          <p className="inc-clarify" lang="en" data-testid="clarify">
            <span className="sr-only">{t('inc.clarify')}: </span>
            {turn.clarify}
          </p>
        )}
        {!hasReply && <p className="muted small">{t('inc.noReply')}</p>}
        <MetricsLine turn={turn} />
      </div>
    </li>
  );
}

function MetricsLine({ turn }: { turn: IncidentTurn }) {
  const t = useT();
  const lang = useLang();
  const m = turn.metrics;
  return (
    <p className="inc-metrics-line small" data-testid="turn-metrics">
      {t('inc.metricsLine', {
        e: percent(m.errorRate, lang),
        l: millis(m.latencyMs, lang),
        f: formatNumber(m.failedRequests, lang),
        b: formatNumber(m.budgetBurnt, lang),
      })}
    </p>
  );
}
