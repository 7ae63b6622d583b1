import type { z } from 'zod';
import type { Audience } from './activity.ts';
import { KNOWLEDGE_NRM_FORM_KEY, SATISFACTION_FORM_KEY } from './forms/index.ts';
import { BUILTIN_EXERCISES } from './library-exercises.ts';
import type { libraryContent, LibraryKind } from './schemas.ts';

/**
 * The library Sira ships: national templates a trainer can use as they are, or adapt. Each has
 * a stable `builtinKey`, so seeding again never duplicates one nor overwrites an edited one.
 * Texts in French, English and Bambara (the Bambara is not yet reviewed by a native speaker).
 */
export interface BuiltinLibraryItem {
  builtinKey: string;
  kind: LibraryKind;
  title: { fr: string; en: string; bm: string };
  description: { fr: string; en: string; bm: string };
  content: z.output<typeof libraryContent>;
  audiences: Audience[];
}

const theme = (builtinKey: string, title: BuiltinLibraryItem['title'], description: BuiltinLibraryItem['description'], audiences: Audience[]): BuiltinLibraryItem => ({
  builtinKey,
  kind: 'theme',
  title,
  description,
  content: { kind: 'theme' },
  audiences,
});

export const BUILTIN_THEMES: readonly BuiltinLibraryItem[] = [
  theme(
    'theme_nrm_sop',
    { fr: 'Le mécanisme national de référencement et ses procédures', en: 'The national referral mechanism and its standard operating procedures', bm: 'Jamana ka bolodacogo ani a baarakɛcogo sariyaw' },
    {
      fr: "Ce qu'est le MNR, qui en fait partie (services de l'État, ONG, forces de sécurité, leaders communautaires), les étapes de la procédure opérationnelle standard et le rôle de chacun.",
      en: 'What the NRM is, who takes part (State services, NGOs, security forces, community leaders), the steps of the standard operating procedures and the role of each actor.',
      bm: 'Jamana ka bolodacogo ye mun ye, jɔn bɛ a kɔnɔ (jamana ka baarakɛyɔrɔw, tɔnw, lakanabagaw, sigida ɲɛmɔgɔw), a taabolo ani mɔgɔ kelen-kelen ka jɔyɔrɔ.',
    },
    ['local_authorities', 'partners', 'security_forces', 'community_leaders'],
  ),
  theme(
    'theme_trafficking_identification',
    { fr: 'Identifier les victimes de la traite des personnes', en: 'Identifying victims of trafficking in persons', bm: 'Mɔgɔjago tɔɔrɔbagaw dɔnni' },
    {
      fr: "Les trois éléments de la traite selon le Protocole de Palerme (l'acte, les moyens, le but d'exploitation), l'exception pour les enfants (aucun moyen n'est nécessaire), les indicateurs à observer et la différence avec le trafic illicite de migrants.",
      en: 'The three elements of trafficking under the Palermo Protocol (act, means, purpose of exploitation), the exception for children (no means is needed), indicators to look for, and how it differs from migrant smuggling.',
      bm: 'Mɔgɔjago fɛn saba Palɛrimo sariya la (kɛwale, fɛɛrɛ, baara juguw kun), denmisɛnw ta (fɛɛrɛ si ma kan), taamasiyɛn minnu ka kan ka lajɛ, ani a danfara ni tunkaranw tɛmɛnni dogo la.',
    },
    ['security_forces', 'community_leaders', 'partners', 'local_authorities'],
  ),
  theme(
    'theme_migrant_rights_ecowas',
    { fr: 'Les droits des migrants et la libre circulation dans la CEDEAO', en: 'The rights of migrants and ECOWAS free movement', bm: 'Tunkaranw ka josariyaw ani CEDEAO ka taama hakɛ' },
    {
      fr: "Les droits de toute personne migrante quel que soit son statut, le Protocole de la CEDEAO sur la libre circulation des personnes (entrée sans visa jusqu'à 90 jours avec un document de voyage valide), et ce qu'un agent peut ou ne peut pas exiger.",
      en: 'The rights of every migrant whatever their status, the ECOWAS Protocol on free movement of persons (visa-free entry up to 90 days with a valid travel document), and what an officer may or may not demand.',
      bm: 'Tunkaranw bɛɛ ka josariyaw, u ka sira o sira, CEDEAO ka sariya mɔgɔw ka taama kan (ka don visa tɛ tile 90 kɔnɔ ni taama sɛbɛn ɲuman ye), ani baarakɛla bɛ se ka min ɲini ani a tɛ se ka min ɲini.',
    },
    ['security_forces', 'migrants', 'local_authorities', 'community_leaders'],
  ),
  theme(
    'theme_child_protection',
    { fr: 'Protection de l\'enfant et enfants non accompagnés', en: 'Child protection and unaccompanied children', bm: 'Denmisɛnw lakanani ani denmisɛn minnu tɛ ni mɔgɔ ye' },
    {
      fr: "L'intérêt supérieur de l'enfant, reconnaître un enfant non accompagné ou séparé, le signaler sans délai aux services de protection de l'enfance, ne jamais le laisser seul ni le renvoyer sans évaluation.",
      en: "The best interests of the child, recognising an unaccompanied or separated child, reporting without delay to child protection services, never leaving the child alone or sending them back without an assessment.",
      bm: 'Denmisɛn ka nafa fɔlɔ, ka denmisɛn dɔn min tɛ ni mɔgɔ ye, ka a fɔ denmisɛnw lakanani baarakɛyɔrɔw ye joona, ka kana a to a kelen na walima ka a segin ni lajɛli ma kɛ.',
    },
    ['security_forces', 'community_leaders', 'religious_leaders', 'women', 'youth'],
  ),
  theme(
    'theme_referral_pathways',
    { fr: 'Les circuits de référencement et l\'annuaire des services', en: 'Referral pathways and the service directory', bm: 'Bilasirali siraw ani dɛmɛw ka lisi' },
    {
      fr: "Vers quel service orienter selon le besoin (abri, santé, soutien psychosocial, aide juridique, retour), comment trouver le service le plus proche dans l'annuaire de Sira, et comment suivre une orientation.",
      en: "Which service to refer to for each need (shelter, health, psychosocial support, legal aid, return), how to find the nearest service in Sira's directory, and how to follow up a referral.",
      bm: 'Mɔgɔ ka bila dɛmɛ jumɛn fɛ a ka mago ko la (sigiyɔrɔ, kɛnɛya, hakili dɛmɛ, sariya dɛmɛ, seginni), ka dɛmɛ min ka surun sɔrɔ Sira ka lisi kɔnɔ, ani ka bilasirali kɔlɔsi.',
    },
    ['partners', 'local_authorities', 'community_leaders'],
  ),
  theme(
    'theme_confidentiality_consent',
    { fr: 'Confidentialité et consentement éclairé', en: 'Confidentiality and informed consent', bm: 'Gundo marali ani sɔnni' },
    {
      fr: "Demander l'accord de la personne avant de partager ses informations, expliquer à quoi elles serviront, respecter un refus, ne partager que le strict nécessaire et jamais devant d'autres personnes.",
      en: "Asking the person's agreement before sharing their information, explaining what it will be used for, respecting a refusal, sharing only what is strictly needed and never in front of others.",
      bm: 'Ka mɔgɔ ka sɔnni ɲini sani ka a ka kunnafoniw di mɔgɔ wɛrɛ ma, ka a ɲɛfɔ u bɛna kɛ min na, ka bonya da a ka ban na, ka fɛn wajibi dɔrɔn di, ka kana a kɛ mɔgɔ wɛrɛw ɲɛ kɔrɔ.',
    },
    ['security_forces', 'partners', 'community_leaders', 'local_authorities'],
  ),
  theme(
    'theme_border_security_role',
    { fr: 'Le rôle des forces de sécurité aux frontières', en: 'The role of security forces at borders', bm: 'Lakanabagaw ka jɔyɔrɔ dancɛw la' },
    {
      fr: "Contrôler dans le respect des droits, repérer une victime possible lors d'un contrôle, la mettre en sécurité, éviter de la traiter comme une délinquante et la référer aux services compétents.",
      en: 'Carrying out checks with respect for rights, spotting a possible victim during a check, keeping them safe, not treating them as an offender, and referring them to the right services.',
      bm: 'Ka mɔgɔw lajɛ ni u ka josariyaw bonyali ye, ka tɔɔrɔbaga dɔn lajɛli waati la, ka a lakana, ka kana a jate jurumukɛla ye, ka a bila dɛmɛ baarakɛyɔrɔ ɲumanw fɛ.',
    },
    ['security_forces'],
  ),
  theme(
    'theme_psychological_first_aid',
    { fr: 'Premiers secours psychologiques : les bases', en: 'Psychological first aid basics', bm: 'Hakili dɛmɛ fɔlɔ: a sinsinnw' },
    {
      fr: "Observer, écouter, orienter : rassurer une personne en détresse, répondre à ses besoins de base, l'écouter sans la forcer à raconter, et la mettre en lien avec l'aide disponible.",
      en: 'Look, listen, link: calming a person in distress, meeting basic needs, listening without pressing them to tell their story, and linking them to available help.',
      bm: 'Ka lajɛ, ka lamɛn, ka bila: ka mɔgɔ dusu saalo min bɛ tɔɔrɔ la, ka a ka mago fɔlɔw ɲɛ, ka a lamɛn k\'a sɔrɔ i ma a diyagoya ka kuma, ka a bila dɛmɛ fɛ min bɛ yen.',
    },
    ['partners', 'community_leaders', 'religious_leaders', 'women', 'youth'],
  ),
];

export const BUILTIN_QUESTIONNAIRES: readonly BuiltinLibraryItem[] = [
  {
    builtinKey: 'questionnaire_knowledge_nrm',
    kind: 'questionnaire',
    title: { fr: 'Test de connaissances : MNR, traite et orientation', en: 'Knowledge test: NRM, trafficking and referral', bm: 'Dɔnniya lajɛli: bolodacogo, mɔgɔjago ani bilasirali' },
    description: {
      fr: "Dix questions à choix unique, à faire passer avant et après l'activité avec le même code participant, pour mesurer ce qui a été appris.",
      en: 'Ten single-choice questions, taken before and after the activity with the same participant code, to measure what was learnt.',
      bm: 'Ɲininkali tan, jaabi kelen dɔrɔn, ka kɛ baara ɲɛ ani a kɔ ni kode kelen ye, ka a dɔn min kalanna.',
    },
    content: { kind: 'questionnaire', formKey: KNOWLEDGE_NRM_FORM_KEY, role: 'knowledge_test' },
    audiences: [],
  },
  {
    builtinKey: 'questionnaire_satisfaction',
    kind: 'questionnaire',
    title: { fr: 'Enquête de satisfaction des participants', en: 'Participant satisfaction survey', bm: 'Sendonbagaw ka wasa ɲininkali' },
    description: {
      fr: "Six questions notées de 1 à 5 et un commentaire libre, à remplir à la fin de l'activité, sans nom.",
      en: 'Six questions rated 1 to 5 and a free comment, filled in at the end of the activity, without a name.',
      bm: 'Ɲininkali wɔɔrɔ, jate 1 ka se 5 ma, ani hakilina sɛbɛnni, ka kɛ baara laban na, tɔgɔ tɛ sɛbɛn.',
    },
    content: { kind: 'questionnaire', formKey: SATISFACTION_FORM_KEY, role: 'satisfaction' },
    audiences: [],
  },
];

export { BUILTIN_EXERCISES };

/** Everything `activity_library.seed_builtin` stores when missing. */
export const BUILTIN_LIBRARY: readonly BuiltinLibraryItem[] = [...BUILTIN_THEMES, ...BUILTIN_EXERCISES, ...BUILTIN_QUESTIONNAIRES];
