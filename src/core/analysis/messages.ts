// Every sentence the engine says to the candidate, in English and in Chinese, chosen in one place. A message is a
// code with parameters; `say` turns it into both texts. The Chinese explains; the English words to say stay English
// inside it (quotes of the answer, rewrites, key phrases). Adding a code without its Chinese text does not compile,
// and a test checks every code renders a Chinese text.

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

type Params = Readonly<Record<string, string | number>>;
type Template = (p: Params) => Bilingual;

const s = (p: Params, k: string) => String(p[k] ?? '');

const MESSAGES = {
  // Confidence: when the evidence is too thin to grade.
  'confidence.too-short': () => ({
    en: 'The answer is too short to judge reliably: treat the score as a rough guess.',
    zh: '回答太短，没法可靠地打分：这个分数只能当粗略参考。',
  }),
  'confidence.other-language': () => ({
    en: 'Most of the answer is not in English, so the grade is unreliable: answer in English.',
    zh: '回答大部分不是英文，分数不可靠：请用英文回答。',
  }),
  'confidence.unknown-words': () => ({
    en: 'Almost nothing in the answer matches what this question is about, so the grade may be off: check that you answered the question asked.',
    zh: '回答里几乎没有和这道题相关的内容，分数可能不准：先确认你回答的是这道题。',
  }),
  'confidence.next': () => ({
    en: 'Give a fuller answer in English: 3–4 sentences on what you would do and why.',
    zh: '用英文把回答说完整：3–4 句，讲清楚你会做什么、为什么。',
  }),
  // Sentences that explain nothing.
  unexplained: (p) => ({
    en: `This sentence strings terms together (${s(p, 'terms')}) without saying anything an interviewer can check: it sounds like buzzwords.`,
    zh: `这句话把术语堆在一起（${s(p, 'terms')}），却没有说出面试官能核实的内容，听起来像在堆砌名词。`,
  }),
  'unexplained.mostly': (p) => ({
    en: `${s(p, 'clauses')} of your ${s(p, 'of')} statements that use technical terms explain nothing an interviewer can check, so the answer earns at most superficial credit (${s(p, 'cap')}), whatever terms it uses.`,
    zh: `你用了技术术语的 ${s(p, 'of')} 处表述里有 ${s(p, 'clauses')} 处没有说出面试官能核实的内容，所以无论用了多少术语，这个回答最多只能拿到表面分（${s(p, 'cap')}）。`,
  }),
  'unexplained.next': () => ({
    en: 'Say what each tool actually does, to what, and why: one claim per sentence, in your own words.',
    zh: '说清楚每个工具具体做什么、作用在什么上、为什么：一句话讲一件事，用自己的话说。',
  }),
  // Substance: non-answers, lists of terms, notes, off-topic.
  'substance.no-english': () => ({
    en: 'The answer has no English words: answer in English.',
    zh: '回答里没有英文单词：请用英文回答。',
  }),
  'substance.empty': () => ({ en: 'There is no answer to grade.', zh: '没有可以打分的回答。' }),
  'substance.declined': () => ({
    en: 'This is not an attempt yet: even a partial answer earns credit, so say what you would check first.',
    zh: '这还不算作答：哪怕只答出一部分也有分，先说你第一步会检查什么。',
  }),
  'substance.buzzwords': () => ({
    en: 'The answer names terms without saying what you do with them or why: explain each in a full sentence.',
    zh: '回答只列出了术语，没说你用它们做什么、为什么：每个点用完整的一句话解释。',
  }),
  'substance.notes-form': () => ({
    en: 'This reads like notes: in the interview, say each point as a sentence, with what you do and why.',
    zh: '这像是笔记：面试时每个点要说成完整的句子，讲你做什么、为什么。',
  }),
  'substance.off-topic': () => ({
    en: 'Much of the answer is not about the question: bring it back to what was asked.',
    zh: '回答有很大一部分和题目无关：拉回到题目问的内容上。',
  }),
  'substance.other-question': (p) => ({
    en: `This answers another question ("${s(p, 'question')}") far better than the one asked, so it earns at most ${s(p, 'cap')}: an interviewer hears that you did not answer.`,
    zh: `这个回答更像是在答另一道题（"${s(p, 'question')}"），而不是被问到的这道，所以最多只能拿 ${s(p, 'cap')} 分：面试官会觉得你没有回答问题。`,
  }),
  'substance.other-question.next': () => ({
    en: 'Repeat the question to yourself first, then answer it in the first sentence before adding anything else.',
    zh: '先在心里复述一遍问题，第一句话就直接回答它，再补充其他内容。',
  }),
  'substance.too-long': (p) => ({
    en: `The answer is ${s(p, 'chars')} characters; answers over ${s(p, 'max')} are not graded.`,
    zh: `回答有 ${s(p, 'chars')} 个字符，超过 ${s(p, 'max')} 个字符的回答不打分。`,
  }),
  'substance.no-reference': () => ({
    en: 'This question has no reference answer, so there is nothing to grade against: add one to get a score.',
    zh: '这道题没有参考答案，没法对照打分：先补一个参考答案。',
  }),
  'substance.next': () => ({
    en: 'Answer the question asked, in full sentences.',
    zh: '回答题目问的内容，用完整的句子。',
  }),
  'substance.start-short': () => ({
    en: 'Answer in 3–4 sentences first, then expand.',
    zh: '先用 3–4 句话回答，再展开。',
  }),
  // Red flags and contradictions.
  'flag.red': (p) => ({
    en: `An interviewer would mark this down: ${s(p, 'text')}`,
    zh: `面试官会因此扣分：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'flag.fix': (p) => ({ en: s(p, 'fix'), zh: `可以这样说：${s(p, 'fix')}` }),
  'flag.dismissed': (p) => ({
    en: `The answer names a key practice only to reject or belittle it: ${s(p, 'text')}`,
    zh: `回答提到了一个关键做法，却是为了否定或轻视它：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'flag.negated': (p) => ({
    en: `The answer negates a key point: ${s(p, 'text')}`,
    zh: `回答否定了一个要点：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'flag.contradiction-fix': (p) => ({
    en: s(p, 'text'),
    zh: `要点应该是：${s(p, 'zh') || s(p, 'text')}`,
  }),
  // Key points.
  'keypoint.unexplained': (p) => ({
    en: `You named this, but in a sentence that does not make technical sense: ${s(p, 'text')}`,
    zh: `你提到了这一点，但所在的句子在技术上说不通：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'keypoint.named': (p) => ({
    en: `You named this without saying what you do with it or why: ${s(p, 'text')}`,
    zh: `你只提到了名字，没说你用它做什么、为什么：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'keypoint.touched': (p) => ({
    en: `You touched on this but did not make it explicit: ${s(p, 'text')}`,
    zh: `你碰到了这一点，但没有明确说出来：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'keypoint.say-plainly': (p) => ({
    en: `Say it plainly, for example: "${s(p, 'concept')}".`,
    zh: `直接说出来，例如："${s(p, 'concept')}"。`,
  }),
  'keypoint.missed': (p) => ({
    en: `Missing: ${s(p, 'text')}`,
    zh: `还缺：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'keypoint.add': (p) => ({
    en: `Add a sentence on it; the interviewer listens for words like "${s(p, 'concept')}".`,
    zh: `补一句讲这一点；面试官会留意像 "${s(p, 'concept')}" 这样的说法。`,
  }),
  'keypoint.covered': (p) => ({
    en: `Covered: ${s(p, 'text')}`,
    zh: `已讲到：${s(p, 'zh') || s(p, 'text')}`,
  }),
  'keypoint.keep': () => ({ en: 'Keep this.', zh: '保持。' }),
  // Reference mode.
  'reference.missing-term': (p) => ({
    en: `The reference answer relies on "${s(p, 'term')}"; your answer does not mention it.`,
    zh: `参考答案里用到了 "${s(p, 'term')}"，你的回答没有提到。`,
  }),
  'reference.explain-term': (p) => ({
    en: `Explain where "${s(p, 'term')}" fits in your answer.`,
    zh: `说明 "${s(p, 'term')}" 在你的方案里处在什么位置。`,
  }),
  // STAR + Future.
  'structure.no-situation': () => ({
    en: 'No situation line in the story.',
    zh: '故事缺少背景（Situation）。',
  }),
  'structure.no-task': () => ({ en: 'No task line in the story.', zh: '故事缺少任务（Task）。' }),
  'structure.no-action': () => ({ en: 'No action line in the story.', zh: '故事缺少你的行动（Action）。' }),
  'structure.no-result': () => ({ en: 'No result line in the story.', zh: '故事缺少结果（Result）。' }),
  'structure.no-future': () => ({
    en: 'No future line in the story.',
    zh: '故事缺少收尾的 Future（学到什么、以后怎么做）。',
  }),
  'structure.advice-situation': () => ({
    en: 'Open with one line of context: where you were and what was wrong ("In my last role, …").',
    zh: '用一句话交代背景：你在哪里、出了什么问题（"In my last role, …"）。',
  }),
  'structure.advice-task': () => ({
    en: 'Say what you were responsible for ("My job was to …").',
    zh: '说清楚你负责什么（"My job was to …"）。',
  }),
  'structure.advice-action': () => ({
    en: 'Say what you did yourself, step by step, with "I" ("I introduced …, then I …").',
    zh: '一步一步说你自己做了什么，用 "I"（"I introduced …, then I …"）。',
  }),
  'structure.advice-result': () => ({
    en: 'Give the result with a number ("As a result, deployments went from [hours] to [minutes]").',
    zh: '给出带数字的结果（"As a result, deployments went from [hours] to [minutes]"）。',
  }),
  'structure.advice-future': () => ({
    en: 'Close with a Future line: what you learned or would do next ("Going forward, …").',
    zh: '用一句 Future 收尾：学到了什么、以后会怎么做（"Going forward, …"）。',
  }),
  'quantify.no-number': () => ({ en: 'The result has no number.', zh: '结果里没有数字。' }),
  'quantify.add-number': () => ({
    en: 'Quantify it: time saved, error rate, lead time, cost, with your real figure.',
    zh: '量化结果：节省的时间、错误率、交付周期、成本，用你真实的数字。',
  }),
  'quantify.placeholder': (p) => ({
    en: `Placeholder ${s(p, 'text')} is still in the answer.`,
    zh: `回答里还留着占位符 ${s(p, 'text')}。`,
  }),
  'quantify.replace': () => ({
    en: 'Replace it with your real figure before the interview.',
    zh: '面试前换成你自己的真实数字。',
  }),
  ownership: (p) => ({
    en: `"we" ${s(p, 'we')} times, "I" ${s(p, 'i')} times: say what you did yourself.`,
    zh: `"we" 说了 ${s(p, 'we')} 次，"I" 只有 ${s(p, 'i')} 次：要讲清楚你自己做了什么。`,
  }),
  'ownership.next': () => ({
    en: 'Keep "we" for the team context; use "I" for the actions you took.',
    zh: '讲团队背景用 "we"，讲你自己的行动用 "I"。',
  }),
  // How it sounds.
  connector: (p) => ({
    en: `"${s(p, 'phrase')}" ${s(p, 'count')} times: it starts to sound mechanical.`,
    zh: `"${s(p, 'phrase')}" 用了 ${s(p, 'count')} 次，听起来开始机械重复。`,
  }),
  'connector.vary': (p) => ({
    en: `Vary it: ${s(p, 'alternatives')}.`,
    zh: `换着用：${s(p, 'alternatives')}。`,
  }),
  'connector.vary-example': (p) => ({
    en: `Vary it (${s(p, 'alternatives')}). For example: "${s(p, 'rewrite')}"`,
    zh: `换着用（${s(p, 'alternatives')}）。例如可以说："${s(p, 'rewrite')}"`,
  }),
  fillers: (p) => ({ en: `Fillers: ${s(p, 'list')}.`, zh: `口头填充词：${s(p, 'list')}。` }),
  'fillers.next': () => ({
    en: 'Pause silently instead; a short pause sounds more confident than a filler.',
    zh: '改成安静地停顿一下；短暂停顿比填充词听起来更自信。',
  }),
  hedges: (p) => ({ en: `Hedges: ${s(p, 'list')}.`, zh: `含糊的措辞：${s(p, 'list')}。` }),
  'hedges.next': () => ({
    en: 'State what you did and would do; keep "I think" for real uncertainty.',
    zh: '直接说你做了什么、会做什么；只有真的不确定时才说 "I think"。',
  }),
  length: (p) => ({
    en: `${s(p, 'words')} words, about ${s(p, 'seconds')} s ${s(p, 'pace')}.`,
    zh: `${s(p, 'words')} 个词，大约 ${s(p, 'seconds')} 秒${s(p, 'paceZh')}。`,
  }),
  'length.too-short': () => ({
    en: 'Too short for either version: a quick answer is 3–4 sentences (about 30–45 s).',
    zh: '太短了：快速版也要 3–4 句（大约 30–45 秒）。',
  }),
  'length.between': () => ({
    en: 'Longer than a quick answer but short of a full one: either cut to 3–4 sentences or add structure and examples (60–120 s).',
    zh: '比快速版长、又不够完整版：要么压缩到 3–4 句，要么加上结构和例子（60–120 秒）。',
  }),
  'length.too-long': () => ({
    en: 'Longer than two minutes: cut repetition and lead with the point; interviewers stop listening.',
    zh: '超过两分钟了：删掉重复，先说结论；面试官会听不下去。',
  }),
  'length.long-sentence': () => ({
    en: 'A very long sentence is hard to follow when spoken.',
    zh: '句子太长，说出来很难跟上。',
  }),
  'length.split': () => ({ en: 'Split it in two at the connector.', zh: '在连接词处拆成两句。' }),
  grammar: (p) => ({
    en: `Grammar: ${s(p, 'list')}.`,
    zh: `语法：${s(p, 'listZh')}。`,
  }),
  'grammar.say': (p) => ({
    en: `Say: "${s(p, 'sentence')}"`,
    zh: `应该说："${s(p, 'sentence')}"`,
  }),
  // Pace.
  'pace.measured': (p) => ({
    en: `at ${s(p, 'wpm')} wpm (measured)`,
    zh: `，实测语速每分钟 ${s(p, 'wpm')} 词`,
  }),
  'pace.estimated': (p) => ({
    en: `estimated at ${s(p, 'wpm')} wpm`,
    zh: `（按每分钟 ${s(p, 'wpm')} 词估算）`,
  }),
} satisfies Record<string, Template>;

export type MessageCode = keyof typeof MESSAGES;

/** Both texts of a message. */
export function say(code: MessageCode, params: Params = {}): Bilingual {
  return (MESSAGES[code] as Template)(params);
}

/** Every code, for the test that each has its Chinese text. */
export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];
