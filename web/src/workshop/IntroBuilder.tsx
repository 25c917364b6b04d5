// Self-introduction builder, in the shape of the user's own opening: "Hello, my name is …, but you can call
// me …, it's easier." then years and role, stack, one highlight with a result, and the goal.
import { type ChangeEvent, useId, useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { useAsync } from '../lib/useAsync';
import type { Analysis } from '../types';
import { assembleIntro, type IntroFields } from './assemble';
import { BuilderResult } from './BuilderResult';

/** `rows`: a multi-line field (the stack, the highlight and the goal run to a sentence or two). */
const FIELDS: ReadonlyArray<{ key: keyof IntroFields; long?: boolean; full?: boolean; rows?: number }> = [
  { key: 'fullName' },
  { key: 'callMe' },
  { key: 'years' },
  { key: 'role' },
  { key: 'stack', long: true, rows: 3 },
  { key: 'highlight', long: true, rows: 3 },
  { key: 'goal', full: true, rows: 2 },
];

/** Line breaks typed in a multi-line field are spaces in the spoken introduction. */
function oneLine(fields: IntroFields): IntroFields {
  const out = { ...fields };
  for (const key of Object.keys(out) as Array<keyof IntroFields>) out[key] = out[key].replace(/\s+/g, ' ');
  return out;
}

const EMPTY: IntroFields = {
  fullName: '',
  callMe: '',
  years: '',
  role: '',
  stack: '',
  highlight: '',
  goal: '',
};

export function IntroBuilder() {
  const t = useT();
  const id = useId();
  const intro = useAsync(() => api.questions({ kind: 'self-intro' }).then((r) => r.questions[0] ?? null), []);
  const [fields, setFields] = useState<IntroFields>(EMPTY);
  const [result, setResult] = useState<{ text: string; analysis: Analysis } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = assembleIntro(oneLine(fields));
  const questionId = intro.data?.id ?? '';

  async function analyse() {
    if (!questionId || !text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult({ text, analysis: await api.analyze({ questionId, text }) });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card builder" aria-labelledby={`${id}-h`} data-testid="intro-builder">
      <h2 id={`${id}-h`}>{t('intro.builder')}</h2>
      <p className="muted">
        {t('intro.builderIntro')} {intro.data && <q lang="en">{intro.data.text}</q>}
      </p>
      <ErrorNote message={intro.error} />
      <div className="intro-fields">
        {FIELDS.map((f) => {
          const control = {
            id: `${id}-${f.key}`,
            className: 'input',
            lang: 'en',
            'data-testid': `intro-${f.key}`,
            value: fields[f.key],
            maxLength: 600,
            placeholder: t(`intro.${f.key}.ph`),
            onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
              setFields({ ...fields, [f.key]: e.target.value }),
          };
          return (
            <label
              key={f.key}
              htmlFor={control.id}
              className={`field${f.long ? ' field-wide' : ''}${f.full ? ' field-full' : ''}`}
            >
              <span>{t(`intro.${f.key}`)}</span>
              {f.rows ? <textarea rows={f.rows} {...control} /> : <input {...control} />}
            </label>
          );
        })}
      </div>
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="intro-analyse"
          disabled={busy || !text.trim() || !questionId}
          onClick={analyse}
        >
          {busy ? t('ws.analysing') : t('builder.analyse')}
        </button>
      </div>
      <ErrorNote message={error} />
      {questionId && (
        <BuilderResult
          title={t('intro.result')}
          text={text}
          analysis={result?.text === text ? result.analysis : null}
          questionId={questionId}
          testId="intro-result"
        />
      )}
    </section>
  );
}
