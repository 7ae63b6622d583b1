import { v5 as uuidv5 } from 'uuid';

/**
 * Fixed namespace for ids the CLI derives from names (uuid v5): the same name always gives
 * the same id, so re-running a bootstrap or seed replays its commands instead of
 * duplicating them. Never change it: existing databases hold ids derived from it.
 */
const SIRA_CLI_NAMESPACE = '5d0c6d1e-3f7a-4c52-9a1b-6e2f0c9d8a41';

export function stableId(name: string): string {
  return uuidv5(name, SIRA_CLI_NAMESPACE);
}
