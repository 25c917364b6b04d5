// `mockops grade`: JSON Lines in, JSON Lines out in the same order; a bad line gets {id, error} and the rest go on.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { type AnalysisResult, runAnalysis } from '../../app/analysis.js';
import type { Bank } from '../../core/bank/index.js';
import { InputError, MockopsError } from '../../core/errors.js';
import { loadBank } from '../../storage/bank.js';

const GradeLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  questionId: z.string().min(1).optional(),
  question: z.string().optional(),
  reference: z.string().optional(),
  answer: z.string(),
  durationSec: z.number().positive().optional(),
});

/** The compact, stable shape of one graded line. */
export function gradeRecord(id: unknown, a: AnalysisResult) {
  return {
    id,
    questionId: a.questionId,
    ...(a.suggestedQuestionId ? { suggestedQuestionId: a.suggestedQuestionId } : {}),
    mode: a.mode,
    score: a.score,
    grade: a.grade,
    dimensions: Object.fromEntries(Object.entries(a.dimensions).map(([d, v]) => [d, v.score])),
    coverage: a.coverage.map((c) => ({ id: c.id, status: c.status, evidence: c.evidence[0]?.text ?? null })),
    flags: a.flags.map((f) => ({
      id: f.id,
      kind: f.kind,
      severity: f.severity,
      evidence: f.evidence[0]?.text ?? null,
    })),
    substance: {
      nonAnswer: a.substance.nonAnswer,
      relevance: a.substance.relevance,
      buzzwordList: a.substance.buzzwordList,
    },
    structure: a.structure.applies ? { present: a.structure.present, missing: a.structure.missing } : null,
    language: {
      words: a.language.wordCount,
      sentences: a.language.sentenceCount,
      seconds: a.language.speakingSeconds,
      fit: a.language.fit,
      connectors: a.language.connectors.map((c) => ({ phrase: c.phrase, count: c.count })),
      fillers: a.language.fillers.reduce((n, f) => n + f.places.length, 0),
      pace: a.language.pace,
      score: a.language.score,
      grammar: a.language.grammar,
      grammarRepeats: a.language.grammarRepeats.map((r) => ({
        rule: r.rule,
        count: r.count,
        label: r.label,
        zh: r.zh,
      })),
    },
    reference: a.reference,
    confidence: a.confidence,
    unexplained: a.unexplained.map((u) => u.quote.text),
    followUp: a.followUp,
    ...(a.followUpZh ? { followUpZh: a.followUpZh } : {}),
    notes: a.notes,
    notesZh: a.notesZh,
    feedback: a.feedback.map((f) => ({
      kind: f.kind,
      code: f.code,
      message: f.message,
      next: f.next,
      zh: f.zh,
    })),
  };
}

/**
 * The input as a stream of lines: grading starts before the input ends and memory stays flat for any size.
 * (Reading standard input whole with readFileSync(0) fails with EAGAIN on a non-blocking pipe.)
 */
async function* inputLines(file: string | undefined): AsyncGenerator<string> {
  const name = file && file !== '-' ? file : 'standard input';
  const stream = file && file !== '-' ? createReadStream(file, 'utf8') : process.stdin.setEncoding('utf8');
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (err: Error) =>
      reject(new MockopsError('io', `cannot read ${name}: ${err.message}`)),
    ),
  );
  failed.catch(() => undefined);
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })[
    Symbol.asyncIterator
  ]();
  for (;;) {
    const next = await Promise.race([lines.next(), failed]);
    if (next.done) return;
    yield next.value;
  }
}

/** Write and wait when the consumer is slower than we are, so output never piles up in memory. */
function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** Grade JSON lines; `firstLine` is the 1-based number of lines[0] in the input, for error messages. */
export function gradeLines(bank: Bank, lines: readonly string[], firstLine: number): string[] {
  const out: string[] = [];
  lines.forEach((line, n) => {
    if (!line.trim()) return;
    let id: unknown = null;
    try {
      const raw: unknown = JSON.parse(line);
      if (raw && typeof raw === 'object' && 'id' in raw) id = (raw as { id: unknown }).id;
      const parsed = GradeLine.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InputError(`line ${firstLine + n}: ${issue?.path.join('.') || 'line'}: ${issue?.message}`);
      }
      const { questionId, question, reference, answer, durationSec } = parsed.data;
      const analysis = runAnalysis(bank, { questionId, question, reference, text: answer, durationSec });
      out.push(JSON.stringify(gradeRecord(parsed.data.id ?? null, analysis)));
    } catch (err) {
      const message =
        err instanceof SyntaxError
          ? `line ${firstLine + n}: not valid JSON (${err.message})`
          : (err as Error).message;
      out.push(JSON.stringify({ id, error: message }));
    }
  });
  return out;
}

export function registerGradeCommand(program: Command): void {
  program
    .command('grade')
    .description(
      'grade answers in batch: JSON Lines {id, questionId? | question, reference?, answer} in, JSON Lines out',
    )
    .option('-i, --input <file>', 'input file (default: standard input)')
    .action(async (opts: { input?: string }) => {
      const bank = loadBank();
      // Each line is graded as it arrives and written at once: results show downstream while input still flows.
      let n = 0;
      for await (const line of inputLines(opts.input)) {
        n++;
        const out = gradeLines(bank, [line], n);
        if (out.length > 0) await write(`${out[0]}\n`);
      }
    });
}
