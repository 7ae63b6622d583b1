import { skeleton } from './text.ts';

/**
 * Forms of the same given name in use in the Sahel: full forms, short forms and nicknames,
 * and spellings that the skeleton alone does not bring together. Each group is one name; the
 * first entry names the group. Kept to well-known equivalences, never tuned to a data set:
 * a wrong group merges different people.
 */
const GROUPS: readonly (readonly string[])[] = [
  ['fatoumata', 'fatimata', 'fatouma', 'fatim', 'fatou', 'fanta', 'fatma', 'fatimatou'],
  ['mamadou', 'madou', 'mahamadou', 'mamadi', 'mahamadi'],
  ['mohamed', 'mohammed', 'muhammad', 'mouhamed', 'mahamed', 'mouhammad', 'mahmoud'],
  ['boubacar', 'aboubacar', 'aboubakar', 'boubakar', 'bakary', 'bakari', 'abou bakar', 'aboubakary'],
  ['ibrahim', 'ibrahima', 'brahima', 'brahim', 'ibrahima'],
  ['abdoulaye', 'abdoulay', 'layes', 'laye', 'ablaye', 'abdallah', 'abdoulahi'],
  ['salimata', 'sali', 'salamata'],
  ['kadiatou', 'kadidia', 'kadidiatou', 'kadia', 'khadija', 'kadi', 'kadiata'],
  ['oumou', 'oumoukalsoum', 'oumou kalsoum', 'kalsoum', 'oumoukoulsoum'],
  ['aissata', 'aissa', 'aicha', 'aichata', 'aissatou', 'awa aissata'],
  ['mariam', 'mariama', 'mariame', 'maryam', 'mariamou'],
  ['seydou', 'sidou', 'seidou', 'saidou', 'seidu'],
  ['youssouf', 'yusuf', 'youssoufa', 'yousouf'],
  ['souleymane', 'suleyman', 'souleimane', 'soulemane', 'sulayman'],
  ['cheick', 'cheikh', 'sheick', 'cheik', 'cheikna', 'chaka'],
  ['adiaratou', 'diaratou', 'adiara'],
  ['drissa', 'idrissa', 'idriss', 'driss'],
  ['assitan', 'sitan', 'assetou'],
  ['abdoul karim', 'abdoulkarim', 'karim', 'abdul karim'],
  ['habibatou', 'bibata', 'habiba'],
  ['aminata', 'mina', 'aminatou', 'ami'],
  ['harouna', 'haroun', 'aroun'],
  ['oumar', 'omar', 'umar'],
  ['ousmane', 'osman', 'usman', 'ousman'],
  ['alassane', 'alhassane', 'lassane'],
  ['amadou', 'hamadou', 'ahmadou', 'ahmad'],
  ['daouda', 'dawuda', 'dawda'],
  ['yacouba', 'yakouba', 'yacoub'],
  ['rokia', 'rokiatou', 'roukia'],
  ['zenabou', 'zeinabou', 'zeinab', 'zenab'],
  ['djeneba', 'jeneba', 'dienaba', 'djenebou'],
  ['korotoumou', 'koro'],
  ['sekou', 'sekouba'],
  ['lassina', 'lassine', 'lansina'],
  ['adama', 'adam'],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) {
  const name = compact(group[0]!);
  for (const form of group) CANONICAL.set(compact(form), name);
}

/** A given name (one or more words) as one skeleton string: "Abdoul Karim" → "abdulkarim". */
export function compact(folded: string): string {
  return folded
    .split(' ')
    .filter(Boolean)
    .map(skeleton)
    .join('');
}

/** The group a given name belongs to (its first form's skeleton), or its own skeleton. */
export function canonicalGivenName(folded: string): string {
  const key = compact(folded);
  return CANONICAL.get(key) ?? key;
}
