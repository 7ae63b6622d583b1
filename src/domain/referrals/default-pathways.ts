import type { Pathway, StepTiming } from './pathways.ts';

/**
 * The pathways Sira ships, one per main target group, following the NRM phases (DOMAIN.md §2:
 * identification → first assistance and protection → long-term assistance → return and
 * inclusion) and child case management (§3). They are a starting point: a coordinator adapts
 * them to the country's procedures and names the responsible organisations per region, so
 * `responsible` is empty here. Step order is the order a caseworker refers in; timing says how
 * soon after identification.
 */
const step = (serviceType: string, timing: StepTiming): Pathway['steps'][number] => ({ serviceType, timing, responsible: [] });

export const DEFAULT_PATHWAYS: readonly Pathway[] = [
  {
    targetGroup: 'victim_of_trafficking',
    steps: [
      // Identification needs only reasonable grounds; it opens the way to every other step.
      step('vulnerability_screening', 'immediate'),
      // Safety first: away from the traffickers, then urgent health needs.
      step('shelter', 'immediate'),
      step('medical', 'immediate'),
      // Trauma-informed support starts once the person is safe and cared for.
      step('psychosocial', 'within_72h'),
      // Legal advice comes during the reflection period (at least 30 days), so that the person
      // decides about proceedings and residence knowing their rights, not under pressure.
      step('legal_aid', 'later'),
      // Papers are needed both to stay lawfully and to travel home.
      step('documentation', 'later'),
      step('voluntary_return', 'later'),
      // Reintegration closes the loop; without it, re-trafficking is the common outcome.
      step('reintegration', 'later'),
    ],
  },
  {
    targetGroup: 'unaccompanied_separated_child',
    steps: [
      // Treated as a child while the age is uncertain; screening confirms the child is alone.
      step('vulnerability_screening', 'immediate'),
      // Child protection services take charge at once: interim care and a guardian-advocate.
      step('child_protection', 'immediate'),
      step('shelter', 'immediate'),
      step('medical', 'immediate'),
      step('psychosocial', 'within_72h'),
      // Tracing starts early: the trail goes cold, and reunification is the preferred solution.
      step('family_tracing', 'within_72h'),
      // A durable solution for an unaccompanied or separated child needs a best-interests
      // determination, which uses what tracing found; return and schooling follow from it.
      step('best_interests_procedure', 'later'),
      step('documentation', 'later'),
      step('voluntary_return', 'later'),
      step('education', 'later'),
    ],
  },
  {
    targetGroup: 'returnee',
    steps: [
      // Screening at arrival finds who needs more than the standard reception package.
      step('vulnerability_screening', 'immediate'),
      // Reception: a meal, a transit bed and a health check on the day of arrival.
      step('food', 'immediate'),
      step('shelter', 'immediate'),
      step('medical', 'immediate'),
      step('psychosocial', 'within_72h'),
      // Onward travel to the home community, once the person is fit to go.
      step('transport', 'within_72h'),
      step('documentation', 'later'),
      // The reintegration plan is due within about a month of return, in its three dimensions.
      step('reintegration_economic', 'later'),
      step('reintegration_social', 'later'),
      step('reintegration_psychosocial', 'later'),
    ],
  },
  {
    targetGroup: 'stranded_migrant',
    steps: [
      step('vulnerability_screening', 'immediate'),
      // Basic needs first: people stranded in transit towns often lack food, water and cover.
      step('food', 'immediate'),
      step('non_food_items', 'immediate'),
      step('shelter', 'immediate'),
      step('medical', 'immediate'),
      step('psychosocial', 'within_72h'),
      // Travel documents are the usual obstacle to going home, so they come before return.
      step('documentation', 'later'),
      step('voluntary_return', 'later'),
      step('reintegration', 'later'),
    ],
  },
  {
    targetGroup: 'gbv_survivor',
    steps: [
      // Health care comes first, without any screening before it: post-exposure prophylaxis
      // and emergency contraception only work within 72 hours of an assault.
      step('medical', 'immediate'),
      // Survivor-centred case management and a safety plan from the first contact.
      step('psychosocial', 'immediate'),
      // A safe place when going home is not safe.
      step('shelter', 'immediate'),
      // Justice only if the survivor chooses it, once informed and supported.
      step('legal_aid', 'later'),
      // Livelihoods reduce the dependence that keeps survivors exposed to violence.
      step('reintegration_economic', 'later'),
    ],
  },
];
