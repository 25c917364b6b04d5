// The de-duplication report: questions skipped (already in the bank or imported before) and questions kept
// although the same question exists (a different answer), each with its file:line and the reason.
import { useT } from '../i18n';
import type { DedupeEntry } from '../types';
import { shownMessage, shownPath } from './selection';

function EntryList({ entries, testId }: { entries: readonly DedupeEntry[]; testId: string }) {
  return (
    <ul className="dedupe-list" data-testid={testId}>
      {entries.map((e) => (
        <li key={`${e.file}:${e.line}:${e.text}`}>
          <span lang="en" className="dedupe-text">
            {e.text}
          </span>
          <span className="small muted">
            {shownPath(e.file)}:{e.line} — {shownMessage(e.reason)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function DedupeReport({
  skipped,
  kept,
}: {
  skipped: readonly DedupeEntry[];
  kept: readonly DedupeEntry[];
}) {
  const t = useT();
  if (skipped.length === 0 && kept.length === 0) return null;
  return (
    <section className="dedupe" aria-labelledby="dedupe-h" data-testid="dedupe-report">
      <h3 id="dedupe-h">{t('imp.dedupe')}</h3>
      {skipped.length > 0 && (
        <details open={skipped.length <= 10}>
          <summary>{t('imp.skipped', { n: skipped.length })}</summary>
          <EntryList entries={skipped} testId="dedupe-skipped" />
        </details>
      )}
      {kept.length > 0 && (
        <details open={kept.length <= 10}>
          <summary>{t('imp.kept', { n: kept.length })}</summary>
          <EntryList entries={kept} testId="dedupe-kept" />
        </details>
      )}
    </section>
  );
}
