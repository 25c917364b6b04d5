// English / 简体中文 for the interface; questions and answers stay in English.
import { setLang, useLang, useT } from '../i18n';

export function LangToggle() {
  const lang = useLang();
  const t = useT();
  const next = lang === 'en' ? 'zh' : 'en';
  return (
    <button
      type="button"
      className="btn btn-ghost lang-toggle"
      data-testid="lang-toggle"
      title={t('shell.langLabel')}
      onClick={() => setLang(next)}
    >
      <span className="sr-only">{t('shell.langPrefix')}</span>
      <span lang={next === 'zh' ? 'zh-CN' : 'en'}>{next === 'zh' ? '简体中文' : 'English'}</span>
    </button>
  );
}
