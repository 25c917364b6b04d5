// The question bank: filter and search on the left, the open question on the right.
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage, isAbort, type QuestionFilter } from '../api';
import { BankFilters } from '../bank/BankFilters';
import { QuestionDetail } from '../bank/QuestionDetail';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { loadQuestion } from '../lib/questionCache';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import type { QuestionSummary } from '../types';

export default function BankPage({ questionId }: { questionId: string | null }) {
  const t = useT();
  const [filter, setFilter] = useState<QuestionFilter>({});
  const [list, setList] = useState<QuestionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const all = useAsync(() => api.questions(), []);
  const tags = useMemo(
    () => [...new Set(all.data?.questions.flatMap((q) => q.tags) ?? [])].sort(),
    [all.data],
  );
  const detail = useAsync(
    () => (questionId ? loadQuestion(questionId) : Promise.resolve(null)),
    [questionId],
  );

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.questions({ ...filter, q: filter.q?.trim() }, controller.signal).then(
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
  }, [filter]);

  // Keep the open question visible in the list.
  useEffect(() => {
    if (list && questionId)
      document.querySelector('.bank-list [aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [list, questionId]);

  return (
    <div className="bank">
      <div className="page-head">
        <h1>{t('nav.bank')}</h1>
        <p className="muted">{t('bank.intro', { n: all.data?.total ?? '…' })}</p>
      </div>
      <BankFilters value={filter} onChange={setFilter} tags={tags} />
      <ErrorNote message={error} />
      <div className="bank-grid">
        <section className="card bank-list" aria-labelledby="bank-list-h">
          <h2 id="bank-list-h" aria-live="polite">
            {list ? t('ws.found', { n: list.length }) : t('common.loading')}
          </h2>
          <ul className="picker-list">
            {list?.map((q) => (
              <li key={q.id}>
                <a
                  href={href('bank', q.id)}
                  className="picker-item"
                  aria-current={q.id === questionId ? 'true' : undefined}
                  data-testid={`bank-item-${q.id}`}
                >
                  <span className="picker-text" lang="en">
                    {q.text}
                  </span>
                  <span className="picker-zh" lang="zh-CN">
                    {q.zh}
                  </span>
                  <span className="picker-meta">
                    {t(`cat.${q.category}`)} · {t(`level.${q.level}`)} · {q.tags.slice(0, 3).join(', ')}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <div>
          {detail.error && <ErrorNote message={detail.error} />}
          {detail.data ? (
            <QuestionDetail question={detail.data} />
          ) : (
            !detail.error && <p className="card muted">{t('bank.pick')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
