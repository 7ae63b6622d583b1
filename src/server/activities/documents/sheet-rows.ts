import { type RandomBytes, newParticipantCode } from '../../../domain/activities/participant-code.ts';
import type { ReportParticipant } from './report-data.ts';

/** Blank lines printed when the caller does not say: a room of twenty is the usual forum. */
export const DEFAULT_BLANK_ROWS = 20;
export const MAX_BLANK_ROWS = 200;

/** One line of the paper sheet or of the Excel template: a registered participant, or a blank line with a fresh code. */
export interface SheetRow {
  participantCode: string;
  registered: ReportParticipant | null;
}

/**
 * Registered participants first, in their order, then `blank` lines each with a code drawn now
 * and unique on the sheet. The codes of blank lines are not stored: they become participants
 * when the filled sheet is typed in or imported.
 */
export function sheetRows(participants: readonly ReportParticipant[], blank: number, random: RandomBytes): SheetRow[] {
  const taken = new Set(participants.map((p) => p.participantCode));
  const rows: SheetRow[] = participants.map((p) => ({ participantCode: p.participantCode, registered: p }));
  // About 29 million codes: a clash is rare, a run of them means a broken random source.
  for (let draws = 0; rows.length < participants.length + blank; draws++) {
    if (draws > 100 * (blank + 1)) throw new Error('Random source keeps giving codes already on the sheet');
    const code = newParticipantCode(random);
    if (taken.has(code)) continue;
    taken.add(code);
    rows.push({ participantCode: code, registered: null });
  }
  return rows;
}
