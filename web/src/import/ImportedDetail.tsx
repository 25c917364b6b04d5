// One imported question: where it came from, its reference answer, practise it (a one-question drill or the
// workshop), and its key points.
import { useState } from 'react';
import { errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { practiseQuestion } from '../lib/practise';
import { href } from '../lib/router';
import type { ImportedQuestion } from '../types';
import { KeyPointEditor } from './KeyPointEditor';
import { shownPath } from './selection';

export function ImportedDetail({
  question: q,
  onChanged,
}: {
  question: ImportedQuestion;
  onChanged: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function practise() {
    setBusy(true);
    setError(null);
    try {
      await practiseQuestion(q.id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <article className="card imported-detail" data-testid="imported-detail" aria-labelledby="imp-q-h">
      <p className="eyebrow">
        {t('cat.imported')}
        {q.section && <> · {q.section}</>}
        {q.level && <> · {t(`level.${q.level}`)}</>}
      </p>
      <h2 id="imp-q-h" lang="en" data-testid="imported-text">
        {q.text}
      </h2>
      <p className="small muted" data-testid="imported-source">
        {t('imp.source', {
          file: `${shownPath(q.sourceFile)}:${q.sourceLine}`,
          date: q.createdAt.slice(0, 10),
        })}
      </p>
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={practise}
          disabled={busy}
          data-testid="imported-practise"
        >
          {busy ? t('home.starting') : t('bank.practise')}
        </button>
        <a className="btn btn-secondary" href={href('workshop', q.id)} data-testid="imported-workshop">
          {t('bank.workshop')}
        </a>
        <a className="btn btn-ghost" href={href('bank', q.id)}>
          {t('imp.inBank')}
        </a>
      </div>
      <ErrorNote message={error} />
      <h3>{t('imp.reference')}</h3>
      {q.answer ? (
        <p className="reference-text" lang="en" data-testid="imported-answer">
          {q.answer}
        </p>
      ) : (
        <p className="muted">{t('imp.noReference')}</p>
      )}
      <KeyPointEditor key={q.id} question={q} onSaved={onChanged} />
    </article>
  );
}
