// Terminal input for interactive commands: multi-line answers, pastes kept whole, Ctrl-D and Ctrl-C handled.
//
// On a terminal the input runs in raw mode with bracketed paste on (ESC[?2004h, off again with ESC[?2004l when the
// prompter closes or the process exits), so the kernel's line editor never cuts a long line and a paste is one
// block, empty lines included. Piped input is read the same way (its lines, and any paste markers in it), with no
// echo. An answer ends at an empty line typed outside a paste, at Ctrl-D on an empty line, or at the end of the input.
import { StringDecoder } from 'node:string_decoder';

export const PASTE_ON = '\u001b[?2004h';
export const PASTE_OFF = '\u001b[?2004l';
const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';
const ESC = '\u001b';

/** What the input said, key by key (text comes in runs). */
export type Key =
  | { readonly type: 'text'; readonly text: string }
  /** A line break; `pasted` when it came inside a paste (or, on a terminal, in the middle of a burst of input). */
  | { readonly type: 'enter'; readonly pasted: boolean }
  | { readonly type: 'backspace' }
  | { readonly type: 'interrupt' }
  | { readonly type: 'eot' }
  | { readonly type: 'end' };

/** How far an escape sequence at `i` reaches: its length, or null when the chunk ends inside it. */
function escapeLength(s: string, i: number): number | null {
  const next = s[i + 1];
  if (next === undefined) return null;
  if (next === 'O') return i + 2 < s.length ? 3 : null;
  if (next !== '[') return 2;
  for (let j = i + 2; j < s.length; j++) {
    const code = s.charCodeAt(j);
    if (code >= 0x40 && code <= 0x7e) return j - i + 1;
    if (code < 0x20 || code > 0x3f) return j - i; // not a CSI after all: drop what came before
  }
  return null;
}

/**
 * Turns chunks of input into keys. Inside a bracketed paste everything is text and every line break is a pasted
 * one; outside it, control characters are keys. With `burst` (a terminal, where typed keys arrive one by one), a
 * line break followed by more input in the same chunk is taken as pasted too: terminals without bracketed paste.
 */
export class KeyDecoder {
  private pending = '';
  private inPaste = false;
  private lastCR = false;

  constructor(private readonly burst: boolean) {}

  push(chunk: string): Key[] {
    const s = this.pending + chunk;
    this.pending = '';
    const keys: Key[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') keys.push({ type: 'text', text });
      text = '';
    };
    const lineBreak = (c: string, pasted: boolean): boolean => {
      if (c === '\n' && this.lastCR) {
        this.lastCR = false;
        return false;
      }
      flush();
      keys.push({ type: 'enter', pasted });
      this.lastCR = c === '\r';
      return true;
    };
    for (let i = 0; i < s.length; ) {
      const c = s[i] as string;
      if (this.inPaste) {
        if (c === ESC) {
          if (s.startsWith(PASTE_END, i)) {
            flush();
            this.inPaste = false;
            this.lastCR = false;
            i += PASTE_END.length;
            continue;
          }
          if (PASTE_END.startsWith(s.slice(i))) {
            this.pending = s.slice(i);
            break;
          }
          i++;
          continue;
        }
        if (c === '\r' || c === '\n') lineBreak(c, true);
        else {
          this.lastCR = false;
          if (c === '\t' || (c >= ' ' && c !== '\u007f')) text += c;
        }
        i++;
        continue;
      }
      if (c === ESC) {
        const length = escapeLength(s, i);
        if (length === null) {
          // A lone Esc key on a terminal arrives on its own; elsewhere the sequence goes on in the next chunk.
          if (!(this.burst && i === s.length - 1)) this.pending = s.slice(i);
          break;
        }
        if (s.startsWith(PASTE_START, i)) {
          flush();
          this.inPaste = true;
          this.lastCR = false;
        }
        i += length;
        continue;
      }
      if (c === '\r' || c === '\n') {
        const after = c === '\r' && s[i + 1] === '\n' ? i + 2 : i + 1;
        lineBreak(c, this.burst && after < s.length);
        i++;
        continue;
      }
      this.lastCR = false;
      if (c === '\u007f' || c === '\b') {
        flush();
        keys.push({ type: 'backspace' });
      } else if (c === '\u0003') {
        flush();
        keys.push({ type: 'interrupt' });
      } else if (c === '\u0004') {
        flush();
        keys.push({ type: 'eot' });
      } else if (c === '\t' || c >= ' ') text += c;
      i++;
    }
    flush();
    return keys;
  }

  end(): Key[] {
    this.pending = '';
    return [{ type: 'end' }];
  }
}

/** How an answer ended. */
export type AnswerOutcome =
  /** Sent: an empty line after the text, Ctrl-D on an empty line, "y" to sending a half-typed one, or the input's end. */
  | { readonly kind: 'answer'; readonly text: string }
  /** Ctrl-D (or the end of the input) before anything was typed. */
  | { readonly kind: 'end' }
  /** Ctrl-D on a half-typed answer, then "n": not sent, and the draft handed back to be kept. */
  | { readonly kind: 'kept'; readonly draft: string }
  /** Ctrl-C: the draft as it was. */
  | { readonly kind: 'interrupted'; readonly draft: string };

export interface Prompter {
  /** One line; null at end of input (or Ctrl-D on an empty line, or Ctrl-C). */
  line(prompt: string): Promise<string | null>;
  /** An answer of one or more lines; `draft` starts it with text kept from before. */
  answer(prompt: string, options?: { draft?: string }): Promise<AnswerOutcome>;
  /** The unsent text of the answer being typed ("" when none). */
  draft(): string;
  /** Whether the input is a terminal in raw mode (echo, bracketed paste). */
  readonly terminal: boolean;
  close(): void;
}

type Input = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
type Output = NodeJS.WritableStream & { isTTY?: boolean };

export interface PrompterOptions {
  input?: Input;
  /** Prompts and the echo of what is typed. */
  output?: Output;
  /** Ctrl-C on a terminal (raw mode, so no SIGINT): by default the terminal is restored and SIGINT raised. */
  onInterrupt?: () => void;
}

/** Columns a character takes on a terminal: 2 for CJK and other wide characters, 0 for combining marks. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** The answer's text from its lines: blank lines at either end dropped, the ones inside (a paste's) kept. */
function joinLines(lines: readonly string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] as string).trim() === '') start++;
  while (end > start && (lines[end - 1] as string).trim() === '') end--;
  return lines.slice(start, end).join('\n');
}

export function createPrompter(options: PrompterOptions = {}): Prompter {
  const input: Input = options.input ?? process.stdin;
  const output: Output = options.output ?? process.stdout;
  const terminal = input.isTTY === true && typeof input.setRawMode === 'function';
  // Terminal modes go to a terminal only: never into a file the output is redirected to.
  const control: Output | null = !terminal
    ? null
    : output.isTTY
      ? output
      : process.stderr.isTTY
        ? process.stderr
        : null;
  const decoder = new StringDecoder('utf8');
  const keys = new KeyDecoder(terminal);
  const backlog: Key[] = [];
  let handler: ((key: Key) => void) | null = null;
  let ended = false;
  let closed = false;
  let restored = false;
  let current: { lines: string[]; cur: string } | null = null;

  const echo = (s: string) => {
    if (terminal) output.write(s);
  };
  const restore = () => {
    if (restored || !terminal) return;
    restored = true;
    try {
      input.setRawMode?.(false);
    } catch {
      // the terminal is gone
    }
    control?.write(PASTE_OFF);
  };
  const interrupt =
    options.onInterrupt ??
    (() => {
      restore();
      process.kill(process.pid, 'SIGINT');
    });

  const deliver = (list: readonly Key[]) => {
    for (const key of list) {
      if (key.type === 'end') ended = true;
      if (handler) handler(key);
      else if (key.type === 'interrupt') interrupt();
      else if (key.type !== 'end') backlog.push(key);
    }
  };
  const onData = (chunk: Buffer | string) => {
    deliver(keys.push(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
  };
  const onEnd = () => {
    const rest = decoder.end();
    deliver([...(rest ? keys.push(rest) : []), ...keys.end()]);
  };
  /** Hands keys to `h` until it clears itself: first those typed ahead, then new ones. */
  const install = (h: (key: Key) => void) => {
    handler = h;
    while (handler === h && backlog.length > 0) h(backlog.shift() as Key);
    if (handler === h && ended) h({ type: 'end' });
  };

  if (terminal) {
    input.setRawMode?.(true);
    control?.write(PASTE_ON);
    process.once('exit', restore);
  }
  input.on('data', onData);
  input.on('end', onEnd);
  input.resume();

  /** Removes the last character of `s` and the columns it took on the screen. */
  const rubout = (s: string): string => {
    const chars = Array.from(s);
    const last = chars.pop();
    if (last !== undefined) {
      const w = charWidth(last);
      echo(`${'\b'.repeat(w)}${' '.repeat(w)}${'\b'.repeat(w)}`);
    }
    return chars.join('');
  };

  return {
    terminal,
    draft: () => (current ? joinLines([...current.lines, current.cur]) : ''),
    line(prompt) {
      output.write(prompt);
      return new Promise((resolve) => {
        let cur = '';
        const done = (value: string | null) => {
          handler = null;
          resolve(value);
        };
        install((key) => {
          switch (key.type) {
            case 'text':
              cur += key.text;
              echo(key.text);
              return;
            case 'backspace':
              cur = rubout(cur);
              return;
            case 'enter':
              echo('\n');
              done(cur);
              return;
            case 'eot':
              echo('\n');
              done(cur === '' ? null : cur);
              return;
            case 'interrupt':
              echo('\n');
              interrupt();
              done(null);
              return;
            case 'end':
              done(cur === '' ? null : cur);
              return;
          }
        });
      });
    },
    answer(prompt, opts = {}) {
      output.write(prompt);
      const state = { lines: opts.draft ? opts.draft.split('\n') : [], cur: '' };
      current = state;
      const hasText = () => state.lines.some((l) => l.trim() !== '') || state.cur.trim() !== '';
      let confirming = false;
      return new Promise((resolve) => {
        const done = (outcome: AnswerOutcome) => {
          handler = null;
          current = null;
          resolve(outcome);
        };
        const send = () => {
          done({ kind: 'answer', text: joinLines([...state.lines, state.cur]) });
        };
        const interrupted = () => {
          const draft = joinLines([...state.lines, state.cur]);
          echo('\n');
          interrupt();
          done({ kind: 'interrupted', draft });
        };
        install((key) => {
          if (confirming) {
            // "Send this answer? [y/n]": y sends it, n keeps it as a draft; other keys wait for one of the two.
            if (key.type === 'text') {
              const c = key.text.trim().charAt(0).toLowerCase();
              if (c === 'y') {
                echo('y\n');
                send();
              } else if (c === 'n') {
                echo('n\n');
                done({ kind: 'kept', draft: joinLines([...state.lines, state.cur]) });
              }
            } else if (key.type === 'interrupt') interrupted();
            else if (key.type === 'end')
              done({ kind: 'kept', draft: joinLines([...state.lines, state.cur]) });
            return;
          }
          switch (key.type) {
            case 'text':
              state.cur += key.text;
              echo(key.text);
              return;
            case 'backspace':
              state.cur = rubout(state.cur);
              return;
            case 'enter':
              echo('\n');
              if (!key.pasted && state.cur.trim() === '') {
                if (hasText()) send();
                else state.lines = [];
                state.cur = '';
                return;
              }
              state.lines.push(state.cur);
              state.cur = '';
              return;
            case 'eot':
              if (!hasText()) {
                echo('\n');
                done({ kind: 'end' });
              } else if (state.cur.trim() === '') {
                echo('\n');
                send();
              } else {
                confirming = true;
                output.write(`\nSend this answer? [y/n] `);
              }
              return;
            case 'interrupt':
              interrupted();
              return;
            case 'end':
              if (hasText()) send();
              else done({ kind: 'end' });
              return;
          }
        });
      });
    },
    close() {
      if (closed) return;
      closed = true;
      handler = null;
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.pause();
      restore();
      process.removeListener('exit', restore);
    },
  };
}
