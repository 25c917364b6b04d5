// Which headings state a difficulty level, and which answers are placeholders rather than answers.
import { stripEmoji } from './markup.js';

const LEVEL_N = /^(?:level|lvl|tier|round)\s*[-:#]?\s*([123])(?!\d)/i;
const LEVEL_WORD =
  /^(junior|beginner|entry[- ]level|regular|intermediate|mid[- ]level|senior|advanced|expert|guru)(?:\s+(?:sysadmin|system administrator|engineer|developer|sre|devops|ops|questions?|level|round))?\s*$/i;

/**
 * The level a heading states: "Level 2 – Intermediate", "Junior Sysadmin", "Senior". Topic headings
 * that merely contain such a word ("Advanced Networking", "OpenStack Advanced - Keystone") state none.
 */
export function headingLevel(heading: string): 1 | 2 | 3 | undefined {
  const t = stripEmoji(heading).trim();
  const n = LEVEL_N.exec(t);
  if (n) return Number(n[1]) as 1 | 2 | 3;
  const w = LEVEL_WORD.exec(t);
  if (!w) return undefined;
  const word = (w[1] ?? '').toLowerCase();
  if (/^(junior|beginner|entry)/.test(word)) return 1;
  if (/^(regular|intermediate|mid)/.test(word)) return 2;
  return 3;
}

const PLACEHOLDERS =
  /^(?:to be (?:completed|added|answered|done|written|filled(?: in)?)|tbd|tba|todo|to ?do|n\/?a|coming soon|work in progress|wip|answer(?: goes)? here|no answer(?: yet)?|待补充|待完善|暂无)[\s.!…]*$/i;

/** "To be completed.", "TBD", "TODO", … : the source has no answer yet. */
export function isPlaceholderAnswer(answer: string): boolean {
  return answer.length < 40 && PLACEHOLDERS.test(answer.trim());
}
