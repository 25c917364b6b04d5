// The question being worked on, with the Chinese translation and what the interviewer is really testing.
import { useT } from '../i18n';
import type { Question } from '../types';

export function QuestionHeader({ question }: { question: Question }) {
  const t = useT();
  return (
    <section className="card question-header" aria-labelledby="qh">
      <p className="eyebrow">
        {t(`cat.${question.category}`)} · {t(`level.${question.level}`)} · {t(`kind.${question.kind}`)}
      </p>
      <h2 id="qh" lang="en" data-testid="workshop-question">
        {question.text}
      </h2>
      <p lang="zh-CN" className="zh">
        {question.zh.translation}
      </p>
      <details>
        <summary>{t('bank.intent')}</summary>
        <p lang="zh-CN" className="zh">
          {question.zh.intent}
        </p>
      </details>
    </section>
  );
}
