// The category and level pickers shared by the bank filters and the session options ("any" = no filter).
import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

/** The categories that hold questions (asked of the server each time the pickers appear: imports add some). */
function loadCategories() {
  return api.categories().then((r) => r.categories);
}

interface Props {
  /** Prefix of the data-testids: `${testPrefix}-category` and `${testPrefix}-level`. */
  readonly testPrefix: string;
  readonly category: string | undefined;
  readonly level: string | number | undefined;
  readonly disabled?: boolean;
  /** '' means any. */
  readonly onCategory: (value: string) => void;
  readonly onLevel: (value: string) => void;
}

export function CategoryLevelFields({ testPrefix, category, level, disabled, onCategory, onLevel }: Props) {
  const t = useT();
  const [categories, setCategories] = useState<Array<{ category: string; count: number }>>([]);
  useEffect(() => {
    let live = true;
    loadCategories().then(
      (list) => live && setCategories(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <label className="field">
        <span>{t('options.category')}</span>
        <select
          data-testid={`${testPrefix}-category`}
          value={category ?? ''}
          disabled={disabled}
          onChange={(e) => onCategory(e.target.value)}
        >
          <option value="">{t('options.any')}</option>
          {categories.map((c) => (
            <option key={c.category} value={c.category}>
              {t(`cat.${c.category}`)} ({c.count})
            </option>
          ))}
          {category && !categories.some((c) => c.category === category) && (
            <option value={category}>{t(`cat.${category}`)}</option>
          )}
        </select>
      </label>
      <label className="field">
        <span>{t('options.level')}</span>
        <select
          data-testid={`${testPrefix}-level`}
          value={level ?? ''}
          disabled={disabled}
          onChange={(e) => onLevel(e.target.value)}
        >
          <option value="">{t('options.any')}</option>
          {[1, 2, 3].map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
