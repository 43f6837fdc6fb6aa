import { errorCodes as reviewCodes } from './en-review';
import type { errorCodes as zh } from './zh-errors';

/** API error codes worded by the client (web/src/lib/errors.ts). */
export const errorCodes: Record<keyof typeof zh, string> = {
  // 乡镇审核 and maker-checker refusals (zh-review.ts).
  ...reviewCodes,
  unauthenticated: 'Your session has ended; please sign in again.',
  forbidden: 'Your role may not do this.',
  try_again: 'The system is busy; please try again shortly.',
  internal: 'Server error; please try again shortly.',
  route_not_found: 'This function does not exist; refresh the page and try again.',
  payload_too_large: 'What you sent is too large.',
  write_conflict: 'Someone else just changed this; refresh and try again.',
  edit_conflict: 'Someone else just changed this; refresh and try again.',
  request_in_progress: 'The previous submission is still being processed; please wait.',
  record_already_processed: 'This record has already been handled; refresh to see it.',
  already_cancelled: 'This redemption is already cancelled.',
  consent_withdrawn: 'The household has withdrawn its consent.',
  invite_expired: 'The invite code has expired.',
  invite_used: 'The invite code has been used.',
  username_taken: 'That username is taken.',
  mobile_taken: 'That mobile number is taken.',
  household_number_taken: 'That household number exists already.',
  township_name_taken: 'That township name exists already.',
  partner_name_taken: 'That partner name exists already.',
};
