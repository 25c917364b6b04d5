// The system under incident: its services (version, role, what each depends on) and the dashboards you can open.
import { useT } from '../i18n';
import type { IncidentView } from '../types';

export function SystemPanel({ system }: { system: IncidentView['scenario']['system'] }) {
  const t = useT();
  return (
    <section className="card inc-system" aria-labelledby="inc-system-h" data-testid="incident-system">
      <h2 id="inc-system-h">{t('inc.system')}</h2>
      <h3>{t('inc.services')}</h3>
      <ul className="inc-services" lang="en">
        {system.services.map((svc) => (
          <li key={svc.name}>
            <code className="inc-service-name">{svc.name}</code>
            {svc.version && <span className="muted small"> {svc.version}</span>}
            <span className="inc-service-role"> · {svc.role}</span>
            {svc.dependsOn.length > 0 && (
              <span className="muted small inc-service-deps">
                {' '}
                ({t('inc.dependsOn', { list: svc.dependsOn.join(', ') })})
              </span>
            )}
          </li>
        ))}
      </ul>
      {system.dashboards.length > 0 && (
        <>
          <h3>{t('inc.dashboards')}</h3>
          <ul className="inc-dashboards" lang="en">
            {system.dashboards.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
