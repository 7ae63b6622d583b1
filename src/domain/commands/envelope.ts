import { z } from 'zod';

/** How any client (web, offline outbox, integration) submits a command. */
export const commandEnvelope = z
  .object({
    /** Client-generated UUID: the same id applies once, whatever the number of retries. */
    id: z.uuid(),
    input: z.unknown(),
  })
  .strict();

export const COMMAND_NAME_PATTERN = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
