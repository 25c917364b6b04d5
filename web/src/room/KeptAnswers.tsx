// Unsent answers this tab could not send because the session moved on elsewhere (another tab answered the turn,
// finished, ended or deleted the session). They are kept on this device until the candidate copies, saves or
// discards them; never dropped silently.
import { useMemo, useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { prefsWithPrefix, removePref, writePref } from '../lib/storage';
import type { SessionView } from '../types';
import { turnName } from './staleSession';

const keptKey = (sessionId: string, position: number) => `kept.${sessionId}:${position}`;

/** Keep an answer that could not be sent (empty text is not kept). */
export function keepAnswer(sessionId: string, position: number, text: string): void {
  if (text.trim()) writePref(keptKey(sessionId, position), text);
}

export function keptAnswers(sessionId: string): Array<{ position: number; text: string }> {
  return prefsWithPrefix(`kept.${sessionId}:`)
    .map(([rest, text]) => ({ position: Number(rest), text }))
    .filter((k) => Number.isInteger(k.position))
    .sort((a, b) => a.position - b.position);
}

/**
 * A draft stored for a turn that is no longer waiting for an answer (the tab was closed, then the turn was
 * answered or the session ended elsewhere) becomes a kept answer. Returns whether any did.
 */
export function adoptOrphanDrafts(session: SessionView): boolean {
  const pending = session.status === 'active' ? session.current?.position : undefined;
  let adopted = false;
  for (const [rest, text] of prefsWithPrefix(`draft.${session.id}:`)) {
    const position = Number(rest);
    if (!Number.isInteger(position) || position === pending) continue;
    keepAnswer(session.id, position, text);
    removePref(`draft.${session.id}:${position}`);
    adopted = true;
  }
  return adopted;
}

export function KeptAnswers({
  session,
  version,
  onChange,
}: {
  session: SessionView;
  /** Bumped by the room whenever it keeps an answer. */
  version: number;
  onChange: () => void;
}) {
  const t = useT();
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read the storage when the room keeps an answer
  const items = useMemo(() => keptAnswers(session.id), [session.id, version]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  if (items.length === 0 && !status) return null;

  async function save(position: number, questionId: string, text: string) {
    setBusy(position);
    setError(null);
    try {
      const r = await api.saveAnswer(questionId, text);
      removePref(keptKey(session.id, position));
      setStatus(t('kept.saved', { n: r.version }));
      onChange();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('kept.copied'));
    } catch {
      setStatus(t('kept.copyFailed'));
    }
  }

  return (
    <div className="kept-list">
      {status && (
        <p className="success-note" role="status" data-testid="kept-status">
          {status}
        </p>
      )}
      <ErrorNote message={error} />
      {items.map(({ position, text }) => {
        const turn = session.turns.find((tn) => tn.position === position);
        // A first answer can become a practice version of its question; a follow-up's answer only makes sense there.
        const questionId = turn?.kind === 'question' ? turn.questionId : null;
        return (
          <section
            key={position}
            className="card kept-answer"
            data-testid="kept-answer"
            aria-labelledby={`kept-${position}`}
          >
            <h2 id={`kept-${position}`}>
              {t('kept.title', { what: turn ? turnName(t, turn) : t('kept.unknownTurn') })}
            </h2>
            <p className="muted small">{t('kept.help')}</p>
            <textarea
              readOnly
              value={text}
              rows={Math.min(8, Math.max(3, Math.ceil(text.length / 90)))}
              aria-label={t('kept.textLabel')}
              data-testid="kept-text"
              lang="en"
            />
            <div className="btn-row">
              <button type="button" className="btn btn-secondary btn-small" onClick={() => copy(text)}>
                {t('kept.copy')}
              </button>
              {questionId && (
                <button
                  type="button"
                  className="btn btn-primary btn-small"
                  data-testid="kept-save"
                  disabled={busy === position}
                  onClick={() => save(position, questionId, text)}
                >
                  {busy === position ? t('common.sending') : t('kept.save')}
                </button>
              )}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                data-testid="kept-discard"
                onClick={() => {
                  removePref(keptKey(session.id, position));
                  setStatus(null);
                  onChange();
                }}
              >
                {t('kept.discard')}
              </button>
            </div>
          </section>
        );
      })}
    </div>
  );
}
