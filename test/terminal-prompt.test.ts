// The terminal prompter driven directly, with fake streams: a TTY in raw mode (bracketed paste, Ctrl-D, Ctrl-C)
// and a pipe; and the wrapping of feedback at the terminal's width.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type AnswerOutcome, createPrompter, PASTE_OFF, PASTE_ON } from '../src/cli/prompt.js';
import { termWidth, visibleWidth, wrap } from '../src/cli/render.js';

const START = '\u001b[200~';
const END = '\u001b[201~';

/** A fake terminal: a stream with isTTY and setRawMode, which records the modes it was put in. */
function fakeTty(tty = true) {
  const input = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (m: boolean) => void };
  const modes: boolean[] = [];
  if (tty) {
    input.isTTY = true;
    input.setRawMode = (m: boolean) => {
      modes.push(m);
    };
  }
  let written = '';
  const output = new Writable({
    write(chunk, _enc, cb) {
      written += String(chunk);
      cb();
    },
  }) as Writable & { isTTY?: boolean };
  output.isTTY = tty;
  return { input, output, modes, written: () => written };
}

/** Lets the streams deliver what was written to them. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Watches a promise without awaiting it: whether it has settled yet, and to what. */
function watch<T>(p: Promise<T>) {
  const state: { done: boolean; value?: T } = { done: false };
  p.then((v) => {
    state.done = true;
    state.value = v;
  });
  return state;
}

describe('terminal prompter (fake TTY)', () => {
  it('keeps a bracketed paste with empty lines as one answer, and ends it at an empty line typed after', async () => {
    const t = fakeTty();
    const p = createPrompter({ input: t.input, output: t.output, onInterrupt: () => {} });
    expect(t.modes).toEqual([true]);
    expect(t.written()).toContain(PASTE_ON);
    const answer = watch(p.answer('> '));
    t.input.write(`${START}First paragraph.\r\rSecond paragraph,\rstill second.\r\r\rThird.${END}`);
    await settle();
    expect(answer.done).toBe(false);
    t.input.write('\r'); // ends the line "Third." the paste left open
    await settle();
    expect(answer.done).toBe(false);
    t.input.write('\r'); // an empty line typed after the paste: sent
    await settle();
    expect(answer.value).toEqual({
      kind: 'answer',
      text: 'First paragraph.\n\nSecond paragraph,\nstill second.\n\n\nThird.',
    });
    p.close();
    expect(t.modes).toEqual([true, false]);
    expect(t.written()).toContain(PASTE_OFF);
  });

  it('reads paste markers split across chunks, and a paste that ends with line breaks', async () => {
    const t = fakeTty();
    const p = createPrompter({ input: t.input, output: t.output, onInterrupt: () => {} });
    const answer = watch(p.answer(''));
    for (const chunk of ['\u001b[20', '0~One.\r\n\r\nTwo.\r\n\r\n\u001b[2', '01~']) {
      t.input.write(chunk);
      await settle();
    }
    expect(answer.done).toBe(false);
    t.input.write('\r');
    await settle();
    expect(answer.value).toEqual({ kind: 'answer', text: 'One.\n\nTwo.' });
    p.close();
  });

  it('keeps a paste whole on a terminal without bracketed paste (a burst of lines), and never cuts a long line', async () => {
    const t = fakeTty();
    const p = createPrompter({ input: t.input, output: t.output, onInterrupt: () => {} });
    const long = `${'word '.repeat(6000)}end.`; // 30,004 characters on one line
    const answer = watch(p.answer(''));
    t.input.write(`${long}\r\rSecond paragraph.\r`);
    await settle();
    expect(answer.done).toBe(false);
    t.input.write('\r');
    await settle();
    expect(answer.done).toBe(true);
    const value = answer.value as AnswerOutcome & { text: string };
    expect(value.text).toBe(`${long}\n\nSecond paragraph.`);
    expect(value.text.split('\n')[0]).toHaveLength(long.length);
    p.close();
  });

  it('typed keys: backspace edits, an empty line sends, Ctrl-D on an empty line sends, Ctrl-D on nothing ends', async () => {
    const t = fakeTty();
    const p = createPrompter({ input: t.input, output: t.output, onInterrupt: () => {} });
    const first = watch(p.answer(''));
    for (const k of [...'We uxe', '\u007f', '\u007f', 'se S3.', '\r', '\r']) {
      t.input.write(k);
      await settle();
    }
    expect(first.value).toEqual({ kind: 'answer', text: 'We use S3.' });
    const second = watch(p.answer(''));
    for (const k of [...'Line one.', '\r', '\u0004']) {
      t.input.write(k);
      await settle();
    }
    expect(second.value).toEqual({ kind: 'answer', text: 'Line one.' });
    const third = watch(p.answer(''));
    t.input.write('\u0004');
    await settle();
    expect(third.value).toEqual({ kind: 'end' });
    p.close();
  });

  it('Ctrl-D on a half-typed answer asks whether to send it: y sends it, n keeps it as a draft', async () => {
    const t = fakeTty();
    const p = createPrompter({ input: t.input, output: t.output, onInterrupt: () => {} });
    const yes = watch(p.answer(''));
    for (const k of ['First line.', '\r', 'half a sent', '\u0004']) {
      t.input.write(k);
      await settle();
    }
    expect(yes.done).toBe(false);
    expect(t.written()).toMatch(/Send this answer\? \[y\/n\]/);
    t.input.write('x'); // neither y nor n: still asking
    await settle();
    expect(yes.done).toBe(false);
    t.input.write('y');
    await settle();
    expect(yes.value).toEqual({ kind: 'answer', text: 'First line.\nhalf a sent' });
    const no = watch(p.answer(''));
    for (const k of ['Not finished', '\u0004', 'n']) {
      t.input.write(k);
      await settle();
    }
    expect(no.value).toEqual({ kind: 'kept', draft: 'Not finished' });
    p.close();
  });

  it('Ctrl-C hands the unsent draft to the interrupt handler', async () => {
    const t = fakeTty();
    const seen: string[] = [];
    const p = createPrompter({
      input: t.input,
      output: t.output,
      onInterrupt: () => {
        seen.push(p.draft());
      },
    });
    const answer = watch(p.answer(''));
    for (const k of ['We keep state in S3.', '\r', 'And we lo', '\u0003']) {
      t.input.write(k);
      await settle();
    }
    expect(seen).toEqual(['We keep state in S3.\nAnd we lo']);
    expect(answer.value).toEqual({ kind: 'interrupted', draft: 'We keep state in S3.\nAnd we lo' });
    p.close();
  });

  it('starts from a kept draft', async () => {
    const t = fakeTty();
    const p = createPrompter({ input: t.input, output: t.output, onInterrupt: () => {} });
    const answer = watch(p.answer('', { draft: 'Kept first line.' }));
    for (const k of ['And more.', '\r', '\r']) {
      t.input.write(k);
      await settle();
    }
    expect(answer.value).toEqual({ kind: 'answer', text: 'Kept first line.\nAnd more.' });
    p.close();
  });
});

describe('prompter on a pipe', () => {
  it('an empty line ends each answer, a paste keeps its empty lines, the end of input sends the rest', async () => {
    const t = fakeTty(false);
    const p = createPrompter({ input: t.input, output: t.output });
    expect(p.terminal).toBe(false);
    t.input.write(`One.\n\nTwo.\r\n\r\n${START}Three a.\n\nThree b.${END}\n\nFour`);
    t.input.end();
    const got: AnswerOutcome[] = [];
    for (let i = 0; i < 5; i++) got.push(await p.answer(''));
    expect(got).toEqual([
      { kind: 'answer', text: 'One.' },
      { kind: 'answer', text: 'Two.' },
      { kind: 'answer', text: 'Three a.\n\nThree b.' },
      { kind: 'answer', text: 'Four' },
      { kind: 'end' },
    ]);
    expect(t.written()).not.toContain(PASTE_ON);
    p.close();
  });
});

describe('wrapping', () => {
  const text =
    '  ✘ Every environment gets its own state and backend, ideally its own AWS account, which keeps a mistake in dev away from prod.';

  it('wraps at word boundaries within the width, continuing under the bullet, never cutting a word', () => {
    const lines = wrap(text, 40).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(visibleWidth(l)).toBeLessThanOrEqual(40);
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {4}\S/);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(text.trim());
    // A word longer than the width stands whole on its own line.
    const url = 'https://example.com/a/very/long/path/that/does/not/fit/anywhere';
    const withUrl = wrap(`see ${url} for more`, 30).split('\n');
    expect(withUrl).toContain(url);
    // Chinese breaks between characters, and counts two columns each.
    const zh = wrap('面试官想听到两层结构：模块库（可复用、打版本）加上环境根模块，每个环境一个目录。', 24);
    for (const l of zh.split('\n')) expect(visibleWidth(l)).toBeLessThanOrEqual(24);
    expect(zh.replace(/\n/g, '')).toBe(
      '面试官想听到两层结构：模块库（可复用、打版本）加上环境根模块，每个环境一个目录。',
    );
  });

  it("takes the width from the terminal's columns, 80 when not a TTY", () => {
    expect(termWidth({ isTTY: true, columns: 57 })).toBe(57);
    expect(termWidth({ isTTY: false, columns: 57 })).toBe(80);
    expect(termWidth({})).toBe(80);
  });
});
