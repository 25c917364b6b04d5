// Answer by voice where the browser has SpeechRecognition (en-US): final phrases are appended to the answer
// box (which stays editable). The speaking time is measured from the first to the last recognised word of each
// recording (results arrive while words are heard), and silences over 2 s between them are counted as pauses,
// so the server can give the real pace.
import { useCallback, useEffect, useRef, useState } from 'react';

interface RecognitionResult {
  readonly isFinal: boolean;
  readonly 0: { readonly transcript: string };
}
interface RecognitionEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; readonly [i: number]: RecognitionResult };
}
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: RecognitionEvent) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}
type RecognitionCtor = new () => Recognition;

function recognitionCtor(): RecognitionCtor | null {
  const w = window as unknown as {
    SpeechRecognition?: RecognitionCtor;
    webkitSpeechRecognition?: RecognitionCtor;
  };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

const CONSENT_KEY = 'mockops.dictationNotice';

function consented(): boolean {
  try {
    return window.localStorage.getItem(CONSENT_KEY) === 'yes';
  } catch {
    return false;
  }
}

/** The words for a speech-recognition error code (`not-allowed`, `audio-capture`, `network`…), as an i18n key. */
export function micErrorKey(code: string): string {
  switch (code) {
    case 'not-allowed':
    case 'service-not-allowed':
      return 'mic.err.notAllowed';
    case 'audio-capture':
      return 'mic.err.audioCapture';
    case 'network':
      return 'mic.err.network';
    case 'no-speech':
      return 'mic.err.noSpeech';
    case 'language-not-supported':
      return 'mic.err.language';
    default:
      return 'mic.err.other';
  }
}

/** A silence longer than this between recognised words is a pause. */
const PAUSE_MS = 2000;

export function useRecognition(onFinal: (phrase: string) => void) {
  const Ctor = recognitionCtor();
  const [listening, setListening] = useState(false);
  const [interim, setInterim] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rec = useRef<Recognition | null>(null);
  const startedAt = useRef<number | null>(null);
  const seconds = useRef(0);
  /** First and last moment a word was heard in the current recording, and the pauses counted. */
  const heard = useRef<{ first: number; last: number } | null>(null);
  const pauses = useRef(0);
  const callback = useRef(onFinal);
  callback.current = onFinal;

  const finishClock = useCallback(() => {
    if (heard.current) seconds.current += (heard.current.last - heard.current.first) / 1000;
    heard.current = null;
    startedAt.current = null;
  }, []);

  const stop = useCallback(() => {
    rec.current?.stop();
  }, []);

  // Before the first dictation: say that the browser sends the audio to its speech service (once accepted, remembered).
  const [notice, setNotice] = useState(false);

  const begin = useCallback(() => {
    if (!Ctor || rec.current) return;
    const r = new Ctor();
    r.lang = 'en-US';
    r.continuous = true;
    r.interimResults = true;
    r.onresult = (e) => {
      const now = performance.now();
      if (!heard.current) heard.current = { first: now, last: now };
      else {
        if (now - heard.current.last > PAUSE_MS) pauses.current++;
        heard.current.last = now;
      }
      let live = '';
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const res = e.results[i];
        if (!res) continue;
        if (res.isFinal) callback.current(res[0].transcript.trim());
        else live += res[0].transcript;
      }
      setInterim(live);
    };
    // "aborted" is our own stop; "no-speech" ends a silent recording: neither is worth an alarm.
    r.onerror = (e) => setError(e.error === 'aborted' ? null : e.error);
    r.onend = () => {
      finishClock();
      rec.current = null;
      setListening(false);
      setInterim('');
    };
    setError(null);
    rec.current = r;
    startedAt.current = performance.now();
    setListening(true);
    r.start();
  }, [Ctor, finishClock]);

  const start = useCallback(() => {
    if (!consented()) {
      setNotice(true);
      return;
    }
    begin();
  }, [begin]);

  /** The user read the notice and wants to dictate: remember it and start. */
  const accept = useCallback(() => {
    try {
      window.localStorage.setItem(CONSENT_KEY, 'yes');
    } catch {
      // Private mode: ask again next time.
    }
    setNotice(false);
    begin();
  }, [begin]);
  const decline = useCallback(() => setNotice(false), []);

  /** Seconds between the first and last recognised word since the last reset, or undefined when nothing was heard. */
  const recordedSeconds = useCallback((): number | undefined => {
    const running = heard.current ? (heard.current.last - heard.current.first) / 1000 : 0;
    const total = seconds.current + running;
    return total >= 1 ? Math.min(3600, Math.round(total)) : undefined;
  }, []);
  /** Silences over 2 s between recognised words since the last reset. */
  const pauseCount = useCallback((): number => pauses.current, []);

  const reset = useCallback(() => {
    rec.current?.abort();
    seconds.current = 0;
    pauses.current = 0;
    heard.current = null;
    startedAt.current = null;
  }, []);

  useEffect(() => () => rec.current?.abort(), []);

  return {
    supported: Ctor !== null,
    notice,
    accept,
    decline,
    listening,
    interim,
    error,
    start,
    stop,
    recordedSeconds,
    pauseCount,
    reset,
  };
}
