// Pure helpers of the incident room: the wall clock of a simulated minute, the numbers as the dashboard shows
// them, the chart's series (the curve with the state right after each turn) and the replay's action markers.
import { formatNumber, type Lang } from '../i18n';
import type { IncidentMetrics, IncidentTakenAction, IncidentTurn, IncidentView } from '../types';

/** The clock as the interviewer reads it: the scenario's start time plus the simulated minutes ("14:05" + 12). */
export function clockAt(startTime: string, minute: number): string {
  const [h = 0, m = 0] = startTime.split(':').map(Number);
  const total = (((h * 60 + m + minute) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** An error rate (0–1) as a percentage with one decimal: 0.524 → "52.4%". */
export function percent(rate: number, lang: Lang): string {
  return `${formatNumber(Math.round(rate * 1000) / 10, lang)}%`;
}

export function millis(ms: number, lang: Lang): string {
  return `${formatNumber(Math.round(ms), lang)} ms`;
}

/** The metrics now: after the last turn, or the opening minute. */
export function currentMetrics(view: Pick<IncidentView, 'turns' | 'curve'>): IncidentMetrics | null {
  return view.turns.at(-1)?.metrics ?? view.curve.at(-1) ?? null;
}

/** The metrics before the last turn, to show which way they moved. */
export function previousMetrics(view: Pick<IncidentView, 'turns' | 'curve'>): IncidentMetrics | null {
  if (view.turns.length === 0) return null;
  return view.turns.at(-2)?.metrics ?? view.curve[0] ?? null;
}

/**
 * The points to draw: the curve records each minute as the clock reaches it, before an action of that minute
 * takes effect; the state right after each turn is added at the same minute, so a rollback shows as a drop.
 */
export function chartSeries(
  curve: readonly IncidentMetrics[],
  turns: readonly IncidentTurn[],
): IncidentMetrics[] {
  const after = new Map<number, IncidentMetrics>();
  for (const turn of turns) after.set(turn.metrics.minute, turn.metrics);
  const out: IncidentMetrics[] = [];
  for (const p of curve) {
    out.push(p);
    const a = after.get(p.minute);
    if (a && (a.errorRate !== p.errorRate || a.latencyMs !== p.latencyMs)) out.push(a);
  }
  return out;
}

export interface ActionMarker {
  /** 1, 2, 3… in the order the minutes come. */
  readonly n: number;
  readonly minute: number;
  readonly actions: readonly IncidentTakenAction[];
}

/** One marker per minute in which something was done (repeats are left out: nothing changed). */
export function actionMarkers(turns: readonly IncidentTurn[]): ActionMarker[] {
  const byMinute = new Map<number, IncidentTakenAction[]>();
  for (const turn of turns)
    for (const a of turn.actions) {
      if (a.outcome === 'repeated') continue;
      const list = byMinute.get(a.minute) ?? [];
      list.push(a);
      byMinute.set(a.minute, list);
    }
  return [...byMinute.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([minute, actions], i) => ({ n: i + 1, minute, actions }));
}

/** The minutes the clock ran in a turn: from the previous turn's minute (or 0) to this one's. */
export function turnMinutes(turns: readonly IncidentTurn[], index: number): number {
  const before = index === 0 ? 0 : (turns[index - 1]?.minute ?? 0);
  return (turns[index]?.minute ?? before) - before;
}

export const OUTCOME_MARK: Record<IncidentTakenAction['outcome'], string> = {
  done: '✓',
  ineffective: '~',
  repeated: '=',
};
