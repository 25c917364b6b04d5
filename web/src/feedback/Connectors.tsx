// Leaned-on connectors ("so that ×3"), the alternatives, and a rewrite of each sentence that carries one.
import { useT } from '../i18n';
import type { Analysis } from '../types';

export function Connectors({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const list = analysis.language.connectors;
  if (list.length === 0) return null;
  return (
    <section className="fb-section" aria-label={t('fb.connectors')}>
      <h3>{t('fb.connectors')}</h3>
      {list.map((c) => (
        <div key={c.phrase} className="connector">
          <p>
            <span className="chip chip-connector" data-testid="connector-count">
              “{c.phrase}” ×{c.count}
            </span>{' '}
            <span className="muted">{t('fb.tryInstead')}</span>{' '}
            {c.alternatives.map((a) => (
              <span key={a} className="chip">
                {a}
              </span>
            ))}
          </p>
          {c.rewrites.length > 0 && (
            <ol className="rewrites">
              {c.rewrites.map((r) => (
                <li key={r.sentence.start} data-testid="rewrite">
                  <span className="rewrite-before">{r.sentence.text}</span>
                  <span className="rewrite-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="sr-only">{t('fb.becomes')}</span>
                  <span className="rewrite-after" data-testid="rewrite-suggestion">
                    {r.suggestion}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </section>
  );
}
