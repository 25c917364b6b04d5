// The questions found in one file: text, line, an excerpt of the answer, the section. Long files show the
// first rows until asked for all.
import { useState } from 'react';
import { useT } from '../i18n';
import type { ImportFileReport } from '../types';
import { excerpt } from './selection';

const FIRST_ROWS = 50;

export function QuestionTable({ questions }: { questions: ImportFileReport['questions'] }) {
  const t = useT();
  const [all, setAll] = useState(false);
  if (questions.length === 0) return <p className="muted small">{t('imp.noQuestions')}</p>;
  const rows = all ? questions : questions.slice(0, FIRST_ROWS);
  return (
    <>
      <div className="table-scroll">
        <table className="table import-table" data-testid="preview-questions">
          <caption className="sr-only">{t('imp.questionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imp.col.question')}</th>
              <th scope="col">{t('imp.col.line')}</th>
              <th scope="col">{t('imp.col.answer')}</th>
              <th scope="col">{t('imp.col.section')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => (
              <tr key={`${q.line}:${q.text}`} data-testid="preview-question">
                <td lang="en" className="import-q">
                  {q.text}
                  {q.partial && <span className="chip chip-small tone-mid">{t('imp.partial')}</span>}
                </td>
                <td className="num">{q.line}</td>
                <td lang="en" className="small">
                  {q.answer ? excerpt(q.answer) : <span className="muted">{t('imp.noAnswer')}</span>}
                </td>
                <td className="small">{q.section ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!all && questions.length > FIRST_ROWS && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setAll(true)}>
          {t('imp.showAll', { n: questions.length })}
        </button>
      )}
    </>
  );
}
