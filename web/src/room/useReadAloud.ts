// Read the interviewer's words aloud with the browser's speech synthesis (an English voice); on/off is remembered.
import { useCallback, useEffect, useState } from 'react';
import { useBooleanPref } from '../lib/storage';

const supported = () => typeof window !== 'undefined' && 'speechSynthesis' in window;

function englishVoice(): SpeechSynthesisVoice | undefined {
  const voices = window.speechSynthesis.getVoices();
  return (
    voices.find((v) => v.lang === 'en-US' && v.localService) ??
    voices.find((v) => v.lang === 'en-US') ??
    voices.find((v) => v.lang.startsWith('en'))
  );
}

export function useReadAloud() {
  const [pref, setEnabled] = useBooleanPref('readAloud', true);
  // Voices load after the page: listen for them. Without an English voice, reading aloud is off and says why.
  const [hasVoice, setHasVoice] = useState(() => supported() && englishVoice() !== undefined);
  useEffect(() => {
    if (!supported()) return;
    const check = () => setHasVoice(englishVoice() !== undefined);
    check();
    window.speechSynthesis.addEventListener?.('voiceschanged', check);
    return () => window.speechSynthesis.removeEventListener?.('voiceschanged', check);
  }, []);
  const available = supported();
  const enabled = pref && hasVoice;

  const stop = useCallback(() => {
    if (supported()) window.speechSynthesis.cancel();
  }, []);

  const speak = useCallback(
    (text: string, force = false) => {
      if (!supported() || (!enabled && !force) || !text.trim()) return;
      const synth = window.speechSynthesis;
      synth.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'en-US';
      const voice = englishVoice();
      if (voice) u.voice = voice;
      u.rate = 0.95;
      u.onerror = () => {
        // Blocked (no user gesture yet) or no voice: reading aloud is a convenience, the text is on screen.
      };
      synth.speak(u);
    },
    [enabled],
  );

  useEffect(() => {
    if (!enabled) stop();
  }, [enabled, stop]);
  useEffect(() => stop, [stop]);

  return { available, hasVoice, enabled, setEnabled, speak, stop };
}
