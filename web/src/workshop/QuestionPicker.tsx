// Pick a question to work on: search the bank (as you type, stale searches cancelled) and choose one.
import { useEffect, useId, useState } from 'react';
import { api, errorMessage, isAbort } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { href } from '../lib/router';
import type { QuestionSummary } from '../types';

export function QuestionPicker({ selected }: { selected: string | null }) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const [list, setList] = useState<QuestionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.questions({ q: q.trim() || undefined }, controller.signal).then(
        (r) => {
          setList(r.questions);
          setError(null);
        },
        (err: unknown) => {
          if (!isAbort(err)) setError(errorMessage(err));
        },
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  // Keep the chosen question visible in the list.
  useEffect(() => {
    if (list && selected)
      document.querySelector('.picker [aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [list, selected]);

  return (
    <nav className="picker card" aria-label={t('ws.pick')}>
      <label htmlFor={id} className="field-label">
        {t('ws.search')}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        data-testid="question-search"
        value={q}
        placeholder={t('ws.searchPlaceholder')}
        onChange={(e) => setQ(e.target.value)}
      />
      <ErrorNote message={error} />
      <p className="muted small" aria-live="polite">
        {list ? t('ws.found', { n: list.length }) : t('common.loading')}
      </p>
      <ul className="picker-list">
        {list?.map((qs) => (
          <li key={qs.id}>
            <a
              href={href('workshop', qs.id)}
              className="picker-item"
              aria-current={qs.id === selected ? 'true' : undefined}
              data-testid={`pick-${qs.id}`}
            >
              <span className="picker-text" lang="en">
                {qs.text}
              </span>
              <span className="picker-meta">
                {t(`cat.${qs.category}`)} · {t(`level.${qs.level}`)}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
