// Key points of an imported question: propose them from the reference answer, accept (checkbox) and edit each
// (text, comma-separated phrasings that count as covering it), add your own, and save. Answers are then
// checked against them, and the feedback shows them as a checklist.
import { useRef, useState } from 'react';
import { api, errorMessage } from '../api';
import { ErrorNote } from '../components/ErrorNote';
import { useT } from '../i18n';
import { forgetQuestion } from '../lib/questionCache';
import type { ImportedQuestion } from '../types';
import { addCandidates, type DraftProblem, type DraftRow, draftsToKeyPoints, toRow } from './keyPointDrafts';

export function KeyPointEditor({ question, onSaved }: { question: ImportedQuestion; onSaved: () => void }) {
  const t = useT();
  const [rows, setRows] = useState<DraftRow[]>(() => question.keyPoints.map((k) => toRow(k, true)));
  const [busy, setBusy] = useState<'propose' | 'save' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; saved: boolean } | null>(null);
  const newKey = useRef(0);
  const accepted = rows.filter((r) => r.accepted).length;

  const update = (key: string, patch: Partial<DraftRow>) => {
    setNote(null);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  async function propose() {
    setBusy('propose');
    setError(null);
    setNote(null);
    try {
      const candidates = await api.keyPointCandidates(question.id);
      const next = addCandidates(rows, candidates);
      setRows(next);
      setNote(next.length === rows.length ? { text: t('kpe.noneProposed'), saved: false } : null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  function problemText(p: DraftProblem): string {
    if (p.kind === 'tooMany') return t('kpe.tooMany', { n: p.n });
    return t(p.kind === 'text' ? 'kpe.needText' : 'kpe.needPhrasings', { n: p.row });
  }

  async function save() {
    setError(null);
    setNote(null);
    const drafts = draftsToKeyPoints(rows);
    if (!drafts.ok) {
      setError(problemText(drafts.problem));
      return;
    }
    setBusy('save');
    try {
      await api.saveKeyPoints(question.id, drafts.keyPoints);
      forgetQuestion(question.id);
      setRows((rs) => rs.filter((r) => r.accepted));
      setNote({ text: t('kpe.saved', { n: drafts.keyPoints.length }), saved: true });
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  function add() {
    newKey.current += 1;
    setRows((rs) => [
      ...rs,
      { key: `new-${newKey.current}`, id: '', accepted: true, text: '', phrasings: '' },
    ]);
  }

  return (
    <section className="kp-editor" aria-labelledby="kpe-h" data-testid="kp-editor">
      <h3 id="kpe-h">{t('fb.keyPoints')}</h3>
      <p className="muted small">{rows.length === 0 ? t('kpe.none') : t('kpe.help')}</p>
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={propose}
          disabled={busy !== null || !question.answer}
          data-testid="kp-propose"
        >
          {busy === 'propose' ? t('common.loading') : t('kpe.propose')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={add} disabled={busy !== null}>
          {t('kpe.add')}
        </button>
      </div>
      {rows.length > 0 && (
        <ol className="kp-rows">
          {rows.map((r, i) => (
            <li key={r.key} className={`kp-row${r.accepted ? '' : ' kp-row-off'}`} data-testid="kp-row">
              <label className="switch kp-accept">
                <input
                  type="checkbox"
                  checked={r.accepted}
                  data-testid="kp-accept"
                  onChange={(e) => update(r.key, { accepted: e.target.checked })}
                />
                {t('kpe.accept', { n: i + 1 })}
              </label>
              <label className="field">
                <span>
                  {t('kpe.text')}
                  <span className="sr-only"> ({t('kpe.nth', { n: i + 1 })})</span>
                </span>
                <input
                  className="input"
                  lang="en"
                  value={r.text}
                  maxLength={300}
                  data-testid="kp-text"
                  onChange={(e) => update(r.key, { text: e.target.value })}
                />
              </label>
              <label className="field">
                <span>
                  {t('kpe.phrasings')}
                  <span className="sr-only"> ({t('kpe.nth', { n: i + 1 })})</span>
                </span>
                <input
                  className="input"
                  lang="en"
                  value={r.phrasings}
                  data-testid="kp-phrasings"
                  onChange={(e) => update(r.key, { phrasings: e.target.value })}
                />
              </label>
            </li>
          ))}
        </ol>
      )}
      <div className="btn-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={save}
          disabled={busy !== null || (accepted === 0 && question.keyPoints.length === 0)}
          data-testid="kp-save"
        >
          {busy === 'save' ? t('common.sending') : t('kpe.save', { n: accepted })}
        </button>
      </div>
      <ErrorNote message={error} testId="kp-error" />
      {note && (
        <p className={note.saved ? 'success-note' : 'muted'} role="status" data-testid="kp-note">
          {note.text}
        </p>
      )}
    </section>
  );
}
