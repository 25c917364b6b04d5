// The shapes of an incident round (engine state, turns, debrief, the view clients get), apart from the engine and
// the text pipeline so the web app can import them.
import type { IncidentAction, IncidentScenario } from './schema.js';

export interface Metrics {
  readonly minute: number;
  readonly errorRate: number;
  readonly latencyMs: number;
  /** Requests failed so far. */
  readonly failedRequests: number;
  /** Percent of the monthly error budget burnt so far. */
  readonly budgetBurnt: number;
}

export interface TakenAction {
  readonly id: string;
  readonly label: string;
  readonly kind: IncidentAction['kind'];
  /** Minute when it was finished. */
  readonly minute: number;
  readonly quote: string;
  readonly evidence: string | null;
  /** What the interviewer says about it: a consequence, why it did not work, or "already done". */
  readonly note: string | null;
  readonly outcome: 'done' | 'ineffective' | 'repeated';
}

export interface IncidentTurn {
  readonly input: string;
  readonly actions: readonly TakenAction[];
  readonly minute: number;
  readonly evidence: readonly string[];
  readonly interjections: readonly string[];
  /** The interviewer's question when part of the turn mapped to no action. */
  readonly clarify: string | null;
  readonly metrics: Metrics;
}

export interface IncidentState {
  readonly scenarioId: string;
  readonly minute: number;
  readonly errorRate: number;
  readonly latencyMs: number;
  readonly growing: boolean;
  readonly failedRequests: number;
  readonly budgetBurnt: number;
  readonly detectedAt: number | null;
  readonly mitigatedAt: number | null;
  readonly resolvedAt: number | null;
  readonly taken: readonly string[];
  readonly said: readonly number[];
  readonly alarmed: boolean;
  readonly turns: readonly IncidentTurn[];
  readonly curve: readonly Metrics[];
  readonly finished: boolean;
  readonly endedBy: 'resolved' | 'time' | 'candidate' | null;
  /**
   * The round's seed: the dashboard's readings wobble by it (±4%, as real metrics do), the same seed and turns
   * always give the same round, and the scores never depend on it. 0 (and rounds saved before it): no wobble.
   */
  readonly seed?: number;
}

export interface LayerScore {
  readonly score: number;
  /** What earned credit, quoting the candidate. */
  readonly credited: ReadonlyArray<{
    readonly label: string;
    readonly quote: string;
    readonly minute: number;
  }>;
  /** What an expert would have done that the candidate did not. */
  readonly missed: readonly string[];
  /** What cost points (unsafe actions, red herrings, late mitigation), in words. */
  readonly marked: readonly string[];
}

export interface IncidentDebrief {
  readonly scenarioId: string;
  readonly rootCause: string;
  readonly outcome: {
    readonly detectedAt: number | null;
    readonly mitigatedAt: number | null;
    readonly resolvedAt: number | null;
    readonly minutes: number;
    readonly endedBy: IncidentState['endedBy'];
    readonly impact: {
      readonly failedRequests: number;
      readonly budgetBurnt: number;
      readonly peakErrorRate: number;
      /** Impact is counted over the scenario's whole time limit (as if nobody acted after the round ended). */
      readonly horizonMinutes: number;
    };
  };
  readonly expert: {
    readonly detectedAt: number | null;
    readonly mitigatedAt: number | null;
    readonly resolvedAt: number | null;
    readonly impact: { readonly failedRequests: number; readonly budgetBurnt: number };
    /** The expert's order, with the minute the candidate took each (null: not taken). */
    readonly order: ReadonlyArray<{
      readonly id: string;
      readonly label: string;
      readonly yourMinute: number | null;
    }>;
  };
  readonly scores: {
    readonly technical: LayerScore;
    readonly ops: LayerScore;
    readonly delivery: LayerScore;
  };
  readonly overall: number;
  /** The debrief in sentences, most important first. */
  readonly notes: readonly string[];
  /** The impact curve minute by minute, for the chart and the replay. */
  readonly curve: IncidentState['curve'];
}

export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly level: number;
  readonly tags: readonly string[];
  readonly brief: string;
  readonly zh: IncidentScenario['zh'];
}

export interface IncidentView {
  readonly id: string;
  readonly scenario: Pick<
    IncidentScenario,
    'id' | 'title' | 'level' | 'brief' | 'zh' | 'system' | 'startTime' | 'limitMinutes'
  > & {
    readonly actions: ReadonlyArray<{
      readonly id: string;
      readonly kind: string;
      readonly label: string;
      /** The label in Chinese, for the debrief in 中文. */
      readonly zh?: string;
    }>;
  };
  readonly minute: number;
  readonly clock: string;
  readonly finished: boolean;
  readonly turns: readonly IncidentTurn[];
  readonly curve: IncidentState['curve'];
  /** The round's seed: `mockops incident --scenario ID --seed N` with the same turns replays it exactly. */
  readonly seed: number;
  readonly debrief: IncidentDebrief | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
