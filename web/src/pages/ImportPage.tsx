// Import: bring your own question collections (Markdown, text, YAML, JSON, CSV/TSV) with a preview before
// saving; and the imported questions, each with its reference answer and key points.
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { Tabs } from '../components/Tabs';
import { useT } from '../i18n';
import { ImportedDetail } from '../import/ImportedDetail';
import { ImportedList } from '../import/ImportedList';
import { ImportTool } from '../import/ImportTool';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import '../import/import.css';

type Tab = 'files' | 'questions';

export default function ImportPage({ path }: { path: readonly string[] }) {
  const t = useT();
  const tab: Tab = path[0] === 'questions' ? 'questions' : 'files';
  const selected = tab === 'questions' ? (path[1] ?? null) : null;
  const imported = useAsync(() => api.imported(), []);
  const count = imported.data?.length;
  return (
    <div className="import-page">
      <div className="page-head">
        <h1>{t('imp.title')}</h1>
        <p className="muted">{t('imp.intro')}</p>
      </div>
      <Tabs
        label={t('imp.title')}
        value={tab}
        onChange={(v) => (v === 'files' ? navigate('import') : navigate('import', 'questions'))}
        tabs={[
          { id: 'files', label: t('imp.tab.files') },
          {
            id: 'questions',
            label: count === undefined ? t('imp.tab.questions') : t('imp.tab.questionsN', { n: count }),
          },
        ]}
      />
      {tab === 'files' && <ImportTool onImported={imported.reload} />}
      {tab === 'questions' && (
        <ImportedQuestions
          questions={imported.data}
          error={imported.error}
          selected={selected}
          reload={imported.reload}
        />
      )}
    </div>
  );
}

function ImportedQuestions({
  questions,
  error,
  selected,
  reload,
}: {
  questions: Awaited<ReturnType<typeof api.imported>> | null;
  error: string | null;
  selected: string | null;
  reload: () => void;
}) {
  const t = useT();
  if (error) return <ErrorNote message={error} />;
  if (!questions) return <p className="muted">{t('common.loading')}</p>;
  if (questions.length === 0)
    return (
      <p className="card muted" data-testid="imported-empty">
        {t('imp.empty')}
      </p>
    );
  const open = selected ? questions.find((q) => q.id === selected) : undefined;
  return (
    <div className="bank-grid">
      <ImportedList questions={questions} selected={selected} />
      <div>
        {open ? (
          <ImportedDetail question={open} onChanged={reload} />
        ) : (
          <p className="card muted">{selected ? t('imp.notFound') : t('imp.pick')}</p>
        )}
      </div>
    </div>
  );
}
