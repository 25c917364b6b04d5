// Answer by voice where the browser has SpeechRecognition (en-US): final phrases are appended to the answer
// box (which stays editable) and the recording time is summed so the server can measure the pace.
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

export function useRecognition(onFinal: (phrase: string) => void) {
  const Ctor = recognitionCtor();
  const [listening, setListening] = useState(false);
  const [interim, setInterim] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rec = useRef<Recognition | null>(null);
  const startedAt = useRef<number | null>(null);
  const seconds = useRef(0);
  const callback = useRef(onFinal);
  callback.current = onFinal;

  const finishClock = useCallback(() => {
    if (startedAt.current !== null) seconds.current += (performance.now() - startedAt.current) / 1000;
    startedAt.current = null;
  }, []);

  const stop = useCallback(() => {
    rec.current?.stop();
  }, []);

  const start = useCallback(() => {
    if (!Ctor || rec.current) return;
    const r = new Ctor();
    r.lang = 'en-US';
    r.continuous = true;
    r.interimResults = true;
    r.onresult = (e) => {
      let live = '';
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const res = e.results[i];
        if (!res) continue;
        if (res.isFinal) callback.current(res[0].transcript.trim());
        else live += res[0].transcript;
      }
      setInterim(live);
    };
    r.onerror = (e) => setError(e.error);
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

  /** Seconds recorded since the last reset, or undefined when nothing was spoken. */
  const recordedSeconds = useCallback((): number | undefined => {
    const running = startedAt.current !== null ? (performance.now() - startedAt.current) / 1000 : 0;
    const total = seconds.current + running;
    return total >= 1 ? Math.min(3600, Math.round(total)) : undefined;
  }, []);

  const reset = useCallback(() => {
    rec.current?.abort();
    seconds.current = 0;
    startedAt.current = null;
  }, []);

  useEffect(() => () => rec.current?.abort(), []);

  return { supported: Ctor !== null, listening, interim, error, start, stop, recordedSeconds, reset };
}
