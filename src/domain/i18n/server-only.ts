/**
 * Catalogue areas only the server or the command line speaks (console messages, the public
 * directory's server-rendered pages, import problem lists, leaflets): the web build leaves
 * them out, so phones never download them, and a test keeps the web app from using them.
 */
export const SERVER_ONLY_AREAS: ReadonlySet<string> = new Set(['cli', 'publicDirectory', 'directoryImport', 'personExport', 'referralForm', 'activityReport']);
