import type { MessageKey } from '../../domain/i18n/translate.ts';
import type { IconName } from './icons.tsx';

/**
 * The pictogram and the name of each service category and status, shared by every screen
 * (and by the pictogram guide on the help page), so that one idea always has one picture.
 * The categories follow the NRM service types the directory will carry.
 */
export interface Pictogram {
  icon: IconName;
  label: MessageKey;
}

export const SERVICE_CATEGORIES = {
  food: { icon: 'food', label: 'common.category.food' },
  health: { icon: 'health', label: 'common.category.health' },
  psychosocial: { icon: 'psychosocial', label: 'common.category.psychosocial' },
  shelter: { icon: 'shelter', label: 'common.category.shelter' },
  legal: { icon: 'legal', label: 'common.category.legal' },
  familyTracing: { icon: 'familyTracing', label: 'common.category.familyTracing' },
  return: { icon: 'return', label: 'common.category.return' },
  reintegration: { icon: 'reintegration', label: 'common.category.reintegration' },
  education: { icon: 'education', label: 'common.category.education' },
  childProtection: { icon: 'childProtection', label: 'common.category.childProtection' },
  transport: { icon: 'transport', label: 'common.category.transport' },
  interpretation: { icon: 'interpretation', label: 'common.category.interpretation' },
} as const satisfies Record<string, Pictogram>;

/** Tone steers colour only; the pictogram and the word carry the meaning on their own. */
export type Tone = 'neutral' | 'progress' | 'success' | 'danger' | 'warning';

export const STATUSES = {
  pending: { icon: 'pending', label: 'common.status.pending', tone: 'neutral' },
  running: { icon: 'running', label: 'common.status.running', tone: 'progress' },
  done: { icon: 'done', label: 'common.status.done', tone: 'success' },
  failed: { icon: 'refused', label: 'common.status.failed', tone: 'danger' },
  accepted: { icon: 'done', label: 'common.status.accepted', tone: 'success' },
  declined: { icon: 'refused', label: 'common.status.declined', tone: 'danger' },
  overdue: { icon: 'overdue', label: 'common.status.overdue', tone: 'warning' },
  closed: { icon: 'closed', label: 'common.status.closed', tone: 'neutral' },
  savedOnDevice: { icon: 'savedOnDevice', label: 'common.status.savedOnDevice', tone: 'warning' },
  sent: { icon: 'sent', label: 'common.status.sent', tone: 'success' },
} as const satisfies Record<string, Pictogram & { tone: Tone }>;

export type StatusName = keyof typeof STATUSES;
