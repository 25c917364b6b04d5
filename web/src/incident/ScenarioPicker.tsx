// The incident scenarios (in Chinese when the interface is), each with a start button, and your past rounds:
// the score of a finished one, a way back into an unfinished one.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { formatDate, useLang, useT } from '../i18n';
import { href, navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import type { IncidentScenarioSummary } from '../types';

export function ScenarioPicker() {
  const t = useT();
  const lang = useLang();
  const scenarios = useAsync(() => api.incidentScenarios(), []);
  const rounds = useAsync(() => api.incidents(), []);
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(id: string) {
    setStarting(id);
    setError(null);
    try {
      const view = await api.startIncident(id);
      navigate('incident', view.id);
    } catch (err) {
      setError(errorMessage(err));
      setStarting(null);
    }
  }

  const title = (s: IncidentScenarioSummary) => (lang === 'zh' ? s.zh.title : s.title);
  const byId = new Map((scenarios.data ?? []).map((s) => [s.id, s]));

  const hasRounds = (rounds.data?.length ?? 0) > 0;
  const history = (
    <section className="card" aria-labelledby="inc-history-h" data-testid="incident-history">
      <h2 id="inc-history-h">{t('inc.history')}</h2>
      <ErrorNote message={rounds.error} />
      {rounds.data && rounds.data.length === 0 && <p className="muted">{t('inc.historyEmpty')}</p>}
      {rounds.data && rounds.data.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('inc.when')}</th>
                <th scope="col">{t('inc.scenario')}</th>
                <th scope="col">{t('inc.minuteCol')}</th>
                <th scope="col">{t('inc.score')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.data.map((r) => {
                const s = byId.get(r.scenarioId);
                return (
                  <tr key={r.id} data-testid="incident-round">
                    <td>
                      <a href={href('incident', r.id)}>
                        {formatDate(r.createdAt, lang)}
                        <span className="sr-only">
                          {' '}
                          · {r.finished ? t('inc.openDebrief') : t('inc.resume')}
                        </span>
                      </a>
                    </td>
                    <td>{s ? title(s) : r.scenarioId}</td>
                    <td>{r.minute}</td>
                    <td>
                      {r.finished ? (
                        t('inc.scoreOf', { n: r.overall ?? '–' })
                      ) : (
                        <a href={href('incident', r.id)} className="chip inc-resume">
                          {t('inc.resume')}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );

  return (
    <div className="incident-picker">
      <div className="page-head">
        <h1>{t('inc.title')}</h1>
        <p className="lead">{t('inc.intro')}</p>
      </div>
      {/* Your rounds come first once there are any: resuming one is the likeliest next step. */}
      {hasRounds && history}
      <section aria-labelledby="inc-scenarios-h" data-testid="incident-scenarios">
        <h2 id="inc-scenarios-h">{t('inc.scenarios')}</h2>
        <ErrorNote message={scenarios.error ?? error} />
        {!scenarios.data && !scenarios.error && <p className="muted">{t('common.loading')}</p>}
        <ul className="inc-scenarios">
          {scenarios.data?.map((s) => (
            <li key={s.id} className="card inc-scenario" data-testid={`scenario-${s.id}`}>
              <h3 className="inc-scenario-title" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
                {title(s)}
              </h3>
              <p className="inc-scenario-meta">
                <span className="chip">{t('inc.level', { n: s.level })}</span>
                {s.tags.map((tag) => (
                  <span key={tag} className="tag">
                    {tag}
                  </span>
                ))}
              </p>
              <p className="inc-scenario-brief" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
                {lang === 'zh' ? s.zh.brief : s.brief}
              </p>
              <div className="btn-row">
                <button
                  type="button"
                  className="btn btn-primary"
                  data-testid={`start-${s.id}`}
                  aria-label={t('inc.startLabel', { title: title(s) })}
                  disabled={starting !== null}
                  onClick={() => start(s.id)}
                >
                  {starting === s.id ? t('inc.starting') : t('inc.start')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      {!hasRounds && history}
    </div>
  );
}
