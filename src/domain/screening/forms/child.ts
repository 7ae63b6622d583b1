import type { Choice, FormDefinition } from '../../forms/definition.ts';
import { LANGUAGES, SCREENING_FORMS_VERSION, SEVERAL_ANSWERS, YES_NO, YES_NO_UNKNOWN, choice, t } from './text.ts';

/**
 * Child identification, with the definitions of the Inter-agency Guiding Principles on
 * Unaccompanied and Separated Children (2004): unaccompanied = apart from both parents and
 * other relatives and cared for by no adult responsible by law or custom; separated = apart
 * from both parents or the usual caregiver, not necessarily from other relatives. A child
 * with a non-parent adult responsible by custom counts as separated: at a border post nobody
 * can check that this adult was the child's usual caregiver, and "separated" keeps the child
 * in the protection pathway. Whoever's age is uncertain is treated as a child (UNODC), so the
 * form does not even ask whether they look under 18. `child_status` is computed here for the
 * screen; `screeningOutcome` applies the same rule to the answers (a test holds them equal).
 */

export const CHILD_FORM_KEY = 'sira_screening_child';

const CHOICES: Record<string, Choice[]> = {
  yes_no: YES_NO,
  yes_no_unknown: YES_NO_UNKNOWN,
  age_basis: [
    choice('known', 'Connu (document ou certitude)', 'Known (document or certain)', 'A dɔnnen don (sɛbɛn walima tigitigi)'),
    choice('estimated', 'Estimé', 'Estimated', 'A jatera'),
    choice('uncertain', 'Incertain', 'Uncertain', 'Sika b’a la'),
  ],
  informed: [
    choice('yes', 'Oui', 'Yes', 'Ɔwɔ'),
    choice('no', 'Non', 'No', 'Ayi'),
    choice('cannot_reach', 'Impossible de les joindre', 'They cannot be reached', 'U tɛ se ka sɔrɔ'),
  ],
  child_need: [
    choice('food', 'Nourriture et eau', 'Food and water', 'Dumuni ni ji'),
    choice('safe_shelter', 'Un endroit sûr pour dormir', 'A safe place to sleep', 'Sunɔgɔyɔrɔ lakananen'),
    choice('medical', 'Soins', 'Health care', 'Furakɛli'),
    choice('psychosocial', 'Écoute et réconfort', 'Someone to listen and comfort', 'Lamɛnni ni dusudon'),
    choice('family_tracing', 'Retrouver sa famille', 'Finding their family', 'A ka denbaya ɲinini'),
    choice('clothing', 'Vêtements', 'Clothes', 'Finiw'),
    choice('interim_care', 'Une prise en charge provisoire', 'Interim care', 'Ladonni waati dɔɔni kɔnɔ'),
  ],
};

const IS_CHILD = "${is_child} = 'yes'";

export const childForm: FormDefinition = {
  formId: CHILD_FORM_KEY,
  version: SCREENING_FORMS_VERSION,
  title: t("Identification d'un enfant", 'Child identification', 'Denmisɛn dɔnni'),
  languages: LANGUAGES,
  defaultLanguage: 'fr',
  choices: CHOICES,
  children: [
    { kind: 'question', name: 'age_basis', type: 'select_one', listName: 'age_basis', required: true, label: t('Son âge est-il…', 'Is their age…', 'A si ye…') },
    {
      kind: 'question',
      name: 'appears_under_18',
      type: 'select_one',
      listName: 'yes_no',
      required: true,
      relevant: "${age_basis} != 'uncertain'",
      label: t('A-t-elle moins de 18 ans, ou semble-t-elle les avoir ?', 'Is the person under 18, or do they look it?', 'A si ma san 18 sɔrɔ wa, walima a bɛ i n’a fɔ a ma san 18 sɔrɔ?'),
    },
    { kind: 'question', name: 'is_child', type: 'calculate', calculation: "if(${age_basis} = 'uncertain' or ${appears_under_18} = 'yes', 'yes', 'no')" },
    {
      kind: 'question',
      name: 'uncertain_note',
      type: 'note',
      relevant: "${age_basis} = 'uncertain'",
      label: t(
        "Âge incertain : traitez la personne comme un enfant tant que son âge n'est pas établi.",
        'Age uncertain: treat the person as a child until their age is established.',
        'A si ma dɔn: a minɛ i n’a fɔ denmisɛn fo a si ka dɔn.',
      ),
    },
    {
      kind: 'group',
      name: 'carers',
      relevant: IS_CHILD,
      label: t("Avec qui est l'enfant ?", 'Who is the child with?', 'Denmisɛn in ni jɔn bɛ yen?'),
      children: [
        { kind: 'question', name: 'with_parents', type: 'select_one', listName: 'yes_no', required: true, label: t('Est-il avec son père ou sa mère ?', 'Is the child with their father or mother?', 'Denmisɛn in ni a fa walima a ba bɛ yen wa?') },
        { kind: 'question', name: 'parents_deceased', type: 'select_one', listName: 'yes_no_unknown', relevant: "${with_parents} = 'no'", label: t('Ses deux parents sont-ils décédés ?', 'Have both parents died?', 'A fa ni a ba bɛɛ salen don wa?') },
        {
          kind: 'question',
          name: 'with_relatives',
          type: 'select_one',
          listName: 'yes_no',
          required: true,
          relevant: "${with_parents} = 'no'",
          label: t('Est-il avec un autre adulte de sa famille ?', 'Is the child with another adult of their family?', 'Denmisɛn in ni a somɔgɔ kɔrɔba wɛrɛ bɛ yen wa?'),
          hint: t('Oncle, tante, grand-parent, frère ou sœur majeur…', 'Uncle, aunt, grandparent, adult brother or sister…', 'Bɛnkɛ, tɛnin, mama, kɔrɔ min si ye san 18 tɛmɛ…'),
        },
        {
          kind: 'question',
          name: 'with_caregiver',
          type: 'select_one',
          listName: 'yes_no',
          required: true,
          relevant: "${with_parents} = 'no' and ${with_relatives} = 'no'",
          label: t("Un autre adulte s'en occupe-t-il par la loi ou la coutume ?", 'Does another adult look after the child by law or custom?', 'Mɔgɔkɔrɔba wɛrɛ b’a ladon sariya walima laada fɛ wa?'),
          hint: t("Tuteur, famille d'accueil… jamais un passeur ni un employeur.", 'Guardian, foster family… never a smuggler or an employer.', 'Ladonbaga, denbaya min y’a minɛ… tunkaranw tɛmɛbaga walima baaradibaga tɛ abada.'),
        },
      ],
    },
    {
      kind: 'question',
      name: 'child_status',
      type: 'calculate',
      calculation:
        "if(${is_child} != 'yes', 'not_a_child', if(${with_parents} = 'yes', 'other_vulnerable', if(${with_relatives} = 'yes' or ${with_caregiver} = 'yes', 'separated', if(${with_caregiver} = 'no', 'unaccompanied', ''))))",
    },
    {
      kind: 'question',
      name: 'unaccompanied_note',
      type: 'note',
      relevant: "${child_status} = 'unaccompanied'",
      label: t(
        "Enfant non accompagné : orientez-le vers la protection de l'enfance dans les 24 heures.",
        'Unaccompanied child: refer them to child protection within 24 hours.',
        'Denmisɛn min tɛ ni mɔgɔ ye: a bilasira denmisɛnw lakanani ma lɛrɛ 24 kɔnɔ.',
      ),
    },
    {
      kind: 'question',
      name: 'caregiver_informed',
      type: 'select_one',
      listName: 'informed',
      required: true,
      relevant: IS_CHILD,
      label: t("Ses parents ou la personne qui s'en occupe savent-ils où il est ?", 'Do the parents or caregiver know where the child is?', 'A bangebagaw walima a ladonbaga b’a dɔn a bɛ yɔrɔ min wa?'),
    },
    { kind: 'question', name: 'immediate_needs', type: 'select_multiple', listName: 'child_need', relevant: IS_CHILD, label: t('Besoins immédiats', 'Immediate needs', 'Magoɲini teliw'), hint: SEVERAL_ANSWERS },
  ],
};
