// The answer box used everywhere: a labelled textarea that refuses text over the server's limit (checked before
// it reaches state, so a huge paste never freezes the tab) and sends with Ctrl+Enter.
import { type ClipboardEvent, type KeyboardEvent, type Ref, useId, useState } from 'react';
import { formatNumber, useLang, useT } from '../i18n';
import { MAX_ANSWER_CHARS } from '../types';

interface Props {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly label: string;
  readonly testId: string;
  readonly onSubmit?: () => void;
  readonly rows?: number;
  readonly placeholder?: string;
  readonly hideLabel?: boolean;
  readonly describedBy?: string;
  readonly autoFocus?: boolean;
  readonly inputRef?: Ref<HTMLTextAreaElement>;
}

export function AnswerTextarea(props: Props) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [refused, setRefused] = useState<number | null>(null);

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const pasted = e.clipboardData.getData('text/plain');
    const el = e.currentTarget;
    const after = el.value.length - (el.selectionEnd - el.selectionStart) + pasted.length;
    if (after > MAX_ANSWER_CHARS) {
      e.preventDefault();
      setRefused(after);
    }
  }

  function onChange(next: string) {
    if (next.length > MAX_ANSWER_CHARS) {
      setRefused(next.length);
      return;
    }
    setRefused(null);
    props.onChange(next);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && props.onSubmit) {
      e.preventDefault();
      props.onSubmit();
    }
  }

  const describedBy = [props.describedBy, refused ? `${id}-refused` : null, `${id}-count`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="answer-box">
      <label htmlFor={id} className={props.hideLabel ? 'sr-only' : 'field-label'}>
        {props.label}
      </label>
      <textarea
        id={id}
        ref={props.inputRef}
        className="answer-input"
        data-testid={props.testId}
        value={props.value}
        rows={props.rows ?? 7}
        placeholder={props.placeholder}
        spellCheck
        lang="en"
        // biome-ignore lint/a11y/noAutofocus: the answer box takes focus when a new question appears
        autoFocus={props.autoFocus}
        aria-describedby={describedBy}
        onPaste={onPaste}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="answer-meta">
        <span id={`${id}-count`} className="muted small">
          {t('answer.count', { n: formatNumber(props.value.length, lang) })}
        </span>
        {props.onSubmit && <span className="muted small">{t('answer.shortcut')}</span>}
      </div>
      {refused !== null && (
        <p id={`${id}-refused`} className="error-inline" role="alert" data-testid="paste-refused">
          {t('answer.tooLong', {
            n: formatNumber(refused, lang),
            max: formatNumber(MAX_ANSWER_CHARS, lang),
          })}
        </p>
      )}
    </div>
  );
}
