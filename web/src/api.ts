// The typed API client: one function per route. A problem body ({error: {code, message}}) becomes an ApiError
// with the server's message, so every page can show it as is; a network failure says the server is unreachable.
import { currentLang } from './i18n';
import type {
  Analysis,
  ExportFormat,
  ImportedQuestion,
  ImportReport,
  IncidentListItem,
  IncidentScenarioSummary,
  IncidentTurnResult,
  IncidentView,
  KeyPointDraft,
  PracticeResult,
  Progress,
  Question,
  QuestionSummary,
  ReviewItem,
  SessionAnswerResult,
  SessionListItem,
  SessionOptions,
  SessionRetryResult,
  SessionView,
  StoredAnswer,
  StoryMap,
} from './types';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** The problem's details, when the server sent any (e.g. what an import skipped). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError';
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(
      currentLang() === 'zh'
        ? '连不上 mockops 服务器：`mockops start` 还在运行吗？'
        : 'Cannot reach the mockops server. Is `mockops start` still running?',
      0,
      'network',
    );
  }
  const raw = await res.text();
  let parsed: unknown = null;
  try {
    parsed = raw ? JSON.parse(raw) : null;
  } catch {
    parsed = null;
  }
  if (!res.ok) {
    const problem = (
      parsed as { error?: { code?: string; message?: string; zh?: string; details?: unknown } } | null
    )?.error;
    const message = currentLang() === 'zh' && problem?.zh ? problem.zh : problem?.message;
    throw new ApiError(
      message ?? `The server answered ${res.status} ${res.statusText}`.trim(),
      res.status,
      problem?.code ?? 'http_error',
      problem?.details,
    );
  }
  return parsed as T;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface QuestionFilter {
  category?: string;
  level?: string;
  kind?: string;
  tag?: string;
  q?: string;
}

export const api = {
  health: () => request<{ status: string; version: string; questions: number }>('GET', '/health'),
  categories: () => request<{ categories: Array<{ category: string; count: number }> }>('GET', '/categories'),
  questions: (f: QuestionFilter = {}, signal?: AbortSignal) =>
    request<{ total: number; questions: QuestionSummary[] }>(
      'GET',
      `/questions${queryString({ ...f })}`,
      undefined,
      signal,
    ),
  question: (id: string) =>
    request<{ question: Question }>('GET', `/questions/${encodeURIComponent(id)}`).then((r) => r.question),
  answers: (id: string) =>
    request<{ answers: StoredAnswer[] }>('GET', `/questions/${encodeURIComponent(id)}/answers`).then(
      (r) => r.answers,
    ),
  saveAnswer: (id: string, text: string, durationSec?: number) =>
    request<PracticeResult>('POST', `/questions/${encodeURIComponent(id)}/answers`, { text, durationSec }),
  analyze: (body: { questionId: string; text: string; durationSec?: number }, signal?: AbortSignal) =>
    request<Analysis>('POST', '/analyze', body, signal),
  startSession: (options: SessionOptions) => request<SessionView>('POST', '/sessions', options),
  sessions: () => request<{ sessions: SessionListItem[] }>('GET', '/sessions').then((r) => r.sessions),
  session: (id: string) => request<SessionView>('GET', `/sessions/${encodeURIComponent(id)}`),
  endSession: (id: string) => request<SessionView>('POST', `/sessions/${encodeURIComponent(id)}/end`, {}),
  deleteSession: (id: string) =>
    request<{ deleted: string; answersKept: number }>('DELETE', `/sessions/${encodeURIComponent(id)}`),
  answerTurn: (id: string, body: { text: string; durationSec?: number; pauses?: number; position: number }) =>
    request<SessionAnswerResult>('POST', `/sessions/${encodeURIComponent(id)}/answers`, body),
  retryTurn: (id: string, body: { step: number; text: string; durationSec?: number }) =>
    request<SessionRetryResult>('POST', `/sessions/${encodeURIComponent(id)}/retries`, body),
  reportUrl: (id: string) => `/api/sessions/${encodeURIComponent(id)}/report.md`,
  progress: () => request<Progress>('GET', '/progress'),
  stories: () => request<StoryMap>('GET', '/stories'),
  review: () => request<{ interviewDate: string | null; items: ReviewItem[] }>('GET', '/review'),
  settings: () => request<{ interviewDate: string | null }>('GET', '/settings'),
  saveSettings: (interviewDate: string | null) =>
    request<{ interviewDate: string | null }>('PUT', '/settings', { interviewDate }),
  importFiles: (
    body: { dryRun: boolean; files: ReadonlyArray<{ name: string; content: string }> },
    signal?: AbortSignal,
  ) => request<ImportReport>('POST', '/import', body, signal),
  imported: () => request<{ questions: ImportedQuestion[] }>('GET', '/imported').then((r) => r.questions),
  keyPointCandidates: (id: string) =>
    request<{ candidates: KeyPointDraft[] }>('GET', `/imported/${encodeURIComponent(id)}/candidates`).then(
      (r) => r.candidates,
    ),
  saveKeyPoints: (id: string, keyPoints: readonly KeyPointDraft[]) =>
    request<{ id: string; keyPoints: KeyPointDraft[] }>(
      'PUT',
      `/imported/${encodeURIComponent(id)}/key-points`,
      { keyPoints },
    ),
  exportUrl: (format: ExportFormat) => `/api/export?format=${format}`,
  incidentScenarios: () =>
    request<{ scenarios: IncidentScenarioSummary[] }>('GET', '/incident-scenarios').then((r) => r.scenarios),
  incidents: () => request<{ incidents: IncidentListItem[] }>('GET', '/incidents').then((r) => r.incidents),
  startIncident: (scenarioId?: string) =>
    request<IncidentView>('POST', '/incidents', scenarioId ? { scenarioId } : {}),
  incident: (id: string) => request<IncidentView>('GET', `/incidents/${encodeURIComponent(id)}`),
  incidentTurn: (id: string, input: string) =>
    request<IncidentTurnResult>('POST', `/incidents/${encodeURIComponent(id)}/turns`, { input }),
};

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
