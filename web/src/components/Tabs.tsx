// A tab list (arrow keys move between tabs); the caller renders the panel for the selected tab.
import type { KeyboardEvent } from 'react';

export interface TabDef<T extends string> {
  readonly id: T;
  readonly label: string;
}

export function Tabs<T extends string>({
  label,
  tabs,
  value,
  onChange,
}: {
  label: string;
  tabs: readonly TabDef<T>[];
  value: T;
  onChange: (v: T) => void;
}) {
  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    const i = tabs.findIndex((tab) => tab.id === value);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const tab = tabs[next];
    if (!tab) return;
    e.preventDefault();
    onChange(tab.id);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-tab="${tab.id}"]`)?.focus();
  }
  return (
    <div role="tablist" aria-label={label} className="tabs tabs-page" onKeyDown={onKey}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          data-tab={tab.id}
          data-testid={`tab-${tab.id}`}
          aria-selected={tab.id === value}
          tabIndex={tab.id === value ? 0 : -1}
          className="tab"
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
