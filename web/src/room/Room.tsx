// The interview room: the conversation, the timer and progress, the answer box; feedback after each answer in
// practice style, or only at the end in interview style; then the summary.
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, errorMessage } from '../api';
import { FeedbackView } from '../feedback/FeedbackView';
import { useT } from '../i18n';
import { useStoredText } from '../lib/storage';
import type { SessionAnswerResult, SessionView } from '../types';
import { applyResult } from './applyResult';
import { ChatLog } from './ChatLog';
import { Composer } from './Composer';
import { RoomBar } from './RoomBar';
import { SessionSummaryView } from './SessionSummaryView';
import { useReadAloud } from './useReadAloud';

type Phase = 'answer' | 'feedback' | 'done';

export function Room({ initial }: { initial: SessionView }) {
  const t = useT();
  const [session, setSession] = useState(initial);
  const [phase, setPhase] = useState<Phase>(initial.status === 'finished' ? 'done' : 'answer');
  // The unsent answer survives a reload: kept per session and question, cleared once sent.
  const draftKey = session.current && phase === 'answer' ? `${session.id}:${session.current.position}` : null;
  const [text, setText, clearDraft] = useStoredText(draftKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [last, setLast] = useState<SessionAnswerResult | null>(null);
  const voice = useReadAloud();
  const continueRef = useRef<HTMLButtonElement>(null);
  const current = phase === 'answer' ? session.current : null;

  const speakKey = current ? `${session.id}:${current.position}` : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read each question once, when it appears
  useEffect(() => {
    if (current) voice.speak([current.preface, current.prompt].filter(Boolean).join(' '));
  }, [speakKey]);

  useEffect(() => {
    if (phase !== 'feedback') return;
    continueRef.current?.focus({ preventScroll: true });
    continueRef.current?.parentElement?.scrollIntoView({ block: 'start' });
  }, [phase]);

  async function send(durationSec: number | undefined, pauses?: number) {
    if (!session.current) return;
    setBusy(true);
    setError(null);
    voice.stop();
    let result: SessionAnswerResult;
    try {
      result = await api.answerTurn(session.id, {
        text,
        durationSec,
        ...(pauses !== undefined ? { pauses } : {}),
        position: session.current.position,
      });
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.status === 409)
        api.session(session.id).then(setSession, () => undefined);
      setBusy(false);
      return;
    }
    // Words typed while it was sending are kept: only the sent text leaves the box.
    const sent = text;
    clearDraft();
    setText((cur) => (cur === sent ? '' : cur.startsWith(sent) ? cur.slice(sent.length).trimStart() : cur));
    if (!result.finished) {
      // Show the feedback at once from the result; reconcile with the server's copy in the background.
      setSession(applyResult(session, result, text, durationSec, new Date().toISOString()));
      setLast(result);
      if (session.config.style === 'practice' && result.analysis) setPhase('feedback');
      setBusy(false);
      api.session(session.id).then(setSession, () => undefined);
      return;
    }
    try {
      // At the end the server reveals every answer's analysis (interview style): read the whole session.
      const fresh = await api.session(session.id);
      setSession(fresh);
      setLast(result);
      if (fresh.config.style === 'practice' && result.analysis) setPhase('feedback');
      else setPhase('done');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const visibleTurns = session.turns.filter((tn) => tn.answer || phase === 'answer');
  const answeredTurn = last ? session.turns.find((tn) => tn.position === last.answered.position) : undefined;

  return (
    <div className="room">
      <RoomBar session={session} current={current} voice={voice} />
      <ChatLog turns={visibleTurns} current={current} />
      {phase === 'answer' && session.current && (
        <Composer text={text} onText={setText} onSend={send} busy={busy} error={error} />
      )}
      {phase === 'feedback' && last?.analysis && (
        <>
          <div className="continue-row">
            <p className="muted">{last.finished ? t('room.lastAnswered') : t('room.afterAnswer')}</p>
            <button
              ref={continueRef}
              type="button"
              className="btn btn-primary btn-large"
              data-testid="continue"
              onClick={() => setPhase(last.finished ? 'done' : 'answer')}
            >
              {last.finished ? t('room.seeSummary') : t('room.next')}
            </button>
          </div>
          <FeedbackView
            key={last.answered.answerId}
            text={last.answered.gradedText}
            analysis={last.analysis}
            comparison={last.comparison}
            questionId={answeredTurn?.questionId ?? null}
            note={answeredTurn?.kind === 'follow-up' ? t('room.followUpGraded') : undefined}
          />
          <div className="continue-row">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setPhase(last.finished ? 'done' : 'answer')}
            >
              {last.finished ? t('room.seeSummary') : t('room.next')}
            </button>
          </div>
        </>
      )}
      {phase === 'done' && <SessionSummaryView session={session} />}
    </div>
  );
}
