// `mockops grade`: JSON Lines in, JSON Lines out in the same order; a bad line gets {id, error} and the rest go on.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { runAnalysis } from '../../app/analysis.js';
import type { Analysis } from '../../core/analysis/index.js';
import type { Bank } from '../../core/bank/index.js';
import { InputError, MockopsError } from '../../core/errors.js';
import { loadBank } from '../../storage/bank.js';

const GradeLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.string().optional(),
  reference: z.string().optional(),
  answer: z.string(),
  durationSec: z.number().positive().optional(),
});

/** The compact, stable shape of one graded line. */
export function gradeRecord(id: unknown, a: Analysis) {
  return {
    id,
    questionId: a.questionId,
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
    },
    reference: a.reference,
    followUp: a.followUp,
    notes: a.notes,
  };
}

function readInput(file: string | undefined): string {
  try {
    return readFileSync(file && file !== '-' ? file : 0, 'utf8');
  } catch (err) {
    throw new MockopsError('io', `cannot read ${file ?? 'standard input'}: ${(err as Error).message}`);
  }
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
      const { question, reference, answer, durationSec } = parsed.data;
      const analysis = runAnalysis(bank, { question, reference, text: answer, durationSec });
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

/** Lines graded and written per chunk. */
const OUTPUT_CHUNK = 256;

export function registerGradeCommand(program: Command): void {
  program
    .command('grade')
    .description('grade answers in batch: JSON Lines {id, question, reference?, answer} in, JSON Lines out')
    .option('-i, --input <file>', 'input file (default: standard input)')
    .action((opts: { input?: string }) => {
      const lines = readInput(opts.input).split(/\r?\n/);
      const bank = loadBank();
      // Written in chunks: a large batch shows progress downstream and never holds all output in memory.
      for (let i = 0; i < lines.length; i += OUTPUT_CHUNK) {
        const out = gradeLines(bank, lines.slice(i, i + OUTPUT_CHUNK), i + 1);
        if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
      }
    });
}
