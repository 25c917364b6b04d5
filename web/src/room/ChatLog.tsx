// The conversation: the interviewer's preface and question, then the candidate's answer, as chat bubbles.

import { scoreTone } from '../feedback/ScoreHeader';
import { useT } from '../i18n';
import type { SessionView, TurnView } from '../types';

type Turn = SessionView['turns'][number];

export function ChatLog({ turns, current }: { turns: readonly Turn[]; current: TurnView | null }) {
  const t = useT();
  return (
    <ol className="chat" aria-label={t('room.conversation')} data-testid="chat">
      {turns.map((turn) => {
        const isCurrent = current !== null && turn.position === current.position && !turn.answer;
        return (
          <li key={turn.position} className="chat-turn">
            <div className="bubble bubble-interviewer">
              <span className="bubble-who">
                {t('room.interviewer')}
                {turn.kind === 'follow-up' && <span className="chip chip-small">{t('room.followUp')}</span>}
              </span>
              {turn.preface && <p className="bubble-preface">{turn.preface}</p>}
              <p
                className="bubble-prompt"
                lang="en"
                data-testid={isCurrent ? 'question-text' : undefined}
                aria-live={isCurrent ? 'polite' : undefined}
              >
                {turn.prompt}
              </p>
            </div>
            {turn.answer && (
              <div className="bubble bubble-candidate" data-testid="candidate-answer">
                <span className="bubble-who">
                  {t('room.you')}
                  {turn.answer.score !== null && (
                    <span className={`chip chip-small ${scoreTone(turn.answer.score)}`}>
                      {t('room.scoreChip', { n: turn.answer.score })}
                    </span>
                  )}
                </span>
                <p className="bubble-answer" lang="en">
                  {turn.answer.text}
                </p>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
