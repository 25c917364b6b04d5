import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../core/import/index.js';
import { type Decoded, DecodeError, decodeBytes } from './decode.js';
import { repairMojibake } from './repair.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

// The seeds live beside the repository (shared/), as in CI; a checkout without them skips those tests.
const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const NOTES = join(SEEDS, '000_29fd288b389dd724.txt');
const DAMAGED = join(SEEDS, '001_0da08ebed7f4180e.txt');
const haveSeeds = existsSync(NOTES) && existsSync(DAMAGED);
if (!haveSeeds) console.warn(`decode.test: seed files not found in ${SEEDS}; the seed tests are skipped`);

/** Mojibake as a tool makes it: UTF-8 bytes read in a code page, undefined bytes and soft hyphens dropped. */
function misread(text: string, page: string): string {
  return iconv.decode(utf8(text), page).replace(/[\ufffd\u00ad]/g, '');
}

/** Bytes a round trip through a code page loses, from iconv-lite's table: undefined ones, and 0xAD. */
function lostBytes(page: string): Set<number> {
  const lost = new Set([0xad]);
  for (let b = 0x80; b <= 0xff; b++) if (iconv.decode(Buffer.from([b]), page) === '\ufffd') lost.add(b);
  return lost;
}

/**
 * Aligns a repaired text with the original (each damaged character comes back as exactly one): how many
 * characters were damaged (their UTF-8 held a lost byte), how many came back, and misses not listed unsure.
 */
function restoration(original: string, decoded: Decoded, page: string) {
  const lost = lostBytes(page);
  const want = original.split('\n').map((l) => [...l]);
  const got = decoded.text.split('\n').map((l) => [...l]);
  expect(got.map((l) => l.length)).toEqual(want.map((l) => l.length));
  const unsure = new Set(decoded.unsure.map((u) => `${u.line}:${u.column}`));
  let damaged = 0;
  let restored = 0;
  const missesNotUnsure: string[] = [];
  want.forEach((line, l) => {
    line.forEach((ch, c) => {
      const actual = got[l]?.[c];
      if (![...utf8(ch)].some((b) => lost.has(b))) {
        expect(actual).toBe(ch); // undamaged text comes back as it was
        return;
      }
      damaged++;
      if (actual === ch) restored++;
      else if (!unsure.has(`${l + 1}:${c + 1}`))
        missesNotUnsure.push(`${l + 1}:${c + 1} ${actual} for ${ch}`);
    });
  });
  return { damaged, restored, missesNotUnsure };
}

function cleanUtf8(text: string): void {
  const d = decodeBytes(utf8(text));
  expect(d.text).toBe(text);
  expect(d.repaired).toBe(false);
  expect(d.repairs).toEqual([]);
  expect(d.encoding).toBe('utf-8');
}

describe.skipIf(!haveSeeds)(
  'the damaged notes (seeds 000 and 001; skipped when shared/seeds is absent)',
  () => {
    const notes = haveSeeds ? readFileSync(NOTES, 'utf8') : '';
    const damaged = haveSeeds ? readFileSync(DAMAGED) : Buffer.alloc(0);
    const decoded = haveSeeds ? decodeBytes(damaged) : ({} as Decoded);

    it('reads the undamaged notes as they are', () => {
      cleanUtf8(notes);
    });

    it('is the notes read as Windows-1254, undefined bytes and soft hyphens dropped', () => {
      expect(misread(notes, 'windows-1254')).toBe(damaged.toString('utf8'));
      expect(decoded.repaired).toBe(true);
      expect(decoded.encoding).toBe('utf-8 read as windows-1254 (repaired)');
    });

    it('restores at least 97% of the 185 damaged characters and lists every miss as unsure', () => {
      const r = restoration(notes, decoded, 'windows-1254');
      expect(r.damaged).toBe(185);
      expect(r.restored / r.damaged).toBeGreaterThanOrEqual(0.97);
      expect(r.missesNotUnsure).toEqual([]);
      expect(decoded.unsure.every((u) => !u.sure)).toBe(true);
      // Every repaired character is reported, at its place in the output.
      const lines = decoded.text.split('\n').map((l) => [...l]);
      for (const u of decoded.repairs) expect(lines[u.line - 1]?.[u.column - 1]).toBe(u.to);
    });

    it('restores the same notes damaged through other code pages', () => {
      for (const page of ['windows-1252', 'windows-1251']) {
        const d = decodeBytes(utf8(misread(notes, page)));
        expect(d.encoding).toBe(`utf-8 read as ${page} (repaired)`);
        const r = restoration(notes, d, page);
        expect(r.restored / r.damaged, page).toBeGreaterThanOrEqual(0.97);
        expect(r.missesNotUnsure, page).toEqual([]);
      }
    });

    it('imports the same questions word for word (text, line, section), and every line without Chinese', () => {
      const want = parseImport(notes, 'notes.txt').questions;
      expect(want.length).toBeGreaterThan(30);
      expect(parseImport(decoded.text, 'notes.txt').questions).toEqual(want);
      const english = (t: string) => t.split('\n').filter((l) => !/\p{Script=Han}/u.test(l));
      expect(english(decoded.text)).toEqual(english(notes));
      for (const e of ['🎯', '👉', '🔹', '⚡', '🌐', '🌟', '✅', '’', '“', '”']) {
        expect(decoded.text.split(e).length, e).toBe(notes.split(e).length);
      }
    });
  },
);

describe('Unicode files', () => {
  const text = 'Mock interview 模拟面试\nWhat’s your approach to on-call? 🎯\n';

  it('reads UTF-8 with and without a BOM', () => {
    cleanUtf8(text);
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]));
    expect(d).toMatchObject({ text, encoding: 'utf-8-bom', repaired: false });
  });

  it.each(['utf-16le', 'utf-16be'])('reads %s with a BOM and, by its NUL bytes, without one', (enc) => {
    const bytes = iconv.encode(text, enc);
    const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    expect(decodeBytes(Buffer.concat([Buffer.from(bom), bytes]))).toMatchObject({ text, encoding: enc });
    expect(decodeBytes(bytes)).toMatchObject({ text, encoding: enc, warnings: [] });
  });

  it('gives an empty text and a warning for an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({
      text: '',
      repaired: false,
      warnings: ['empty file'],
    });
  });
});

describe('legacy encodings', () => {
  it('reads GB18030 (and so GBK and GB2312) Chinese', () => {
    const chinese =
      '我想模拟的是：你是一个资深运维工程师，而面试官是国外的运维技术主管。\n请整理出一份技术主管面试官提问清单（围绕 AWS、IaC、容器应用发布）。\n';
    expect(decodeBytes(iconv.encode(chinese, 'gb18030'))).toMatchObject({
      text: chinese,
      encoding: 'gb18030',
    });
    // Too short for chardet to be sure: the most plausible decoding wins.
    expect(decodeBytes(iconv.encode('运维工程师', 'gbk')).text).toBe('运维工程师');
  });

  it('reads a short GB18030 CSV of Chinese and English that chardet takes for Latin-1, and says the guess is thin', () => {
    const csvs = [
      'question,answer\n什么是 DNS？,域名系统 DNS resolves names\n',
      'question,answer\nWhat is a VPC?,私有网络\n',
      '问题,答案\n如何回滚 Terraform 变更?,Revert the commit and apply.\n',
      'question,answer\nHow do you roll back?,回滚\nWhat is DNS?,域名解析\n',
      'q,a\n蓝绿部署是什么,Blue-green deployment\n',
      'question,answer\nWhat is 金丝雀发布?,Canary release 逐步放量\n',
    ];
    for (const csv of csvs) {
      const d = decodeBytes(iconv.encode(csv, 'gb18030'));
      expect(d.text, csv).toBe(csv);
      expect(d.encoding, csv).toBe('gb18030');
      // A handful of characters decide it: the preview says so (the import report shows it at line 1).
      expect(d.warnings, csv).toEqual([
        expect.stringMatching(
          /^encoding guessed as gb18030 from only \d+ Chinese character\(s\) \(not UTF-8; chardet guessed [\w-]+\): check the text$/,
        ),
      ]);
    }
    const parsed = parseImport(decodeBytes(iconv.encode(csvs[2] ?? '', 'gb18030')).text, 'deck.csv');
    expect(parsed.questions).toEqual([
      { text: '如何回滚 Terraform 变更?', answer: 'Revert the commit and apply.', line: 2 },
    ]);
    // Enough Chinese to be sure: no warning.
    const long = `question,answer\n${'什么是可观测性？,指标、日志和链路追踪 metrics logs traces\n'.repeat(4)}`;
    expect(decodeBytes(iconv.encode(long, 'gb18030'))).toMatchObject({
      text: long,
      encoding: 'gb18030',
      warnings: [],
    });
  });

  it('still reads short Latin text that also pairs into GB18030 bytes as its code page', () => {
    for (const [text, page] of [
      ['Größe, Zürich, café', 'windows-1252'],
      ['naïve résumé', 'windows-1252'],
      ['Ærøskøbing, Straße, Größe', 'windows-1252'],
      ['Šíleně žluťoučký kůň úpěl ďábelské ódy', 'windows-1250'],
    ] as const) {
      expect(decodeBytes(iconv.encode(text, page)).text, page).toBe(text);
    }
  });

  it('reads Windows-1252 accented text, long or short', () => {
    const accented = 'Café in Zürich, São Paulo — a naïve résumé for the “façade” project.\n';
    expect(decodeBytes(iconv.encode(accented, 'windows-1252'))).toMatchObject({
      text: accented,
      encoding: 'windows-1252',
    });
    expect(decodeBytes(iconv.encode('café', 'windows-1252')).text).toBe('café');
  });

  it('reads Turkish in Windows-1254', () => {
    const turkish = 'Öğrenci şehirde çalışıyor ve ığdır dağlarını görüyor. Şimdi İstanbul’da.\n';
    expect(decodeBytes(iconv.encode(turkish, 'windows-1254'))).toMatchObject({
      text: turkish,
      encoding: 'windows-1254',
    });
  });
});

describe('binary input', () => {
  it('refuses NUL bytes that are not UTF-16', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(() => decodeBytes(png)).toThrow(DecodeError);
    expect(() => decodeBytes(png)).toThrow(/binary file/);
  });

  it('refuses many control bytes', () => {
    const noisy = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x03 : 0x41 + (i % 26))));
    expect(() => decodeBytes(noisy)).toThrow(DecodeError);
  });
});

describe('mojibake repair', () => {
  it('repairs UTF-8 read as Windows-1252', () => {
    expect(decodeBytes(utf8('cafÃ©'))).toMatchObject({
      text: 'café',
      repaired: true,
      encoding: 'utf-8 read as windows-1252 (repaired)',
    });
    const text = 'It’s a naïve café — “Zürich”, São Paulo… 面试 🎯';
    const d = decodeBytes(utf8(misread(text, 'windows-1252')));
    expect(d.text).toBe(text);
    expect(d.repairs.length).toBeGreaterThan(0);
  });

  it('rebuilds bytes Windows-1252 loses (0x9D of ”) and lists guesses as unsure', () => {
    const text = '“How do you roll back?” he asked. “Fast,” I said. 运维 ✅\n';
    const damaged = misread(text, 'windows-1252');
    expect(damaged).not.toContain('”');
    const d = decodeBytes(utf8(damaged));
    expect(d.text).toBe(text);
    // A closing quote after an opening one on the line leaves no other candidate: sure.
    expect(d.repairs.filter((r) => r.to === '”').every((r) => r.sure)).toBe(true);
  });

  it('rebuilds a lone two-byte lead (í whose 0xAD was stripped) as a guess', () => {
    const text = 'Él está aquí, en la línea de producción. ¿Qué más?';
    const d = decodeBytes(utf8(misread(text, 'windows-1252')));
    expect(d.text).toBe(text);
    expect(d.unsure.map((u) => u.to)).toEqual(['í', 'í']);
  });

  it('keeps emoji joined: a lost 0x8D of a zero-width joiner between emoji', () => {
    const text = 'Team: 👨‍💻👩‍💻 “ready” — it’s fine';
    expect(decodeBytes(utf8(misread(text, 'windows-1252'))).text).toBe(text);
  });

  it('leaves correct text alone in a file that also holds mojibake', () => {
    const legit = 'Legit: café… naïve «oui» Zürich é… Öğrenci';
    const d = decodeBytes(utf8(`${misread('“Deploy” — it’s “done”. 运维 面试', 'windows-1254')}\n${legit}`));
    expect(d.text).toBe(`“Deploy” — it’s “done”. 运维 面试\n${legit}`);
  });

  it('reports line and column of each repair in the output', () => {
    const d = decodeBytes(utf8(`plain line\nsay ${misread('“hi” — it’s', 'windows-1252')} now`));
    expect(d.text).toBe('plain line\nsay “hi” — it’s now');
    expect(d.repairs.map((r) => [r.line, r.column, r.to])).toEqual([
      [2, 5, '“'],
      [2, 8, '”'],
      [2, 10, '—'],
      [2, 14, '’'],
    ]);
    expect(d.repairs[0]?.from).toBe('â€œ');
  });

  it.each([
    'Plain English: how do you design a highly available VPC?',
    '我想模拟的是：你是一个资深运维工程师。',
    'Öğrenci şehirde çalışıyor',
    'café, naïve, Zürich, São Paulo, Straße, Größe, Þórður, Ærøskøbing',
    '“smart” ‘quotes’ — dashes – and … ellipses, «guillemets», ¿Qué? ¡Sí!',
    'emoji 🎯👉🔹⚡🌐🌟✅ 👨‍💻 and symbols © ® ™ € £ ¥ ° ± × ÷ ½ µ ¶ §',
    'Zażółć gęślą jaźń; Привет, мир; Γειά σου κόσμε; שלום; مرحبا; こんにちは; 안녕하세요',
    'Ünïcödé, ÀÉÎÕÜ àéîõü, Ñandú, Çà et là, œuvre, æøå, İstanbul ığdır',
  ])('never changes correct text: %s', (text) => {
    cleanUtf8(text);
  });

  it('never changes correct text built from real words in any order', () => {
    const words = [
      'café',
      'naïve',
      'Zürich',
      'São',
      'Öğrenci',
      'şehirde',
      'çalışıyor',
      '运维',
      '面试官',
      '“quoted”',
      'it’s',
      '🎯',
      '👉',
      '—',
      '…',
      '©',
      '°C',
      '€5',
      'Straße',
      'Привет',
      'résumé',
      '¿Qué?',
      '«oui»',
      'Ærø',
      '½',
      'naïveté',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(' ', '\n', ', '),
        (ws, sep) => {
          const text = ws.join(sep);
          const d = decodeBytes(utf8(text));
          expect(d.text).toBe(text);
          expect(d.repaired).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Timing lives in `npm run bench` (machines differ 2–3× in speed); tests check only what does not depend on one.
describe('large input', () => {
  let notes = 'Mock interview notes 模拟面试笔记：运维、可观测性、发布。What’s your on-call approach? 🎯\n';
  while (Buffer.byteLength(notes) < 310_000) notes += `${notes.length} ${notes.slice(0, 400)}`;

  it.each([
    ['UTF-8', utf8(notes), notes],
    ['GB18030', iconv.encode(notes, 'gb18030'), notes],
    [
      'Windows-1252',
      iconv.encode('Café in Zürich, São Paulo — a naïve résumé.\n'.repeat(7000), 'windows-1252'),
      'Café in Zürich, São Paulo — a naïve résumé.\n'.repeat(7000),
    ],
  ])('decodes 300 KB of %s exactly', (_, bytes, text) => {
    expect(bytes.length).toBeGreaterThan(250_000);
    expect(decodeBytes(bytes).text === text).toBe(true); // (a failing toBe would print 300 KB)
  });

  it('repairs 300 KB of mojibake, with work that grows linearly (a counter, not a clock)', () => {
    const source = notes.slice(0, notes.lastIndexOf('\n', 200_000) + 1);
    const bytes = utf8(misread(source, 'windows-1254'));
    expect(bytes.length).toBeGreaterThan(300_000);
    expect(decodeBytes(bytes).text === source).toBe(true);
    const work = (text: string) => {
      const meter = { steps: 0 };
      repairMojibake(misread(text, 'windows-1254'), meter);
      return meter.steps;
    };
    const half = source.slice(0, source.lastIndexOf('\n', source.length / 2) + 1);
    const once = work(half);
    const twice = work(source);
    expect(once).toBeGreaterThan(half.length);
    // Doubling the input at most triples the work.
    expect(twice / once).toBeLessThanOrEqual(3);
  });
});
