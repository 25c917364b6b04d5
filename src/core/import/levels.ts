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

/** Words a template writes in the slot where a question or an answer goes. */
const SLOT_WORDS =
  /(?:^|[^\p{L}])(?:questions?|answers?|your|here|text|title|prompt|topic|placeholder|insert|enter|fill|todo|tbd|x{3,})(?=$|[^\p{L}])|问题|答案|题目|回答|你的|此处|这里/iu;
/** The whole text in one pair of brackets: `[…]`, `<…>`, `{…}`, `{{…}}`, `【…】`, `〔…〕`. */
const BRACKETED = /^(?:\[([^[\]]*)\]|<([^<>]*)>|\{\{?([^{}]*)\}?\}|【([^【】]*)】|〔([^〔〕]*)〕)$/u;
const BARE_SLOT =
  /^(?:(?:insert|enter|add|write|type|put)\s+)?(?:(?:your|the|a|an)\s+)?(?:question|answer)(?:\s+(?:text|title|goes|here|\d{1,3}))*$/i;

/**
 * A template's empty slot rather than content: "[Question]", "[Answer]", "[your question here]", "<answer>",
 * "{{question}}", "Your question here", "Question text". Real text in brackets ("[image: x.png]",
 * "[What is DNS?]") is not one.
 */
export function isTemplateSlot(text: string): boolean {
  const t = String(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?？:：.。!！]+$/u, '');
  if (!t || t.length > 80) return false;
  const b = BRACKETED.exec(t);
  if (b) {
    const inner = (b[1] ?? b[2] ?? b[3] ?? b[4] ?? b[5] ?? '').trim();
    if (!inner || /^[.…_\-\s]+$/u.test(inner) || /^[qa]\d{0,6}$/i.test(inner)) return true;
    return inner.split(' ').length <= 6 && SLOT_WORDS.test(inner);
  }
  return BARE_SLOT.test(t);
}
