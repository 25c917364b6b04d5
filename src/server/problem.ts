// Errors as HTTP problems: one place maps every error to a status and a JSON body with a clear message.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  BankError,
  ConflictError,
  InputError,
  MockopsError,
  NotFoundError,
  StorageError,
} from '../core/errors.js';

export interface ProblemBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** The message in Chinese (the specific detail, when there is one, stays as it is). */
    readonly zh: string;
    readonly details?: unknown;
  };
}

/** Each error code's Chinese lead; the English message follows it where it names something specific. */
const ZH: Readonly<Record<string, { lead: string; detail: boolean }>> = {
  invalid_input: { lead: '输入有误', detail: true },
  too_large: { lead: '内容太大', detail: true },
  not_found: { lead: '找不到', detail: true },
  conflict: { lead: '操作冲突', detail: true },
  bank: { lead: '题库有问题：运行 `mockops bank check` 查看', detail: false },
  storage: { lead: '存储不可用：请查看服务器日志', detail: false },
  busy: { lead: '数据库正忙（另一个 mockops 进程正在写入）：请重试', detail: false },
  http: { lead: '请求出错', detail: true },
  malformed_json: { lead: '请求体不是合法的 JSON', detail: false },
  invalid_query: { lead: '查询参数有误', detail: true },
  invalid_body: { lead: '请求内容有误', detail: true },
  cross_origin: { lead: '拒绝跨站请求：请从 mockops 自己的页面操作', detail: false },
  undecodable: { lead: '无法识别文件编码', detail: true },
  internal: { lead: '服务器出错了：请查看服务器日志', detail: false },
};

export function zhMessage(code: string, message: string): string {
  const z =
    ZH[code] ??
    (code.startsWith('bank')
      ? ZH.bank
      : code.startsWith('storage')
        ? ZH.storage
        : { lead: '出错了', detail: true });
  return z?.detail ? `${z.lead}：${message}` : (z?.lead ?? message);
}

export class HttpError extends MockopsError {
  readonly status: ContentfulStatusCode;
  readonly details: unknown;
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(code, message);
    this.status = status;
    this.details = details;
  }
}

export function toProblem(err: unknown): { status: ContentfulStatusCode; body: ProblemBody } {
  const body = (code: string, message: string, details?: unknown): ProblemBody => {
    const zh = zhMessage(code, message);
    return { error: details === undefined ? { code, message, zh } : { code, message, zh, details } };
  };
  if (err instanceof HttpError) return { status: err.status, body: body(err.code, err.message, err.details) };
  if (err instanceof InputError)
    return { status: err.code === 'too_large' ? 413 : 400, body: body(err.code, err.message) };
  if (err instanceof NotFoundError) return { status: 404, body: body(err.code, err.message) };
  if (err instanceof ConflictError) return { status: 409, body: body(err.code, err.message) };
  if (err instanceof BankError)
    return { status: 500, body: body(err.code, 'the question bank has problems; run `mockops bank check`') };
  if (err instanceof StorageError)
    return { status: 503, body: body(err.code, 'storage is unavailable; see the server log') };
  const sqlite = (err as { code?: unknown })?.code;
  if (
    typeof sqlite === 'string' &&
    (sqlite.startsWith('SQLITE_BUSY') || sqlite.startsWith('SQLITE_LOCKED'))
  ) {
    return {
      status: 503,
      body: body('busy', 'the database is busy (another mockops process is writing); try again'),
    };
  }
  if (err instanceof HTTPException)
    return { status: err.status as ContentfulStatusCode, body: body('http', err.message) };
  return { status: 500, body: body('internal', 'something went wrong on the server; see its log') };
}

export function problemResponse(c: Context, err: unknown): Response {
  const { status, body } = toProblem(err);
  if (status >= 500) console.error(err);
  return c.json(body, status);
}
