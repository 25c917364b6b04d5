// Filter the bank by category, level and tag, and search its text.
import { useId } from 'react';
import type { QuestionFilter } from '../api';
import { CategoryLevelFields } from '../components/CategoryLevelFields';
import { useT } from '../i18n';

export function BankFilters({
  value,
  onChange,
  tags,
}: {
  value: QuestionFilter;
  onChange: (f: QuestionFilter) => void;
  tags: readonly string[];
}) {
  const t = useT();
  const id = useId();
  const set = (patch: Partial<QuestionFilter>) => onChange({ ...value, ...patch });
  return (
    <form className="filters" aria-label={t('bank.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="field field-wide">
        <span>{t('bank.search')}</span>
        <input
          type="search"
          className="input"
          data-testid="bank-search"
          value={value.q ?? ''}
          maxLength={200}
          placeholder={t('ws.searchPlaceholder')}
          onChange={(e) => set({ q: e.target.value })}
        />
      </label>
      <CategoryLevelFields
        testPrefix="bank"
        category={value.category}
        level={value.level}
        onCategory={(category) => set({ category })}
        onLevel={(level) => set({ level })}
      />
      <label className="field">
        <span>{t('bank.tag')}</span>
        <input
          className="input"
          list={`${id}-tags`}
          data-testid="bank-tag"
          value={value.tag ?? ''}
          onChange={(e) => set({ tag: e.target.value })}
        />
        <datalist id={`${id}-tags`}>
          {tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
    </form>
  );
}
