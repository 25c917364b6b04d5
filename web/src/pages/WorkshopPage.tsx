// The workshop: work on one question's answer (versions, live analysis, save and compare), or build a
// STAR + Future story or the self-introduction.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { Tabs } from '../components/Tabs';
import { useT } from '../i18n';
import { loadQuestion } from '../lib/questionCache';
import { useStoredChoice } from '../lib/storage';
import { useAsync } from '../lib/useAsync';
import { AnswerEditor } from '../workshop/AnswerEditor';
import { IntroBuilder } from '../workshop/IntroBuilder';
import { QuestionHeader } from '../workshop/QuestionHeader';
import { QuestionPicker } from '../workshop/QuestionPicker';
import { StarBuilder } from '../workshop/StarBuilder';
import { StoryMapView } from '../workshop/StoryMapView';
import { VersionList } from '../workshop/VersionList';

type Tab = 'answer' | 'star' | 'intro' | 'stories';

export default function WorkshopPage({ questionId }: { questionId: string | null }) {
  const t = useT();
  const [tab, setTab] = useStoredChoice<Tab>('workshopTab', ['answer', 'star', 'intro', 'stories'], 'answer');
  // A question in the address (opened from the bank, a review card, a story) opens on its answer tab.
  useEffect(() => {
    if (questionId) setTab('answer');
  }, [questionId, setTab]);
  return (
    <div className="workshop">
      <div className="page-head">
        <h1>{t('nav.workshop')}</h1>
        <p className="muted">{t('ws.intro')}</p>
      </div>
      <Tabs
        label={t('nav.workshop')}
        value={tab}
        onChange={setTab}
        tabs={[
          { id: 'answer', label: t('ws.tab.answer') },
          { id: 'star', label: t('ws.tab.star') },
          { id: 'intro', label: t('ws.tab.intro') },
          { id: 'stories', label: t('ws.tab.stories') },
        ]}
      />
      {tab === 'answer' && (
        <div className="workshop-grid">
          <QuestionPicker selected={questionId} />
          <div className="workshop-main">
            {questionId ? (
              <QuestionWork key={questionId} questionId={questionId} />
            ) : (
              <section className="card">
                <p>{t('ws.pickFirst')}</p>
              </section>
            )}
          </div>
        </div>
      )}
      {tab === 'star' && <StarBuilder />}
      {tab === 'intro' && <IntroBuilder />}
      {tab === 'stories' && <StoryMapView />}
    </div>
  );
}

function QuestionWork({ questionId }: { questionId: string }) {
  const question = useAsync(() => loadQuestion(questionId), [questionId]);
  const answers = useAsync(() => api.answers(questionId), [questionId]);
  const [text, setText] = useState<string | null>(null);
  // Start from your latest version, if there is one.
  useEffect(() => {
    if (text === null && answers.data) setText(answers.data.at(-1)?.text ?? '');
  }, [answers.data, text]);
  if (question.error) return <ErrorNote message={question.error} />;
  return (
    <>
      {question.data && <QuestionHeader question={question.data} />}
      <ErrorNote message={answers.error} />
      {answers.data && answers.data.length > 0 && (
        <VersionList answers={answers.data} questionId={questionId} onLoad={setText} />
      )}
      <AnswerEditor questionId={questionId} text={text ?? ''} onText={setText} onSaved={answers.reload} />
    </>
  );
}
