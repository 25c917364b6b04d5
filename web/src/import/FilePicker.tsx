// Choose question files: a file input (keyboard: Tab to it, Enter or Space) inside a labelled drop zone, and
// the list of chosen files with their sizes, each removable.
import { type DragEvent, useId, useState } from 'react';
import { useT } from '../i18n';
import { type ChosenFile, formatSize } from './selection';

const ACCEPT = '.md,.markdown,.txt,.yaml,.yml,.json,.csv,.tsv,text/*';

export function FilePicker({
  chosen,
  onFiles,
  onRemove,
  onClear,
  busy,
}: {
  chosen: readonly ChosenFile[];
  onFiles: (files: File[]) => void;
  onRemove: (name: string) => void;
  onClear: () => void;
  busy: boolean;
}) {
  const t = useT();
  const id = useId();
  const [over, setOver] = useState(false);

  function onDragOver(e: DragEvent<HTMLDivElement>) {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }
  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  }

  return (
    <div className="file-picker">
      <section
        className={`dropzone${chosen.length > 0 ? ' dropzone-compact' : ''}${over ? ' dropzone-over' : ''}`}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-help`}
        data-testid="drop-zone"
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="dropzone-icon" aria-hidden="true">
          ⇪
        </span>
        <div className="dropzone-text">
          <h2 id={`${id}-title`} className="dropzone-title">
            {t('imp.dropTitle')}
          </h2>
          <p id={`${id}-help`} className="muted small">
            {t('imp.dropHelp')}
          </p>
        </div>
        <input
          id={`${id}-input`}
          type="file"
          multiple
          accept={ACCEPT}
          className="file-input sr-only"
          data-testid="import-input"
          disabled={busy}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
        <label htmlFor={`${id}-input`} className="btn btn-primary file-button">
          {t('imp.choose')}
        </label>
      </section>
      {chosen.length > 0 && (
        <div className="chosen">
          <div className="chosen-head">
            <h3>{t('imp.chosen', { n: chosen.length })}</h3>
            <button type="button" className="btn btn-ghost btn-small" onClick={onClear} disabled={busy}>
              {t('imp.clear')}
            </button>
          </div>
          <ul className="chosen-list" data-testid="chosen-files">
            {chosen.map((f) => (
              <li key={f.name}>
                <span className="chosen-name">{f.name}</span>
                <span className="small muted">{formatSize(f.size)}</span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  aria-label={t('imp.removeFile', { name: f.name })}
                  disabled={busy}
                  onClick={() => onRemove(f.name)}
                >
                  {t('imp.remove')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
