// Live incident rounds as data: the system, the hidden root cause, how impact grows minute by minute, the actions a
// candidate can take (each with its time cost, the evidence it reveals and its effect), and what the interviewer
// says as the clock runs. One file per scenario in bank/incidents/<id>.yaml; docs/BANK_AUTHORING.md documents it.
import { z } from 'zod';
import { Level } from '../bank/schema.js';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');
const prose = z.string().trim().min(1, 'must not be empty');
const share = z.number().min(0, 'must be 0–1').max(1, 'must be 0–1');

export const ACTION_KINDS = ['investigate', 'mitigate', 'communicate', 'recover', 'prevent'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** What an action does to the system, applied when it is taken (and its `requires` were taken before). */
export const Effect = z
  .strictObject({
    /** Set the error rate (0–1): a rollback that works sets it back near the baseline. */
    errorRate: share.optional(),
    /** Multiply the error rate (a partial mitigation: 0.5 halves it; an unsafe action: 1.5). */
    errorRateFactor: z.number().min(0).max(10).optional(),
    /** Set p99 latency in ms. */
    latencyMs: z.number().min(0).optional(),
    /** Impact stops growing from now on (the bleeding is stopped, not yet fixed). */
    stopsGrowth: z.boolean().optional(),
    /** The user impact is over: error rate and latency back to the baseline. */
    mitigates: z.boolean().optional(),
    /** The incident can be closed: the root cause is fixed. */
    resolves: z.boolean().optional(),
  })
  .default({});
export type Effect = z.infer<typeof Effect>;

export const IncidentAction = z.strictObject({
  id,
  kind: z.enum(ACTION_KINDS),
  /** What it is, as the debrief names it: "Compare the error rate by version in Grafana". */
  label: prose,
  zh: prose.optional(),
  /** How candidates say it (at least 4): the intent matcher maps free text onto these, by stems, in any order. */
  intents: z.array(z.string().trim().min(3).max(120)).min(4, 'needs at least 4 phrasings'),
  /** Simulated minutes it takes. */
  minutes: z.number().int().min(0).max(30),
  /** What the candidate sees: tool output (kubectl, logs, metrics, CloudWatch, Terraform), in our own words. */
  evidence: z.string().optional(),
  /** Evidence that looks relevant but is not the cause: a careful engineer rules it out. */
  redHerring: z.boolean().default(false),
  /** An action a senior would not take in this state (restart the primary, force-unlock during an apply). */
  unsafe: z.boolean().default(false),
  /** What happens, said by the interviewer, for an unsafe action or a surprising effect. */
  consequence: z.string().optional(),
  /** Actions that must come first for the effect to happen (a rollback before the bad version is known…). */
  requires: z.array(id).default([]),
  /** What the interviewer says when `requires` were not taken first (the effect does not happen). */
  ineffective: z.string().optional(),
  effect: Effect,
});
export type IncidentAction = z.infer<typeof IncidentAction>;

export const IncidentEvent = z.strictObject({
  /** Simulated minute at which the interviewer says it. */
  at: z.number().int().min(0).max(240),
  say: prose,
  zh: prose.optional(),
  /** Not said when any of these actions was taken before (a status update already sent). */
  unless: z.array(id).default([]),
});
export type IncidentEvent = z.infer<typeof IncidentEvent>;

const Curve = z.strictObject({
  start: z.number().min(0),
  /** Added per simulated minute until the growth is stopped. */
  growthPerMin: z.number().min(0),
  max: z.number().min(0),
});

export const IncidentScenario = z.strictObject({
  id,
  title: prose,
  level: Level,
  tags: z.array(z.string().trim().min(1)).default([]),
  zh: z.strictObject({ title: prose, brief: prose }),
  /** The interviewer's opening: what the candidate is told when the page fires. */
  brief: prose,
  /** Wall-clock time of minute 0, shown on the clock ("14:05"). */
  startTime: z.string().regex(/^\d{2}:\d{2}$/, 'must be HH:MM'),
  system: z.strictObject({
    services: z
      .array(
        z.strictObject({
          name: prose,
          version: z.string().optional(),
          role: prose,
          dependsOn: z.array(z.string()).default([]),
        }),
      )
      .min(1),
    dashboards: z.array(prose).default([]),
  }),
  /** Hidden until the debrief. */
  rootCause: prose,
  impact: z.strictObject({
    requestsPerMin: z.number().positive(),
    baselineErrorRate: share,
    /** Error rate (0–1) at minute 0, how it grows and its ceiling. */
    errorRate: Curve.refine((c) => c.start <= 1 && c.max <= 1, 'error rates are 0–1'),
    baselineLatencyMs: z.number().positive(),
    latencyMs: Curve,
    /** Share of the monthly error budget burnt per minute at a 100% error rate (percent). */
    sloBurnPerMinAtFull: z.number().min(0),
  }),
  /** The round ends at this simulated minute if the incident is still open. */
  limitMinutes: z.number().int().min(10).max(240).default(60),
  actions: z.array(IncidentAction).min(6, 'needs at least 6 actions'),
  events: z.array(IncidentEvent).default([]),
  /** An expert's actions, in the order an expert takes them: the debrief compares against this. */
  expert: z.array(id).min(4, 'needs at least 4 expert actions'),
  /** The evidence that identifies the cause: time to detect is when the first of these is taken. */
  detectedBy: z.array(id).min(1),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
  sources: z.array(z.string().trim().min(3)).default([]),
});
export type IncidentScenario = z.infer<typeof IncidentScenario>;
export type IncidentScenarioInput = z.input<typeof IncidentScenario>;
