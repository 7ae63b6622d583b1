/**
 * Default roles of a national referral mechanism. Issue #3 turns them into data an
 * administrator can adjust; these names stay the stable keys.
 */
export const ROLES = [
  'system_admin',
  'nrm_coordinator',
  'organisation_admin',
  'case_manager',
  'frontline_identifier',
  'service_focal_point',
  'bid_panel_member',
  'community_engagement_officer',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];
