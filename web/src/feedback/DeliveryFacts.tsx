// How the answer would sound: words, sentences, estimated speaking time, and whether it fits quick or full.
import { useLang, useT } from '../i18n';
import type { Analysis } from '../types';

export function DeliveryFacts({ analysis }: { analysis: Analysis }) {
  const t = useT();
  const lang = useLang();
  const l = analysis.language;
  const fillers = l.fillers.reduce((n, f) => n + f.places.length, 0);
  const hedges = l.hedges.reduce((n, h) => n + h.places.length, 0);
  return (
    <section className="fb-section" aria-label={t('fb.delivery')} data-testid="delivery-facts">
      <h3>{t('fb.delivery')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('facts.words')}</dt>
          <dd>{l.wordCount}</dd>
        </div>
        <div>
          <dt>{t('facts.sentences')}</dt>
          <dd>
            {l.sentenceCount}{' '}
            <span className="muted small">({t('facts.avg', { n: l.averageSentenceWords })})</span>
          </dd>
        </div>
        <div>
          <dt>{t('facts.time')}</dt>
          <dd>
            ~{l.speakingSeconds} s{' '}
            <span className="muted small">
              (
              {l.pace.measured
                ? `${t('facts.measured', { wpm: l.pace.wpm })}${l.pace.pauses ? `, ${t('facts.pauses', { n: l.pace.pauses })}` : ''}`
                : t('facts.estimated', { wpm: l.pace.wpm })}
              )
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('facts.fit')}</dt>
          <dd>
            <span className={`chip fit-${l.fit}`}>{t(`fit.${l.fit}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('facts.fillers')}</dt>
          <dd>
            {fillers} / {hedges}
          </dd>
        </div>
        <div>
          <dt>{t('facts.language')}</dt>
          <dd data-testid="language-score">{l.score === null ? t('facts.noLanguage') : `${l.score}/100`}</dd>
        </div>
      </dl>
      {l.grammarRepeats.length > 0 && (
        <p className="small" data-testid="grammar-repeats">
          {t('facts.grammar')}:{' '}
          {l.grammarRepeats.map((r) => (lang === 'zh' ? r.zh : r.label)).join(lang === 'zh' ? '，' : ', ')}
        </p>
      )}
      {l.longSentences.length > 0 && (
        <p className="small">{t('facts.long', { n: l.longSentences.length })}</p>
      )}
    </section>
  );
}
