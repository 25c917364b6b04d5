// Imported questions as bank questions: category "imported", graded against their reference answer.
import { REFERENCE_KEY_POINT } from '../core/analysis/index.js';
import { type Bank, createBank } from '../core/bank/index.js';
import type { Question } from '../core/bank/schema.js';
import type { ImportedRecord } from '../storage/store.js';

/** The first sentences of a reference answer, split cheaply (thousands of imported questions are converted at start). */
function firstSentences(text: string, n: number): string {
  const parts = text.trim().split(/(?<=[.!?。！？])\s+/);
  return parts.slice(0, n).join(' ');
}

export function importedToQuestion(r: ImportedRecord): Question {
  const answer = r.answer ?? '';
  const keyPoints =
    r.keyPoints.length > 0
      ? r.keyPoints.map((k) => ({
          id: k.id,
          text: k.text,
          dimension: 'technical' as const,
          weight: 1,
          concepts: [...k.concepts],
          pairs: [],
        }))
      : [
          {
            id: REFERENCE_KEY_POINT,
            text: 'Cover what the reference answer says.',
            dimension: 'technical' as const,
            weight: 1,
            concepts: [r.text, r.text],
            pairs: [],
          },
        ];
  return {
    id: r.id,
    category: 'imported',
    level: r.level ?? 2,
    kind: 'technical',
    text: r.text,
    zh: {
      translation: '（导入的问题，暂无中文翻译）',
      intent: '导入题：按参考答案评分；可在题目页接受建议的要点。',
    },
    keyPoints,
    redFlags: [],
    competencies: [],
    modelAnswers: {
      quick: answer ? firstSentences(answer, 3) : '(no reference answer)',
      full: answer,
      notesZh: `来源：${r.sourceFile} 第 ${r.sourceLine} 行${r.section ? `（${r.section}）` : ''}。`,
    },
    followUps: [],
    tags: r.section ? [r.section.toLowerCase()] : [],
    sources: [],
    source: 'imported',
  };
}

/** The built-in bank plus the user's imported questions. */
export function withImported(builtin: Bank, imported: readonly ImportedRecord[]): Bank {
  if (imported.length === 0) return builtin;
  return createBank([...builtin.questions, ...imported.map(importedToQuestion)], builtin.commonRedFlags);
}
