// One bank question: the text, the Chinese translation and intent, key points, red flags, follow-ups, model
// answers; practise it in the workshop or drill its category.
import { useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { ModelAnswers } from '../feedback/ModelAnswers';
import { useT } from '../i18n';
import { href, navigate } from '../lib/router';
import type { Question } from '../types';

export function QuestionDetail({ question: q }: { question: Question }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
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
      <h2 id="qd-h" lang="en">
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
        <a className="btn btn-primary" href={href('workshop', q.id)} data-testid="practise-this">
          {t('bank.practise')}
        </a>
        <button type="button" className="btn btn-secondary" onClick={drill} data-testid="drill-similar">
          {t('bank.drillSimilar')}
        </button>
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
