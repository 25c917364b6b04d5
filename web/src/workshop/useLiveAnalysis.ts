// Live analysis while typing: debounced (~400 ms), never blocking input; a newer keystroke aborts the request
// in flight, so only the latest text's analysis is shown.
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage, isAbort } from '../api';
import type { Analysis } from '../types';

export const LIVE_DELAY_MS = 400;

export function useLiveAnalysis(questionId: string | null, text: string) {
  const [result, setResult] = useState<{ text: string; analysis: Analysis } | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    inFlight.current?.abort();
    if (!questionId || !text.trim()) {
      setPending(false);
      setResult(null);
      setError(null);
      return;
    }
    setPending(true);
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      inFlight.current = controller;
      api.analyze({ questionId, text }, controller.signal).then(
        (analysis) => {
          if (controller.signal.aborted) return;
          setResult({ text, analysis });
          setError(null);
          setPending(false);
        },
        (err: unknown) => {
          if (isAbort(err) || controller.signal.aborted) return;
          setError(errorMessage(err));
          setPending(false);
        },
      );
    }, LIVE_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [questionId, text]);

  return { result, pending, error };
}
