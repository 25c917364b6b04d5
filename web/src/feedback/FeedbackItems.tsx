// The coach's notes: each says what it is about (quoting the answer) and what to do next.
import { useLang, useT } from '../i18n';
import type { Analysis } from '../types';

export function FeedbackItems({
  analysis,
  coveredBefore,
}: {
  analysis: Analysis;
  /** After a follow-up: key points the earlier answer covered are not listed as missing again. */
  coveredBefore?: ReadonlySet<string>;
}) {
  const t = useT();
  const zh = useLang() === 'zh';
  const items = analysis.feedback.filter(
    (f) =>
      !(f.keyPointId && (f.kind === 'missed' || f.kind === 'partial') && coveredBefore?.has(f.keyPointId)),
  );
  // In Chinese, the Chinese texts (the English words to say stay English inside them).
  const notes = zh
    ? [...new Set([...(analysis.notesZh ?? []), ...(analysis.substance.notesZh ?? [])])]
    : [...new Set([...analysis.notes, ...analysis.substance.notes])];
  if (items.length === 0 && notes.length === 0) return null;
  return (
    <section className="fb-section" aria-label={t('fb.items')}>
      <h3>{t('fb.items')}</h3>
      {notes.length > 0 && (
        <ul className="notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <ul className="fb-items">
        {items.map((f, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: items are static for one analysis
            key={i}
            className={`fb-item sev-${f.severity} kind-${f.kind}`}
            data-testid="feedback-item"
          >
            <span className={`badge badge-${f.severity}`}>{t(`sev.${f.severity}`)}</span>
            <div>
              <p className="fb-message">{zh && f.zh ? f.zh.message : f.message}</p>
              {f.quote && f.kind !== 'strength' && (
                <p className="fb-quote">
                  <q>{f.quote.text}</q>
                </p>
              )}
              {f.next && f.kind !== 'strength' && (
                <p className="fb-next">→ {zh && f.zh ? f.zh.next : f.next}</p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
