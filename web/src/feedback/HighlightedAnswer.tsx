// The answer as typed, with highlights from the analysis; the note of the highlight under the pointer or focus
// shows below it (and is linked for screen readers). Every character is rendered as text.
import { useId, useMemo, useState } from 'react';
import { type Lang, type TFunction, useLang, useT } from '../i18n';
import type { Analysis } from '../types';
import { buildSegments, chooseMarks, type Mark, type MarkKind } from './segments';

const KINDS: readonly MarkKind[] = ['keypoint', 'grammar', 'connector', 'filler', 'hedge', 'flag'];
const STATUS_ICON = { hit: '✔', partial: '◐', missed: '✘' } as const;

export function markNote(m: Mark, analysis: Analysis, t: TFunction, lang: Lang = 'en'): string {
  switch (m.kind) {
    case 'flag': {
      const f = analysis.flags.find((x) => x.id === m.ref);
      if (!f) return t('hl.flag');
      return lang === 'zh' && f.zh
        ? `${t('hl.flag')}：${f.zh} ${t('hl.fix')}：${f.fix}`
        : `${t('hl.flag')}: ${f.text} ${t('hl.fix')}: ${f.fix}`;
    }
    case 'grammar': {
      const g = analysis.language.grammar[Number(m.ref)];
      if (!g) return t('hl.grammar');
      const fix = g.fix === '' ? t('hl.grammarDrop', { text: g.text.trim() }) : `“${g.text}” → “${g.fix}”`;
      return `${t('hl.grammar')}: ${fix}. ${lang === 'zh' ? g.zh : g.message} ${t('hl.say')}: “${g.sentence}”`;
    }
    case 'connector': {
      const c = analysis.language.connectors.find((x) => x.phrase === m.ref);
      return c ? `“${c.phrase}” ×${c.count}. ${t('hl.try')}: ${c.alternatives.join(' · ')}` : m.ref;
    }
    case 'filler':
      return `${t('hl.filler')} “${m.text}”. ${t('hl.fillerTip')}`;
    case 'hedge':
      return `${t('hl.hedge')} “${m.text}”. ${t('hl.hedgeTip')}`;
    case 'keypoint': {
      const k = analysis.coverage.find((x) => x.id === m.ref);
      return k
        ? `${STATUS_ICON[k.status]} ${t('hl.keypoint')}: ${lang === 'zh' && k.zh ? k.zh : k.text}`
        : m.ref;
    }
  }
}

export function HighlightedAnswer({ text, analysis }: { text: string; analysis: Analysis }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const marks = useMemo(() => chooseMarks(text, analysis), [text, analysis]);
  const segments = useMemo(() => buildSegments(text, marks), [text, marks]);
  const [active, setActive] = useState<Mark | null>(null);
  const counts = KINDS.map((k) => [k, marks.filter((m) => m.kind === k).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <div className="highlighted">
      <p className="answer-text" data-testid="answer-highlighted">
        {segments.map((seg) =>
          seg.mark ? (
            <mark
              key={seg.start}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: highlights are focusable so their note shows by keyboard
              tabIndex={0}
              className={`hl hl-${seg.mark.kind}${active === seg.mark ? ' hl-active' : ''}`}
              data-testid={`highlight-${seg.mark.kind}`}
              aria-describedby={`${id}-n${seg.start}`}
              onMouseEnter={() => setActive(seg.mark)}
              onFocus={() => setActive(seg.mark)}
            >
              {seg.text}
            </mark>
          ) : (
            <span key={seg.start}>{seg.text}</span>
          ),
        )}
      </p>
      <div className="sr-only">
        {marks.map((m) => (
          <span key={m.start} id={`${id}-n${m.start}`}>
            {markNote(m, analysis, t, lang)}
          </span>
        ))}
      </div>
      <p className={`hl-note${active ? ` hl-note-${active.kind}` : ''}`} data-testid="highlight-note">
        {active ? markNote(active, analysis, t, lang) : marks.length ? t('hl.hint') : t('hl.none')}
      </p>
      {counts.length > 0 && (
        <ul className="hl-legend" aria-label={t('hl.legend')}>
          {counts.map(([k, n]) => (
            <li key={k}>
              <span className={`swatch hl-${k}`} aria-hidden="true" /> {t(`hl.kind.${k}`)} ({n})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
