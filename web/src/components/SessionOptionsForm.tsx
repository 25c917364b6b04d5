// Mode, style, category, level and number of questions for a new session.
import { useId } from 'react';
import { useT } from '../i18n';
import { type Category, MODES, type Mode, type SessionOptions, STYLES, type Style } from '../types';
import { CategoryLevelFields } from './CategoryLevelFields';

const COUNTS = [1, 2, 3, 4, 5, 6, 8, 10];

export function SessionOptionsForm({
  value,
  onChange,
}: {
  value: SessionOptions;
  onChange: (v: SessionOptions) => void;
}) {
  const t = useT();
  const id = useId();
  const set = (patch: Partial<SessionOptions>) => onChange({ ...value, ...patch });
  return (
    <section className="card options" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('options.title')}</h2>
      <fieldset className="radio-group">
        <legend>{t('options.mode')}</legend>
        {MODES.map((m: Mode) => (
          <label key={m} className="radio-card">
            <input
              type="radio"
              name={`${id}-mode`}
              value={m}
              checked={value.mode === m}
              data-testid={`mode-${m}`}
              onChange={() => set({ mode: m })}
            />
            <span className="radio-title">{t(`mode.${m}`)}</span>
            <span className="radio-help">{t(`mode.${m}.help`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-group">
        <legend>{t('options.style')}</legend>
        {STYLES.map((s: Style) => (
          <label key={s} className="radio-card">
            <input
              type="radio"
              name={`${id}-style`}
              value={s}
              checked={(value.style ?? 'practice') === s}
              data-testid={`style-${s}`}
              onChange={() => set({ style: s })}
            />
            <span className="radio-title">{t(`style.${s}`)}</span>
            <span className="radio-help">{t(`style.${s}.help`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <CategoryLevelFields
          testPrefix="option"
          category={value.category}
          level={value.level}
          onCategory={(c) => set({ category: (c || undefined) as Category | undefined })}
          onLevel={(l) => set({ level: l ? (Number(l) as 1 | 2 | 3) : undefined })}
        />
        <label className="field">
          <span>{t('options.count')}</span>
          <select
            data-testid="option-count"
            value={value.count ?? ''}
            onChange={(e) => set({ count: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">{t('options.defaultCount')}</option>
            {COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      {value.mode === 'mock' && <p className="muted small options-note">{t('options.mockNote')}</p>}
    </section>
  );
}
