/**
 * A problem found while reading a directory file, located as its author sees it: the sheet
 * (or file inside a zip, or the JSON file), the row (1-based, as a spreadsheet numbers it;
 * the object's position in a JSON array or NDJSON line) and the column (the header the
 * author typed, or a JSON path). Messages are `directoryImport.problem.<code>` in every
 * language; `params` fill them and never hold more than the offending value.
 */
export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  code: ImportProblemCode;
  params?: Record<string, string>;
}

export const IMPORT_PROBLEM_CODES = [
  'unreadable',
  'unknownFormat',
  'empty',
  'missingSheet',
  'missingColumn',
  'required',
  'invalid',
  'tooLong',
  'tooMany',
  'notANumber',
  'outOfRange',
  'invalidPhone',
  'invalidEmail',
  'invalidUrl',
  'invalidId',
  'invalidTime',
  'invalidHours',
  'unknownServiceType',
  'unknownTargetGroup',
  'unknownRegion',
  'unknownCountry',
  'unknownLanguage',
  'unknownCost',
  'unknownStatus',
  'unknownVisibility',
  'unknownOrganisation',
  'organisationNotAllowed',
  'otherOrganisation',
  'locationOfOtherOrganisation',
  'amountRequired',
  'freeWithAmount',
  'agesReversed',
  'closesBeforeOpens',
  'duplicateService',
  'conflictingValue',
  'notYesNo',
  'missingReference',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** What an import did, or would do with --dry-run. */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  verified: number;
  /** Services left out because a row of theirs is invalid (only with `validOnly`). */
  skipped: number;
}

export const IMPORT_FORMATS = ['hsds-json', 'hsds-csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
