// What the server made of one file: format, encoding (and what a repair was unsure of), questions, warnings
// with line numbers, or why it could not be read.
import { useT } from '../i18n';
import type { ImportFileReport } from '../types';
import { QuestionTable } from './QuestionTable';
import { shownMessage, shownPath } from './selection';

export function FileReportCard({ file }: { file: ImportFileReport }) {
  const t = useT();
  const name = shownPath(file.path);
  return (
    <article className="file-report card-inset" data-testid="file-report" aria-label={name}>
      <header className="file-report-head">
        <h3 className="file-name">{name}</h3>
        <ul className="file-facts">
          {file.format && <li className="chip">{t('imp.format', { f: file.format })}</li>}
          {file.encoding && <li className="chip">{t('imp.encoding', { e: file.encoding })}</li>}
          {file.repaired && (
            <li className="chip tone-mid" data-testid="file-repaired">
              {t('imp.repaired')}
            </li>
          )}
          <li className="chip tone-good" data-testid="file-count">
            {t('imp.found', { n: file.questions.length })}
          </li>
        </ul>
      </header>
      {file.error && (
        <p className="error-inline" data-testid="file-error">
          {shownMessage(file.error)}
        </p>
      )}
      {file.unsure.length > 0 && (
        <details className="unsure" data-testid="file-unsure">
          <summary>{t('imp.unsure', { n: file.unsure.length })}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('imp.col.line')}</th>
                <th scope="col">{t('imp.col.column')}</th>
                <th scope="col">{t('imp.col.was')}</th>
                <th scope="col">{t('imp.col.now')}</th>
              </tr>
            </thead>
            <tbody>
              {file.unsure.map((u) => (
                <tr key={`${u.line}:${u.column}`}>
                  <td className="num">{u.line}</td>
                  <td className="num">{u.column}</td>
                  <td>
                    <code>{u.from}</code>
                  </td>
                  <td>
                    <code>{u.to}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {file.warnings.length > 0 && (
        <div className="warnings">
          <h4>{t('imp.warnings', { n: file.warnings.length })}</h4>
          <ul data-testid="file-warnings">
            {file.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings are static for one preview
              <li key={i}>
                <span className="line-ref">{t('imp.line', { n: w.line })}</span> {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {!file.error && <QuestionTable questions={file.questions} />}
    </article>
  );
}
