import type { TFunction } from 'i18next';
import { ApiError } from './api';
import { localizeMessage } from './i18n';

/** What to tell the user about a failed call. */
export function errorText(error: unknown, t: TFunction, lng: string): string {
  if (error instanceof ApiError) {
    return error.code === 'network' ? t('errors.network') : localizeMessage(error.message, lng);
  }
  return t('errors.unexpected');
}
