// The incident room: on the left the page, the system, the round turn by turn and what you do next; on the right
// the dashboard (the impact curve and the metrics now). Each turn is sent as typed; when the round ends, the
// debrief takes the room's place.
import { useEffect, useRef, useState } from 'react';
import { ApiError, api, errorMessage } from '../api';
import { useLang, useT } from '../i18n';
import { href } from '../lib/router';
import type { IncidentView } from '../types';
import { Dashboard } from './Dashboard';
import { Debrief } from './Debrief';
import { IncidentComposer } from './IncidentComposer';
import { SystemPanel } from './SystemPanel';
import { TurnList } from './TurnList';

export function IncidentRoom({ initial }: { initial: IncidentView }) {
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState(initial);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const debriefRef = useRef<HTMLHeadingElement>(null);
  const finishedHere = useRef(false);
  const s = view.scenario;

  async function send(input: string) {
    if (busy || view.finished) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.incidentTurn(view.id, input);
      setText('');
      if (result.view.finished) finishedHere.current = true;
      setView(result.view);
    } catch (err) {
      // The text stays in the box: correct it and send again.
      setError(errorMessage(err));
      if (err instanceof ApiError && err.status === 409) api.incident(view.id).then(setView, () => undefined);
    } finally {
      setBusy(false);
    }
  }

  // The box is disabled while a turn is sent, which takes its focus: give it back for the next turn.
  // On the first render it takes the focus without scrolling, so the page stays in view.
  const opened = useRef(false);
  useEffect(() => {
    if (!busy && !view.finished) inputRef.current?.focus({ preventScroll: !opened.current });
    opened.current = true;
  }, [busy, view.finished]);

  // A round finished here: move to the debrief's heading, so the keyboard and screen readers land on it.
  useEffect(() => {
    if (view.finished && finishedHere.current) {
      // The debrief starts right under the bar: show the page from the top, score and outcome first.
      debriefRef.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }, [view.finished]);

  return (
    <div className="incident-room" data-testid="incident-room">
      <div className="inc-bar card">
        <div className="inc-bar-title">
          <h1>{lang === 'zh' ? s.zh.title : s.title}</h1>
          <span className="chip">{t('inc.level', { n: s.level })}</span>
          <span className={`chip ${view.finished ? '' : 'inc-live'}`} data-testid="incident-status">
            {view.finished ? t('inc.finished') : t('inc.live')}
          </span>
        </div>
        <p className="inc-clock" data-testid="incident-clock">
          <span className="sr-only">{t('inc.clock')}: </span>
          <time className="inc-clock-time">{view.clock}</time>
          <span className="inc-clock-minute">
            {t('inc.minuteOf', { n: view.minute, of: s.limitMinutes })}
          </span>
        </p>
        <a className="btn btn-ghost btn-small inc-back" href={href('incident')}>
          {t('inc.back')}
        </a>
      </div>
      {view.finished && view.debrief ? (
        <Debrief view={view} debrief={view.debrief} headingRef={debriefRef} />
      ) : (
        <div className="inc-grid">
          <div className="inc-main">
            <section className="card" aria-labelledby="inc-brief-h">
              <h2 id="inc-brief-h">{t('inc.brief')}</h2>
              <p className="inc-brief" lang="en" data-testid="incident-brief">
                {s.brief}
              </p>
              {lang === 'zh' && (
                <p className="zh small" lang="zh-CN">
                  {s.zh.brief}
                </p>
              )}
            </section>
            <SystemPanel system={s.system} />
            <section className="card" aria-labelledby="inc-turns-h">
              <h2 id="inc-turns-h">{t('inc.conversation')}</h2>
              <TurnList view={view} live />
            </section>
            <IncidentComposer
              text={text}
              onText={setText}
              onSend={send}
              busy={busy}
              error={error}
              inputRef={inputRef}
            />
          </div>
          <Dashboard view={view} />
        </div>
      )}
    </div>
  );
}
