// Take the practice out: an Anki deck, a Markdown study guide, and your answers as JSON or CSV (plain
// download links to the export route).
import { api } from '../api';
import { useT } from '../i18n';
import { EXPORT_FORMATS } from '../types';

export function ExportLinks() {
  const t = useT();
  return (
    <section className="card export" aria-labelledby="export-h" data-testid="export">
      <h2 id="export-h">{t('exp.title')}</h2>
      <p className="muted small">{t('exp.intro')}</p>
      <ul className="export-list">
        {EXPORT_FORMATS.map((f) => (
          <li key={f}>
            <a className="btn btn-secondary" href={api.exportUrl(f)} download data-testid={`export-${f}`}>
              {t(`exp.${f}`)}
            </a>
            <span className="small muted">{t(`exp.${f}.help`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
