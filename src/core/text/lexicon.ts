// DevOps synonyms folded to one stem, so "k8s" covers "Kubernetes" and "roll back" covers "rollback".
const SINGLE: Record<string, string> = {
  k8s: 'kubernet',
  kube: 'kubernet',
  argocd: 'argo',
  gha: 'github-act',
  tf: 'terraform',
  postmortem: 'postmortem',
  retro: 'retrospect',
  rca: 'root-caus',
  iac: 'iac',
  otel: 'opentelemetri',
  cw: 'cloudwatch',
  prom: 'prometheus',
  alb: 'load-balanc',
  elb: 'load-balanc',
  nlb: 'load-balanc',
  loadbalanc: 'load-balanc',
  multiaz: 'multi-az',
  hpa: 'horizontalpodautoscal',
  rollback: 'rollback',
  revert: 'rollback',
  mttr: 'mttr',
  slo: 'slo',
  slos: 'slo',
  sli: 'sli',
  cicd: 'ci/cd',
  'ci/cd': 'ci/cd',
  pipelin: 'pipelin',
};

export function canonicalStem(stem: string): string {
  return SINGLE[stem] ?? stem;
}
