import type { CreateServiceInput } from '../domain/directory/schemas.ts';
import type { Weekday } from '../domain/directory/schedule.ts';
import { stableId } from './ids.ts';

/**
 * A fictional service directory for demonstrations and training: services of the demo
 * organisations across regions of Mali and Burkina Faso (legacy P-codes), with accented
 * names, every kind of cost, several languages and target groups. Phone numbers are made
 * of zeros after the country code, so none can reach a real line. Synthetic only.
 */
interface DemoService {
  key: string;
  organisation: string;
  name: string;
  types: string[];
  groups?: string[];
  cost: 'free' | 'cost_shared' | 'paid';
  amount?: number;
  languages: string[];
  city: string;
  admin1: string;
  coverage?: string[];
  hours?: 'office' | 'always' | 'mornings' | 'weekend';
  beds?: [available: number, maximum: number];
  confidential?: boolean;
  membersOnly?: boolean;
  status?: 'inactive' | 'temporarily closed';
  /** Months since the provider last confirmed the entry; absent: never verified. */
  verifiedMonthsAgo?: number;
}

const S = (s: DemoService) => s;

export const DEMO_SERVICES: readonly DemoService[] = [
  S({ key: 'kayes-ecoute', organisation: 'ml-social', name: 'Écoute et orientation sociale de Kayes', types: ['vulnerability_screening', 'psychosocial'], groups: ['returnee', 'stranded_migrant'], cost: 'free', languages: ['fr', 'bm', 'snk'], city: 'Kayes', admin1: 'ML01', hours: 'office', verifiedMonthsAgo: 1 }),
  S({ key: 'kayes-etat-civil', organisation: 'ml-social', name: "Appui aux pièces d'état civil (Kayes)", types: ['documentation'], cost: 'free', languages: ['fr', 'bm'], city: 'Kayes', admin1: 'ML01', coverage: ['ML01'], hours: 'mornings', verifiedMonthsAgo: 8 }),
  S({ key: 'kayes-enfance', organisation: 'ml-social', name: "Protection de l'enfance et procédure d'intérêt supérieur", types: ['child_protection', 'best_interests_procedure'], groups: ['unaccompanied_separated_child', 'child'], cost: 'free', languages: ['fr', 'bm', 'snk'], city: 'Kayes', admin1: 'ML01', coverage: ['ML01', 'ML02'], hours: 'office', verifiedMonthsAgo: 2 }),
  S({ key: 'kayes-transport', organisation: 'ml-social', name: 'Transport vers les services de santé', types: ['transport'], cost: 'cost_shared', amount: 2500, languages: ['fr', 'bm'], city: 'Kayes', admin1: 'ML01', hours: 'office' }),
  S({ key: 'gao-hebergement', organisation: 'ml-shelter', name: "Hébergement d'urgence Hɛrɛ", types: ['shelter', 'food', 'non_food_items'], groups: ['victim_of_trafficking', 'stranded_migrant', 'woman'], cost: 'free', languages: ['fr', 'bm', 'ses', 'tmh'], city: 'Gao', admin1: 'ML07', coverage: ['ML07', 'ML10'], hours: 'always', beds: [6, 24], confidential: true, verifiedMonthsAgo: 0 }),
  S({ key: 'gao-soins', organisation: 'ml-shelter', name: 'Soins de santé primaires pour migrants', types: ['medical'], groups: ['stranded_migrant', 'returnee'], cost: 'free', languages: ['fr', 'ses', 'ar'], city: 'Gao', admin1: 'ML07', hours: 'office', verifiedMonthsAgo: 3 }),
  S({ key: 'gao-psy', organisation: 'ml-shelter', name: 'Soutien psychosocial « Dusukun »', types: ['psychosocial'], groups: ['victim_of_trafficking', 'gbv_survivor'], cost: 'free', languages: ['fr', 'bm', 'ses'], city: 'Gao', admin1: 'ML07', hours: 'mornings', verifiedMonthsAgo: 7 }),
  S({ key: 'bamako-retour', organisation: 'ml-shelter', name: 'Retour volontaire et réintégration, antenne de Bamako', types: ['voluntary_return', 'reintegration_economic', 'reintegration_social'], groups: ['returnee', 'stranded_migrant'], cost: 'free', languages: ['fr', 'bm', 'en'], city: 'Bamako', admin1: 'ML09', coverage: ['ML09', 'ML02', 'ML04'], hours: 'office', verifiedMonthsAgo: 1 }),
  S({ key: 'bamako-juridique', organisation: 'ml-shelter', name: 'Clinique juridique des droits des migrants', types: ['legal_aid', 'documentation'], groups: ['victim_of_trafficking', 'asylum_seeker_refugee'], cost: 'free', languages: ['fr', 'bm', 'en'], city: 'Bamako', admin1: 'ML09', hours: 'office', membersOnly: true }),
  S({ key: 'sikasso-formation', organisation: 'ml-un', name: 'Formation professionnelle en couture et mécanique', types: ['vocational_training', 'reintegration_economic'], groups: ['returnee'], cost: 'cost_shared', amount: 15000, languages: ['fr', 'bm'], city: 'Sikasso', admin1: 'ML03', coverage: ['ML03'], hours: 'office', verifiedMonthsAgo: 4 }),
  S({ key: 'sikasso-recherche', organisation: 'ml-un', name: 'Recherche familiale et réunification', types: ['family_tracing'], groups: ['unaccompanied_separated_child'], cost: 'free', languages: ['fr', 'bm', 'ff'], city: 'Sikasso', admin1: 'ML03', coverage: ['ML03', 'ML04', 'ML05'], hours: 'office', verifiedMonthsAgo: 2 }),
  S({ key: 'segou-sante', organisation: 'ml-un', name: 'Santé mentale et soutien psychosocial à Ségou', types: ['psychosocial', 'medical'], groups: ['gbv_survivor', 'person_with_disability'], cost: 'paid', amount: 5000, languages: ['fr', 'bm'], city: 'Ségou', admin1: 'ML04', coverage: ['ML04'], hours: 'office', verifiedMonthsAgo: 10 }),
  S({ key: 'mopti-vivres', organisation: 'ml-un', name: 'Distribution de vivres et de kits non alimentaires, Mopti', types: ['food', 'non_food_items'], groups: ['internally_displaced', 'stranded_migrant'], cost: 'free', languages: ['fr', 'ff', 'bm'], city: 'Mopti', admin1: 'ML05', coverage: ['ML05'], hours: 'mornings', verifiedMonthsAgo: 5 }),
  S({ key: 'mopti-ecole', organisation: 'ml-un', name: 'Éducation accélérée pour enfants déplacés', types: ['education'], groups: ['child', 'internally_displaced'], cost: 'free', languages: ['fr', 'ff'], city: 'Sévaré', admin1: 'ML05', hours: 'office', status: 'temporarily closed', verifiedMonthsAgo: 2 }),
  S({ key: 'gao-relais', organisation: 'ml-community', name: 'Relais communautaires : accueil et orientation', types: ['vulnerability_screening', 'interpretation'], groups: ['stranded_migrant', 'returnee'], cost: 'free', languages: ['ses', 'tmh', 'ar', 'fr'], city: 'Gao', admin1: 'ML07', coverage: ['ML07'], hours: 'weekend', verifiedMonthsAgo: 1 }),
  S({ key: 'gao-interpretes', organisation: 'ml-community', name: 'Interprètes en langues nationales', types: ['interpretation'], cost: 'paid', amount: 3000, languages: ['ses', 'tmh', 'ar', 'bm', 'ff'], city: 'Gao', admin1: 'ML07', coverage: ['ML07', 'ML06'], hours: 'office' }),
  S({ key: 'tombouctou-accueil', organisation: 'ml-community', name: 'Accueil des migrants de retour à Tombouctou', types: ['food', 'shelter'], groups: ['returnee'], cost: 'free', languages: ['ses', 'tmh', 'ar'], city: 'Tombouctou', admin1: 'ML06', hours: 'always', beds: [0, 10], verifiedMonthsAgo: 0 }),
  S({ key: 'kayes-ancien', organisation: 'ml-social', name: 'Ancien guichet migrants de Nioro', types: ['vulnerability_screening'], cost: 'free', languages: ['fr', 'snk'], city: 'Nioro du Sahel', admin1: 'ML01', status: 'inactive', verifiedMonthsAgo: 20 }),
  S({ key: 'ouaga-action-sociale', organisation: 'bf-social', name: "Accueil et écoute de l'action sociale du Kadiogo", types: ['vulnerability_screening', 'psychosocial'], groups: ['victim_of_trafficking', 'child', 'gbv_survivor'], cost: 'free', languages: ['fr', 'mos', 'dyu'], city: 'Ouagadougou', admin1: 'BF13', coverage: ['BF13'], hours: 'office', verifiedMonthsAgo: 1 }),
  S({ key: 'ouaga-placement', organisation: 'bf-social', name: 'Placement familial et tutelle des enfants', types: ['child_protection', 'best_interests_procedure', 'family_tracing'], groups: ['unaccompanied_separated_child'], cost: 'free', languages: ['fr', 'mos'], city: 'Ouagadougou', admin1: 'BF13', coverage: ['BF13', 'BF55', 'BF49'], hours: 'office', verifiedMonthsAgo: 3 }),
  S({ key: 'ouaga-documents', organisation: 'bf-social', name: 'Établissement des actes de naissance', types: ['documentation'], groups: ['child', 'returnee'], cost: 'cost_shared', amount: 1000, languages: ['fr', 'mos'], city: 'Ouagadougou', admin1: 'BF13', hours: 'mornings', verifiedMonthsAgo: 9 }),
  S({ key: 'ouaga-laafi', organisation: 'bf-shelter', name: "Centre d'hébergement Laafi", types: ['shelter', 'food', 'medical'], groups: ['victim_of_trafficking', 'woman', 'child'], cost: 'free', languages: ['fr', 'mos', 'dyu', 'en'], city: 'Ouagadougou', admin1: 'BF13', coverage: ['BF13'], hours: 'always', beds: [3, 18], confidential: true, verifiedMonthsAgo: 0 }),
  S({ key: 'dori-accueil', organisation: 'bf-shelter', name: 'Accueil de transit de Dori', types: ['shelter', 'food', 'non_food_items', 'transport'], groups: ['stranded_migrant', 'internally_displaced'], cost: 'free', languages: ['fr', 'ff', 'tmh'], city: 'Dori', admin1: 'BF56', coverage: ['BF56'], hours: 'always', beds: [12, 40], verifiedMonthsAgo: 6 }),
  S({ key: 'dori-juridique', organisation: 'bf-shelter', name: 'Aide juridique et accompagnement au tribunal', types: ['legal_aid'], groups: ['victim_of_trafficking', 'gbv_survivor'], cost: 'free', languages: ['fr', 'ff', 'mos'], city: 'Dori', admin1: 'BF56', hours: 'office', verifiedMonthsAgo: 2 }),
  S({ key: 'bobo-reintegration', organisation: 'bf-un', name: 'Réintégration économique : microprojets', types: ['reintegration_economic', 'vocational_training'], groups: ['returnee'], cost: 'free', languages: ['fr', 'dyu', 'mos'], city: 'Bobo-Dioulasso', admin1: 'BF53', coverage: ['BF53', 'BF47', 'BF46'], hours: 'office', verifiedMonthsAgo: 1 }),
  S({ key: 'bobo-retour', organisation: 'bf-un', name: 'Retour volontaire assisté (Bobo-Dioulasso)', types: ['voluntary_return', 'transport'], groups: ['stranded_migrant'], cost: 'free', languages: ['fr', 'en', 'dyu', 'ha'], city: 'Bobo-Dioulasso', admin1: 'BF53', coverage: ['BF53'], hours: 'office', verifiedMonthsAgo: 4 }),
  S({ key: 'bobo-sante', organisation: 'bf-un', name: 'Consultations médicales mobiles', types: ['medical'], groups: ['stranded_migrant', 'person_with_disability'], cost: 'cost_shared', amount: 500, languages: ['fr', 'dyu'], city: 'Bobo-Dioulasso', admin1: 'BF53', coverage: ['BF53', 'BF57'], hours: 'weekend', verifiedMonthsAgo: 11 }),
  S({ key: 'bobo-psy', organisation: 'bf-un', name: 'Réintégration psychosociale et groupes de parole', types: ['reintegration_psychosocial', 'psychosocial'], groups: ['returnee', 'victim_of_trafficking'], cost: 'free', languages: ['fr', 'dyu', 'mos'], city: 'Bobo-Dioulasso', admin1: 'BF53', hours: 'mornings', verifiedMonthsAgo: 2 }),
  S({ key: 'kaya-relais', organisation: 'bf-community', name: 'Relais communautaires de Kaya : orientation', types: ['vulnerability_screening', 'interpretation'], groups: ['internally_displaced', 'child'], cost: 'free', languages: ['mos', 'ff', 'fr'], city: 'Kaya', admin1: 'BF49', coverage: ['BF49'], hours: 'weekend', verifiedMonthsAgo: 1 }),
  S({ key: 'kaya-ecole', organisation: 'bf-community', name: "Cours d'alphabétisation en mooré", types: ['education'], groups: ['woman'], cost: 'paid', amount: 2000, languages: ['mos'], city: 'Kaya', admin1: 'BF49', hours: 'mornings' }),
  S({ key: 'kaya-reinsertion', organisation: 'bf-community', name: 'Réinsertion sociale des jeunes de retour', types: ['reintegration_social'], groups: ['returnee'], cost: 'free', languages: ['mos', 'fr'], city: 'Kaya', admin1: 'BF49', coverage: ['BF49', 'BF54'], hours: 'office', verifiedMonthsAgo: 3 }),
  S({ key: 'ouahigouya-vivres', organisation: 'bf-community', name: 'Banque alimentaire de Ouahigouya', types: ['food'], groups: ['internally_displaced'], cost: 'free', languages: ['mos', 'ff'], city: 'Ouahigouya', admin1: 'BF54', coverage: ['BF54'], hours: 'weekend', verifiedMonthsAgo: 14 }),
];

const HOURS: Record<NonNullable<DemoService['hours']>, { days: Weekday[]; opensAt: string; closesAt: string }[]> = {
  office: [
    { days: ['MO', 'TU', 'WE', 'TH'], opensAt: '08:00', closesAt: '17:00' },
    { days: ['FR'], opensAt: '08:00', closesAt: '12:30' },
  ],
  mornings: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'], opensAt: '07:30', closesAt: '12:00' }],
  weekend: [{ days: ['SA', 'SU'], opensAt: '09:00', closesAt: '18:00' }],
  always: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '00:00', closesAt: '23:59' }],
};

export const demoServiceId = (key: string) => stableId(`demo:service:${key}`);

/** When a demo entry was last confirmed, to the day (so a second seed the same day replays the same commands). */
export function demoVerifiedAt(s: DemoService, today: Date): string | undefined {
  if (s.verifiedMonthsAgo === undefined) return undefined;
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  d.setUTCMonth(d.getUTCMonth() - s.verifiedMonthsAgo);
  return d.toISOString();
}

/** The create command's input for a demo service; its location is shared by the organisation's services in that city. */
export function demoServiceInput(s: DemoService, index: number): CreateServiceInput {
  const country = s.admin1.slice(0, 2) as 'ML' | 'BF';
  const dialling = country === 'ML' ? '+223' : '+226';
  return {
    serviceId: demoServiceId(s.key),
    organisationId: stableId(`demo:organisation:${s.organisation}`),
    name: `${s.name} (démo)`,
    description: `${s.name}. Service fictif de démonstration.`,
    status: s.status ?? 'active',
    visibility: s.membersOnly ? 'members' : 'public',
    applicationProcess: 'Sur orientation d’un partenaire du mécanisme ou en se présentant à l’accueil.',
    serviceTypes: s.types,
    targetGroups: s.groups ?? [],
    languages: s.languages,
    costs: [{ kind: s.cost, amount: s.cost === 'free' ? null : (s.amount ?? null), description: s.cost === 'cost_shared' ? 'Participation symbolique, exonération possible.' : null }],
    phones: [{ number: `${dialling} 00 00 ${String(10 + index).padStart(2, '0')} ${String(index * 7 % 100).padStart(2, '0')}`, type: 'voice', languages: s.languages.slice(0, 2) }],
    contacts: [{ name: 'Point focal protection (démo)', title: 'Point focal', email: null, phone: null }],
    schedules: HOURS[s.hours ?? 'office'],
    coverage: s.coverage ?? [s.admin1],
    locations: [
      {
        id: stableId(`demo:location:${s.organisation}:${s.city}${s.confidential ? ':confidential' : ''}`),
        locationType: 'physical',
        name: s.confidential ? `Site protégé de ${s.city} (démo)` : `Bureau de ${s.city} (démo)`,
        admin1Pcode: s.admin1,
        confidential: s.confidential ?? false,
        address: { address1: s.confidential ? 'Adresse communiquée sur orientation' : `Rue ${100 + index}, porte ${index + 1}`, city: s.city, country },
      },
    ],
    capacity: s.beds ? { unit: 'bed', available: s.beds[0], maximum: s.beds[1] } : null,
  };
}
