import { createUser } from '../identity/commands.ts';
import { retryJob } from '../jobs/commands.ts';
import { createOrganisation } from '../organisations/commands.ts';
import type { CommandDefinition } from './define.ts';
import type { CommandRegistry } from './run.ts';

/** Every command Sira accepts. The HTTP API, the CLI and the offline outbox all use this list. */
export const ALL_COMMANDS: readonly CommandDefinition[] = [createOrganisation, createUser, retryJob] as unknown as CommandDefinition[];

export function buildRegistry(commands: readonly CommandDefinition[] = ALL_COMMANDS): CommandRegistry {
  const map = new Map<string, CommandDefinition>();
  for (const c of commands) {
    if (map.has(c.name)) throw new Error(`duplicate command name ${c.name}`);
    map.set(c.name, c);
  }
  return map;
}
