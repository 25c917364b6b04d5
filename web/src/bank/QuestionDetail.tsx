// One bank question: the text, the Chinese translation and intent, key points, red flags, follow-ups, model
// answers; practise exactly this question (a one-question drill), work on it in the workshop, or drill its
// category. An imported question links to where its key points are edited.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { ModelAnswers } from '../feedback/ModelAnswers';
import { useT } from '../i18n';
import { practiseQuestion } from '../lib/practise';
import { href, navigate } from '../lib/router';
import type { Question } from '../types';

export function QuestionDetail({ question: q }: { question: Question }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function practise() {
    setError(null);
    setBusy(true);
    try {
      await practiseQuestion(q.id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }
  async function drill() {
    setError(null);
    try {
      const s = await api.startSession({ mode: 'drill', category: q.category, level: q.level, count: 3 });
      navigate('interview', s.id);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <article className="card question-detail" data-testid="question-detail" aria-labelledby="qd-h">
      <p className="eyebrow">
        {t(`cat.${q.category}`)} · {t(`level.${q.level}`)} · {t(`kind.${q.kind}`)}
        {q.source === 'seed' && <span className="chip chip-small">{t('bank.fromNotes')}</span>}
      </p>
      <h2 id="qd-h" lang="en" tabIndex={-1}>
        {q.text}
      </h2>
      <p lang="zh-CN" className="zh" data-testid="zh-translation">
        {q.zh.translation}
      </p>
      <div className="intent" lang="zh-CN">
        <h3>{t('bank.intent')}</h3>
        <p>{q.zh.intent}</p>
      </div>
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={practise}
          disabled={busy}
          data-testid="practise-this"
        >
          {busy ? t('home.starting') : t('bank.practise')}
        </button>
        <a className="btn btn-secondary" href={href('workshop', q.id)} data-testid="open-workshop">
          {t('bank.workshop')}
        </a>
        <button type="button" className="btn btn-ghost" onClick={drill} data-testid="drill-similar">
          {t('bank.drillSimilar')}
        </button>
        {q.source === 'imported' && (
          <a className="btn btn-ghost" href={href('import', 'questions', q.id)} data-testid="edit-key-points">
            {t('imp.editKeyPoints')}
          </a>
        )}
      </div>
      <ErrorNote message={error} />
      <h3>{t('fb.keyPoints')}</h3>
      <ul className="kp-bank">
        {q.keyPoints.map((k) => (
          <li key={k.id}>
            <span lang="en">{k.text}</span> <span className="tag">{t(`dim.${k.dimension}`)}</span>
            {k.zh && (
              <span className="zh small" lang="zh-CN">
                {k.zh}
              </span>
            )}
          </li>
        ))}
      </ul>
      {q.redFlags.length > 0 && (
        <>
          <h3>{t('bank.redFlags')}</h3>
          <ul className="kp-bank">
            {q.redFlags.map((f) => (
              <li key={f.id}>
                <span lang="en">⚠ {f.text}</span>
                <span className="small muted" lang="en">
                  {' '}
                  → {f.fix}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <ModelAnswers question={q} />
      {q.followUps.length > 0 && (
        <>
          <h3>{t('bank.followUps')}</h3>
          <ul className="kp-bank">
            {q.followUps.map((f) => (
              <li key={f.text} lang="en">
                {f.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
