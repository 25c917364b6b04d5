// Before the first dictation: the browser sends the audio to its vendor's speech service. Say so, and let the
// user choose; and the speech errors in words, not codes.
import { type StringKey, useT } from '../i18n';
import { micErrorKey, type useRecognition } from './useRecognition';

export function MicNotice({ mic }: { mic: ReturnType<typeof useRecognition> }) {
  const t = useT();
  return (
    <>
      {mic.notice && (
        <div className="warn-note" role="dialog" aria-labelledby="mic-notice-h" data-testid="mic-notice">
          <h3 id="mic-notice-h">{t('mic.noticeTitle')}</h3>
          <p>{t('mic.notice')}</p>
          <div className="btn-row">
            <button
              type="button"
              className="btn btn-primary btn-small"
              data-testid="mic-accept"
              onClick={mic.accept}
            >
              {t('mic.accept')}
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              data-testid="mic-decline"
              onClick={mic.decline}
            >
              {t('mic.decline')}
            </button>
          </div>
        </div>
      )}
      {mic.error && (
        <p className="error-inline" role="alert" data-testid="mic-error">
          {t(micErrorKey(mic.error) as StringKey, { e: mic.error })}
        </p>
      )}
    </>
  );
}
