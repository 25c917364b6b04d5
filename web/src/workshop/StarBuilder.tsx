// STAR + Future builder: five fields become a full story and a quick 3–4 sentence version (one sentence per
// part, Future optional), both analysed against the chosen behavioural question.
import { useId, useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { useStoredText } from '../lib/storage';
import { useAsync } from '../lib/useAsync';
import type { Analysis } from '../types';
import { assembleStarFull, assembleStarQuick, countSentences, STAR_PARTS, type StarFields } from './assemble';
import { BuilderResult } from './BuilderResult';

const EMPTY: StarFields = { situation: '', task: '', action: '', result: '', future: '' };

function parseFields(raw: string): StarFields {
  if (!raw) return EMPTY;
  try {
    const v = JSON.parse(raw) as Partial<StarFields>;
    return { ...EMPTY, ...Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) };
  } catch {
    return EMPTY;
  }
}

export function StarBuilder() {
  const t = useT();
  const id = useId();
  const stories = useAsync(async () => {
    const [b, c] = await Promise.all([
      api.questions({ kind: 'behavioral' }),
      api.questions({ kind: 'career-story' }),
    ]);
    return [...c.questions, ...b.questions];
  }, []);
  const [questionId, setQuestionId] = useState('');
  // The five fields survive a reload (kept as you type).
  const [stored, setStored] = useStoredText('star-fields');
  const fields = parseFields(stored);
  const setFields = (f: StarFields) =>
    setStored(Object.values(f).some((v) => v !== '') ? JSON.stringify(f) : '');
  const [withFuture, setWithFuture] = useState(false);
  const [results, setResults] = useState<{
    full: Analysis;
    quick: Analysis;
    fullText: string;
    quickText: string;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = questionId || stories.data?.[0]?.id || '';
  const full = assembleStarFull(fields);
  const quick = assembleStarQuick(fields, withFuture);

  async function analyse() {
    if (!chosen || !full.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const [a, b] = await Promise.all([
        api.analyze({ questionId: chosen, text: full }),
        api.analyze({ questionId: chosen, text: quick }),
      ]);
      setResults({ full: a, quick: b, fullText: full, quickText: quick });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card builder" aria-labelledby={`${id}-h`} data-testid="star-builder">
      <h2 id={`${id}-h`}>{t('star.builder')}</h2>
      <p className="muted">{t('star.builderIntro')}</p>
      <label className="field">
        <span>{t('builder.question')}</span>
        <select value={chosen} onChange={(e) => setQuestionId(e.target.value)} data-testid="star-question">
          {stories.data?.map((q) => (
            <option key={q.id} value={q.id}>
              {q.text}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote message={stories.error} />
      <div className="star-fields">
        {STAR_PARTS.map((p) => (
          <label key={p} className="field">
            <span>
              {t(`star.${p}`)} <span className="muted small">{t(`star.${p}.hint`)}</span>
            </span>
            <textarea
              className="input"
              rows={p === 'action' ? 4 : 2}
              lang="en"
              data-testid={`star-${p}`}
              value={fields[p]}
              maxLength={4000}
              onChange={(e) => setFields({ ...fields, [p]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <label className="switch">
        <input type="checkbox" checked={withFuture} onChange={(e) => setWithFuture(e.target.checked)} />
        <span>{t('star.futureInQuick')}</span>
      </label>
      <p className="muted small">{t('star.quickCount', { n: countSentences(quick) })}</p>
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="star-analyse"
          disabled={busy || !full.trim() || !chosen}
          onClick={analyse}
        >
          {busy ? t('ws.analysing') : t('builder.analyseBoth')}
        </button>
      </div>
      <ErrorNote message={error} />
      <div className="builder-results">
        <BuilderResult
          title={t('builder.full')}
          text={full}
          analysis={results?.fullText === full ? results.full : null}
          questionId={chosen}
          testId="star-full"
        />
        <BuilderResult
          title={t('builder.quick')}
          text={quick}
          analysis={results?.quickText === quick ? results.quick : null}
          questionId={chosen}
          testId="star-quick"
        />
      </div>
    </section>
  );
}
