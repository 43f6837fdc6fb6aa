import type { Translation } from './zh';

/** The notice board, objections and audit log words, matching zh-board.ts. */
export const board: Translation['board'] = {
  title: '{{village}} points notice board',
  place: '{{township}}, {{county}}',
  intro:
    'Approved points are posted here for {{days}} days before they take effect. If you disagree with a posting, tap “Object” within the window and the record goes back for review.',
  noPostingIntro: 'This village’s approved points take effect at once, without public posting.',
  posted: 'On posting',
  postedEmpty: 'Nothing is posted at the moment',
  postedUntil: 'Posted until {{at}}',
  recentlyEffective: 'Recently in effect',
  effectiveEmpty: 'No points have taken effect yet',
  ranking: 'Ranking',
  rankingEmpty: 'No household has earned points yet',
  rank: 'No. {{rank}}',
  points: '{{points}} pts',
  group: 'Group',
  notFound: 'No notice board was found for this village; please check the link.',
  updatedAt: 'Updated {{at}}',
  refresh: 'Refresh',
  object: 'Object',
  objectTitle: 'Object to these points',
  objectHint:
    'The record goes back to the village admin for review. Please give an honest reason; name and phone are optional and only village staff see them.',
  reason: 'Reason',
  reasonPlaceholder: 'e.g. this household was away that day',
  reasonRequired: 'Please give a reason (2–200 characters)',
  name: 'Your name (optional)',
  phone: 'Phone (optional)',
  submit: 'Send objection',
  submitted: 'Objection sent; the record is back for review',
  link: 'Public notice board',
  linkHint: 'The board needs no sign-in: share this link in the village group chat:',
  open: 'Open the board',
  objectionFlag: 'Objection',
  objectionsCol: 'Objection',
  objectionBy: '{{name}} {{phone}}',
  objectionAnonymous: 'anonymous',
  staffObject: 'Log objection',
  staffObjectTitle: 'Log an objection for a villager',
  staffObjectHint:
    'When a villager objects by phone or in person, log it here; the record goes back to pending.',
};

export const audit: Translation['audit'] = {
  title: 'Audit log',
  intro:
    'Every record made, approved, rejected, objected to, reversed or imported: who did what and when. Entries cannot be changed.',
  range: 'Dates',
  at: 'Time',
  action: 'Action',
  by: 'By',
  record: 'Record',
  household: 'Household no.',
  rule: 'Rule',
  points: 'Points',
  reason: 'Reason / note',
  empty: 'Nothing happened in this period',
  actions: {
    create: 'Recorded',
    approve: 'Approved',
    reject: 'Rejected',
    object: 'Objection',
    reverse: 'Reversed',
    import: 'Imported',
  },
};
