// The interview room: the conversation, the timer and progress, the answer box; feedback after each answer in
// practice style, or only at the end in interview style; then the summary. A reload keeps the unsent answer, the
// timer and the feedback being read; when the session moves on elsewhere (another tab, the terminal), the room
// says so and keeps what this tab had not sent.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, errorMessage } from '../api';
import { FeedbackView } from '../feedback/FeedbackView';
import { useT } from '../i18n';
import { href } from '../lib/router';
import { forgetShown, removePref, useShownAt, useStoredText, writePref } from '../lib/storage';
import type { SessionAnswerResult, SessionView } from '../types';
import { applyResult } from './applyResult';
import { ChatLog } from './ChatLog';
import { Composer } from './Composer';
import { adoptOrphanDrafts, KeptAnswers, keepAnswer } from './KeptAnswers';
import { RoomBar } from './RoomBar';
import { SessionSummaryView } from './SessionSummaryView';
import {
  coveredBefore,
  forgetReading,
  fromResult,
  latestRetry,
  rememberReading,
  restoredFeedback,
  type ShownFeedback,
} from './shownFeedback';
import { type StaleChange, staleChange, staleMessage } from './staleSession';
import { useReadAloud } from './useReadAloud';
import { announceSession, useSessionSync } from './useSessionSync';

type Phase = 'answer' | 'feedback' | 'done' | 'gone';

/** What is left in the box after `sent` went out: words typed while it was sending (or all of it, if edited). */
function leftover(current: string, sent: string): string {
  if (current === sent) return '';
  return current.startsWith(sent) ? current.slice(sent.length).trimStart() : current;
}

export function Room({ initial }: { initial: SessionView }) {
  const t = useT();
  const [session, setSession] = useState(initial);
  const [shown, setShown] = useState<ShownFeedback | null>(() => restoredFeedback(initial));
  const [phase, setPhase] = useState<Phase>(() =>
    shown ? 'feedback' : initial.status === 'finished' ? 'done' : 'answer',
  );
  // The unsent answer survives a reload: kept per session and question, cleared once sent.
  const turnKey = session.current && phase === 'answer' ? `${session.id}:${session.current.position}` : null;
  const [text, setText, clearDraft] = useStoredText(turnKey);
  const shownAt = useShownAt(turnKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<StaleChange | null>(null);
  const [carried, setCarried] = useState(false);
  const [keptVersion, setKeptVersion] = useState(() => (adoptOrphanDrafts(initial) ? 1 : 0));
  const voice = useReadAloud();
  const continueRef = useRef<HTMLButtonElement>(null);
  const current = phase === 'answer' ? session.current : null;
  // The latest values for handlers that outlive a render (the answer's response, another tab's message).
  const live = useRef({ session, text, busy, phase });
  live.current = { session, text, busy, phase };

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

  /** The server's copy of the session, when it may have moved on elsewhere: say so, keep this tab's text. */
  const onFresh = useCallback((fresh: SessionView): boolean => {
    const { session: local, text: unsent, busy: sending, phase: now } = live.current;
    if (sending) return false; // this tab's own answer is on its way: its response decides
    const change = staleChange(local, fresh);
    if (!change) return false;
    if (local.current && now === 'answer') {
      keepAnswer(local.id, local.current.position, unsent);
      removePref(`draft.${local.id}:${local.current.position}`);
      forgetShown(`${local.id}:${local.current.position}`);
    }
    setStale(change);
    setSession(fresh);
    setKeptVersion((v) => v + 1);
    if (now === 'answer' && fresh.status === 'finished') setPhase('done');
    return true;
  }, []);
  const onGone = useCallback(() => {
    const { session: local, text: unsent, phase: now } = live.current;
    if (local.current && now === 'answer') keepAnswer(local.id, local.current.position, unsent);
    setStale({ kind: 'deleted' });
    setKeptVersion((v) => v + 1);
    setPhase('gone');
  }, []);
  useSessionSync(session.id, onFresh, onGone);

  function showFeedback(feedback: ShownFeedback) {
    rememberReading(session.id, feedback.position);
    setShown(feedback);
    setPhase('feedback');
  }

  function goOn() {
    forgetReading(session.id);
    setCarried(false);
    setPhase(shown?.finished || session.status === 'finished' ? 'done' : 'answer');
  }

  async function send(durationSec: number | undefined, pauses?: number) {
    const pending = session.current;
    if (!pending) return;
    const sent = text;
    setBusy(true);
    live.current.busy = true;
    setError(null);
    voice.stop();
    let result: SessionAnswerResult;
    try {
      result = await api.answerTurn(session.id, {
        text: sent,
        durationSec,
        ...(pauses !== undefined ? { pauses } : {}),
        position: pending.position,
      });
    } catch (err) {
      live.current.busy = false;
      setBusy(false);
      // Refused because the session moved on elsewhere (409) or is gone (404): say so and keep the text.
      if (err instanceof ApiError && err.status === 404) return onGone();
      const moved =
        err instanceof ApiError && err.status === 409
          ? await api.session(session.id).then(onFresh, () => false)
          : false;
      if (!moved) setError(errorMessage(err));
      return;
    }
    announceSession(session.id);
    forgetShown(`${session.id}:${pending.position}`);
    // Words typed while it was sending are never dropped: they wait in the next answer box (or, at the end, with
    // the kept answers), and the room says so.
    const rest = leftover(live.current.text, sent);
    clearDraft();
    if (rest && result.next) writePref(`draft.${session.id}:${result.next.position}`, rest);
    else if (rest) keepAnswer(session.id, pending.position, rest);
    setCarried(rest !== '' && result.next !== null);
    if (rest && !result.next) setKeptVersion((v) => v + 1);
    const feedback = session.config.style === 'practice' ? fromResult(result, pending) : null;
    if (!result.finished) {
      // Show the feedback at once from the result; reconcile with the server's copy in the background.
      setSession(applyResult(session, result, sent, durationSec, new Date().toISOString()));
      if (feedback) showFeedback(feedback);
      live.current.busy = false;
      setBusy(false);
      api.session(session.id).then(setSession, () => undefined);
      return;
    }
    try {
      // At the end the server reveals every answer's analysis (interview style): read the whole session.
      const fresh = await api.session(session.id);
      setSession(fresh);
      if (feedback) showFeedback(feedback);
      else setPhase('done');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      live.current.busy = false;
      setBusy(false);
    }
  }

  const visibleTurns = session.turns.filter((tn) => tn.answer || phase === 'answer');
  const retryBase = shown ? baseText(session, shown) : '';

  return (
    <div className="room">
      <RoomBar
        session={session}
        current={current}
        reading={phase === 'feedback' && shown ? shown.step : null}
        shownAt={shownAt}
        voice={voice}
      />
      {stale && (
        <div className="warn-note" role="alert" data-testid="stale-notice">
          <p>{staleMessage(t, stale)}</p>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setStale(null)}>
            {t('stale.dismiss')}
          </button>
        </div>
      )}
      <KeptAnswers session={session} version={keptVersion} onChange={() => setKeptVersion((v) => v + 1)} />
      {phase !== 'gone' && <ChatLog turns={visibleTurns} current={current} />}
      {phase === 'answer' && session.current && (
        <Composer key={turnKey} text={text} onText={setText} onSend={send} busy={busy} error={error} />
      )}
      {phase === 'feedback' && shown && (
        <>
          <div className="continue-row">
            <p className="muted">{shown.finished ? t('room.lastAnswered') : t('room.afterAnswer')}</p>
            {carried && (
              <p className="muted small" data-testid="carried-note">
                {t('room.carried')}
              </p>
            )}
            <button
              ref={continueRef}
              type="button"
              className="btn btn-primary btn-large"
              data-testid="continue"
              onClick={goOn}
            >
              {shown.finished ? t('room.seeSummary') : t('room.next')}
            </button>
          </div>
          <FeedbackView
            key={shown.answerId}
            text={shown.gradedText}
            analysis={shown.analysis}
            comparison={shown.comparison}
            questionId={shown.questionId}
            note={shown.kind === 'follow-up' ? t('room.followUpGraded') : undefined}
            followUp={shown.next?.kind === 'follow-up' ? shown.next.prompt : null}
            coveredBefore={coveredBefore(session, shown)}
            initialRetry={latestRetry(session, shown)}
            retryIn={{
              sessionId: session.id,
              step: shown.step,
              initial: retryBase,
              onRetried: () => api.session(session.id).then(setSession, () => undefined),
            }}
          />
          <div className="continue-row">
            <button type="button" className="btn btn-primary" onClick={goOn}>
              {shown.finished ? t('room.seeSummary') : t('room.next')}
            </button>
          </div>
        </>
      )}
      {phase === 'done' && (
        <SessionSummaryView
          session={session}
          onRetried={() => api.session(session.id).then(setSession, () => undefined)}
        />
      )}
      {phase === 'gone' && (
        <p>
          <a className="btn btn-primary" href={href()}>
            {t('sum.again')}
          </a>
        </p>
      )}
    </div>
  );
}

/**
 * What a retry starts from: the question's answer so far. After a follow-up, the answer it followed (the latest
 * retry, else the first answer) with the follow-up's words after it, since the retry answers the whole question.
 */
function baseText(session: SessionView, shown: ShownFeedback): string {
  if (shown.kind !== 'follow-up') return shown.gradedText;
  const retry = session.retries.filter((r) => r.step === shown.step && r.answerId < shown.answerId).at(-1);
  const first = session.turns.find((tn) => tn.step === shown.step && tn.kind === 'question')?.answer?.text;
  const before = retry?.text ?? first;
  return before ? `${before}\n\n${shown.gradedText}` : shown.gradedText;
}
