import type { errorCodes as zhCodes, review as zhReview } from './zh-review';

export const review: typeof zhReview = {
  title: 'Township queue',
  intro:
    "Records waiting for review in your township's villages. You can decide only for villages that turned township review on.",
  pending: '{{count}} pending',
  open: 'Review',
  off: 'Township review off',
  offNote: 'This village has not asked for township review; its own admin reviews.',
  empty: 'This township has no villages yet',
  reviewerReadOnly: 'This village has not turned township review on: you can read, not decide.',
  reviewerIntro:
    "You are the township reviewer: approve or reject this village's pending records (no reversals).",
  switchTitle: 'Township review',
  switchHelp:
    "For a village with a single cadre: when on, the township reviewer approves the village's points.",
  switchOn: 'Township review turned on',
  switchOff: 'Township review turned off',
  on: 'On',
  offShort: 'Off',
  ownRecord: 'You recorded this: you cannot approve it',
  ownHousehold: 'This is your own household: you cannot approve it',
  byTownship: 'The township reviewer approves it',
  byAnother: 'Ask another village admin, or turn on township review in the village settings',
  openSetting: 'Turn on',
  rejectSelected: 'Reject selected ({{count}})',
  tooMany: 'At most {{max}} at once: select fewer',
  confirmApproveTitle: 'Approve selected records?',
  confirmRejectTitle: 'Reject selected records?',
  confirmApprove: '{{count}} records, {{points}} points in all, will be approved.',
  confirmReject: '{{count}} records, {{points}} points in all, will be rejected.',
  confirmApproveOk: 'Approve',
  confirmRejectOk: 'Reject',
  rejectedDone: '{{ok}} rejected, {{failed}} failed',
  rejectedAllDone: '{{ok}} rejected',
  rejectFailures: 'These records were not rejected',
  points: '{{points}} pts',
  recorder: 'By {{name}}',
  duplicate: 'Possible duplicate',
  duplicateOf: 'Same household, rule and month already recorded: {{other}}',
  duplicatesSelected:
    '{{count}} of the selected records look like duplicates (same household, rule and month): check them before approving.',
  selectAllSkips: 'Select all leaves out possible duplicates',
  allRecorders: 'All recorders',
  allRules: 'All rules',
  allSources: 'All sources',
  onlySelfDeclared: 'Self-declared only',
  noSelfDeclared: 'Not self-declared',
  shown: '{{count}} records',
  shownOf: '{{count}} of {{total}} shown',
  truncated: 'Only the first {{count}} were read',
  township: 'Township',
  townshipHint:
    'A township reviewer decides only for villages of this township that turned township review on',
};

export const errorCodes: typeof zhCodes = {
  township_review_off: 'This village has not turned township review on: the township reviewer cannot decide.',
  self_approval: 'You cannot approve a record you recorded.',
  own_household: "You cannot approve your own household's points.",
  cannot_approve: 'You may not approve this record.',
};
