import { EXPLOITATION_TYPES, type ExploitationType, TRAFFICKING_STATUSES, type TraffickingStatus } from '../../cases/categories.ts';
import type { Choice, FormDefinition } from '../../forms/definition.ts';
import { LANGUAGES, SCREENING_FORMS_VERSION, SEVERAL_ANSWERS, YES_NO, YES_NO_UNKNOWN, choice, t } from './text.ts';

/**
 * Trafficking indicators, aligned with IOM's Human Trafficking Case Data Standard (HTCDS v2)
 * so that cases can be reported in its terms: the three stages of a trafficking event
 * (recruitment, movement, exploitation), `vic_TypeOfExploitation`, `vic_MethodsOfControl` and
 * `vic_TraffickingStatus`. Identification needs only reasonable grounds, so the identifier's
 * own assessment decides, with "possible" as the benefit of the doubt; the indicators are
 * there to support it, not to score it. Exploitation details are asked only when the person
 * says they were exploited.
 */

export const TRAFFICKING_FORM_KEY = 'sira_screening_trafficking';

/** HTCDS `vic_MethodsOfControl` picklist, in snake case and in its order (16 values). */
export const METHODS_OF_CONTROL = [
  'physical_threats',
  'threats_law_enforcement',
  'threatens_children_family',
  'debt_bondage',
  'false_promises',
  'physical_abuse',
  'sexual_abuse',
  'takes_earnings',
  'restricts_financial_access',
  'restricts_medical_care',
  'withholds_necessities',
  'psychological_abuse',
  'psychoactive_substance',
  'excessive_working_hours',
  'withholds_documents',
  'other',
] as const;
export type MethodOfControl = (typeof METHODS_OF_CONTROL)[number];

const CONTROL_LABELS: Record<MethodOfControl, [string, string, string]> = {
  physical_threats: ['Menaces de violence', 'Threats of violence', 'Bagabagali ni fangako ye'],
  threats_law_enforcement: ['Menace de la dénoncer à la police', 'Threats to report them to the police or immigration', 'Bagabagali ko a bɛna a fɔ polisiw ye'],
  threatens_children_family: ['Menaces contre ses enfants ou sa famille', 'Threats against their children or family', 'Bagabagali a denw walima a ka denbaya kan'],
  debt_bondage: ['Dette impossible à rembourser', 'Debt that can never be paid off', 'Juru min tɛ se ka sara abada'],
  false_promises: ['Fausses promesses', 'False promises', 'Layidu nkalonmaw'],
  physical_abuse: ['Coups, violence physique', 'Beating, physical violence', 'Gosili, farikolo tɔɔrɔ'],
  sexual_abuse: ['Violence sexuelle', 'Sexual violence', 'Fangako cɛ ni muso ko la'],
  takes_earnings: ['Prend son salaire', 'Takes their earnings', 'A ka sara bɛ ta a la'],
  restricts_financial_access: ["L'empêche d'avoir son argent", 'Keeps them from their own money', 'A tɛ to a ka wari sɔrɔ'],
  restricts_medical_care: ["L'empêche de se soigner", 'Keeps them from health care', 'A tɛ to ka furakɛ'],
  withholds_necessities: ["Prive de nourriture, d'eau ou d'abri", 'Withholds food, water or shelter', 'Dumuni, ji walima sigiyɔrɔ bɛ bali a ma'],
  psychological_abuse: ['Insultes, humiliations, manipulation', 'Insults, humiliation, manipulation', 'Nɛni, maloyali, lafili'],
  psychoactive_substance: ['Drogue ou alcool pour la tenir', 'Drugs or alcohol used to control them', 'Dɔrɔgu walima dɔlɔ di a ma k’a minɛ'],
  excessive_working_hours: ['Heures de travail excessives', 'Excessive working hours', 'Baara waati jan kojugu'],
  withholds_documents: ['Garde ses papiers', 'Keeps their documents', 'A ka sɛbɛnw bɛ mara a ma'],
  other: ['Autre moyen', 'Other means', 'Fɛɛrɛ wɛrɛ'],
};

const EXPLOITATION_LABELS: Record<ExploitationType, [string, string, string]> = {
  forced_labour: ["Travail forcé (mine d'or, champs, chantier…)", 'Forced labour (gold mine, fields, building site…)', 'Baara fanga la (sanu kolon, foro, sobaara…)'],
  sexual_exploitation: ['Exploitation sexuelle', 'Sexual exploitation', 'A farikolo feereli fanga la'],
  child_labour: ["Travail d'enfant", 'Child labour', 'Denmisɛn baara'],
  forced_marriage: ['Mariage forcé', 'Forced marriage', 'Furu fanga la'],
  servitude: ['Servitude, travail domestique sans liberté', 'Servitude, domestic work without freedom', 'Jɔnya, sokɔnɔbaara hɔrɔnya tɛ min na'],
  forced_military: ['Enrôlement par un groupe armé', 'Recruitment by an armed group', 'Marifatigi jɛkulu y’a don a la fanga la'],
  organ_removal: ["Prélèvement d'organe", 'Organ removal', 'A farikolo yɔrɔ dɔ bɔli'],
  forced_begging: ['Mendicité forcée', 'Forced begging', 'Sarakaɲini fanga la'],
  forced_adoption: ['Adoption forcée', 'Forced adoption', 'Den talen fanga la'],
  surrogacy: ['Grossesse forcée pour autrui', 'Forced surrogacy', 'Kɔnɔ ta fanga la mɔgɔ wɛrɛ kama'],
  other: ["Autre forme d'exploitation", 'Other form of exploitation', 'Tɔɔrɔ suguya wɛrɛ'],
};

const STATUS_LABELS: Record<TraffickingStatus, [string, string, string]> = {
  possible: ['Victime possible de la traite', 'Possible victim of trafficking', 'A bɛ se ka kɛ mɔgɔjago tɔɔrɔbaga ye'],
  actual: ['Victime avérée de la traite', 'Victim of trafficking (established)', 'Mɔgɔjago tɔɔrɔbaga don tigitigi'],
  not_a_victim: ['Pas victime de la traite', 'Not a victim of trafficking', 'A tɛ mɔgɔjago tɔɔrɔbaga ye'],
};

const CHOICES: Record<string, Choice[]> = {
  yes_no: YES_NO,
  yes_no_unknown: YES_NO_UNKNOWN,
  recruiter: [
    choice('family_member', 'Un membre de la famille', 'A family member', 'A ka denbaya mɔgɔ dɔ'),
    choice('friend', 'Un ami ou une connaissance', 'A friend or acquaintance', 'A teri walima a dɔnbaga dɔ'),
    choice('intermediary', 'Un intermédiaire (coxeur, agent)', 'A go-between (tout, agent)', 'Cɛmancɛmɔgɔ (kɔksɛri, ajan)'),
    choice('employer', 'Un employeur', 'An employer', 'Baaradibaga dɔ'),
    choice('online', 'Par internet ou par téléphone', 'Online or by phone', 'Ɛntɛrinɛti walima telefɔni fɛ'),
    choice('other', 'Autre', 'Other', 'Wɛrɛ'),
  ],
  movement_indicator: [
    choice('journey_paid_by_other', "Quelqu'un d'autre a payé ou organisé le voyage", 'Someone else paid for or arranged the journey', 'Mɔgɔ wɛrɛ ye taama sara walima k’a labɛn'),
    choice('journey_debt', "Doit de l'argent pour le voyage", 'Owes money for the journey', 'Juru b’a kan taama kosɔn'),
    choice('escorted', 'Accompagnée ou surveillée pendant le voyage', 'Escorted or watched during the journey', 'Mɔgɔ tun b’a kɔlɔsi taama senfɛ'),
    choice('documents_taken', 'Papiers pris pendant le voyage', 'Documents taken during the journey', 'A ka sɛbɛnw tara a la taama senfɛ'),
    choice('destination_unknown', 'Ne sait pas où elle va', 'Does not know where they are going', 'A t’a dɔn a bɛ taa yɔrɔ min'),
    choice('hidden_crossing', 'Frontière passée en cachette', 'Crossed a border in hiding', 'A dogolen tɛmɛna dancɛ kan'),
  ],
  observed_indicator: [
    choice('someone_speaks_for_them', "Quelqu'un parle à sa place", 'Someone speaks for them', 'Mɔgɔ wɛrɛ bɛ kuma a nɔ na'),
    choice('fearful', 'Peur, angoisse, évite le regard', 'Fear, anxiety, avoids eye contact', 'Siran, hami, a tɛ mɔgɔ ɲɛ filɛ'),
    choice('rehearsed_story', 'Récit appris par cœur', 'Story seems learned by heart', 'A ka kuma bɛ i n’a fɔ a y’a dege'),
    choice('injuries', 'Blessures ou traces de coups', 'Injuries or marks of beating', 'Joginda walima gosili taamasiyɛnw'),
    choice('poor_condition', 'Épuisée, mal nourrie', 'Exhausted or underfed', 'A sɛgɛnnen don kosɛbɛ, a ma dumuni sɔrɔ'),
    choice('no_documents_on_them', "N'a pas ses papiers sur elle", 'Not carrying their own documents', 'A ka sɛbɛnw t’a yɛrɛ bolo'),
  ],
  exploitation_type: EXPLOITATION_TYPES.map((code) => choice(code, ...EXPLOITATION_LABELS[code])),
  method_of_control: METHODS_OF_CONTROL.map((code) => choice(code, ...CONTROL_LABELS[code])),
  trafficking_status: TRAFFICKING_STATUSES.map((code) => choice(code, ...STATUS_LABELS[code])),
};

const EXPLOITED = "${exploited} = 'yes'";

export const traffickingForm: FormDefinition = {
  formId: TRAFFICKING_FORM_KEY,
  version: SCREENING_FORMS_VERSION,
  title: t('Indicateurs de traite des personnes', 'Trafficking in persons indicators', 'Mɔgɔjago taamasiyɛnw'),
  languages: LANGUAGES,
  defaultLanguage: 'fr',
  choices: CHOICES,
  children: [
    {
      kind: 'group',
      name: 'recruitment',
      label: t('Recrutement', 'Recruitment', 'Welili'),
      children: [
        {
          kind: 'question',
          name: 'recruitment_deception',
          type: 'select_one',
          listName: 'yes_no_unknown',
          required: true,
          label: t(
            'Lui a-t-on menti sur le travail, le salaire, les études ou le mariage promis ?',
            'Was the person lied to about the work, pay, studies or marriage they were promised?',
            'Nkalon tigɛra a ye baara, sara, kalan walima furu kan min layidu tara a ye wa?',
          ),
        },
        { kind: 'question', name: 'recruited_by', type: 'select_one', listName: 'recruiter', relevant: "${recruitment_deception} = 'yes'", label: t("Qui l'a recrutée ?", 'Who recruited them?', 'Jɔn y’a wele ka na?') },
      ],
    },
    {
      kind: 'group',
      name: 'movement',
      label: t('Voyage', 'Journey', 'Taama'),
      children: [{ kind: 'question', name: 'movement_indicators', type: 'select_multiple', listName: 'movement_indicator', label: t('Pendant le voyage', 'During the journey', 'Taama senfɛ'), hint: SEVERAL_ANSWERS }],
    },
    {
      kind: 'group',
      name: 'exploitation',
      label: t('Exploitation', 'Exploitation', 'Tɔɔrɔ'),
      children: [
        { kind: 'question', name: 'observed_indicators', type: 'select_multiple', listName: 'observed_indicator', label: t('Ce que vous observez', 'What you observe', 'I bɛ min ye'), hint: SEVERAL_ANSWERS },
        {
          kind: 'question',
          name: 'exploited',
          type: 'select_one',
          listName: 'yes_no_unknown',
          required: true,
          label: t(
            "L'a-t-on forcée à travailler, à des rapports sexuels, à se marier, à mendier ou autre, sans pouvoir refuser ni partir ?",
            'Was the person made to work, have sex, marry, beg or other, without being able to refuse or leave?',
            'Baara, cɛ ni muso ko, furu, sarakaɲini walima fɛn wɛrɛ kɛra a la fanga la, a tun tɛ se ka ban wa a tun tɛ se ka bɔ wa?',
          ),
        },
        { kind: 'question', name: 'exploitation_types', type: 'select_multiple', listName: 'exploitation_type', required: true, relevant: EXPLOITED, label: t('Quelle exploitation ?', 'What exploitation?', 'Tɔɔrɔ suguya jumɛn?'), hint: SEVERAL_ANSWERS },
        { kind: 'question', name: 'methods_of_control', type: 'select_multiple', listName: 'method_of_control', relevant: EXPLOITED, label: t('Comment la tenait-on ?', 'How were they controlled?', 'U tun b’a minɛ cogo di?'), hint: SEVERAL_ANSWERS },
        {
          kind: 'question',
          name: 'under_control',
          type: 'select_one',
          listName: 'yes_no',
          required: true,
          relevant: EXPLOITED,
          label: t('Est-elle encore sous leur contrôle ?', 'Are they still under the exploiters’ control?', 'A bɛ u bolo halisa wa?'),
          hint: t('Par exemple : ils la surveillent, gardent ses papiers ou menacent sa famille.', 'For example: they watch them, keep their papers or threaten their family.', 'Misali la: u b’a kɔlɔsi, u b’a ka sɛbɛnw mara, walima u b’a ka denbaya bagabaga.'),
        },
      ],
    },
    {
      kind: 'question',
      name: 'trafficking_assessment',
      type: 'select_one',
      listName: 'trafficking_status',
      required: true,
      label: t("Votre avis d'identificateur", 'Your assessment as identifier', 'I ka hakilina, i min bɛ mɔgɔw dɔn'),
      hint: t(
        'Possible : il y a des indices. Avérée : les faits sont clairs. Dans le doute, choisissez « possible ».',
        'Possible: there are signs. Established: the facts are clear. When in doubt, choose "possible".',
        'A bɛ se ka kɛ: taamasiyɛnw bɛ yen. Tigitigi: ko bɛ jɛya. Ni sika b’i la, « a bɛ se ka kɛ » sugandi.',
      ),
    },
    {
      kind: 'question',
      name: 'assessment_note',
      type: 'note',
      relevant: "${trafficking_assessment} = 'not_a_victim' and ${exploited} = 'yes'",
      label: t('Vous avez noté une exploitation : revoyez votre avis.', 'You recorded exploitation: check your assessment again.', 'I ye tɔɔrɔ sɛbɛn: i ka hakilina lajɛ kokura.'),
    },
  ],
};
