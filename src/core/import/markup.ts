// Markdown / HTML fragments to plain text: tags and emphasis removed, link text kept, entities decoded,
// code (backtick spans, <code>, fenced blocks, <pre>) kept verbatim as text.

const PH_OPEN = '\uE000';
const PH_CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'figcaption',
  'details',
  'summary',
  'pre',
  'nav',
  'main',
  'aside',
  'center',
]);
const INLINE_TAGS = [
  'a',
  'abbr',
  'b',
  'big',
  'br',
  'cite',
  'code',
  'del',
  'em',
  'font',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'li',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'td',
  'th',
  'tt',
  'u',
  'var',
  'wbr',
  'source',
  'picture',
  'video',
  'audio',
  'iframe',
  'button',
  'col',
  'colgroup',
];
/** Only known HTML tags are markup; `<host>` or `<VAR_NAME>` in prose stay as text. */
const TAG_RE = new RegExp(
  `<(/?)(${[...BLOCK_TAGS, ...INLINE_TAGS].join('|')})(?=[\\s/>])[^<>]{0,1000}>`,
  'gi',
);
const KNOWN_TAG_TEST = new RegExp(TAG_RE.source, 'i');

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwj: '',
  zwnj: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  divide: '÷',
  middot: '·',
  bull: '•',
  rarr: '→',
  larr: '←',
  harr: '↔',
  uarr: '↑',
  darr: '↓',
  rArr: '⇒',
  lArr: '⇐',
  hArr: '⇔',
  deg: '°',
  plusmn: '±',
  sect: '§',
  para: '¶',
  le: '≤',
  ge: '≥',
  ne: '≠',
  minus: '−',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  prime: '′',
  Prime: '″',
  check: '✓',
  hyphen: '‐',
  verbar: '|',
  vert: '|',
  lowbar: '_',
  grave: '`',
  ast: '*',
  num: '#',
  dollar: '$',
  percnt: '%',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lbrack: '[',
  rbrack: ']',
  lcub: '{',
  rcub: '}',
  lbrace: '{',
  rbrace: '}',
  colon: ':',
  semi: ';',
  comma: ',',
  period: '.',
  excl: '!',
  quest: '?',
  sol: '/',
  bsol: '\\',
  equals: '=',
  plus: '+',
  Tab: '\t',
  NewLine: '\n',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (m, e: string) => {
    if (e.startsWith('#')) {
      const cp =
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(cp);
    }
    return NAMED_ENTITIES[e] ?? m;
  });
}

/** Whether the string holds a known HTML tag (as opposed to `<placeholder>` text). */
export function hasHtmlTag(s: string): boolean {
  return KNOWN_TAG_TEST.test(s);
}

function tagReplacement(close: string, name: string): string {
  const n = name.toLowerCase();
  if (n === 'br' || n === 'hr') return '\n';
  if (n === 'li') return close ? '\n' : '\n- ';
  if (n === 'td' || n === 'th') return ' ';
  if (BLOCK_TAGS.has(n)) return '\n';
  return '';
}

function stripTags(s: string): string {
  return s.replace(TAG_RE, (_m, close: string, name: string) => tagReplacement(close, name));
}

/** Removes `<!-- … -->` comments without a regex that could backtrack over huge input. */
function removeComments(s: string): string {
  let i = s.indexOf('<!--');
  if (i === -1) return s;
  let out = '';
  let from = 0;
  while (i !== -1) {
    const end = s.indexOf('-->', i + 4);
    out += s.slice(from, i);
    if (end === -1) {
      from = s.length;
      break;
    }
    from = end + 3;
    i = s.indexOf('<!--', from);
  }
  return out + s.slice(from);
}

/** Replaces backtick code spans with placeholders (content kept verbatim). */
function protectCodeSpans(s: string, protect: (code: string) => string): string {
  let out = '';
  let from = 0;
  let i = s.indexOf('`');
  while (i !== -1) {
    let n = 1;
    while (s[i + n] === '`') n++;
    const run = '`'.repeat(n);
    let j = s.indexOf(run, i + n);
    while (j !== -1 && (s[j + n] === '`' || s[j - 1] === '`')) {
      let k = j;
      while (s[k] === '`') k++;
      j = s.indexOf(run, k);
    }
    if (j === -1) {
      i = s.indexOf('`', i + n);
      continue;
    }
    let code = s.slice(i + n, j).replace(/\n/g, ' ');
    if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ') && code.trim())
      code = code.slice(1, -1);
    out += s.slice(from, i) + protect(code);
    from = j + n;
    i = s.indexOf('`', from);
  }
  return out + s.slice(from);
}

/** Replaces each `<name …>inner</name>` (case-insensitive, not nested) in linear time. */
function replaceElements(s: string, name: string, fn: (inner: string) => string): string {
  const lower = s.toLowerCase();
  const open = `<${name}`;
  const close = `</${name}`;
  let i = lower.indexOf(open);
  if (i === -1) return s;
  let out = '';
  let from = 0;
  while (i !== -1) {
    const after = lower[i + open.length];
    const gt = lower.indexOf('>', i);
    if (gt === -1) break;
    if (after !== '>' && after !== ' ' && after !== '\t' && after !== '\n' && after !== '/') {
      i = lower.indexOf(open, i + 1);
      continue;
    }
    const c = lower.indexOf(close, gt);
    if (c === -1) break;
    const cEnd = lower.indexOf('>', c);
    if (cEnd === -1) break;
    out += s.slice(from, i) + fn(s.slice(gt + 1, c));
    from = cEnd + 1;
    i = lower.indexOf(open, from);
  }
  return out + s.slice(from);
}

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m?.[1] ?? m?.[2] ?? m?.[3] ?? '';
}

/** An image has no text; "[image: alt]" (or its file name) tells the reader something was there. */
function imageText(alt: string, src: string): string {
  const label = alt.trim() || decodeURIComponentSafe(src.split(/[?#]/)[0]?.split('/').pop() ?? '').trim();
  return label ? `[image: ${label}]` : '[image]';
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * One paragraph of Markdown (or HTML when `markdown` is false) to text. Newlines in the result are hard
 * breaks (`<br>`, block tags); soft line breaks must already be spaces.
 */
export function inlineToText(src: string, markdown: boolean): string {
  const saved: string[] = [];
  const protect = (code: string): string => {
    saved.push(code);
    return `${PH_OPEN}${saved.length - 1}${PH_CLOSE}`;
  };
  let s = src;
  if (s.includes(PH_OPEN) || s.includes(PH_CLOSE)) s = s.replace(/[\uE000\uE001]/g, '');
  if (markdown && s.includes('`')) s = protectCodeSpans(s, protect);
  if (s.includes('<')) {
    s = removeComments(s);
    s = replaceElements(s, 'code', (inner) => protect(decodeEntities(stripTags(inner).replace(/\n/g, ' '))));
    // `<script>` is not markup we know, so it stays as the text it is: the clients show text, never HTML, and a
    // question about XSS needs its `<script>alert(1)</script>`. A `<style>` block is page styling: dropped.
    s = replaceElements(s, 'style', () => '');
    s = s.replace(/<((?:https?|ftp|mailto):[^\s<>]{1,2000})>/gi, '$1');
    s = s.replace(/<img\b[^<>]{0,1000}>/gi, (tag) =>
      protect(imageText(decodeEntities(attr(tag, 'alt')), attr(tag, 'src'))),
    );
  }
  if (markdown && s.includes('[')) {
    s = s
      .replace(/!\[([^\]\n]{0,500})\]\(\s*([^)\s]{0,2000})[^)\n]{0,500}\)/g, (_m, alt: string, src: string) =>
        protect(imageText(alt, src)),
      )
      .replace(/\[([^\]\n]{1,500})\]\((?:[^()\s]|\([^()\s]{0,500}\)){0,2000}(?:\s+"[^"\n]{0,500}")?\)/g, '$1')
      .replace(/\[([^\]\n]{1,500})\]\[[^\]\n]{0,200}\]/g, '$1');
  }
  if (s.includes('<')) s = stripTags(s);
  if (markdown) {
    if (s.includes('*')) {
      s = s
        .replace(/\*\*(?=\S)([^\n]{0,300}?\S)\*\*/g, '$1')
        .replace(/(^|[^\w*\\])\*(?=[^\s*])([^*\n]{0,300}?[^\s*\\])?\*(?![\w*])/g, '$1$2');
    }
    if (s.includes('_')) {
      s = s
        .replace(/__(?=\S)([^\n]{0,300}?\S)__/g, '$1')
        .replace(/(^|[^\w\\])_(?=[^\s_])([^_\n]{0,300}?[^\s_\\])?_(?!\w)/g, '$1$2');
    }
    if (s.includes('~~')) s = s.replace(/~~(?=\S)([^\n]{0,300}?\S)~~/g, '$1');
    if (s.includes('\\')) s = s.replace(/\\([\\`*_{}[\]()#+\-.!|<>~"'])/g, '$1');
  }
  s = decodeEntities(s);
  return saved.length ? s.replace(PLACEHOLDER, (_m, i: string) => saved[Number(i)] ?? '') : s;
}

const SPACES = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Collapses runs of spaces (not newlines) and trims. */
const ODD_SPACE = /[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]| {2}/;

export function collapseSpaces(s: string): string {
  return ODD_SPACE.test(s) ? s.replace(SPACES, ' ').trim() : s.trim();
}

/** All whitespace, newlines included, to single spaces. */
export function collapseAll(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const EMOJI =
  /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu;

export function stripEmoji(s: string): string {
  return s.replace(EMOJI, '');
}

/** A heading's topic: no `#`, markup, `:shortcode:` emoji, pictographs or trailing counts like "(37)". */
export function headingText(raw: string): string {
  let s = raw.replace(/^\s{0,3}#{1,6}(?=\s|$)/, '').replace(/\s+#+\s*$/, '');
  s = inlineToText(s, true).replace(/:[a-z0-9_+-]{1,40}:/g, ' ');
  s = stripEmoji(s);
  s = collapseAll(s).replace(/\s*[(（[]\s*\d+\s*[)）\]]\s*$/, '');
  return s.trim();
}

type OutLine = { text: string; code: boolean } | null;

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const HR = /^ {0,3}([-*_])(?: *\1){2,} *$/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * A Markdown/HTML fragment to plain text. `answer` keeps paragraph breaks (blank lines) and list
 * indentation; `question` keeps only the line breaks that carry meaning (list items, code, <br>).
 * Fenced code and <pre> keep their lines verbatim (fence markers dropped).
 */
export function renderMarkdown(src: string, mode: 'answer' | 'question'): string {
  const lines = src.split('\n');
  const out: OutLine[] = [];
  let para: string[] = [];
  let prefix = '';

  const flush = (): void => {
    if (para.length === 0) return;
    const text = inlineToText(para.join(' '), true);
    let first = true;
    for (const part of text.split('\n')) {
      const t = collapseSpaces(part);
      if (!t) continue;
      out.push({ text: first ? prefix + t : t, code: false });
      first = false;
    }
    para = [];
    prefix = '';
  };

  let baseIndent = Number.POSITIVE_INFINITY;
  for (const l of lines) {
    const m = LIST_ITEM.exec(l);
    if (m) baseIndent = Math.min(baseIndent, m[1]?.replace(/\t/g, '    ').length ?? 0);
  }
  let fence: { ch: string; len: number; indent: number } | undefined;
  let inPre = false;
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, '');
    if (fence) {
      const t = line.trim();
      if (t.length >= fence.len && t.startsWith(fence.ch.repeat(fence.len)) && /^(.)\1*$/.test(t)) {
        fence = undefined;
        continue;
      }
      let k = 0;
      while (k < fence.indent && line[k] === ' ') k++;
      out.push({ text: line.slice(k).trimEnd(), code: true });
      continue;
    }
    if (inPre) {
      const end = line.search(/<\/pre\s*>/i);
      const body = end === -1 ? line : line.slice(0, end);
      out.push({ text: decodeEntities(stripTags(body)).trimEnd(), code: true });
      if (end !== -1) {
        inPre = false;
        const rest = line.slice(end).replace(/^<\/pre\s*>/i, '');
        if (rest.trim()) para.push(rest);
      }
      continue;
    }
    const fm = FENCE.exec(line);
    if (fm && !(fm[2]?.startsWith('`') && fm[3]?.includes('`'))) {
      flush();
      const marker = fm[2] ?? '```';
      fence = { ch: marker[0] ?? '`', len: marker.length, indent: fm[1]?.length ?? 0 };
      continue;
    }
    const pre = /^\s*<pre\b[^<>]{0,200}>/i.exec(line);
    if (pre) {
      flush();
      const rest = line.slice(pre[0].length);
      const end = rest.search(/<\/pre\s*>/i);
      if (end === -1) {
        inPre = true;
        if (rest.trim()) out.push({ text: decodeEntities(stripTags(rest)).trimEnd(), code: true });
      } else {
        out.push({ text: decodeEntities(stripTags(rest.slice(0, end))).trimEnd(), code: true });
        const after = rest.slice(end).replace(/^<\/pre\s*>/i, '');
        if (after.trim()) para.push(after);
      }
      continue;
    }
    if (!line.trim()) {
      flush();
      out.push(null);
      continue;
    }
    if (HEADING.test(line)) {
      flush();
      const t = headingText(line);
      if (t) out.push({ text: t, code: false });
      continue;
    }
    if (HR.test(line)) {
      flush();
      continue;
    }
    const li = LIST_ITEM.exec(line);
    if (li) {
      flush();
      const indent = (li[1]?.replace(/\t/g, '    ').length ?? 0) - baseIndent;
      const depth = Math.min(4, Math.max(0, Math.floor(indent / 2)));
      const marker = /\d/.test(li[2] ?? '') ? `${(li[2] ?? '').replace(')', '.')} ` : '- ';
      prefix = (mode === 'answer' ? '  '.repeat(depth) : '') + marker;
      para.push(li[3] ?? '');
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush();
      if (TABLE_SEP.test(line)) continue;
      const cells = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => collapseAll(inlineToText(c, true)));
      const row = cells.filter((c) => c).join(' | ');
      if (row) out.push({ text: row, code: false });
      continue;
    }
    para.push(line.replace(/^(\s*>)+\s?/, ''));
  }
  flush();

  const result: string[] = [];
  for (const o of out) {
    if (o === null) {
      if (mode === 'answer' && result.length > 0 && result[result.length - 1] !== '') result.push('');
      continue;
    }
    result.push(o.text);
  }
  while (result.length > 0 && !result[result.length - 1]?.trim()) result.pop();
  while (result.length > 0 && !result[0]?.trim()) result.shift();
  return result.join('\n');
}

/** An HTML field (Anki, CSV) to text; `multiline` keeps hard breaks as newlines. */
export function htmlToText(src: string, multiline: boolean): string {
  const text = inlineToText(src.replace(/\r\n?/g, '\n'), false);
  const lines = text
    .split('\n')
    .map(collapseSpaces)
    .filter((l) => l);
  return multiline ? lines.join('\n') : lines.join(' ');
}
