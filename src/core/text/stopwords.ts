// Function words that carry no topic on their own; concept matching and similarity ignore them.
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers herself him himself his how i if in into is it its itself just let me more most my myself
  of off on once or other ought our ours ourselves out over she should so some such than that
  the their theirs them themselves then there these they this those through to too under until up very was
  we were what when where which while who whom why will with would you your yours yourself yourselves
  i'm i've i'd i'll we're we've we'd we'll it's that's there's they're they've you're you've 's 're 've 'd 'll
  get got gets getting make made makes making use used uses using one thing things way really actually
  well yes yeah okay ok able also like etc e.g. i.e. via`
    .split(/\s+/)
    .filter(Boolean),
);

/** Tokens that open a negation scope for every kind of match. */
export const STRONG_NEGATORS: ReadonlySet<string> = new Set([
  'not',
  "n't",
  'never',
  'no',
  'none',
  'nothing',
  'nobody',
  'neither',
  'nor',
  'without',
  'cannot',
  'hardly',
  'nowhere',
  'non',
]);

/**
 * Verbs and phrases that turn a following unsafe practice into a safe statement
 * ("we avoid applying from laptops"). They negate red-flag matches only: "we block merges
 * until checks pass" still covers the key point about required checks.
 */
export const WEAK_NEGATORS: ReadonlySet<string> = new Set([
  'avoid',
  'prevent',
  'instead',
  'rather',
  'stop',
  'skip',
  'eliminate',
  'ban',
  'forbid',
  'block',
  'disallow',
  'prohibit',
  'reject',
  'deny',
  'remove',
  'replace',
  'discourage',
  'risk',
  'danger',
  'dangerous',
  'mistake',
  'bad',
  'wrong',
  'anti-pattern',
  'antipattern',
  'unsafe',
  'deprecate',
  'deprecated',
  'legacy',
  'migrate',
  'move',
  'than',
  'old',
  'previously',
  'formerly',
  'earlier',
]);

/** Tokens that close a negation scope. */
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set([
  'but',
  'so',
  'which',
  'that',
  'who',
  'because',
  'while',
  'whereas',
  'although',
  'though',
  'then',
  'however',
]);

/** Tokens that close a weak-negation scope in addition to the above. */
export const WEAK_SCOPE_BREAKERS: ReadonlySet<string> = new Set([
  'by',
  'with',
  'using',
  'through',
  'via',
  'for',
  'in',
]);

/** Words that, shortly after a phrase, mark it as a practice to avoid ("DynamoDB locking is deprecated"). */
export const POST_NEGATORS: ReadonlySet<string> = new Set([
  'deprecated',
  'legacy',
  'bad',
  'wrong',
  'mistake',
  'risky',
  'dangerous',
  'unsafe',
  'anti-pattern',
  'antipattern',
  'discouraged',
  'outdated',
  'forbidden',
  'blocked',
  'avoided',
  'prohibited',
  'retired',
  'retiring',
  'obsolete',
  'sunset',
  'end-of-life',
]);
