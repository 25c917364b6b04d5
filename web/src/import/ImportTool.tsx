// Import files: choose or drop them (refused in the browser when too large), read them as base64, preview
// with a dry run whenever the selection changes, then save; the result, or why nothing was imported.
import { useEffect, useState } from 'react';
import { ApiError, api, errorMessage, isAbort } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { practiseQuestions } from '../lib/practise';
import { href } from '../lib/router';
import { type DedupeEntry, type ImportReport, MAX_IMPORT_FILE_BYTES } from '../types';
import { DedupeReport } from './DedupeReport';
import { FilePicker } from './FilePicker';
import { ImportPreview } from './ImportPreview';
import {
  type ChosenFile,
  formatOver,
  mergeChosen,
  planSelection,
  type Refusal,
  readAsBase64,
} from './selection';

const PRACTISE_AT_ONCE = 10;

export function ImportTool({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [chosen, setChosen] = useState<ChosenFile[]>([]);
  const [refused, setRefused] = useState<Refusal[]>([]);
  const [reading, setReading] = useState(false);
  /** The last preview, and the selection it was made for (stale when the selection changed since). */
  const [preview, setPreview] = useState<{ report: ImportReport; of: ChosenFile[] } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<ImportReport | null>(null);
  const [saveError, setSaveError] = useState<{ message: string; skipped: DedupeEntry[] } | null>(null);

  async function addFiles(files: File[]) {
    const plan = planSelection(chosen, files);
    setRefused(plan.refused);
    setSaved(null);
    setSaveError(null);
    if (plan.accept.length === 0) return;
    setReading(true);
    const read: ChosenFile[] = [];
    const failed: Refusal[] = [];
    for (const f of plan.accept) {
      try {
        read.push({ name: f.name, size: f.size, content: await readAsBase64(f) });
      } catch {
        failed.push({ name: f.name, size: f.size, reason: 'unreadable' });
      }
    }
    setReading(false);
    if (failed.length > 0) setRefused((r) => [...r, ...failed]);
    setChosen((c) => mergeChosen(c, read));
  }

  // Preview (dry run) the current selection; a newer selection cancels the older preview.
  useEffect(() => {
    setError(null);
    if (chosen.length === 0) {
      setPreview(null);
      setPreviewing(false);
      return;
    }
    const controller = new AbortController();
    setPreviewing(true);
    api.importFiles({ dryRun: true, files: upload(chosen) }, controller.signal).then(
      (report) => {
        setPreview({ report, of: chosen });
        setPreviewing(false);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        setError(errorMessage(err));
        setPreview(null);
        setPreviewing(false);
      },
    );
    return () => controller.abort();
  }, [chosen]);

  async function save() {
    setSaving(true);
    setSaveError(null);
    try {
      const report = await api.importFiles({ dryRun: false, files: upload(chosen) });
      setSaved(report);
      setChosen([]);
      setRefused([]);
      onImported();
    } catch (err) {
      const details =
        err instanceof ApiError ? (err.details as { skipped?: DedupeEntry[] } | undefined) : null;
      setSaveError({ message: errorMessage(err), skipped: details?.skipped ?? [] });
      if (err instanceof ApiError && err.status === 422) {
        // What is on the server changed since the preview (e.g. imported in another tab): preview again.
        setChosen((c) => [...c]);
        onImported();
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="import-tool">
      <section className="card" aria-label={t('imp.chooseTitle')}>
        <FilePicker
          chosen={chosen}
          busy={reading || saving}
          onFiles={addFiles}
          onRemove={(name) => setChosen((c) => c.filter((f) => f.name !== name))}
          onClear={() => setChosen([])}
        />
        {refused.length > 0 && (
          <div className="error-note" role="alert" data-testid="import-refused">
            <ul className="plain-list">
              {refused.map((r) => (
                <li key={`${r.name}:${r.reason}`}>
                  {t(`imp.refused.${r.reason}`, {
                    name: r.name,
                    size: formatOver(r.size, MAX_IMPORT_FILE_BYTES),
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {(reading || (previewing && !preview)) && (
          <p className="muted" role="status">
            {reading ? t('imp.reading') : t('imp.previewing')}
          </p>
        )}
        <ErrorNote message={error} testId="import-error" />
      </section>
      {saved && <SavedResult report={saved} />}
      {saveError && (
        <section className="card" data-testid="import-save-error">
          <ErrorNote message={saveError.message} />
          <DedupeReport skipped={saveError.skipped} kept={[]} />
        </section>
      )}
      {preview && (
        <ImportPreview
          report={preview.report}
          stale={previewing || preview.of !== chosen}
          saving={saving}
          onSave={save}
        />
      )}
    </div>
  );
}

/** The result takes focus when it appears (the preview it replaces is gone). */
function focusOnMount(el: HTMLElement | null) {
  el?.focus();
}

function upload(chosen: readonly ChosenFile[]) {
  return chosen.map(({ name, content }) => ({ name, content }));
}

function SavedResult({ report }: { report: ImportReport }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const first = report.importedIds.slice(0, PRACTISE_AT_ONCE);
  return (
    <section className="card import-saved" data-testid="import-result" aria-labelledby="saved-h">
      <h2 id="saved-h" className="success-note" tabIndex={-1} ref={focusOnMount}>
        {t('imp.saved', { n: report.imported })}
      </h2>
      {report.skipped.length > 0 && (
        <p className="muted">{t('imp.savedSkipped', { n: report.skipped.length })}</p>
      )}
      <div className="btn-row">
        <a className="btn btn-primary" href={href('import', 'questions')} data-testid="see-imported">
          {t('imp.seeImported')}
        </a>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => practiseQuestions(first).catch((err: unknown) => setError(errorMessage(err)))}
        >
          {t('imp.practiseNew', { n: first.length })}
        </button>
      </div>
      <ErrorNote message={error} />
    </section>
  );
}
