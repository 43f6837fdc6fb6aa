import type { Translation } from './zh';

/** Score certificates, matching zh-certificates.ts. */
export const certificates: Translation['certificates'] = {
  issue: 'Issue score certificate',
  issued: 'Certificate issued',
  title: 'Score certificate',
  heading: '{{program}} certificate',
  number: 'Certificate no.',
  statement:
    'This certifies that the household of {{name}} (no. {{number}}), {{village}}, {{county}}, earned {{score}} points in "{{program}}" over {{window}}, as of {{asOf}}.',
  statementTier: ' It reaches the "{{tier}}" tier: {{benefit}}.',
  household: 'Household',
  village: 'Village',
  householdNumber: 'Household no.',
  program: 'Program',
  window: 'Counting period',
  windows: {
    rolling12: 'the last 12 months ({{from}} to {{to}})',
    calendarYear: 'the calendar year ({{from}} to {{to}})',
    ever: 'all time (to {{to}})',
  },
  score: 'Points',
  scoreValue: '{{score}} points',
  tier: 'Tier',
  noTier: 'Below every tier',
  benefit: 'Benefit',
  asOf: 'as of',
  partner: 'Issued by',
  issuedBy: 'Officer',
  issuedAt: 'Issued at',
  algorithm: 'Signature algorithm',
  keyId: 'Key id',
  signature: 'Signature',
  verifyHint:
    'To verify: open {{url}} and paste or upload this certificate’s JSON file; any change to its content fails verification. That page also gives {{county}}’s public keys (Ed25519) for checking offline.',
  print: 'Print',
  listTitle: 'Issued certificates',
  listIntro:
    'Certificates your institution issued, newest first. Open one to print it again or download its JSON; to issue a new one, find a consenting household on the home page.',
  open: 'View and print',
  more: 'Load more',
  download: 'Download JSON',
  back: 'Back',
  verify: {
    title: 'Verify a score certificate',
    intro:
      'No sign-in needed. Paste a score certificate’s JSON or upload its file to check that the county issued it and nothing in it was changed.',
    placeholder: 'Paste the certificate JSON here, e.g. {"certificate": {…}, "keyId": "…", "signature": "…"}',
    check: 'Verify',
    upload: 'Upload JSON file',
    valid: 'Valid',
    invalid: 'Invalid',
    notJson: 'This is not valid JSON; paste the whole certificate file.',
    keys: 'Download {{county}}’s public keys',
  },
};
