/** Evidence and item photos, and the household a village user lives in. */
export const photos = {
  add: 'Add photo',
  wrongType: 'JPEG, PNG or WebP images only',
  uploading: 'Uploading photos…',
  tooLarge: 'Photos must be {{mb}} MB or smaller',
  nth: 'Photo {{n}}',
  evidence: 'Evidence photos',
  evidenceHint: 'Up to 3, e.g. of the activity or of before and after',
  itemPhoto: 'Item photo',
  column: 'Photos',
  detail: 'Record details',
  household: 'Household',
  householdHint: 'An admin never approves points for their own household',
  householdSaved: 'Household saved',
};
