import type { Choice, FormDefinition, FormNode } from '../../forms/definition.ts';
import { choice, LANGUAGES, t } from '../../screening/forms/text.ts';

/**
 * The knowledge test taken before and after a training (same participant code both times):
 * ten single-choice questions on the national referral mechanism, trafficking (Palermo
 * Protocol, art. 3: an act, a means and a purpose of exploitation; for a child the means is
 * not needed), migrants' rights, consent, confidentiality and the referral steps. One point
 * per question; wrong answers are the mistakes trainers hear in the field.
 */

export const KNOWLEDGE_NRM_FORM_KEY = 'sira_activity_knowledge_nrm';

/** Free text in the definitions' `version` field: which release of the shipped activity forms this is. */
export const ACTIVITY_FORMS_VERSION = '2026.1';

interface KnowledgeQuestion {
  name: string;
  label: [fr: string, en: string, bm: string];
  choices: Choice[];
  correct: string;
}

const QUESTIONS: KnowledgeQuestion[] = [
  {
    name: 'q01_nrm_purpose',
    label: ['À quoi sert le mécanisme national de référencement (MNR) ?', 'What is the national referral mechanism (NRM) for?', 'Jamana ka bolodacogo bɛ mun kama?'],
    choices: [
      choice('a', 'À arrêter et renvoyer les migrants en situation irrégulière', 'To arrest and send back irregular migrants', 'Ka tunkaran minnu ka sɛbɛnw tɛ ɲɛ, olu minɛ ka u segin'),
      choice('b', 'À coordonner les services pour identifier, protéger et accompagner les victimes et les migrants vulnérables', 'To coordinate services so that victims and vulnerable migrants are identified, protected and assisted', 'Ka dɛmɛ baarakɛyɔrɔw bɛn ɲɔgɔn ma walasa ka tɔɔrɔbagaw ni tunkaran barikantanw dɔn, ka u lakana ani ka u dɛmɛ'),
      choice('c', 'À distribuer de l’argent aux personnes de retour', 'To hand out money to returnees', 'Ka wari di mɔgɔ seginnenw ma'),
      choice('d', 'À remplacer la police et la justice', 'To replace the police and the courts', 'Ka polisi ni kiritigɛlaw nɔ bila'),
    ],
    correct: 'b',
  },
  {
    name: 'q02_trafficking_elements',
    label: [
      'Pour un adulte, quels éléments faut-il réunir pour parler de traite des personnes ?',
      'For an adult, which elements must all be present for it to be trafficking in persons?',
      'Baliku ta la, fɛn jumɛnw ka kan ka kɛ ɲɔgɔn fɛ walasa a ka kɛ mɔgɔjago ye?',
    ],
    choices: [
      choice('a', 'Le passage d’une frontière sans papiers', 'Crossing a border without papers', 'Ka dancɛ tigɛ sɛbɛn tɛ'),
      choice('b', 'Un acte (recruter, transporter, héberger…), un moyen (menace, tromperie, abus de vulnérabilité…) et un but d’exploitation', 'An act (recruiting, transporting, harbouring…), a means (threat, deception, abuse of vulnerability…) and a purpose of exploitation', 'Kɛwale dɔ (ka mɔgɔ ta, ka a taa, ka a dogo…), fɛɛrɛ dɔ (bagabagali, lafilili, barikantanya kunnafɔ…) ani baara jugu kun'),
      choice('c', 'Un paiement versé à un passeur', 'A payment to a smuggler', 'Wari sarali tɛmɛnbaga ma'),
      choice('d', 'Un travail mal payé, même librement choisi', 'Badly paid work, even if freely chosen', 'Baara min sara ka dɔgɔ, hali ni a sugandira ni hakili ye'),
    ],
    correct: 'b',
  },
  {
    name: 'q03_child_no_means',
    label: [
      'Une fille de 15 ans est recrutée par une « tante » pour travailler comme domestique à l’étranger, sans menace ni violence. Est-ce de la traite ?',
      'A 15-year-old girl is recruited by an "aunt" to work as a maid abroad, with no threat or violence. Is it trafficking?',
      'Npogotigi dɔ san 15, « tenen » dɔ ye a ta ka taa baara kɛ so kɔnɔ jamana wɛrɛ la, bagabagali ni fanga tɛ. Mɔgɔjago don wa?',
    ],
    choices: [
      choice('a', 'Non, car il n’y a ni menace ni violence', 'No, because there is no threat or violence', 'Ayi, bagabagali ni fanga tɛ a la'),
      choice('b', 'Non, si la famille est d’accord', 'No, if the family agrees', 'Ayi, ni denbaya sɔnna'),
      choice('c', 'Oui possiblement : pour un enfant, l’acte et le but d’exploitation suffisent, aucun moyen n’est nécessaire', 'Possibly yes: for a child, the act and the purpose of exploitation are enough, no means is needed', 'Ɔwɔ, a bɛ se ka kɛ: denmisɛn ta la, kɛwale ni baara jugu kun bɛ se, fɛɛrɛ si ma kan'),
      choice('d', 'Seulement si elle franchit une frontière', 'Only if she crosses a border', 'Ni a ye dancɛ tigɛ dɔrɔn'),
    ],
    correct: 'c',
  },
  {
    name: 'q04_indicator',
    label: [
      'Lequel de ces signes peut indiquer qu’une personne est victime de traite ?',
      'Which of these signs may indicate that a person is a victim of trafficking?',
      'Nin taamasiyɛn jumɛn bɛ se ka a jira ko mɔgɔ dɔ ye mɔgɔjago tɔɔrɔbaga ye?',
    ],
    choices: [
      choice('a', 'Elle voyage avec un sac de vêtements', 'She travels with a bag of clothes', 'A bɛ taama ni fini bɔrɔ ye'),
      choice('b', 'Quelqu’un d’autre garde ses papiers et répond à sa place', 'Someone else keeps her papers and answers for her', 'Mɔgɔ wɛrɛ de b’a ka sɛbɛnw mara ani ka jaabi di a nɔ na'),
      choice('c', 'Elle parle une autre langue que l’agent', 'She speaks a different language from the officer', 'A bɛ kan wɛrɛ fɔ ni baarakɛla ta tɛ'),
      choice('d', 'Elle voyage de nuit', 'She travels at night', 'A bɛ taama su fɛ'),
    ],
    correct: 'b',
  },
  {
    name: 'q05_smuggling_difference',
    label: [
      'Quelle est la différence principale entre le trafic illicite de migrants et la traite ?',
      'What is the main difference between migrant smuggling and trafficking?',
      'Danfara belebele jumɛn bɛ tunkaranw tɛmɛnni dogo la ni mɔgɔjago cɛ?',
    ],
    choices: [
      choice('a', 'Il n’y en a pas, ce sont deux mots pour la même chose', 'There is none, they are two words for the same thing', 'Danfara si tɛ, kuma fila don fɛn kelen kan'),
      choice('b', 'Le trafic concerne seulement les femmes', 'Smuggling concerns women only', 'Tɛmɛnni dogo la bɛ muso dɔrɔn de ta'),
      choice('c', 'Le trafic est un service de passage de frontière ; la traite vise l’exploitation de la personne, même sans frontière', 'Smuggling is a border-crossing service; trafficking aims at exploiting the person, even without a border', 'Tɛmɛnni dogo la ye dancɛ tigɛli baara ye; mɔgɔjago kun ye ka mɔgɔ baara jugu la, hali dancɛ tɛ a la'),
      choice('d', 'La traite a toujours lieu à l’étranger', 'Trafficking always happens abroad', 'Mɔgɔjago bɛ kɛ jamana wɛrɛ la tuma bɛɛ'),
    ],
    correct: 'c',
  },
  {
    name: 'q06_migrant_rights',
    label: [
      'Un migrant sans papiers est arrêté à un poste de contrôle. Quels droits garde-t-il ?',
      'A migrant without papers is stopped at a checkpoint. Which rights does he keep?',
      'Tunkaranke dɔ min t’a ka sɛbɛnw ye, o minɛna lajɛyɔrɔ la. Josariya jumɛnw b’a bolo hali bi?',
    ],
    choices: [
      choice('a', 'Aucun, tant qu’il n’a pas de papiers', 'None, as long as he has no papers', 'Foyi, fo a ka sɛbɛnw sɔrɔ'),
      choice('b', 'Seulement le droit de rentrer chez lui', 'Only the right to go home', 'Ka segin so dɔrɔn'),
      choice('c', 'Ses droits fondamentaux : être traité dignement, recevoir des soins, ne pas subir de violence ni d’extorsion', 'His fundamental rights: to be treated with dignity, to receive care, not to suffer violence or extortion', 'A ka josariya sinsinnenw: ka bonya da a kan, ka furakɛli sɔrɔ, ka kana fanga walima wari minɛni dogo la kɛ a la'),
      choice('d', 'Seulement s’il paie une amende', 'Only if he pays a fine', 'Ni a ye juru sara dɔrɔn'),
    ],
    correct: 'c',
  },
  {
    name: 'q07_ecowas',
    label: [
      'Selon le Protocole de la CEDEAO sur la libre circulation, un citoyen d’un pays de la CEDEAO peut entrer au Mali…',
      'Under the ECOWAS Protocol on free movement, a citizen of an ECOWAS country may enter Mali…',
      'CEDEAO ka sariya la taama hakɛ kan, CEDEAO jamana dɔ mɔgɔ bɛ se ka don Mali la…',
    ],
    choices: [
      choice('a', 'Sans visa, pour un séjour jusqu’à 90 jours, avec un document de voyage valide', 'Without a visa, for a stay of up to 90 days, with a valid travel document', 'Visa tɛ, ka to tile 90 kɔnɔ, ni taama sɛbɛn ɲuman ye'),
      choice('b', 'Seulement avec un visa payé à la frontière', 'Only with a visa paid for at the border', 'Ni visa sarara dancɛ la dɔrɔn'),
      choice('c', 'Sans aucun document, pour toujours', 'Without any document, forever', 'Sɛbɛn si tɛ, fo abada'),
      choice('d', 'Seulement pour un travail déjà signé', 'Only for a job already signed', 'Baara min sɛbɛnna ka kɔn, o dɔrɔn kama'),
    ],
    correct: 'a',
  },
  {
    name: 'q08_consent',
    label: [
      'Avant de transmettre les informations d’une personne à un autre service, que faut-il faire ?',
      'Before passing a person’s information to another service, what must you do?',
      'Sani i ka mɔgɔ dɔ ka kunnafoniw di dɛmɛ baarakɛyɔrɔ wɛrɛ ma, i ka kan ka mun kɛ?',
    ],
    choices: [
      choice('a', 'Rien, les services partagent tout entre eux', 'Nothing, services share everything among themselves', 'Foyi, baarakɛyɔrɔw bɛ fɛn bɛɛ di ɲɔgɔn ma'),
      choice('b', 'Demander l’accord du chef de village', 'Ask the village chief for permission', 'Dugutigi ka sɔnni ɲini'),
      choice('c', 'Lui expliquer à qui et pourquoi, et obtenir son accord, qu’elle peut refuser ou retirer', 'Explain to whom and why, and get their agreement, which they may refuse or withdraw', 'Ka a ɲɛfɔ a ye jɔn fɛ ani mun na, ka a ka sɔnni sɔrɔ, a bɛ se ka ban walima ka a ka sɔnni bɔ'),
      choice('d', 'Lui faire signer un papier sans lui lire', 'Have them sign a paper without reading it to them', 'Ka a bila ka sɛbɛn dɔ bolonɔ bila k’a sɔrɔ i m’a kalan a ye'),
    ],
    correct: 'c',
  },
  {
    name: 'q09_confidentiality',
    label: [
      'Un journaliste vous demande le nom d’une victime que vous avez orientée. Que faites-vous ?',
      'A journalist asks you for the name of a victim you referred. What do you do?',
      'Kibaroyalase baarakɛla dɔ bɛ tɔɔrɔbaga dɔ tɔgɔ ɲini i fɛ, i ye min bilasira. I bɛ mun kɛ?',
    ],
    choices: [
      choice('a', 'Je donne le nom pour faire connaître le problème', 'I give the name to raise awareness of the problem', 'Ne bɛ tɔgɔ di walasa gɛlɛya ka dɔn'),
      choice('b', 'Je refuse, sans rien confirmer : ses informations sont confidentielles', 'I refuse, without confirming anything: their information is confidential', 'Ne bɛ ban, ne tɛ foyi sɛmɛntiya: a ka kunnafoniw ye gundo ye'),
      choice('c', 'Je donne seulement son village', 'I give only their village', 'Ne bɛ a ka dugu dɔrɔn fɔ'),
      choice('d', 'Je donne le nom si le journaliste promet de ne pas le publier', 'I give the name if the journalist promises not to publish it', 'Ne bɛ tɔgɔ di ni a ye layidu ta ko a tɛna a bɔ kɛnɛ kan'),
    ],
    correct: 'b',
  },
  {
    name: 'q10_referral_first_step',
    label: [
      'Vous repérez une victime possible. Quelle est la première chose à faire ?',
      'You spot a possible victim. What is the first thing to do?',
      'I ye tɔɔrɔbaga dɔ ye, a bɛ se ka kɛ. Fɛn fɔlɔ min ka kan ka kɛ, o ye mun ye?',
    ],
    choices: [
      choice('a', 'L’interroger longuement sur tout ce qu’elle a vécu', 'Question them at length about everything they went through', 'Ka ɲininkali caman kɛ a la a ka ko bɛɛ kan'),
      choice('b', 'La mettre en sécurité et répondre à ses besoins urgents, puis la référer avec son accord', 'Make them safe and meet their urgent needs, then refer them with their agreement', 'Ka a lakana, ka a ka mago teliw ɲɛ, o kɔ ka a bilasira ni a ka sɔnni ye'),
      choice('c', 'La renvoyer dans son pays', 'Send them back to their country', 'Ka a segin a ka jamana na'),
      choice('d', 'Confronter tout de suite la personne qui l’accompagne', 'Confront the person travelling with them at once', 'Ka mɔgɔ min bɛ ni a ye, ka kɛlɛ o fɛ yanni foyi'),
    ],
    correct: 'b',
  },
];

const node = (q: KnowledgeQuestion): FormNode => ({
  kind: 'question',
  name: q.name,
  type: 'select_one',
  listName: q.name,
  required: true,
  label: t(...q.label),
  scoring: { correct: [q.correct], points: 1 },
});

export const knowledgeNrmForm: FormDefinition = {
  formId: KNOWLEDGE_NRM_FORM_KEY,
  version: ACTIVITY_FORMS_VERSION,
  title: t('Test de connaissances : MNR, traite et orientation', 'Knowledge test: NRM, trafficking and referral', 'Dɔnniya lajɛli: bolodacogo, mɔgɔjago ani bilasirali'),
  languages: LANGUAGES,
  defaultLanguage: 'fr',
  choices: Object.fromEntries(QUESTIONS.map((q) => [q.name, q.choices])),
  children: [
    {
      kind: 'question',
      name: 'intro',
      type: 'note',
      label: t(
        'Une seule bonne réponse par question. Ce test n’est pas noté pour vous juger : il mesure ce que la formation vous apporte.',
        'One right answer per question. This test does not judge you: it measures what the training brings you.',
        'Ɲininkali kelen-kelen jaabi ɲuman ye kelen ye. Nin lajɛli tɛ i kiri tigɛ: a bɛ kalan nafa de sumanni.',
      ),
    },
    ...QUESTIONS.map(node),
  ],
};
