// Another tab, window or the terminal may answer, finish, end or delete the session this room shows. Tabs of this
// browser say so at once on a BroadcastChannel; anything else is caught when the tab gets the focus back, and on
// the next send (the server refuses an answer to a turn that is no longer pending: 409).
import { useEffect, useRef } from 'react';
import { ApiError, api } from '../api';
import type { SessionView } from '../types';

const CHANNEL = 'mockops.sessions';
/** This tab, so that it does not react to its own announcements. */
const TAB = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Tell the other tabs that this session changed (an answer, an end, a deletion). */
export function announceSession(id: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ id, from: TAB });
  channel.close();
}

/** Calls `onFresh` with the server's copy of the session whenever it may have changed elsewhere; `onGone` on a 404. */
export function useSessionSync(id: string, onFresh: (fresh: SessionView) => void, onGone: () => void): void {
  const handlers = useRef({ onFresh, onGone });
  handlers.current = { onFresh, onGone };
  useEffect(() => {
    let alive = true;
    const refresh = () => {
      api.session(id).then(
        (fresh) => alive && handlers.current.onFresh(fresh),
        (err) => alive && err instanceof ApiError && err.status === 404 && handlers.current.onGone(),
      );
    };
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (channel)
      channel.onmessage = (e: MessageEvent<{ id?: string; from?: string }>) => {
        if (e.data?.id === id && e.data.from !== TAB) refresh();
      };
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      channel?.close();
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [id]);
}
