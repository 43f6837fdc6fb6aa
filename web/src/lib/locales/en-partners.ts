import type { Translation } from './zh';

/** Partners, consents, tiers and the partner portal, matching zh-partners.ts. */
export const partner: Translation['partner'] = {
  title: 'Partner portal',
  intro:
    'Scores, tiers and how they were earned, for households that consented to you. Every look-up is logged in the household’s village.',
  search: 'Find a consenting household by number or name',
  households: 'Consenting households',
  noHouseholds: 'No household has consented yet',
  village: 'Village',
  number: 'Household no.',
  head: 'Head',
  grantedOn: 'Consented on',
  view: 'View score',
  asOf: 'As of',
  program: 'Program',
  score: 'Score',
  tier: 'Tier',
  noTier: 'No tier reached',
  benefit: 'Benefit',
  nextTier: '{{points}} points to “{{label}}”',
  topTier: 'Highest tier reached',
  window: 'Window',
  windows: {
    rolling12: 'Last 12 months ({{from}} to {{to}})',
    calendarYear: 'Calendar year ({{from}} to {{to}})',
    ever: 'All time (to {{to}})',
  },
  breakdown: 'How the score was earned',
  category: 'Category',
  rule: 'Rule',
  entries: 'Entries',
  points: 'Points',
  levels: 'Tiers',
  pick: 'Pick a household on the left to see its score',
};

export const partners: Translation['partners'] = {
  title: 'Partners',
  intro:
    'Register partners (such as the rural bank), the county-wide programs they may read, and their users. A partner sees consenting households only.',
  add: 'Register partner',
  name: 'Name',
  description: 'Description',
  programs: 'Programs it may read',
  programsHint: 'County-wide programs only',
  noCountyPrograms: 'The county has no county-wide program yet; create one first',
  users: 'Partner users',
  addUser: 'Add partner user',
  addUserTitle: 'Add a user for “{{name}}”',
  none: 'No partner registered yet',
  added: 'Registered “{{name}}”',
};

export const consents: Translation['consents'] = {
  title: 'Consent to partners',
  intro:
    'When the household signs a consent form, the village admin records it here; once withdrawn, the partner can no longer look it up.',
  grant: 'Record consent',
  partner: 'Partner',
  grantedOn: 'Signed on',
  note: 'Note',
  status: 'Status',
  active: 'In force',
  withdrawn: 'Withdrawn ({{date}})',
  withdraw: 'Withdraw',
  withdrawTitle: 'Withdraw the consent to “{{name}}”',
  withdrawnOn: 'Withdrawn on',
  reason: 'Reason',
  none: 'No consent recorded',
  lookups: 'Partner look-ups',
  noLookups: 'No look-ups yet',
  lookupAt: 'When',
  lookupBy: 'By',
  lookupAsOf: 'As of',
  outcome: 'Outcome',
  outcomes: {
    allowed: 'Shown',
    no_consent: 'Refused: no consent',
    consent_withdrawn: 'Refused: consent withdrawn',
    future_date: 'Refused: future date',
  },
};

export const tiers: Translation['tiers'] = {
  button: 'Tiers',
  title: 'Tiers of “{{name}}”',
  intro:
    'Tiers follow the points earned over a window, never the spendable balance: spending points in the store never lowers a tier.',
  window: 'Window',
  windows: { rolling12: 'Last 12 months', calendarYear: 'Calendar year', ever: 'All time' },
  threshold: 'Threshold (points)',
  label: 'Tier name',
  benefit: 'Benefit',
  addLevel: 'Add tier',
  remove: 'Remove',
  clear: 'Remove tiers',
  saved: 'Tiers saved',
  none: 'None',
  count: '{{count}} tiers',
};
