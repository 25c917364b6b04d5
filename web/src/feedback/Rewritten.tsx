// The whole answer as it could be said: grammar corrected, fillers dropped, leaned-on connectors varied. The
// text to say stays English in both languages.
import { useT } from '../i18n';
import type { Analysis } from '../types';

export function Rewritten({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const text = analysis.language.rewritten;
  if (!text) return null;
  return (
    <section className="fb-section" aria-label={t('fb.rewritten')}>
      <h3>{t('fb.rewritten')}</h3>
      <p className="muted small">{t('fb.rewrittenHint')}</p>
      <blockquote className="rewritten" lang="en" data-testid="rewritten-answer">
        {text}
      </blockquote>
    </section>
  );
}
