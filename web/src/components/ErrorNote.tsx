// An error from the server or the network, announced to screen readers.
import { useT } from '../i18n';

export function ErrorNote({ message, testId = 'error' }: { message: string | null; testId?: string }) {
  const t = useT();
  if (!message) return null;
  return (
    <div className="error-note" role="alert" data-testid={testId}>
      <strong>{t('common.error')}</strong> {message}
    </div>
  );
}
