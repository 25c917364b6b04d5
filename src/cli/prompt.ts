// Line input for interactive commands: multi-line answers that end at an empty line, with Ctrl-D and Ctrl-C handled.
import { createInterface, type Interface } from 'node:readline';

export interface Prompter {
  /** One line; null at end of input. */
  line(prompt: string): Promise<string | null>;
  /** Lines until an empty line (after some text) or end of input; null when nothing was typed before the end. */
  answer(prompt: string): Promise<string | null>;
  close(): void;
}

export function createPrompter(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Prompter {
  const rl: Interface = createInterface({ input, output, terminal: false });
  const queue: string[] = [];
  const waiters: Array<(l: string | null) => void> = [];
  let ended = false;
  rl.on('line', (l) => {
    const w = waiters.shift();
    if (w) w(l);
    else queue.push(l);
  });
  rl.on('close', () => {
    ended = true;
    for (const w of waiters.splice(0)) w(null);
  });
  const next = (): Promise<string | null> => {
    if (queue.length > 0) return Promise.resolve(queue.shift() as string);
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => waiters.push(resolve));
  };
  return {
    async line(prompt) {
      output.write(prompt);
      return next();
    },
    async answer(prompt) {
      output.write(prompt);
      const lines: string[] = [];
      for (;;) {
        const l = await next();
        if (l === null) break;
        if (l.trim() === '' && lines.some((x) => x.trim() !== '')) break;
        if (l.trim() === '' && lines.length === 0) continue;
        lines.push(l);
      }
      return lines.length > 0 ? lines.join('\n') : null;
    },
    close: () => rl.close(),
  };
}
