import type { SecretBox } from '../crypto/secret-box.ts';

/**
 * A participant's name, kept only with their consent, is sealed by the secret box under a
 * context bound to the participant's row: a sealed name copied to another row does not open.
 */
export const participantNameContext = (participantId: string) => `activity-participant:${participantId}`;

export function sealParticipantName(box: SecretBox, participantId: string, name: string): string {
  return box.seal(name, participantNameContext(participantId));
}

export function openParticipantName(box: SecretBox, participantId: string, sealed: string | null): string | null {
  return sealed ? box.openText(sealed, participantNameContext(participantId)) : null;
}
