// English morphology and word classes the grammar rules need: verb forms, plurals, comparatives, a/an by sound,
// mass nouns. Written for the errors Chinese speakers make in spoken English (no tense or number inflection in
// Mandarin, no articles, different prepositions), not a general grammar of English.

/** Irregular verbs: base → [past, past participle]. */
const IRREGULAR: ReadonlyArray<readonly [string, string, string]> = [
  ['be', 'was', 'been'],
  ['have', 'had', 'had'],
  ['do', 'did', 'done'],
  ['go', 'went', 'gone'],
  ['get', 'got', 'got'],
  ['make', 'made', 'made'],
  ['take', 'took', 'taken'],
  ['give', 'gave', 'given'],
  ['come', 'came', 'come'],
  ['become', 'became', 'become'],
  ['see', 'saw', 'seen'],
  ['know', 'knew', 'known'],
  ['find', 'found', 'found'],
  ['think', 'thought', 'thought'],
  ['tell', 'told', 'told'],
  ['say', 'said', 'said'],
  ['keep', 'kept', 'kept'],
  ['leave', 'left', 'left'],
  ['lead', 'led', 'led'],
  ['meet', 'met', 'met'],
  ['pay', 'paid', 'paid'],
  ['run', 'ran', 'run'],
  ['rerun', 'reran', 'rerun'],
  ['build', 'built', 'built'],
  ['rebuild', 'rebuilt', 'rebuilt'],
  ['write', 'wrote', 'written'],
  ['rewrite', 'rewrote', 'rewritten'],
  ['overwrite', 'overwrote', 'overwritten'],
  ['send', 'sent', 'sent'],
  ['spend', 'spent', 'spent'],
  ['lose', 'lost', 'lost'],
  ['break', 'broke', 'broken'],
  ['choose', 'chose', 'chosen'],
  ['begin', 'began', 'begun'],
  ['bring', 'brought', 'brought'],
  ['buy', 'bought', 'bought'],
  ['catch', 'caught', 'caught'],
  ['teach', 'taught', 'taught'],
  ['fight', 'fought', 'fought'],
  ['feel', 'felt', 'felt'],
  ['hold', 'held', 'held'],
  ['grow', 'grew', 'grown'],
  ['drive', 'drove', 'driven'],
  ['fall', 'fell', 'fallen'],
  ['rise', 'rose', 'risen'],
  ['win', 'won', 'won'],
  ['understand', 'understood', 'understood'],
  ['stand', 'stood', 'stood'],
  ['sell', 'sold', 'sold'],
  ['forget', 'forgot', 'forgotten'],
  ['hear', 'heard', 'heard'],
  ['mean', 'meant', 'meant'],
  ['undo', 'undid', 'undone'],
  ['redo', 'redid', 'redone'],
  ['show', 'showed', 'shown'],
  ['set', 'set', 'set'],
  ['put', 'put', 'put'],
  ['cut', 'cut', 'cut'],
  ['hit', 'hit', 'hit'],
  ['shut', 'shut', 'shut'],
  ['let', 'let', 'let'],
  ['read', 'read', 'read'],
  ['spread', 'spread', 'spread'],
  ['split', 'split', 'split'],
  ['cost', 'cost', 'cost'],
  ['quit', 'quit', 'quit'],
  ['sit', 'sat', 'sat'],
  ['speak', 'spoke', 'spoken'],
  ['wake', 'woke', 'woken'],
  ['throw', 'threw', 'thrown'],
  ['draw', 'drew', 'drawn'],
  ['fly', 'flew', 'flown'],
  ['freeze', 'froze', 'frozen'],
  ['hide', 'hid', 'hidden'],
  ['ride', 'rode', 'ridden'],
  ['shake', 'shook', 'shaken'],
  ['steal', 'stole', 'stolen'],
  ['swim', 'swam', 'swum'],
  ['dig', 'dug', 'dug'],
  ['feed', 'fed', 'fed'],
  ['bleed', 'bled', 'bled'],
  ['deal', 'dealt', 'dealt'],
  ['seek', 'sought', 'sought'],
  ['sleep', 'slept', 'slept'],
  ['sweep', 'swept', 'swept'],
  ['light', 'lit', 'lit'],
  ['bind', 'bound', 'bound'],
  ['wind', 'wound', 'wound'],
  ['withdraw', 'withdrew', 'withdrawn'],
  ['override', 'overrode', 'overridden'],
  ['mislead', 'misled', 'misled'],
  ['forbid', 'forbade', 'forbidden'],
  ['upset', 'upset', 'upset'],
];
const PAST = new Map(IRREGULAR.map(([base, past]) => [base, past]));
const PARTICIPLE = new Map(IRREGULAR.map(([base, , part]) => [base, part]));
const IRREGULAR_FORMS = new Set(IRREGULAR.flatMap(([, past, part]) => [past, part]));
/** Short verbs whose last consonant doubles before -ed/-ing ("stop" → "stopped"). */
const DOUBLING = new Set(
  'stop drop ship plan scan tag log map chat commit submit admit permit omit refer prefer occur control patrol jam trim grab wrap skip step plug slip strip swap tap trip zip flag pin ban rub scrub cap clip'.split(
    ' ',
  ),
);

/** Past tense of a verb given its base form: "expire" → "expired", "run" → "ran", "try" → "tried". */
export function pastOf(base: string): string {
  const irregular = PAST.get(base);
  if (irregular) return irregular;
  if (DOUBLING.has(base)) return `${base}${base.slice(-1)}ed`;
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

export function participleOf(base: string): string {
  return PARTICIPLE.get(base) ?? pastOf(base);
}

/** Whether a word form is a past tense or past participle ("fixed", "ran", "built"). */
export function isPastForm(norm: string, lemma: string): boolean {
  if (norm === lemma) return false;
  return IRREGULAR_FORMS.has(norm) || (norm.endsWith('ed') && lemma !== norm);
}

/** Third person singular present: "restart" → "restarts", "fix" → "fixes", "try" → "tries", "have" → "has". */
export function thirdPersonOf(base: string): string {
  if (base === 'have') return 'has';
  if (base === 'be') return 'is';
  if (base === 'do' || base === 'go') return `${base}es`;
  if (/(?:s|x|z|ch|sh|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Whether the form is the third person singular of the base ("restarts" of "restart"). */
export function isThirdPerson(norm: string, lemma: string): boolean {
  return norm !== lemma && norm === thirdPersonOf(lemma);
}

/** Plural of a noun: "cluster" → "clusters", "policy" → "policies", "box" → "boxes". */
export function pluralOf(noun: string): string {
  const irregular: Record<string, string> = {
    person: 'people',
    child: 'children',
    man: 'men',
    woman: 'women',
    index: 'indexes',
    matrix: 'matrices',
    analysis: 'analyses',
    criterion: 'criteria',
  };
  if (irregular[noun]) return irregular[noun];
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

/** Adjectives that take -er / -est, with their comparative ("easy" → "easier", "big" → "bigger"). */
const COMPARATIVE: ReadonlyMap<string, string> = new Map(
  (
    'easy:easier simple:simpler fast:faster slow:slower quick:quicker cheap:cheaper big:bigger small:smaller ' +
    'safe:safer hard:harder clear:clearer short:shorter long:longer high:higher low:lower large:larger ' +
    'strong:stronger busy:busier early:earlier late:later new:newer old:older close:closer tight:tighter ' +
    'lean:leaner light:lighter heavy:heavier fine:finer nice:nicer deep:deeper wide:wider narrow:narrower ' +
    'weak:weaker clean:cleaner quiet:quieter smart:smarter hot:hotter cold:colder dense:denser fresh:fresher ' +
    'thin:thinner thick:thicker tiny:tinier happy:happier noisy:noisier risky:riskier healthy:healthier ' +
    'good:better bad:worse far:further cheap:cheaper lucky:luckier calm:calmer young:younger'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
/** Comparative and superlative forms that already compare ("faster", "best"): "more" before them doubles. */
const COMPARED: ReadonlySet<string> = new Set([
  ...[...COMPARATIVE.values()],
  ...[...COMPARATIVE.values()].map((comp) =>
    comp === 'better' ? 'best' : comp === 'worse' ? 'worst' : comp.replace(/er$/, 'est'),
  ),
  'less',
  'least',
  'further',
  'furthest',
]);

export const comparativeOf = (adjective: string): string | undefined => COMPARATIVE.get(adjective);
export const isCompared = (word: string): boolean => COMPARED.has(word);

/** Adverb of an adjective: "quick" → "quickly", "easy" → "easily", "automatic" → "automatically". */
export function adverbOf(adjective: string): string {
  if (adjective === 'good') return 'well';
  if (/[^aeiou]y$/.test(adjective)) return `${adjective.slice(0, -1)}ily`;
  if (adjective.endsWith('ic')) return `${adjective}ally`;
  if (/[^aeiou]le$/.test(adjective)) return `${adjective.slice(0, -1)}y`;
  return `${adjective}ly`;
}

/**
 * Adjectives that, right after a verb of action, must be adverbs ("responds quick", "ran very slow"). Words that
 * are adverbs too ("fast", "hard", "late", "early", "high", "low", "long", "right") are not here.
 */
export const NEEDS_ADVERB: ReadonlySet<string> = new Set(
  'quick slow easy careful bad smooth quiet efficient reliable frequent safe automatic manual correct proper random silent immediate rapid poor steady regular smooth consistent stable predictable gradual secure'.split(
    ' ',
  ),
);

/** Verbs after which an adjective describes the subject ("it looks good", "the cluster stays healthy"). */
export const LINKING_VERBS: ReadonlySet<string> = new Set(
  'be become get seem look feel sound stay remain keep turn grow prove appear go come taste smell make'.split(
    ' ',
  ),
);

/** Nouns that take no plural and no "a/an" in the sense engineers use them. */
export const MASS_NOUNS: ReadonlySet<string> = new Set(
  (
    'information data feedback software hardware firmware middleware documentation advice equipment knowledge ' +
    'research evidence furniture homework progress traffic storage memory latency downtime uptime access ' +
    'security compliance ownership visibility infrastructure code toil headroom egress ingress encryption ' +
    'authentication authorization governance maintenance support money help bandwidth telemetry guidance ' +
    'usage safety accountability stuff luggage noise churn debt english chinese mandarin'
  ).split(' '),
);

/**
 * Nouns engineers often use without an article ("we use automation", "set up monitoring"): the missing-article
 * rule leaves them alone, on top of the mass nouns and what the bank itself writes bare.
 */
export const OFTEN_BARE: ReadonlySet<string> = new Set(
  (
    'monitoring logging alerting tracing observability automation capacity networking state drift time work ' +
    'production staging development testing tooling availability reliability resilience scalability ' +
    'performance throughput logic budget spend load pressure isolation confidence trust coverage ' +
    'configuration management delivery integration deployment provisioning scaling failover replication ' +
    'retention versioning tagging patching hardening rollback scope quality cost waste demand risk damage ' +
    'impact health behaviour behavior python go java rust terraform kubernetes ansible helm docker git ' +
    'experience training practice design planning ownership approval review feedback consent access canary ' +
    'blue-green failback switchover handover momentum panic honesty burnout fatigue vacuum import'
  ).split(' '),
);

/** Uncountable nouns learners pluralise, with the correction ("informations" → "information"). */
export const FALSE_PLURALS: ReadonlyMap<string, string> = new Map(
  (
    'informations:information feedbacks:feedback softwares:software hardwares:hardware firmwares:firmware ' +
    'middlewares:middleware documentations:documentation datas:data advices:advice equipments:equipment ' +
    'knowledges:knowledge researches:research evidences:evidence furnitures:furniture homeworks:homework ' +
    'progresses:progress stuffs:stuff luggages:luggage toolings:tooling infrastructures:infrastructure ' +
    'monitorings:monitoring trainings:training'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Number words (counting from two) that ask for a plural noun. */
export const COUNT_WORDS: ReadonlySet<string> = new Set(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozens'.split(
    ' ',
  ),
);
/** Quantifiers that ask for a plural noun. */
export const PLURAL_QUANTIFIERS: ReadonlySet<string> = new Set(
  'many several multiple various numerous few both these those'.split(' '),
);
/** Units and measures written after numbers without a plural (ms, GiB, %, x). */
export const UNITS: ReadonlySet<string> = new Set(
  'ms s sec min h hr kb mb gb tb pb kib mib gib tib rps qps rpm tps iops vcpu vcpus cpu cpus x k m percent per cent core cores pct dollar usd eur rmb bit byte'.split(
    ' ',
  ),
);

/** Acronyms pronounced as words, so "a": "a NAT gateway", "a SOC 2 report", "a YAML file". */
const WORD_ACRONYMS: ReadonlySet<string> = new Set(
  'nat lan wan ram saml soc cidr yaml json nic sql waf raid rom scim ldap siem nfs readme sev red slsa raci dora nacl fin syn ack'.split(
    ' ',
  ),
);
/** Words with a vowel letter but a consonant sound ("a unique", "a user", "a one-hour window"). */
const CONSONANT_SOUND = /^(?:uni|use|usu|uti|ura|ure|uro|euro|eu(?!-)|one\b|once|ubiq|ufo|uk\b|ukr)/;
/** Words with a consonant letter but a vowel sound ("an hour", "an honest"). */
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir|nginx)/;

/** Whether a word is said starting with a vowel sound, so it takes "an". */
export function startsWithVowelSound(word: string): boolean {
  const w = word.replace(/^[^A-Za-z0-9]+/, '');
  if (w === '') return false;
  // Numbers: "an 8-hour window", "an 11 pm call", "an 80% share", "an 18".
  if (/^\d/.test(w)) return /^(?:8|11(?!\d{2})|18(?!\d{2}))/.test(w) || /^8\d*/.test(w);
  const letters = w.match(/^[A-Za-z]+/)?.[0] ?? '';
  // Capitals said letter by letter ("an SLO", "an N+1 query"); a lone capital before a digit or symbol too.
  const isAcronym =
    letters === letters.toUpperCase() &&
    letters.length <= 6 &&
    (letters.length >= 2 || /^[A-Z](?![a-z])/.test(w));
  // Capitals said as a word ("a NAT gateway", "a NOT VALID constraint", "a FOCUS export"): consonant, vowel,
  // consonant at the start; the rest are spelled out letter by letter ("an SLO", "an RDS").
  const spokenAsWord =
    WORD_ACRONYMS.has(letters.toLowerCase()) || /^[B-DF-HJ-NP-TV-Z][AEIOU][B-DF-HJ-NP-TV-Z]/.test(letters);
  if (isAcronym && !spokenAsWord) return /^[AEFHILMNORSX]/.test(letters);
  const lower = w.toLowerCase();
  if (VOWEL_SOUND.test(lower)) return true;
  if (CONSONANT_SOUND.test(lower)) return false;
  return /^[aeiou]/.test(lower);
}

export const articleFor = (word: string): 'a' | 'an' => (startsWithVowelSound(word) ? 'an' : 'a');

/**
 * Countable nouns of our domain that the tagger sometimes reads as verbs or adjectives ("many alert", "when
 * engineer ran"): where the words around say noun, they are nouns.
 */
export const COUNT_NOUNS: ReadonlySet<string> = new Set(
  (
    'alert engineer cluster node pod service instance pipeline job environment account region zone subnet bucket ' +
    'role policy team client customer incident ticket release change query request error issue bug comment ' +
    'dashboard metric module workspace script tool server database table file repository repo branch tag image ' +
    'container volume snapshot backup certificate key secret token user developer manager project task step ' +
    'option experiment complaint resource type runbook playbook check test rule group stack portal template ' +
    'endpoint function queue topic event message report document meeting workshop week day month year hour ' +
    'minute second outage migration upgrade rollout cost budget quota limit threshold probe replica ' +
    'gateway load balancer proxy firewall route record domain provider vendor contract estimate deadline ' +
    'sprint story ticket review approval window schedule plan proposal decision trade-off lesson mistake ' +
    'commit mesh transfer update switch restore trace cause lock patch fix build scan message email call ' +
    'question answer example reason solution suggestion proposal idea problem world platform site office ' +
    'laptop machine server page screen button link form field column row record resize restart'
  ).split(' '),
);
