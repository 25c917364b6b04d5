// Seconds since the question appeared (`since`, kept across reloads by the room), against the target: quick
// 30–45 s, full 60–120 s.
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import type { Expect } from '../types';

export const TARGET: Record<Expect, readonly [number, number]> = { quick: [30, 45], full: [60, 120] };

export function timerState(seconds: number, expect: Expect): 'under' | 'in' | 'over' {
  const [lo, hi] = TARGET[expect];
  return seconds < lo ? 'under' : seconds <= hi ? 'in' : 'over';
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

export function TurnTimer({ expect, running, since }: { expect: Expect; running: boolean; since: number }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [running]);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const state = timerState(seconds, expect);
  const [lo, hi] = TARGET[expect];
  return (
    <div className={`timer timer-${state}`} data-testid="timer" data-state={state}>
      <span className="timer-clock" role="timer" aria-label={t('timer.label')}>
        {clock(seconds)}
      </span>
      <span className="timer-side">
        <span className="timer-state">{t(`timer.${state}`)}</span>
        <span className="timer-target">
          {t(`expect.${expect}`)} · {t('timer.target', { lo, hi })}
        </span>
      </span>
    </div>
  );
}
