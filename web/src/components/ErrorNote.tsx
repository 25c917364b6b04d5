// An error from the server or the network, announced to screen readers.
import { useT } from '../i18n';

/**
 * `plain` for input the user can correct (a date in the past, a field left empty): the message alone, as a
 * validation note, without "Something went wrong".
 */
export function ErrorNote({
  message,
  testId = 'error',
  plain = false,
}: {
  message: string | null;
  testId?: string;
  plain?: boolean;
}) {
  const t = useT();
  if (!message) return null;
  const text = plain ? message.charAt(0).toUpperCase() + message.slice(1) : message;
  return (
    <div className={`error-note${plain ? ' error-note-input' : ''}`} role="alert" data-testid={testId}>
      {!plain && <strong>{t('common.error')}</strong>} {text}
    </div>
  );
}

/** Whether an error is about the input (4xx from the server): the user can correct it. */
export function isInputError(err: unknown): boolean {
  const status = (err as { status?: number } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
