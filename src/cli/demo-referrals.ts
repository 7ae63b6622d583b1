/**
 * Fictional referrals between the demo organisations, so that a demonstration shows an inbox
 * with something in it, an answered referral with its outcome, and a child's emergency.
 * Each step is applied through the real commands, in order.
 */
export interface DemoReferral {
  key: string;
  case: string;
  service: string;
  serviceType: string;
  urgency: 'emergency' | 'urgent' | 'normal';
  reason: string;
  shareIdentity: boolean;
  /** Steps the receiver took, with their notes. */
  steps: readonly { event: 'accept' | 'start' | 'complete'; note?: string }[];
}

export const DEMO_REFERRALS: readonly DemoReferral[] = [
  { key: 'kayes-1-shelter', case: 'kayes-1', service: 'gao-hebergement', serviceType: 'shelter', urgency: 'urgent', reason: 'Retour de Libye, sans hébergement à Gao ; demande un lieu sûr pour quelques nuits.', shareIdentity: true, steps: [] },
  {
    key: 'gao-1-tracing',
    case: 'gao-1',
    service: 'sikasso-recherche',
    serviceType: 'family_tracing',
    urgency: 'emergency',
    reason: 'Enfant non accompagné, 15 ans, séparé de sa famille à la frontière ; recherche familiale demandée.',
    shareIdentity: false,
    steps: [{ event: 'accept' }],
  },
  {
    key: 'kadiogo-1-medical',
    case: 'kadiogo-1',
    service: 'ouaga-laafi',
    serviceType: 'medical',
    urgency: 'normal',
    reason: 'Consultation médicale après un long trajet ; douleurs au pied.',
    shareIdentity: false,
    steps: [{ event: 'accept' }, { event: 'start' }, { event: 'complete', note: 'Soins donnés, suivi dans deux semaines.' }],
  },
];
