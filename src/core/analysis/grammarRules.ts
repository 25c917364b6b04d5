// Grammar rules as data: which error type each rule belongs to and how its repeats are named, in English and
// Chinese. Free of the text pipeline, so the session summary (and the web's types) can use it.
import type { GrammarFinding, GrammarRepeat, GrammarRule } from './types.js';

/** The error type each rule belongs to (the learner set's annotation types). */
export const RULE_TYPE: Readonly<Record<GrammarRule, string>> = {
  'tense-past': 'tense',
  'tense-future': 'tense',
  'tense-perfect': 'tense',
  'tense-simple-past': 'tense',
  agreement: 'agreement',
  'article-missing': 'article',
  'article-a-an': 'article',
  'article-extra': 'article',
  'plural-after-number': 'plural',
  'uncountable-plural': 'plural',
  preposition: 'preposition',
  'adverb-form': 'adjective-adverb',
  comparative: 'adjective-adverb',
  'participle-adjective': 'adjective-adverb',
  'doubled-conjunction': 'conjunction',
};

/** How each rule's repeats are named in the feedback, in English and Chinese. */
export const RULE_LABEL: Readonly<Record<GrammarRule, { en: string; zh: string }>> = {
  'tense-past': { en: 'past tense missing', zh: '该用过去式' },
  'tense-future': { en: 'future tense missing', zh: '该用将来时' },
  'tense-perfect': { en: 'present perfect missing', zh: '该用现在完成时' },
  'tense-simple-past': { en: 'simple past needed', zh: '该用一般过去时' },
  agreement: { en: 'verb does not agree with its subject', zh: '主谓不一致' },
  'article-missing': { en: 'article (a/an/the) missing', zh: '缺少冠词 a/an/the' },
  'article-a-an': { en: '"a" vs "an"', zh: 'a 和 an 用错' },
  'article-extra': { en: 'article without a noun', zh: '多余的冠词' },
  'plural-after-number': { en: 'plural missing after a number', zh: '数字后面缺复数' },
  'uncountable-plural': { en: 'uncountable noun in the plural', zh: '不可数名词用了复数' },
  preposition: { en: 'wrong preposition', zh: '介词搭配错误' },
  'adverb-form': { en: 'adjective instead of adverb', zh: '该用副词却用了形容词' },
  comparative: { en: 'double comparative', zh: '比较级重复（more + -er）' },
  'participle-adjective': { en: '-ing instead of -ed adjective', zh: '-ing / -ed 形容词用反' },
  'doubled-conjunction': { en: 'doubled conjunction', zh: '连词重复（虽然…但是 / 因为…所以）' },
};

/** Which kinds of grammar error repeat, most frequent first ("past tense missing 3×"). */
export function grammarRepeats(findings: readonly GrammarFinding[]): GrammarRepeat[] {
  const counts = new Map<GrammarRule, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return repeatsOf(counts);
}

/** The repeats of rules counted (per answer, or summed over a session), most frequent first, named. */
export function repeatsOf(counts: ReadonlyMap<GrammarRule, number>): GrammarRepeat[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, count]) => ({
      rule,
      type: RULE_TYPE[rule],
      count,
      label: `${RULE_LABEL[rule].en} ${count}×`,
      zh: `${RULE_LABEL[rule].zh} ${count} 次`,
    }));
}
