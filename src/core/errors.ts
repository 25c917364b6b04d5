// The one error family: every failure a user can cause carries a stable code and, where it helps, a cause.
export type ProblemCode =
  | 'yaml_syntax'
  | 'schema'
  | 'duplicate_id'
  | 'duplicate_text'
  | 'unknown_key_point'
  | 'unknown_red_flag'
  | 'quick_length'
  | 'file_name'
  | 'self_consistency'
  | 'red_flag_silent'
  | 'red_flag_generic'
  | 'concept_unpaired'
  | 'competencies_missing'
  | 'incident'
  | 'adversarial'
  | 'inconsistent'
  | 'stale'
  | 'empty_bank';

/** A problem found in a bank file: data first, words in one place per surface. */
export interface Problem {
  readonly code: ProblemCode;
  /** The file, relative to the bank folder. */
  readonly file: string;
  /** Place inside the file, e.g. `keyPoints[2].concepts`. */
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message} [${p.code}]`;
}

export class MockopsError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MockopsError';
    this.code = code;
  }
}

/** Input the user gave is not acceptable (maps to exit 2 / HTTP 400). */
export class InputError extends MockopsError {
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(options?.code ?? 'invalid_input', message, options);
    this.name = 'InputError';
  }
}

/** Something named does not exist (exit 2 / HTTP 404). */
export class NotFoundError extends MockopsError {
  constructor(message: string) {
    super('not_found', message);
    this.name = 'NotFoundError';
  }
}

/** The state does not allow the action (HTTP 409). */
export class ConflictError extends MockopsError {
  constructor(message: string) {
    super('conflict', message);
    this.name = 'ConflictError';
  }
}

/** The bank has problems; the list says which and where. */
export class BankError extends MockopsError {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(
      'bank_invalid',
      `The question bank has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'BankError';
    this.problems = problems;
  }
}

/** Storage cannot be used (locked, read-only, corrupt). */
export class StorageError extends MockopsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('storage', message, options);
    this.name = 'StorageError';
  }
}
