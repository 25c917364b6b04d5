// The shapes of the story map (stories.ts), apart from the text pipeline so the web app can import them.
import type { Competency } from './vocabulary.js';

export interface StoryAnswer {
  readonly questionId: string;
  readonly questionText: string;
  readonly competencies: readonly Competency[];
  readonly text: string;
  readonly score: number | null;
  readonly createdAt: string;
}

export interface StoryRef {
  readonly questionId: string;
  readonly questionText: string;
  readonly score: number | null;
  /** The story's first sentence, to recognise it by. */
  readonly opening: string;
}

export interface StoryReuse {
  /** `story`: two answers tell largely the same story; `phrase`: the same wording (a result, a claim) recurs. */
  readonly kind: 'story' | 'phrase';
  readonly questionIds: readonly string[];
  /** The recurring words, for a phrase. */
  readonly phrase?: string;
  /** Share of the shorter story's word sequences the other one repeats (0–1), for a story. */
  readonly share?: number;
}

export interface StoryMap {
  readonly competencies: ReadonlyArray<{
    readonly competency: Competency;
    readonly stories: readonly StoryRef[];
  }>;
  /** Competencies no saved story covers yet. */
  readonly uncovered: readonly Competency[];
  readonly reused: readonly StoryReuse[];
  /** Behavioural questions with no story yet, with the competencies they would cover. */
  readonly unanswered: ReadonlyArray<{
    readonly questionId: string;
    readonly competencies: readonly Competency[];
  }>;
}
