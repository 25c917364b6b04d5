// /incident: pick a live incident scenario, or resume a past round; /incident/:id: the round (its debrief when
// it is finished).
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { IncidentRoom } from '../incident/IncidentRoom';
import { ScenarioPicker } from '../incident/ScenarioPicker';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import '../incident/incident.css';

export default function IncidentPage({ incidentId }: { incidentId: string | null }) {
  if (!incidentId) return <ScenarioPicker />;
  return <IncidentLoader key={incidentId} incidentId={incidentId} />;
}

function IncidentLoader({ incidentId }: { incidentId: string }) {
  const t = useT();
  const round = useAsync(() => api.incident(incidentId), [incidentId]);
  if (round.error)
    return (
      <section className="card">
        <ErrorNote message={round.error} />
        <div className="btn-row">
          <button type="button" className="btn btn-secondary" onClick={round.reload}>
            {t('common.retryLoad')}
          </button>
          <a className="btn btn-ghost" href={href('incident')}>
            {t('inc.back')}
          </a>
        </div>
      </section>
    );
  if (!round.data) return <p className="muted">{t('common.loading')}</p>;
  return <IncidentRoom initial={round.data} />;
}
