// Mojibake repair: text whose UTF-8 bytes were once read as a Windows code page and saved again.
// A run of such characters is turned back into the bytes the code page gave them and read as UTF-8.
// Code pages leave a few bytes undefined (and tools strip U+00AD, the soft hyphen 0xAD decodes to), so those
// bytes are gone from the damaged text: the UTF-8 sequence they were part of comes back short, and we rebuild
// it by trying every lost byte at every place and ranking the characters that result.

import iconv from 'iconv-lite';

export interface Repair {
  line: number;
  column: number;
  from: string;
  to: string;
  sure: boolean;
}

export interface RepairResult {
  text: string;
  /** The code page the UTF-8 bytes had been read as. */
  page: string;
  repairs: Repair[];
}

// Order breaks ties: 1252 is by far the most common accident, 1254 next (it shares most of 1252's table).
const PAGE_NAMES = [
  'windows-1252',
  'windows-1254',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
];

interface Page {
  name: string;
  /** Code point → the byte 0x80–0xFF it came from, 0 when none (every upper half lies below U+2200). */
  byteOf: Uint8Array;
  /** Bytes a round trip through this page loses: its undefined bytes, and 0xAD (stripped soft hyphen). */
  lost: number[];
}

const TABLE_SIZE = 0x2200;
let pages: Page[] | undefined;
/** Nonzero for every code point in some page's upper half: only these can be part of mojibake. */
let anyPage: Uint8Array | undefined;

function loadPages(): Page[] {
  if (pages) return pages;
  const upper = Buffer.from(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  anyPage = new Uint8Array(TABLE_SIZE);
  pages = PAGE_NAMES.map((name) => {
    const chars = iconv.decode(upper, name);
    const byteOf = new Uint8Array(TABLE_SIZE);
    const lost: number[] = [];
    for (let i = 0; i < 128; i++) {
      let cp = chars.charCodeAt(i);
      if (cp === 0xfffd) {
        lost.push(0x80 + i);
        // Some tools (browsers, Python's surrogateescape) keep an undefined byte as the C1 control of that value.
        cp = 0x80 + i;
      }
      if (cp < TABLE_SIZE) byteOf[cp] = 0x80 + i;
    }
    if (chars.charCodeAt(0x2d) === 0xad) lost.push(0xad);
    for (let cp = 0x80; cp < TABLE_SIZE; cp++) if (byteOf[cp]) (anyPage as Uint8Array)[cp] = 1;
    return { name, byteOf, lost };
  });
  return pages;
}

// --- UTF-8 sequences ---------------------------------------------------------------------------------

/** Length of the UTF-8 sequence a lead byte starts, 0 when it cannot start one. */
function seqLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const isCont = (b: number): boolean => b >= 0x80 && b <= 0xbf;
const UNUSABLE = /[\p{Cc}\p{Cn}\p{Cs}\p{Co}]/u;

/** The code point of a complete sequence, or -1 for overlong, surrogate, unassigned or control characters. */
function decodeSeq(b: readonly number[]): number {
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = b;
  let cp: number;
  if (b.length === 2) cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
  else if (b.length === 3) {
    if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return -1;
    cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
  } else {
    if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return -1;
    cp = ((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
  }
  return UNUSABLE.test(String.fromCodePoint(cp)) ? -1 : cp;
}

/** A sequence's first two bytes as one number. */
const start2 = (s: Seq): number => (s.bytes[0] ?? 0) * 256 + (s.bytes[1] ?? 0);

interface Seq {
  /** Index in the text of the first mojibake character (one character per byte). */
  at: number;
  bytes: number[];
  /** Full length of the sequence; more than bytes.length when bytes were lost. */
  need: number;
}

/** Splits a run's bytes into UTF-8 sequences; null when a byte cannot belong to any (not mojibake). */
function parseRun(bytes: readonly number[], at: number): Seq[] | null {
  const out: Seq[] = [];
  let i = 0;
  while (i < bytes.length) {
    const need = seqLength(bytes[i] ?? 0);
    if (need === 0) return null; // a stray continuation byte or a byte UTF-8 never uses
    let j = i + 1;
    while (j < bytes.length && j - i < need && isCont(bytes[j] ?? 0)) j++;
    if (j < bytes.length && isCont(bytes[j] ?? 0)) return null; // too many continuation bytes
    const seq = bytes.slice(i, j);
    if (seq.length === need && decodeSeq(seq) < 0) return null;
    out.push({ at: at + i, bytes: seq, need });
    i = j;
  }
  return out;
}

// --- ranking rebuilt characters ----------------------------------------------------------------------

// The most frequent Chinese characters, most frequent first (modern written Chinese, after Jun Da's list).
const COMMON_HAN =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码';

// Words of this app's domain (DevOps interviews): preferred to general words, and known even where the
// platform's word dictionary lacks them (it knows 面试 but not 运维).
const DOMAIN_WORDS =
  '运维 架构 部署 发布 监控 告警 日志 容器 集群 镜像 故障 排查 复盘 回滚 灰度 扩容 缩容 流水线 自动化 基础设施 可观测 可靠性 稳定性 高可用 容灾 备份 微服务 云原生 链路 追踪 指标 熔断 限流 合规 安全 权限 密钥 成本 性能 团队 协作 沟通 交付 项目 面试 面试官 技术 工程师'.split(
    ' ',
  );
const DOMAIN_CHARS = new Set(DOMAIN_WORDS.join(''));

// Punctuation and symbols common enough in notes to be rebuilt; anything rarer is not considered.
const COMMON_PUNCT =
  '、。，：；！？（）《》「」『』【】〈〉〔〕“”‘’—–…·•※→←↑↓⇒✓✔✗★☆●○■□▲△◆◇°×÷±≈≠≤≥‐„‹›〝〞～￥';
// Emoji seen most in structured notes and chat-style answers, most common first.
const COMMON_EMOJI = [
  ...'✅❌⚠🔥🚀🎯📌👉🔹🔸⭐🌟💡📝📊📈🔧⚙🛠🌐🌍💬❓❗✨🏆💪🙏😀😂😊👍👎❤🎉📚🔑🔒⏰⏱⚡🧠🤔👀📣🔍📋✔☑➡💻🖥📱☁🐳🧩🧪🔄🔁⬆⬇🟢🔴🟡🚨🛑📦',
];
const EMOJI = /\p{Extended_Pictographic}/u;
const LETTER = /\p{L}/u;
// Russian letters by frequency: 'с' (D1 81) loses its 0x81 to Windows-1252, so Cyrillic needs rebuilding too.
const CYRILLIC = 'оеаинтсрвлкмдпуяызьбгчйхжшюцщэфёъ';
const OPENERS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '„': '”',
  '「': '」',
  '『': '』',
  '【': '】',
  '《': '》',
  '（': '）',
  '〈': '〉',
  '〔': '〕',
  '〝': '〞',
};
const CLOSERS: Record<string, string> = {
  '”': '“',
  '’': '‘',
  '」': '「',
  '』': '『',
  '】': '【',
  '》': '《',
  '）': '（',
  '〉': '〈',
  '〕': '〔',
  '〞': '〝',
};

const PAIRED = new Set([...Object.keys(OPENERS), ...Object.keys(CLOSERS)]);

let hanRank: Map<string, number> | undefined;
let gbLevel: Map<string, number> | undefined;

/** GB2312 level 1 (3755 common characters, 0xB0A1–0xD7FE) → 1, level 2 → 2, else 0; from iconv-lite's table. */
export function gb2312Level(ch: string): number {
  if (!gbLevel) {
    gbLevel = new Map();
    for (let hi = 0xb0; hi <= 0xf7; hi++) {
      const row = Buffer.alloc(94 * 2);
      for (let lo = 0; lo < 94; lo++) {
        row[lo * 2] = hi;
        row[lo * 2 + 1] = 0xa1 + lo;
      }
      for (const c of iconv.decode(row, 'gb2312')) if (c !== '\ufffd') gbLevel.set(c, hi <= 0xd7 ? 1 : 2);
    }
  }
  return gbLevel.get(ch) ?? 0;
}

const priors = new Map<string, number>();

/** How likely a rebuilt character is on its own; -1 when it is not a plausible character at all. */
function prior(ch: string): number {
  let p = priors.get(ch);
  if (p === undefined) {
    p = priorOf(ch);
    priors.set(ch, p);
  }
  return p;
}

function priorOf(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x4e00 && cp <= 0x9fff) {
    if (!hanRank) hanRank = new Map([...COMMON_HAN].map((c, i) => [c, i]));
    const rank = hanRank.get(ch);
    const level = gb2312Level(ch);
    const base = level === 1 ? 2 : level === 2 ? 1 : 0.3;
    return base + (rank === undefined ? 0 : Math.max(0, 3 - Math.log10(rank + 10)));
  }
  const p = COMMON_PUNCT.indexOf(ch);
  if (p >= 0) return 3 - p / COMMON_PUNCT.length;
  const e = COMMON_EMOJI.indexOf(ch);
  if (e >= 0) return 3 - e / COMMON_EMOJI.length;
  if (EMOJI.test(ch) && cp > 0x2000) return 1;
  if ((cp >= 0x3041 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7a3)) return 1; // kana, hangul
  if (cp >= 0x800 || !LETTER.test(ch)) return -1;
  // Letters of two-byte sequences (Latin-1, Cyrillic, Greek…): lower case and frequent Cyrillic first.
  const c = CYRILLIC.indexOf(ch);
  if (c >= 0) return 1 + (1 - c / CYRILLIC.length) * 0.5;
  return ch === ch.toLowerCase() ? 1.2 : 1;
}

// --- the repair --------------------------------------------------------------------------------------

interface Hole {
  /** Index in the line's character array while choosing. */
  index: number;
  cands: string[];
  choice: string;
  sure: boolean;
}

/** A rebuilt character while the draft is built: where it sits, and its report to complete. */
interface Placed {
  /** Offset in the draft text, where a hole is one placeholder unit. */
  at: number;
  /** Index of its placeholder in the draft's parts. */
  part: number;
  hole: Hole;
  repair: Repair;
}

/** Counts units of work (characters visited, combinations tried), so tests can check growth without a clock. */
export interface WorkMeter {
  steps: number;
}

/**
 * Finds mojibake and repairs it; null when the text has none.
 * Only runs whose characters are all in one code page's upper half, and whose bytes form UTF-8 multi-byte
 * sequences, are touched, so correct Turkish, accented or symbol text never changes.
 */
export function repairMojibake(text: string, meter?: WorkMeter): RepairResult | null {
  loadPages();
  const m = meter ?? { steps: 0 };
  const runs = findRuns(text, m);
  if (runs.length === 0) return null;

  const page = pickPage(text, runs, m);
  if (!page) return null;

  const parsed: Seq[][] = [];
  let complete = 0;
  /** The first two bytes of every complete sequence (packed in a number), and two-byte leads. */
  const starts = new Set<number>();
  const leads = new Set<number>();
  for (const [start, end] of runs) {
    m.steps += end - start;
    for (const sub of splitByPage(text, start, end, page)) {
      const seqs = parseRun(sub.bytes, sub.at);
      if (!seqs) continue;
      parsed.push(seqs);
      for (const s of seqs) {
        if (s.bytes.length < s.need) continue;
        complete++;
        starts.add(start2(s));
        if (s.need === 2) leads.add(s.bytes[0] ?? 0);
      }
    }
  }
  // A run of nothing but short sequences ("â€" for ” at the end of a line) could also be real text ("é…"):
  // rebuild it only when its sequences begin like complete ones elsewhere in the text ("â€œ" for “), are a
  // lone two-byte lead used elsewhere ("Ã" for í whose 0xAD was stripped, beside "Ã©" for é), or are three
  // characters long, which real text does not shape like UTF-8 ("ğŸ¯" for 🎯).
  const familiar = (run: readonly Seq[]) =>
    run.some((s) => s.bytes.length === s.need) ||
    run.every(
      (s) => s.bytes.length >= 3 || starts.has(start2(s)) || (s.need === 2 && leads.has(s.bytes[0] ?? 0)),
    );
  let short = 0;
  for (const run of parsed) if (familiar(run)) for (const s of run) if (s.bytes.length < s.need) short++;
  // Rebuilding lost bytes is a guess: only when the text is plainly mojibake (shorts are the minority).
  const rebuild = page.lost.length > 0 && complete >= 3 && short <= complete;

  // The draft: the text with every repairable run decoded and one placeholder per hole. A hole is one
  // character whatever it becomes, so lines and columns are known now.
  const parts: string[] = [];
  const repairs: Repair[] = [];
  const placed: Placed[] = [];
  let length = 0;
  let line = 1;
  let column = 1;
  const keep = (piece: string) => {
    m.steps += piece.length;
    parts.push(piece);
    length += piece.length;
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === 10) {
        line++;
        column = 1;
      } else if (c < 0xdc00 || c > 0xdfff) column++;
    }
  };
  let pos = 0;
  for (const run of parsed) {
    const fits = rebuild && familiar(run);
    const cands = run.map((s) => (s.bytes.length === s.need ? [] : fits ? holeCands(s, run, page) : null));
    if (cands.some((c) => c === null)) continue;
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) continue;
    keep(text.slice(pos, first.at));
    run.forEach((s, k) => {
      const from = text.slice(s.at, s.at + s.bytes.length);
      const list = cands[k] ?? [];
      if (list.length === 0) {
        const to = String.fromCodePoint(decodeSeq(s.bytes));
        repairs.push({ line, column, from, to, sure: true });
        parts.push(to);
        length += to.length;
      } else {
        const repair = { line, column, from, to: list[0] ?? '', sure: false };
        const hole = { index: column - 1, cands: list, choice: repair.to, sure: false };
        repairs.push(repair);
        placed.push({ at: length, part: parts.length, hole, repair });
        parts.push(PLACEHOLDER);
        length++;
      }
      column++;
    });
    pos = last.at + last.bytes.length;
  }
  if (repairs.length === 0) return null;
  parts.push(text.slice(pos));

  if (placed.length > 0) {
    chooseHoles(parts.join(''), placed, m);
    for (const p of placed) {
      parts[p.part] = p.hole.choice;
      p.repair.to = p.hole.choice;
      p.repair.sure = p.hole.sure;
    }
  }
  return { text: parts.join(''), page: page.name, repairs };
}

const PLACEHOLDER = '\ufffc';

/** Chooses every hole, one line at a time: context never crosses a line. */
function chooseHoles(draft: string, placed: readonly Placed[], meter: WorkMeter): void {
  // Candidate lists are shared between holes with the same bytes: collect each list once.
  const lists = new Set(placed.map((p) => p.hole.cands));
  const chooser = new Chooser(draft, new Set([...lists].flat()), meter);
  for (let n = 0; n < placed.length; ) {
    const at = placed[n]?.at ?? 0;
    const start = draft.lastIndexOf('\n', at) + 1;
    let end = draft.indexOf('\n', at);
    if (end < 0) end = draft.length;
    const chars = [...draft.slice(start, end)];
    meter.steps += end - start;
    const inLine: Hole[] = [];
    for (; n < placed.length && (placed[n]?.at ?? end) < end; n++) {
      const hole = (placed[n] as Placed).hole;
      chars[hole.index] = hole.choice;
      inLine.push(hole);
    }
    chooser.line(chars, inLine);
  }
}

/**
 * The page that explains the most complete sequences, less the run characters it does not have (counted on
 * structure alone, in the first runs only: plenty to tell pages apart, and fast on a large file).
 * Pages that explain the text equally well (1252 and 1254 share most of their table) may have lost different
 * bytes: the repair then rebuilds with any of their lost bytes that the text never shows surviving.
 */
function pickPage(text: string, runs: readonly [number, number][], meter: WorkMeter): Page | undefined {
  const sample = runs.slice(0, 2000);
  for (const [start, end] of sample) meter.steps += end - start;
  const scored = loadPages().map((p) => {
    let complete = 0;
    let foreign = 0;
    for (const [start, end] of sample) {
      // A small UTF-8 state machine over the bytes the page gives: no allocation, so nine pages are cheap.
      let need = 0;
      let have = 0;
      for (let i = start; i < end; i++) {
        const b = p.byteOf[text.charCodeAt(i)] ?? 0;
        if (b === 0) {
          foreign++;
          need = 0;
        } else if (!isCont(b)) {
          need = seqLength(b);
          have = 1;
        } else if (need > 0 && ++have === need) {
          complete++;
          need = 0;
        }
      }
    }
    return { p, complete, score: complete - foreign };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.complete === 0) return undefined;
  const page = best.p;
  const present = new Set<number>();
  for (const [start, end] of sample)
    for (let i = start; i < end; i++) present.add(page.byteOf[text.charCodeAt(i)] ?? 0);
  const lost = new Set(page.lost);
  for (const other of scored) {
    if (other.score === best.score) for (const b of other.p.lost) if (!present.has(b)) lost.add(b);
  }
  return lost.size === page.lost.length ? page : { ...page, lost: [...lost].sort((a, b) => a - b) };
}

/** Maximal runs [start, end) of characters some code page could have produced from a byte ≥ 0x80. */
function findRuns(text: string, meter: WorkMeter): [number, number][] {
  meter.steps += text.length;
  const any = anyPage as Uint8Array;
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 0x80 && c < TABLE_SIZE && any[c]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/** The parts of a run that are in this page's upper half, as bytes. */
function splitByPage(
  text: string,
  start: number,
  end: number,
  page: Page,
): { at: number; bytes: number[] }[] {
  const out: { at: number; bytes: number[] }[] = [];
  let bytes: number[] = [];
  let at = start;
  for (let i = start; i < end; i++) {
    const b = page.byteOf[text.charCodeAt(i)] ?? 0;
    if (b === 0) {
      if (bytes.length) out.push({ at, bytes });
      bytes = [];
      at = i + 1;
    } else bytes.push(b);
  }
  if (bytes.length) out.push({ at, bytes });
  return out;
}

/** Candidates per page and lost-byte set, then per short sequence (its length and bytes packed in a number). */
const candCache = new Map<string, Map<number, string[] | null>>();

/** Plausible characters a short sequence could have been, best prior first; null when there are none. */
function holeCands(s: Seq, run: readonly Seq[], page: Page): string[] | null {
  const missing = s.need - s.bytes.length;
  // Two lost bytes in one character happen (协 = E5 8D 8F), but a lone lead byte is also a real letter
  // (å, ç): only guess two when the character sits inside longer mojibake.
  if (missing > 2 || (missing === 2 && run.length < 2)) return null;
  const pageKey = `${page.name}:${page.lost.join(',')}`;
  let cache = candCache.get(pageKey);
  if (!cache) {
    cache = new Map();
    candCache.set(pageKey, cache);
  }
  const key = s.bytes.reduce((k, b) => k * 256 + b, s.need);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const found = new Map<string, number>();
  const slots = s.need - 1;
  // Choose which continuation slots were lost (bit set = lost), then fill them with every lost byte.
  for (let mask = 0; mask < 1 << slots; mask++) {
    if (popcount(mask) !== missing) continue;
    const fills =
      missing === 1 ? page.lost.map((b) => [b]) : page.lost.flatMap((a) => page.lost.map((b) => [a, b]));
    for (const fill of fills) {
      const bytes = [s.bytes[0] ?? 0];
      let k = 1;
      let f = 0;
      for (let slot = 0; slot < slots; slot++)
        bytes.push(mask & (1 << slot) ? (fill[f++] ?? 0) : (s.bytes[k++] ?? 0));
      const cp = decodeSeq(bytes);
      if (cp < 0) continue;
      const ch = String.fromCodePoint(cp);
      const p = prior(ch);
      if (p >= 0 || ch === '\u200d') found.set(ch, p);
    }
  }
  const list = found.size ? [...found].sort((a, b) => b[1] - a[1]).map(([c]) => c) : null;
  cache.set(key, list);
  return list;
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
}

// --- choosing among candidates -----------------------------------------------------------------------

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** CJK unified ideographs and extension A, the Han characters mojibake repair and context deal with. */
const isHan = (ch: string | undefined): boolean => {
  const cp = ch?.charCodeAt(0) ?? 0;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);
};
/** Han characters of context taken on each side: enough for four-character words. */
const WINDOW = 3;
// Evidence weights: a dictionary word with the neighbours, a word of this app's domain, a lone conjunction
// between two words.
const WORD = 1.5;
const DOMAIN = 2.5;
const CONJ = 2;
/** The word segmenter costs ~10 µs a call: past this many in one text, choose by frequency alone. */
const SEGMENT_BUDGET = 1500;
// Characters that join two words ("监控与告警"), and words after which a lone character is rather an adverb.
const CONJUNCTIONS = '与和及或跟';
const NOT_BEFORE_CONJ =
  /^(我们|你们|他们|她们|它们|我|你|他|她|它|也|都|还|就|并|但|却|很|更|最|可|会|能|要|再|又|仍|已|一直|并且|而且|但是|可是|如果)$/;

interface Scored {
  chars: string[];
  score: number;
  /** Per hole of the cluster: evidence from the text itself (words, use elsewhere), not the prior. */
  evidence: number[];
  word: boolean[];
}

interface Context {
  ev: number[];
  /** Per hole: a word supports it (not only the conjunction rule, which is a guess about grammar). */
  word: boolean[];
}

class Chooser {
  /** How often each candidate character occurs undamaged in the text. */
  private readonly inText = new Map<string, number>();
  private readonly cache = new Map<string, Context>();
  private readonly memo = new Map<string, [string, boolean][]>();
  private readonly ids = new Map<string[], number>();
  private segments = 0;
  /** The line being worked on, holes filled with their current choice. */
  private chars: string[] = [];
  /** Indexes in the line of quote and bracket characters and of holes, for pairing. */
  private marks: number[] = [];

  constructor(
    draft: string,
    cands: ReadonlySet<string>,
    private readonly meter: WorkMeter,
  ) {
    meter.steps += draft.length;
    const wanted = new Set([...cands].map((c) => c.codePointAt(0)));
    const counts = new Map<number, number>();
    for (let i = 0; i < draft.length; i++) {
      let cp = draft.charCodeAt(i);
      if (cp < 0x80) continue;
      if (cp >= 0xd800 && cp <= 0xdbff) cp = draft.codePointAt(i++) ?? cp;
      if (wanted.has(cp)) counts.set(cp, (counts.get(cp) ?? 0) + 1);
    }
    for (const [cp, n] of counts) this.inText.set(String.fromCodePoint(cp), n);
  }

  /**
   * Picks a character for every hole of a line: prior frequency, use elsewhere in the same text, words it makes
   * with its neighbours, and bracket/quote pairing. Adjacent holes (回答 with both characters damaged) are
   * chosen together, so that a pair of guesses forming a word counts for both.
   */
  line(chars: string[], holes: readonly Hole[]): void {
    this.chars = chars;
    const isHole = new Set(holes.map((h) => h.index));
    this.marks = [];
    chars.forEach((c, j) => {
      if (isHole.has(j) || PAIRED.has(c)) this.marks.push(j);
    });
    const clusters: Hole[][] = [];
    for (const h of holes) {
      const last = clusters[clusters.length - 1];
      const prev = last?.[last.length - 1];
      if (last && prev && prev.index + 1 === h.index) last.push(h);
      else clusters.push([h]);
    }
    for (const c of clusters) this.choose(c);
    // A second look where a later hole close by (chosen after this one) changed from its first guess.
    clusters.forEach((c, n) => {
      const last = (c[0]?.index ?? 0) + c.length - 1;
      const next = clusters[n + 1]?.[0];
      if (next && next.index - last <= WINDOW && clusters[n + 1]?.some((h) => h.choice !== h.cands[0]))
        this.choose(c);
    });
  }

  private seen(ch: string): number {
    const n = this.inText.get(ch) ?? 0;
    return n > 0 ? 2 + Math.min(2, Math.log2(n)) : 0;
  }

  private choose(cluster: Hole[]): void {
    const chars = this.chars;
    const options = cluster.map((h) => h.cands.filter((ch) => fitsPairing(chars, this.marks, h.index, ch)));
    if (this.segments > SEGMENT_BUDGET) {
      // Out of budget (a very large damaged file): frequency and use elsewhere in the text only.
      cluster.forEach((h, k) => {
        const o = options[k] ?? [];
        const best = o.reduce(
          (a, b) => (prior(b) + this.seen(b) > prior(a) + this.seen(a) ? b : a),
          o[0] ?? h.choice,
        );
        h.choice = best;
        chars[h.index] = best;
        h.sure = o.length <= 1;
      });
      return;
    }
    // The same damaged word with the same candidates and surroundings gets the same answer: remember it.
    const key = this.memoKey(cluster, options);
    const known = this.memo.get(key);
    if (known) {
      cluster.forEach((h, k) => {
        const [choice, sure] = known[k] ?? [h.choice, false];
        h.choice = choice;
        h.sure = sure;
        chars[h.index] = choice;
      });
      return;
    }
    this.decide(cluster, options);
    this.memo.set(
      key,
      cluster.map((h) => [h.choice, h.sure]),
    );
  }

  /** What a decision depends on: the candidates left after pairing, and the context window. */
  private memoKey(cluster: readonly Hole[], options: readonly string[][]): string {
    const { text, lo } = this.window(cluster, []);
    const before = this.chars[(cluster[0]?.index ?? 0) - 1 - lo] ?? '';
    const lists = cluster.map((h, k) => {
      const o = options[k] ?? [];
      return o.length === h.cands.length ? this.listId(h.cands) : o.join('');
    });
    return `${lists.join(',')}|${lo}|${text}|${before}`;
  }

  private listId(list: string[]): number {
    let id = this.ids.get(list);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(list, id);
    }
    return id;
  }

  private decide(cluster: Hole[], options: string[][]): void {
    const chars = this.chars;
    // Keep the search small when several holes are adjacent, then look at the combinations best first and stop
    // where even the most context can give would not overtake the leader (the segmenter is the cost).
    const keep = cluster.length === 1 ? 12 : cluster.length === 2 ? 6 : 3;
    const base = (ch: string) => prior(ch) + this.seen(ch);
    const lists = options.map((o) => (o.length ? o.slice(0, keep) : ['']));
    // Upper bound of a combination's score: the segmenter adds at most WORD (CONJ for a conjunction) per hole.
    const bound = (c: string[]) => {
      const dom = this.domain(cluster, c);
      return c.reduce((sum, ch, k) => {
        const words = isHan(ch) ? (CONJUNCTIONS.includes(ch) ? CONJ : WORD) : 0;
        return sum + base(ch) + Math.max(dom[k] ?? 0, words);
      }, 0);
    };
    const combos = [...product(lists)].map((c) => ({ c, bound: bound(c) }));
    this.meter.steps += combos.length;
    combos.sort((a, b) => b.bound - a.bound);
    const results: Scored[] = [];
    let lead = -Infinity;
    for (const { c: combo, bound: b } of combos) {
      if (b <= lead) break;
      const ctx = this.context(cluster, combo);
      const evidence = combo.map((ch, k) => this.seen(ch) + (ctx.ev[k] ?? 0));
      const score = combo.reduce((sum, ch, k) => sum + prior(ch) + (evidence[k] ?? 0), 0);
      results.push({ chars: combo, score, evidence, word: ctx.word });
      lead = Math.max(lead, score);
    }
    results.sort((a, b) => b.score - a.score);
    const top = results[0];
    if (!top) return;
    cluster.forEach((h, k) => {
      const ch = top.chars[k] ?? '';
      h.choice = ch;
      chars[h.index] = ch;
      // Sure: the only candidate left, or the only one the text supports (used elsewhere, or part of a word)
      // while no rival has any support and none is much more common.
      const supported = (this.inText.get(ch) ?? 0) > 0 || (top.word[k] ?? false);
      h.sure =
        (options[k]?.length ?? 0) <= 1 ||
        (supported &&
          results.every(
            (r) =>
              r.chars[k] === ch || ((r.evidence[k] ?? 0) === 0 && prior(r.chars[k] ?? '') <= prior(ch) + 1),
          ));
    });
  }

  /** The cluster filled with combo, with up to WINDOW Han characters of context on each side. */
  private window(cluster: readonly Hole[], combo: readonly string[]): { text: string; lo: number } {
    const chars = this.chars;
    const first = cluster[0]?.index ?? 0;
    const last = first + cluster.length - 1;
    let left = '';
    for (let j = first - 1; j >= first - WINDOW && isHan(chars[j]); j--) left = chars[j] + left;
    let right = '';
    for (let j = last + 1; j <= last + WINDOW && isHan(chars[j]); j++) right += chars[j];
    return { text: left + combo.join('') + right, lo: left.length };
  }

  /** Evidence from domain words alone: cheap, and enough to bound what the segmenter could add. */
  private domain(cluster: readonly Hole[], combo: readonly string[]): number[] {
    const out = combo.map(() => 0);
    if (!combo.some((ch) => DOMAIN_CHARS.has(ch))) return out;
    const { text, lo } = this.window(cluster, combo);
    for (const w of DOMAIN_WORDS) {
      for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
        const covered = Math.min(i + w.length, lo + combo.length) - Math.max(i, lo);
        for (let k = Math.max(i, lo); k < Math.min(i + w.length, lo + combo.length); k++)
          out[k - lo] = Math.max(out[k - lo] ?? 0, DOMAIN / covered);
      }
    }
    return out;
  }

  /** Evidence the Han neighbours give each hole of a cluster filled with combo. */
  private context(cluster: readonly Hole[], combo: readonly string[]): Context {
    const out: Context = { ev: combo.map(() => 0), word: combo.map(() => false) };
    if (combo.every((ch) => !isHan(ch))) return out;
    const { text: window, lo } = this.window(cluster, combo);
    if (window.length < 2) return out;
    const key = `${lo}:${window}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.cache.set(key, out);
    const hi = lo + combo.length;
    // A word [at, end) of the window credits the holes it covers, sharing its weight among them.
    const credit = (at: number, end: number, weight: number) => {
      const covered = Math.min(end, hi) - Math.max(at, lo);
      for (let k = Math.max(at, lo); k < Math.min(end, hi); k++) {
        out.ev[k - lo] = Math.max(out.ev[k - lo] ?? 0, weight / covered);
        out.word[k - lo] = true;
      }
    };
    const domainStarts = new Set<number>();
    for (const w of DOMAIN_WORDS) {
      for (let i = window.indexOf(w); i >= 0; i = window.indexOf(w, i + 1)) {
        credit(i, i + w.length, DOMAIN);
        domainStarts.add(i);
      }
    }
    if (this.segments++ > SEGMENT_BUDGET) return out;
    this.meter.steps += window.length;
    const segs = [...segmenter.segment(window)];
    segs.forEach((seg, n) => {
      const at = seg.index;
      if (seg.segment.length >= 2) {
        credit(at, at + seg.segment.length, WORD);
        return;
      }
      // A lone conjunction between two words: "基础与架构", "文档化、与客户".
      const k = at - lo;
      if (k < 0 || k >= combo.length || !CONJUNCTIONS.includes(seg.segment)) return;
      const first = cluster[0]?.index ?? 0;
      const before = segs[n - 1]?.segment ?? (lo === 0 ? (this.chars[first - 1] ?? '') : '');
      const after = segs[n + 1];
      const wordAfter = !!after && (after.segment.length >= 2 || domainStarts.has(after.index));
      if (wordAfter && (isHan(before[0]) || before === '、') && !NOT_BEFORE_CONJ.test(before))
        out.ev[k] = Math.max(out.ev[k] ?? 0, CONJ);
    });
    return out;
  }
}

function* product(lists: readonly string[][], prefix: string[] = []): Generator<string[]> {
  const [first, ...rest] = lists;
  if (!first) {
    yield prefix;
    return;
  }
  for (const ch of first) yield* product(rest, [...prefix, ch]);
}

/** Hard context rules for quotes and brackets: a closer needs its opener before it on the line, and so on. */
function fitsPairing(chars: readonly string[], marks: readonly number[], i: number, ch: string): boolean {
  if (isHan(ch)) return true;
  const prev = chars[i - 1] ?? '\n';
  const next = chars[i + 1] ?? '\n';
  if (ch === '\u200d') return EMOJI.test(prev) && EMOJI.test(next);
  if (ch === '‐') return /[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next);
  const opener = CLOSERS[ch];
  if (opener) return hasUnmatched(chars, marks, i, opener, ch, -1);
  const closer = OPENERS[ch];
  if (closer) return !/\s/.test(next) && hasUnmatched(chars, marks, i, closer, ch, 1);
  return true;
}

/**
 * Whether, walking the line from i in direction dir, `want` appears unbalanced by `self`. Only the marks
 * (quote and bracket characters, and holes) are visited, so long lines stay cheap.
 */
function hasUnmatched(
  chars: readonly string[],
  marks: readonly number[],
  i: number,
  want: string,
  self: string,
  dir: 1 | -1,
): boolean {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] ?? 0) < i) lo = mid + 1;
    else hi = mid;
  }
  let depth = 0;
  for (let q = lo + dir; q >= 0 && q < marks.length; q += dir) {
    const c = chars[marks[q] ?? 0];
    if (c === self && want !== self) depth++;
    else if (c === want) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}
