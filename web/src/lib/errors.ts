import i18n, { type TFunction } from 'i18next';
import { ApiError } from './api';
import { localizeMessage } from './i18n';
import type { zh } from './locales/zh';

type CodeText = keyof typeof zh.errors.codes;
const isKnown = (code: string): code is CodeText => i18n.exists(`errors.codes.${code}`);

/**
 * What to tell the user about a failed call. Codes whose message says nothing beyond the code are
 * worded by the client in the reader's language; others carry specifics (an amount, a name) only
 * the API's message has, and show its half in that language.
 */
export function errorText(error: unknown, t: TFunction, lng: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('errors.network');
    if (isKnown(error.code)) return t(`errors.codes.${error.code}`);
    return localizeMessage(error.message, lng);
  }
  return t('errors.unexpected');
}
