// The fixed word lists of mockops, free of any library: the zod schemas are built from them, and the web app
// imports them without pulling zod into the page.
export const CATEGORIES = [
  'aws',
  'iac',
  'release',
  'observability',
  'delivery',
  'scenario',
  'behavioral',
  'kubernetes',
  'linux',
  'security',
  'networking',
  'databases',
  'finops',
  'platform',
  'system-design',
  'ai-ops',
  'imported',
] as const;

/** The six categories of the seed notes, in the order an interview walks them. */
export const CORE_CATEGORIES = ['aws', 'iac', 'release', 'observability', 'delivery', 'scenario'] as const;

export const KINDS = ['technical', 'scenario', 'behavioral', 'self-intro', 'career-story'] as const;

/** The seed's three layers an interviewer judges: technical means, ops thinking, delivery & collaboration. */
export const DIMENSIONS = ['technical', 'ops', 'delivery'] as const;

export const MODES = ['mock', 'drill', 'quick', 'story'] as const;
export const STYLES = ['practice', 'interview'] as const;

/** What a behavioural story demonstrates; the workshop maps the user's stories onto these. */
export const COMPETENCIES = [
  'ownership',
  'conflict',
  'failure',
  'influence',
  'mentoring',
  'delivery-under-pressure',
  'customer-focus',
] as const;
export type Competency = (typeof COMPETENCIES)[number];
