// STAR + Future: which parts the story has (with its own sentence for each), a number in the result, I vs we.
import { useT } from '../i18n';
import type { Analysis } from '../types';

const PARTS = ['situation', 'task', 'action', 'result', 'future'] as const;

export function StarParts({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const s = analysis.structure;
  if (!s.applies) return null;
  return (
    <section className="fb-section" aria-label={t('fb.star')} data-testid="star-parts">
      <h3>{t('fb.star')}</h3>
      <ul className="star-list">
        {PARTS.map((p) => {
          const span = s.parts[p];
          return (
            <li key={p} className={span ? 'star-present' : 'star-missing'}>
              <span className="star-name">
                <span aria-hidden="true">{span ? '✔' : '✘'}</span> {t(`star.${p}`)}
              </span>
              <span className="star-quote">{span ? <q>{span.text}</q> : t('star.missing')}</span>
            </li>
          );
        })}
      </ul>
      <p className="small">
        {s.quantifiedResult ? t('star.quantified') : t('star.notQuantified')}
        {s.placeholders.length > 0 && ` ${t('star.placeholders', { n: s.placeholders.length })}`}
      </p>
      {s.ownership.note && <p className="small muted">{s.ownership.note}</p>}
    </section>
  );
}
