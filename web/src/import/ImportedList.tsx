// The imported questions with where they came from (file:line), filtered as you type; one opens on the right.
import { useId, useState } from 'react';
import { useT } from '../i18n';
import { href } from '../lib/router';
import type { ImportedQuestion } from '../types';
import { shownPath } from './selection';

export function ImportedList({
  questions,
  selected,
}: {
  questions: readonly ImportedQuestion[];
  selected: string | null;
}) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = needle
    ? questions.filter((x) => `${x.text} ${x.section ?? ''} ${x.sourceFile}`.toLowerCase().includes(needle))
    : questions;
  return (
    <nav className="picker card" aria-label={t('imp.listTitle')}>
      <label htmlFor={id} className="field-label">
        {t('imp.filter')}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        data-testid="imported-search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <p className="muted small" aria-live="polite">
        {t('ws.found', { n: shown.length })}
      </p>
      <ul className="picker-list" data-testid="imported-list">
        {shown.map((x) => (
          <li key={x.id}>
            <a
              href={href('import', 'questions', x.id)}
              className="picker-item"
              aria-current={x.id === selected ? 'true' : undefined}
              data-testid={`imported-${x.id}`}
            >
              <span className="picker-text" lang="en">
                {x.text}
              </span>
              <span className="picker-meta">
                <span className="provenance">
                  {shownPath(x.sourceFile)}:{x.sourceLine}
                </span>
                {x.section && <> · {x.section}</>}
                {x.keyPoints.length > 0 && <> · {t('imp.kpCount', { n: x.keyPoints.length })}</>}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
