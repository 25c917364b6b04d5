// The dry run's preview: totals, each file's report, the de-duplication report, and the button that saves.
import { useT } from '../i18n';
import type { ImportReport } from '../types';
import { DedupeReport } from './DedupeReport';
import { FileReportCard } from './FileReportCard';

export function ImportPreview({
  report,
  stale,
  saving,
  onSave,
}: {
  report: ImportReport;
  /** A newer preview is on its way (the selection changed). */
  stale: boolean;
  saving: boolean;
  onSave: () => void;
}) {
  const t = useT();
  const found = report.files.reduce((n, f) => n + f.questions.length, 0);
  return (
    <section
      className={`card import-preview${stale ? ' stale' : ''}`}
      aria-labelledby="preview-h"
      aria-busy={stale}
      data-testid="import-preview"
    >
      <header className="preview-head">
        <div>
          <h2 id="preview-h">{t('imp.preview')}</h2>
          <p className="muted" data-testid="preview-totals" aria-live="polite">
            {[
              t('imp.totals.files', { n: report.files.length }),
              t('imp.totals.found', { n: found }),
              t('imp.totals.new', { n: report.imported }),
              t('imp.totals.skipped', { n: report.skipped.length }),
            ].join(' · ')}
          </p>
        </div>
        <button
          type="button"
          className="btn btn-primary btn-large"
          data-testid="import-save"
          disabled={saving || stale || report.imported === 0}
          onClick={onSave}
        >
          {saving ? t('imp.saving') : t('imp.save', { n: report.imported })}
        </button>
      </header>
      {report.imported === 0 && <p className="muted">{t('imp.nothingNew')}</p>}
      {report.files.map((f) => (
        <FileReportCard key={f.path} file={f} />
      ))}
      <DedupeReport skipped={report.skipped} kept={report.kept} />
    </section>
  );
}
