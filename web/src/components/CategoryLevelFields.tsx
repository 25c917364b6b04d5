// The category and level pickers shared by the bank filters and the session options ("any" = no filter).
import { useT } from '../i18n';
import { CATEGORIES } from '../types';

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
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`cat.${c}`)}
            </option>
          ))}
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
