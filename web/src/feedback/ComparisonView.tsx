// What changed since the previous version: score, key points gained and still missing, flags fixed, "so that".
import { useT } from '../i18n';
import type { AnswerComparison } from '../types';

function delta(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function ComparisonView({ comparison: c }: { comparison: AnswerComparison }) {
  const t = useT();
  const tone = c.score.delta > 0 ? 'tone-good' : c.score.delta < 0 ? 'tone-low' : 'tone-none';
  return (
    <section className="comparison card-inset" data-testid="comparison" aria-label={t('cmp.title')}>
      <h3>{t('cmp.title')}</h3>
      <p className="cmp-score">
        {t('cmp.score')}: <strong data-testid="cmp-before">{c.score.before}</strong> →{' '}
        <strong data-testid="cmp-after">{c.score.after}</strong>{' '}
        <span className={`chip ${tone}`}>{delta(c.score.delta)}</span>
      </p>
      <div className="cmp-grid">
        <CmpList title={t('cmp.gained')} items={c.gained} testId="cmp-gained" tone="good" />
        <CmpList title={t('cmp.flagsFixed')} items={c.flagsFixed} testId="cmp-flags-fixed" tone="good" />
        <CmpList title={t('cmp.stillMissing')} items={c.stillMissing} testId="cmp-missing" tone="low" />
        {c.flagsNew.length > 0 && (
          <CmpList title={t('cmp.flagsNew')} items={c.flagsNew} testId="cmp-flags-new" tone="low" />
        )}
        {c.lost.length > 0 && <CmpList title={t('cmp.lost')} items={c.lost} testId="cmp-lost" tone="low" />}
      </div>
      {c.diff.length > 0 && (
        <details className="cmp-diff" data-testid="cmp-diff" open>
          <summary>{t('cmp.diff')}</summary>
          <p className="answer-text">
            {c.diff.map((d, i) =>
              d.op === 'same' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: runs of a fixed diff never reorder
                <span key={i}>{d.text} </span>
              ) : d.op === 'add' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: runs of a fixed diff never reorder
                <ins key={i} className="diff-add">
                  {d.text}{' '}
                </ins>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: runs of a fixed diff never reorder
                <del key={i} className="diff-del">
                  {d.text}{' '}
                </del>
              ),
            )}
          </p>
        </details>
      )}
      <p className="small" data-testid="cmp-sothat">
        “so that”: {c.soThat.before} → {c.soThat.after} · {t('cmp.fillers')}: {c.fillers.before} →{' '}
        {c.fillers.after} · {t('cmp.words')}: {c.words.before} → {c.words.after}
      </p>
    </section>
  );
}

function CmpList({
  title,
  items,
  testId,
  tone,
}: {
  title: string;
  items: readonly string[];
  testId: string;
  tone: string;
}) {
  const t = useT();
  return (
    <div data-testid={testId}>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted small">{t('cmp.none')}</p>
      ) : (
        <ul className={`cmp-list cmp-${tone}`}>
          {items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
