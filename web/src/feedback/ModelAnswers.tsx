// Model answers in two tabs (Quick: 3–4 spoken sentences; Full: structured) with the coach's Chinese notes.
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { loadQuestion } from '../lib/questionCache';
import { useAsync } from '../lib/useAsync';
import type { Question } from '../types';

const TABS = ['quick', 'full'] as const;
type Tab = (typeof TABS)[number];

export function ModelAnswers({ question }: { question: Question }) {
  const t = useT();
  const id = useId();
  const [tab, setTab] = useState<Tab>('quick');
  const refs = useRef<Record<Tab, HTMLButtonElement | null>>({ quick: null, full: null });
  function onKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next: Tab =
      e.key === 'Home' ? 'quick' : e.key === 'End' ? 'full' : tab === 'quick' ? 'full' : 'quick';
    setTab(next);
    refs.current[next]?.focus();
  }
  return (
    <section className="fb-section model-answers" aria-label={t('model.title')}>
      <h3>{t('model.title')}</h3>
      <div role="tablist" aria-label={t('model.title')} className="tabs" onKeyDown={onKey}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`${id}-${k}`}
            ref={(el) => {
              refs.current[k] = el;
            }}
            aria-selected={tab === k}
            aria-controls={`${id}-panel`}
            tabIndex={tab === k ? 0 : -1}
            className="tab"
            data-testid={`model-tab-${k}`}
            onClick={() => setTab(k)}
          >
            {t(`model.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`} className="tab-panel">
        <p className="model-text" data-testid="model-answer" lang="en">
          {question.modelAnswers[tab]}
        </p>
        <div className="zh-notes" lang="zh-CN">
          <h4>{t('model.notesZh')}</h4>
          <p>{question.modelAnswers.notesZh}</p>
        </div>
      </div>
    </section>
  );
}

export function ModelAnswersById({ questionId }: { questionId: string }) {
  const t = useT();
  const q = useAsync(() => loadQuestion(questionId), [questionId]);
  if (q.error) return <ErrorNote message={q.error} />;
  if (!q.data) return <p className="muted">{t('common.loading')}</p>;
  return <ModelAnswers question={q.data} />;
}
