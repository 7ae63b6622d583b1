/**
 * ODK's evaluator bundles web-tree-sitter, whose Emscripten loader reads `__dirname` when it
 * detects Node, and ES modules have none. The grammar and runtime are inlined as data URLs, so
 * the value is never used to read a file; it only has to exist. Browsers skip that branch.
 * Imported before `@getodk/xpath` so that it runs first.
 */
const scope = globalThis as { __dirname?: string; process?: { versions?: { node?: string } } };
if (scope.process?.versions?.node && scope.__dirname === undefined) scope.__dirname = '.';

export {};
