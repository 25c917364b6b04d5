// What changed elsewhere in a session this tab shows, in the numbers the progress bar uses (question n is plan
// step n − 1; a follow-up belongs to its question), and the words for it in the interface language.
import type { TFunction } from '../i18n.js';
import type { SessionView, TurnView } from '../types.js';

export type StaleChange =
  | { readonly kind: 'answered'; readonly answered: TurnView; readonly now: TurnView }
  | { readonly kind: 'finished' }
  | { readonly kind: 'ended' }
  | { readonly kind: 'deleted' };

/** Null when the server's copy is where this tab thinks the session is. */
export function staleChange(local: SessionView, fresh: SessionView): StaleChange | null {
  const mine = local.status === 'active' ? local.current : null;
  if (!mine) return null;
  const theirs = fresh.status === 'active' ? fresh.current : null;
  if (theirs?.position === mine.position) return null;
  if (!theirs) return fresh.turns.at(-1)?.answer ? { kind: 'finished' } : { kind: 'ended' };
  return { kind: 'answered', answered: mine, now: theirs };
}

/** "question 2" or "the follow-up to question 2". */
export function turnName(t: TFunction, turn: Pick<TurnView, 'kind' | 'step'>): string {
  return t(turn.kind === 'follow-up' ? 'stale.followUpName' : 'stale.questionName', { n: turn.step + 1 });
}

export function staleMessage(t: TFunction, change: StaleChange): string {
  switch (change.kind) {
    case 'answered':
      return t('stale.answered', { what: turnName(t, change.answered), now: turnName(t, change.now) });
    case 'finished':
      return t('stale.finished');
    case 'ended':
      return t('stale.ended');
    case 'deleted':
      return t('stale.deleted');
  }
}
