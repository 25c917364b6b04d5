// Recording for playback, where dictation is not available: the microphone into a MediaRecorder, the clip kept as
// a Blob in this page only (an object URL for an <audio> element). Nothing is uploaded; the clip is gone when the
// answer box goes away or a new recording replaces it.
import { useCallback, useEffect, useRef, useState } from 'react';

/** Why recording cannot be offered here, or null when it can. */
export type RecorderUnavailable = 'no-recorder' | 'no-microphone';

export function recorderUnavailable(): RecorderUnavailable | null {
  if (typeof window === 'undefined' || typeof window.MediaRecorder === 'undefined') return 'no-recorder';
  if (typeof navigator.mediaDevices?.getUserMedia !== 'function') return 'no-microphone';
  return null;
}

/** The words for a getUserMedia failure, as an i18n key. */
export function recorderErrorKey(name: string): string {
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'rec.err.notAllowed';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'rec.err.noDevice';
    case 'NotReadableError':
      return 'rec.err.busy';
    default:
      return 'rec.err.other';
  }
}

export interface Clip {
  readonly url: string;
  readonly bytes: number;
  readonly type: string;
}

export function useRecorder() {
  const [recording, setRecording] = useState(false);
  const [starting, setStarting] = useState(false);
  const [clip, setClip] = useState<Clip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const url = useRef<string | null>(null);

  const release = useCallback(() => {
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
  }, []);

  const discard = useCallback(() => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
    setClip(null);
  }, []);

  const start = useCallback(async () => {
    if (recorder.current || starting) return;
    setError(null);
    setStarting(true);
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (err) {
      setError(recorderErrorKey(err instanceof DOMException ? err.name : ''));
      setStarting(false);
      return;
    }
    stream.current = media;
    const rec = new MediaRecorder(media);
    const chunks: Blob[] = [];
    rec.ondataavailable = (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    };
    rec.onstop = () => {
      release();
      recorder.current = null;
      setRecording(false);
      const blob = new Blob(chunks, { type: rec.mimeType || 'audio/webm' });
      if (url.current) URL.revokeObjectURL(url.current);
      url.current = URL.createObjectURL(blob);
      setClip({ url: url.current, bytes: blob.size, type: blob.type });
    };
    recorder.current = rec;
    rec.start();
    setStarting(false);
    setRecording(true);
  }, [release, starting]);

  const stop = useCallback(() => {
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }, []);

  useEffect(
    () => () => {
      if (recorder.current) {
        recorder.current.onstop = null;
        if (recorder.current.state === 'recording') recorder.current.stop();
      }
      release();
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [release],
  );

  return { recording, starting, clip, error, start, stop, discard };
}
