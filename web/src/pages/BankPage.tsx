// The question bank: filter and search on the left, the open question on the right. The list is fetched once
// (bank/questionList.ts); category, level and tag filter it here. The search asks the server, which also matches
// the Chinese intent and notes that the list does not carry: once per distinct query, after a pause in typing,
// one request at a time. On a phone (one column) the open question takes the list's place, with a way back.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorMessage, isAbort, type QuestionFilter } from '../api';
import { BankFilters } from '../bank/BankFilters';
import { QuestionDetail } from '../bank/QuestionDetail';
import { loadQuestionList } from '../bank/questionList';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { loadQuestion } from '../lib/questionCache';
import { href } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import type { QuestionSummary } from '../types';

/** The single column of styles.css, where the open question replaces the list. */
const ONE_COLUMN = '(max-width: 820px)';
const SEARCH_DELAY_MS = 200;

/** The search as the server sees it (it trims and lower-cases). */
function searchKey(q: string | undefined): string {
  return q?.trim().toLowerCase() ?? '';
}

/** The ids matching the search: null while there is no search; the previous answer while a new one is pending. */
function useSearch(query: string): {
  ids: ReadonlySet<string> | null;
  pending: boolean;
  error: string | null;
} {
  const cache = useRef(new Map<string, ReadonlySet<string>>());
  const [answer, setAnswer] = useState<{ query: string; ids: ReadonlySet<string> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (!query) return;
    const cached = cache.current.get(query);
    if (cached) {
      setAnswer({ query, ids: cached });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api.questions({ q: query }, controller.signal).then(
        (r) => {
          const ids = new Set(r.questions.map((q) => q.id));
          cache.current.set(query, ids);
          setAnswer({ query, ids });
        },
        (err: unknown) => {
          if (!isAbort(err)) setError(errorMessage(err));
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  if (!query) return { ids: null, pending: false, error: null };
  return { ids: answer?.ids ?? null, pending: answer?.query !== query, error };
}

function matches(q: QuestionSummary, f: QuestionFilter): boolean {
  const tag = f.tag?.trim();
  return (
    (!f.category || q.category === f.category) &&
    (!f.level || String(q.level) === String(f.level)) &&
    (!f.kind || q.kind === f.kind) &&
    (!tag || q.tags.includes(tag))
  );
}

export default function BankPage({ questionId }: { questionId: string | null }) {
  const t = useT();
  const [filter, setFilter] = useState<QuestionFilter>({});
  const all = useAsync(loadQuestionList, []);
  const query = searchKey(filter.q);
  const search = useSearch(query);
  const list = useMemo(() => {
    if (!all.data) return null;
    if (query && !search.ids) return null;
    return all.data.questions.filter((q) => matches(q, filter) && (!search.ids || search.ids.has(q.id)));
  }, [all.data, filter, query, search.ids]);
  const tags = useMemo(
    () => [...new Set(all.data?.questions.flatMap((q) => q.tags) ?? [])].sort(),
    [all.data],
  );
  const detail = useAsync(
    () => (questionId ? loadQuestion(questionId) : Promise.resolve(null)),
    [questionId],
  );
  const detailRef = useRef<HTMLDivElement>(null);
  const lastOpened = useRef<string | null>(null);
  const shown = detail.data?.id === questionId ? detail.data : null;

  // Keep the open question visible in the list.
  useEffect(() => {
    if (list && questionId)
      document.querySelector('.bank-list [aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [list, questionId]);

  // An opened question comes into view: on a phone it replaces the list (focus moves to its heading, as the
  // link that had it is gone); wherever it lies below or above the screen, it is scrolled to.
  useEffect(() => {
    const el = detailRef.current;
    if (!questionId || !el || (!shown && !detail.error)) return;
    if (lastOpened.current === questionId) return;
    lastOpened.current = questionId;
    const oneColumn = window.matchMedia(ONE_COLUMN).matches;
    const top = el.getBoundingClientRect().top;
    if (oneColumn || top < 0 || top > window.innerHeight - 120) el.scrollIntoView({ block: 'start' });
    if (oneColumn) el.querySelector<HTMLElement>('#qd-h')?.focus({ preventScroll: true });
  }, [questionId, shown, detail.error]);

  // Back on the list on a phone: return to the question that was open.
  useEffect(() => {
    if (questionId || !list || !lastOpened.current) return;
    const id = lastOpened.current;
    lastOpened.current = null;
    if (!window.matchMedia(ONE_COLUMN).matches) return;
    const item = document.querySelector<HTMLElement>(`[data-testid="bank-item-${CSS.escape(id)}"]`);
    item?.scrollIntoView({ block: 'center' });
    item?.focus({ preventScroll: true });
  }, [questionId, list]);

  return (
    <div className={questionId ? 'bank bank-open' : 'bank'}>
      <div className="page-head">
        <h1>{t('nav.bank')}</h1>
        <p className="muted">{t('bank.intro', { n: all.data?.total ?? '…' })}</p>
      </div>
      <BankFilters value={filter} onChange={setFilter} tags={tags} />
      <ErrorNote message={all.error ?? search.error} />
      <div className="bank-grid">
        <section className="card bank-list" aria-labelledby="bank-list-h" aria-busy={search.pending}>
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
        <div className="bank-detail" ref={detailRef}>
          {questionId && (
            <a className="btn btn-ghost btn-small bank-back" href={href('bank')} data-testid="bank-back">
              ← {t('bank.back')}
            </a>
          )}
          {detail.error && <ErrorNote message={detail.error} />}
          {shown ? (
            <QuestionDetail question={shown} />
          ) : (
            !detail.error && (
              <p className="card muted bank-placeholder">
                {questionId ? t('common.loading') : t('bank.pick')}
              </p>
            )
          )}
        </div>
      </div>
    </div>
  );
}
