// Assembling answers from builder fields: STAR + Future (full and quick) and the self-introduction in the
// shape of the user's own opening line.

export const STAR_PARTS = ['situation', 'task', 'action', 'result', 'future'] as const;
export type StarField = (typeof STAR_PARTS)[number];
export type StarFields = Record<StarField, string>;

/** Ends the text as a sentence (adds a full stop when there is no final punctuation). */
export function sentence(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  if (!s) return '';
  return /[.!?…]["”’)]?$/.test(s) ? s : `${s}.`;
}

export function firstSentence(text: string): string {
  const s = text.trim().replace(/\s+/g, ' ');
  const m = /^.+?[.!?…](?=\s|$)/.exec(s);
  return sentence(m ? m[0] : s);
}

/** Full version: every part as its own paragraph, in STAR + Future order. */
export function assembleStarFull(f: StarFields): string {
  return STAR_PARTS.map((p) => f[p].trim())
    .filter(Boolean)
    .map(sentence)
    .join('\n\n');
}

/** Quick version: one sentence per part; Future only when asked for. */
export function assembleStarQuick(f: StarFields, withFuture: boolean): string {
  return STAR_PARTS.filter((p) => p !== 'future' || withFuture)
    .map((p) => f[p])
    .filter((v) => v.trim())
    .map(firstSentence)
    .join(' ');
}

export interface IntroFields {
  fullName: string;
  callMe: string;
  years: string;
  role: string;
  stack: string;
  highlight: string;
  goal: string;
}

export function assembleIntro(f: IntroFields): string {
  const parts: string[] = [];
  const name = f.fullName.trim();
  const nick = f.callMe.trim();
  if (name)
    parts.push(
      nick
        ? `Hello, my name is ${name}, but you can call me ${nick}, it's easier.`
        : `Hello, my name is ${name}.`,
    );
  const role = f.role.trim();
  const years = f.years.trim();
  if (role || years) {
    const who = role ? `I'm a ${role}` : "I'm an engineer";
    const exp = years ? ` with ${years} years of experience` : '';
    const stack = f.stack.trim() ? `, working mainly with ${f.stack.trim()}` : '';
    parts.push(`${who}${exp}${stack}.`);
  } else if (f.stack.trim()) {
    parts.push(`I work mainly with ${f.stack.trim()}.`);
  }
  if (f.highlight.trim()) parts.push(sentence(f.highlight));
  if (f.goal.trim()) parts.push(sentence(f.goal));
  return parts.join(' ');
}

export function countSentences(text: string): number {
  return text.split(/(?<=[.!?…])\s+/).filter((s) => s.trim()).length;
}
