import { v5 as uuidv5 } from 'uuid';

/**
 * The NRM taxonomies Sira ships: the service types of Mali's referral mechanism (its
 * assistance types, DOMAIN.md §2, with reintegration split into its three dimensions) and
 * the target groups. They are seed data: `taxonomy.seed` inserts what is missing and never
 * touches a term that exists, so a coordinator's later edits survive every release.
 *
 * Ids derive from the codes (uuid v5 in a fixed namespace), so every installation gives a
 * term the same id: an HSDS consumer or an import can rely on them across deployments.
 * Bambara labels await a native speaker's review (docs/i18n-glossary.md).
 */
const NAMESPACE = 'a6f1b0d2-4c3e-4e59-8f7a-2b9d5c1e7a30';

export interface Labels {
  fr: string;
  en: string;
  bm: string;
}

export interface SeedTerm {
  code: string;
  parent?: string;
  name: Labels;
  description: Labels;
  /** Pictogram key of src/web/ui/pictograms.ts, when the term has one. */
  pictogram?: string;
}

export interface SeedTaxonomy {
  key: string;
  name: Labels;
  description: Labels;
  /** HSDS attribute.link_type used when a service is tagged with one of its terms. */
  linkType: string;
  terms: readonly SeedTerm[];
}

export const TAXONOMY_VERSION = '2026.1';

const t = (fr: string, en: string, bm: string): Labels => ({ fr, en, bm });

export const SERVICE_TYPES: SeedTaxonomy = {
  key: 'nrm_service_types',
  linkType: 'service_type',
  name: t('Types de service du mécanisme national de référencement', 'Service types of the national referral mechanism', 'Jamana ka bolodacogo ka dɛmɛ suguyaw'),
  description: t(
    "Les types d'assistance du manuel de procédures du MRN du Mali, utilisés au Mali et au Burkina Faso.",
    "Assistance types from the procedures manual of Mali's national referral mechanism, used in Mali and Burkina Faso.",
    'Mali ka bolodacogo sariyasɛbɛn ka dɛmɛ suguyaw, u bɛ baara la Mali ni Burukina kɔnɔ.',
  ),
  terms: [
    { code: 'food', pictogram: 'food', name: t('Alimentation', 'Food', 'Dumuni'), description: t('Repas, vivres, aide alimentaire.', 'Meals, food rations, food assistance.', 'Dumuni, balo dɛmɛ.') },
    { code: 'medical', pictogram: 'health', name: t('Soins médicaux', 'Medical care', 'Kɛnɛya'), description: t('Consultation, soins, médicaments, orientation vers un centre de santé.', 'Consultation, treatment, medicines, referral to a health centre.', 'Dɔgɔtɔrɔ lajɛli, furakɛli, furaw.') },
    { code: 'psychosocial', pictogram: 'psychosocial', name: t('Soutien psychosocial', 'Psychosocial support', 'Hakili ni dusukun dɛmɛ'), description: t('Écoute, soutien psychologique, activités psychosociales.', 'Listening, psychological support, psychosocial activities.', 'Lamɛnni, hakili ni dusukun dɛmɛ.') },
    { code: 'non_food_items', name: t('Articles non alimentaires', 'Non-food items', 'Minɛn minnu tɛ dumuni ye'), description: t('Kits d’hygiène, vêtements, couvertures, ustensiles.', 'Hygiene kits, clothes, blankets, utensils.', 'Saniya minɛnw, finiw, birifiniw.') },
    { code: 'shelter', pictogram: 'shelter', name: t('Hébergement', 'Shelter', 'Sigiyɔrɔ'), description: t("Hébergement d'urgence ou de transit, centre d'accueil.", 'Emergency or transit shelter, reception centre.', 'Sigiyɔrɔ teliman walima tɛmɛyɔrɔ.') },
    { code: 'vulnerability_screening', name: t('Évaluation de la vulnérabilité', 'Vulnerability screening', 'Farigan lajɛli'), description: t('Identification et évaluation des besoins de protection.', 'Identification and assessment of protection needs.', 'Lakanani magow lajɛli.') },
    { code: 'family_tracing', pictogram: 'familyTracing', name: t('Recherche familiale', 'Family tracing', 'Denbaya ɲinini'), description: t('Recherche et réunification familiales.', 'Family tracing and reunification.', 'Denbaya ɲinini ani u lafarali.') },
    { code: 'voluntary_return', pictogram: 'return', name: t('Retour volontaire', 'Voluntary return', 'Seginni sago la'), description: t("Organisation du retour volontaire vers le pays d'origine.", 'Arranging voluntary return to the country of origin.', 'Seginni sago la faso la.') },
    { code: 'reintegration', pictogram: 'reintegration', name: t('Réintégration', 'Reintegration', 'Sigili kura'), description: t('Accompagnement à la réintégration durable.', 'Support towards sustainable reintegration.', 'Dɛmɛ walasa ka sigi kokura.') },
    { code: 'reintegration_economic', parent: 'reintegration', pictogram: 'reintegration', name: t('Réintégration économique', 'Economic reintegration', 'Sigili kura: wari ni baara'), description: t('Activité génératrice de revenus, emploi, microcrédit.', 'Income-generating activity, employment, microcredit.', 'Baara min bɛ wari don, baara sɔrɔli.') },
    { code: 'reintegration_social', parent: 'reintegration', pictogram: 'reintegration', name: t('Réintégration sociale', 'Social reintegration', 'Sigili kura: sigida kɔnɔ'), description: t('Logement, accès aux services, liens avec la communauté.', 'Housing, access to services, ties with the community.', 'So, dɛmɛw sɔrɔli, jɛɲɔgɔnya sigida kɔnɔ.') },
    { code: 'reintegration_psychosocial', parent: 'reintegration', pictogram: 'reintegration', name: t('Réintégration psychosociale', 'Psychosocial reintegration', 'Sigili kura: hakili ni dusukun'), description: t('Soutien psychosocial pendant la réintégration.', 'Psychosocial support during reintegration.', 'Hakili ni dusukun dɛmɛ sigili kura waati la.') },
    { code: 'legal_aid', pictogram: 'legal', name: t('Aide juridique', 'Legal aid', 'Sariya dɛmɛ'), description: t('Conseil juridique, assistance devant la justice.', 'Legal advice, assistance in court.', 'Sariya ladili, dɛmɛ kiritigɛso la.') },
    { code: 'documentation', name: t("Documents d'état civil et d'identité", 'Civil and identity documents', 'Dantigɛli sɛbɛnw'), description: t("Acte de naissance, pièce d'identité, documents de voyage.", 'Birth certificate, identity card, travel documents.', 'Bangeli sɛbɛn, dantigɛli kariti, taama sɛbɛnw.') },
    { code: 'education', pictogram: 'education', name: t('Éducation', 'Education', 'Kalan'), description: t('Scolarisation, alphabétisation, cours de rattrapage.', 'Schooling, literacy, catch-up classes.', 'Kalanso, sɛbɛnni dege.') },
    { code: 'vocational_training', name: t('Formation professionnelle', 'Vocational training', 'Baara dege'), description: t("Apprentissage d'un métier, formation qualifiante.", 'Apprenticeship, skills training.', 'Baara dɔ degeli.') },
    { code: 'child_protection', pictogram: 'childProtection', name: t("Protection de l'enfant", 'Child protection', 'Denmisɛnw lakanani'), description: t("Prise en charge des enfants à risque, placement, tutelle.", 'Care of children at risk, placement, guardianship.', 'Denmisɛn minnu bɛ farati la, u lakanani.') },
    { code: 'best_interests_procedure', parent: 'child_protection', pictogram: 'childProtection', name: t("Procédure de l'intérêt supérieur de l'enfant", 'Best-interests procedure', 'Denmisɛn ka nafa ka bon kɛcogo'), description: t("Évaluation (EIS) et détermination (DIS) de l'intérêt supérieur.", 'Best-interests assessment (BIA) and determination (BID).', 'Denmisɛn ka nafa lajɛli ani a latigɛli.') },
    { code: 'transport', pictogram: 'transport', name: t('Transport', 'Transport', 'Taama'), description: t("Transport vers un service, escorte, frais de route.", 'Transport to a service, escort, travel costs.', 'Taama ka taa dɛmɛ yɔrɔ la.') },
    { code: 'interpretation', pictogram: 'interpretation', name: t('Interprétariat', 'Interpretation', 'Kanbayɛlɛmali'), description: t('Interprète pour les entretiens et les soins.', 'Interpreter for interviews and care.', 'Kanbayɛlɛmaliba baro ni furakɛli kama.') },
  ],
};

export const TARGET_GROUPS: SeedTaxonomy = {
  key: 'nrm_target_groups',
  linkType: 'target_group',
  name: t('Groupes cibles', 'Target groups', 'Mɔgɔ minnu ye dɛmɛ ɲɛsin u ma'),
  description: t('Les personnes auxquelles un service est destiné.', 'The people a service is meant for.', 'Mɔgɔ minnu kama dɛmɛ bɛ yen.'),
  terms: [
    { code: 'victim_of_trafficking', name: t('Victime de la traite', 'Victim of trafficking', 'Mɔgɔjago tɔɔrɔbaga'), description: t('Victime présumée ou identifiée de la traite des personnes.', 'Presumed or identified victim of trafficking in persons.', 'Mɔgɔ min bɛ se ka kɛ mɔgɔjago tɔɔrɔbaga ye.') },
    { code: 'unaccompanied_separated_child', name: t('Enfant non accompagné ou séparé', 'Unaccompanied or separated child', 'Denmisɛn min tɛ ni mɔgɔ ye'), description: t('Enfant sans ses parents ni la personne qui en a la charge.', 'Child without parents or usual caregiver.', 'Denmisɛn min tɛ ni a bangebagaw ye.') },
    { code: 'returnee', name: t('Migrant de retour', 'Returnee', 'Tunkaranke seginnen'), description: t("Personne revenue dans son pays d'origine.", 'Person who has come back to their country of origin.', 'Mɔgɔ min seginna a faso la.') },
    { code: 'stranded_migrant', name: t('Migrant bloqué', 'Stranded migrant', 'Tunkaranke min sira datugura'), description: t('Migrant qui ne peut ni poursuivre ni rentrer.', 'Migrant who can neither continue nor go home.', 'Tunkaranke min tɛ se ka taa ɲɛ walima ka segin.') },
    { code: 'gbv_survivor', name: t('Survivant·e de violences basées sur le genre', 'Gender-based violence survivor', 'Muso walima cɛ min tɔɔrɔla fangako la'), description: t('Personne ayant subi des violences basées sur le genre.', 'Person who has suffered gender-based violence.', 'Mɔgɔ min tɔɔrɔla fangako la.') },
    { code: 'person_with_disability', name: t('Personne en situation de handicap', 'Person with a disability', 'Mɔgɔ min farikolo dɛsɛlen don'), description: t('Personne vivant avec un handicap physique, sensoriel ou mental.', 'Person living with a physical, sensory or mental disability.', 'Mɔgɔ min farikolo walima hakili dɛsɛlen don.') },
    { code: 'child', name: t('Enfant', 'Child', 'Denmisɛn'), description: t('Toute personne de moins de 18 ans.', 'Anyone under 18.', 'Mɔgɔ o mɔgɔ min ma san 18 sɔrɔ.') },
    { code: 'woman', name: t('Femme', 'Woman', 'Muso'), description: t('Services réservés aux femmes.', 'Services for women only.', 'Dɛmɛ minnu bɛ musow dɔrɔn kama.') },
    { code: 'internally_displaced', name: t('Personne déplacée interne', 'Internally displaced person', 'Mɔgɔ min bɔra a dugu la jamana kɔnɔ'), description: t('Personne déplacée à l’intérieur de son pays.', 'Person displaced within their own country.', 'Mɔgɔ min bɔra a sigiyɔrɔ la nka a tora a jamana kɔnɔ.') },
    { code: 'asylum_seeker_refugee', name: t("Demandeur d'asile ou réfugié", 'Asylum seeker or refugee', 'Dogoyɔrɔɲininaw ni bolibagaw'), description: t('Personne qui demande ou a reçu une protection internationale.', 'Person seeking or granted international protection.', 'Mɔgɔ min bɛ lakanani ɲini jamana wɛrɛ la.') },
  ],
};

export const SEED_TAXONOMIES: readonly SeedTaxonomy[] = [SERVICE_TYPES, TARGET_GROUPS];

export function taxonomyId(key: string): string {
  return uuidv5(`taxonomy:${key}`, NAMESPACE);
}

export function termId(taxonomyKey: string, code: string): string {
  return uuidv5(`term:${taxonomyKey}:${code}`, NAMESPACE);
}

/** The link types Sira gives service attributes, by taxonomy key. */
export const LINK_TYPES = { service_type: SERVICE_TYPES.key, target_group: TARGET_GROUPS.key } as const;
export type ServiceLinkType = keyof typeof LINK_TYPES;
