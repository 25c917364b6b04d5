// The debrief of a finished round: the outcome against the expert's run, the impact, the three layers with what
// earned credit (quoting you), what was missed and what cost points, the expert's order with the minute you took
// each step, the notes, the root cause, and a replay: the curve with a marker at each minute you acted, then the
// turns.
import type { Ref } from 'react';
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { scoreTone } from '../feedback/ScoreHeader';
import { formatNumber, useLang, useT } from '../i18n';
import { href, navigate } from '../lib/router';
import type { IncidentDebrief, IncidentLayerScore, IncidentView } from '../types';
import { actionMarkers, chartSeries, OUTCOME_MARK, percent } from './format';
import { ImpactChart } from './ImpactChart';
import { TurnList } from './TurnList';

const LAYERS = ['technical', 'ops', 'delivery'] as const;

export function Debrief({
  view,
  debrief,
  headingRef,
}: {
  view: IncidentView;
  debrief: IncidentDebrief;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const t = useT();
  const lang = useLang();
  const [again, setAgain] = useState<'idle' | 'starting'>('idle');
  const [error, setError] = useState<string | null>(null);
  const o = debrief.outcome;
  const e = debrief.expert;
  const markers = actionMarkers(view.turns);
  const zhOf = new Map(view.scenario.actions.flatMap((a) => (a.zh ? [[a.id, a.zh] as const] : [])));

  async function runAgain() {
    setAgain('starting');
    setError(null);
    try {
      const next = await api.startIncident(view.scenario.id);
      navigate('incident', next.id);
    } catch (err) {
      setError(errorMessage(err));
      setAgain('idle');
    }
  }

  const milestones = [
    { key: 'detected', you: o.detectedAt, expert: e.detectedAt },
    { key: 'mitigated', you: o.mitigatedAt, expert: e.mitigatedAt },
    { key: 'resolved', you: o.resolvedAt, expert: e.resolvedAt },
  ] as const;

  return (
    <div className="inc-debrief" data-testid="incident-debrief">
      <section className="card" aria-labelledby="inc-debrief-h">
        <h2 id="inc-debrief-h" ref={headingRef} tabIndex={-1}>
          {t('inc.debrief')}
        </h2>
        <p className="muted" data-testid="incident-ended">
          {o.endedBy ? t(`inc.endedBy.${o.endedBy}`, { n: o.minutes }) : null}
        </p>
        <div className="summary-top">
          <div className={`score-overall ${scoreTone(debrief.overall)}`} data-testid="incident-overall">
            <span className="score-number">{debrief.overall}</span>
            <span className="score-of">/100</span>
            <span className="score-grade">{t('inc.overall')}</span>
          </div>
          <dl className="dims inc-layers-top">
            {LAYERS.map((d) => {
              const score = debrief.scores[d].score;
              return (
                <div key={d} className="dim" data-testid={`incident-score-${d}`}>
                  <dt>{t(`dim.${d}`)}</dt>
                  <dd>
                    <span className="dim-score">{score}</span>
                    <span className="meter" aria-hidden="true">
                      <span className={`meter-fill ${scoreTone(score)}`} style={{ width: `${score}%` }} />
                    </span>
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>

        <div className="inc-debrief-grid">
          <div>
            <h3>{t('inc.outcome')}</h3>
            <table className="table inc-outcome" data-testid="incident-outcome">
              <YoursVsExpert />
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.key}>
                    <th scope="row">{t(`inc.${m.key}`)}</th>
                    <td>{m.you === null ? t('inc.never') : t('inc.atMinute', { n: m.you })}</td>
                    <td>{m.expert === null ? t('inc.never') : t('inc.atMinute', { n: m.expert })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div>
            <h3>{t('inc.impact')}</h3>
            <p className="muted small">{t('inc.impactHorizon', { n: o.impact.horizonMinutes })}</p>
            <table className="table inc-impact" data-testid="incident-impact">
              <YoursVsExpert />
              <tbody>
                <tr>
                  <th scope="row">{t('inc.failed')}</th>
                  <td>{formatNumber(o.impact.failedRequests, lang)}</td>
                  <td>{formatNumber(e.impact.failedRequests, lang)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('inc.budget')}</th>
                  <td>{formatNumber(o.impact.budgetBurnt, lang)}%</td>
                  <td>{formatNumber(e.impact.budgetBurnt, lang)}%</td>
                </tr>
                <tr>
                  <th scope="row">{t('inc.peak')}</th>
                  <td>{percent(o.impact.peakErrorRate, lang)}</td>
                  <td>–</td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      </section>

      <section className="card" aria-labelledby="inc-layers-h">
        <h2 id="inc-layers-h">{t('inc.scores')}</h2>
        <div className="inc-layers">
          {LAYERS.map((d) => (
            <Layer key={d} id={d} layer={debrief.scores[d]} />
          ))}
        </div>
      </section>

      <div className="inc-debrief-grid">
        <section className="card" aria-labelledby="inc-order-h">
          <h2 id="inc-order-h">{t('inc.order')}</h2>
          <ol className="inc-order" data-testid="incident-order">
            {e.order.map((step) => (
              <li key={step.id} className={step.yourMinute === null ? 'inc-order-missed' : 'inc-order-done'}>
                <span lang="en">{step.label}</span>{' '}
                {lang === 'zh' && zhOf.get(step.id) ? (
                  <span lang="zh" className="inc-order-zh">
                    {zhOf.get(step.id)}
                  </span>
                ) : null}{' '}
                <span className="inc-order-you">
                  {step.yourMinute === null ? t('inc.youNot') : t('inc.youAt', { n: step.yourMinute })}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="card" aria-labelledby="inc-notes-h">
          <h2 id="inc-notes-h">{t('inc.notes')}</h2>
          <ul className="notes" lang="en" data-testid="incident-notes">
            {debrief.notes
              .filter((n) => !n.startsWith('Root cause:'))
              .map((n) => (
                <li key={n}>{n}</li>
              ))}
          </ul>
          <h3>{t('inc.rootCause')}</h3>
          <p lang="en" data-testid="incident-root-cause">
            {debrief.rootCause}
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby="inc-replay-h" data-testid="incident-replay">
        <h2 id="inc-replay-h">{t('inc.replay')}</h2>
        <p className="muted">{t('inc.replayIntro')}</p>
        <ImpactChart
          points={chartSeries(debrief.curve, view.turns)}
          markers={markers}
          caption={t('inc.chart')}
          testId="replay-chart"
        />
        {markers.length > 0 && (
          <ol className="inc-marker-list" aria-label={t('inc.markerLegend')}>
            {markers.map((mk) => (
              <li key={mk.minute}>
                <span className="inc-marker-n" aria-hidden="true">
                  {mk.n}
                </span>
                <span>
                  <strong>{t('inc.atMinute', { n: mk.minute })}</strong>{' '}
                  {mk.actions.map((a) => (
                    <span key={a.id} className={`inc-marker-action inc-action-${a.outcome}`} lang="en">
                      <span aria-hidden="true">{OUTCOME_MARK[a.outcome]}</span>
                      <span className="sr-only">{t(`inc.outcome.${a.outcome}`)}: </span> {a.label}
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ol>
        )}
        <h3>{t('inc.turnsHeading')}</h3>
        <TurnList view={view} />
      </section>

      <ErrorNote message={error} />
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="incident-again"
          disabled={again === 'starting'}
          onClick={runAgain}
        >
          {again === 'starting' ? t('inc.starting') : t('inc.again')}
        </button>
        <a className="btn btn-secondary" href={href('incident')}>
          {t('inc.other')}
        </a>
      </div>
    </div>
  );
}

function Layer({ id, layer }: { id: (typeof LAYERS)[number]; layer: IncidentLayerScore }) {
  const t = useT();
  return (
    <article
      className="inc-layer card-inset"
      aria-labelledby={`inc-layer-${id}-h`}
      data-testid={`incident-layer-${id}`}
    >
      <h3 id={`inc-layer-${id}-h`}>
        {t(`dim.${id}`)}{' '}
        <span className={`chip ${scoreTone(layer.score)}`}>{t('inc.scoreOf', { n: layer.score })}</span>
      </h3>
      <h4>{t('inc.credited')}</h4>
      {layer.credited.length === 0 ? (
        <p className="muted small">{t('inc.nothing')}</p>
      ) : (
        <ul className="inc-credited" data-testid="layer-credited">
          {layer.credited.map((c) => (
            <li key={`${c.label}-${c.minute}`}>
              <span lang="en">{c.label}</span>{' '}
              <span className="muted small">{t('inc.atMinute', { n: c.minute })}</span>
              <q className="inc-quote" lang="en">
                {c.quote}
              </q>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('inc.missed')}</h4>
      {layer.missed.length === 0 ? (
        <p className="muted small">{t('inc.nothing')}</p>
      ) : (
        <ul className="inc-missed" lang="en" data-testid="layer-missed">
          {layer.missed.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {layer.marked.length > 0 && (
        <>
          <h4>{t('inc.marked')}</h4>
          <ul className="inc-marked" lang="en" data-testid="layer-marked">
            {layer.marked.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** The head of a "you against the expert" table. */
function YoursVsExpert() {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">
          <span className="sr-only">{t('inc.measure')}</span>
        </th>
        <th scope="col">{t('inc.yours')}</th>
        <th scope="col">{t('inc.expert')}</th>
      </tr>
    </thead>
  );
}
