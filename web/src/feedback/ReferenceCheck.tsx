// For a question graded against its reference answer (imported questions): how close the answer is, and the
// reference's terms it did not use.
import { useT } from '../i18n';
import type { Analysis } from '../types';

export function ReferenceCheck({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const ref = analysis.reference;
  if (analysis.mode !== 'reference' || !ref) return null;
  return (
    <section className="fb-section" aria-label={t('fb.reference')} data-testid="reference-check">
      <h3>{t('fb.reference')}</h3>
      <p className="small">{t('fb.similarity', { n: Math.round(ref.similarity * 100) })}</p>
      {ref.missingTerms.length > 0 ? (
        <>
          <p className="small muted">{t('fb.missingTerms')}</p>
          <ul className="term-list" data-testid="missing-terms">
            {ref.missingTerms.map((term) => (
              <li key={term} className="chip" lang="en">
                {term}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="small">{t('fb.noMissingTerms')}</p>
      )}
    </section>
  );
}
