import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey } from './api';
import { errorText } from './errors';
import { localizeMessage } from './i18n';

export const PHONE = /^1[3-9]\d{9}$/;
/** As the API's usernameSchema: a name, or a mobile number (how villagers sign in). */
export const USERNAME = /^([a-z][a-z0-9_.-]{2,31}|1\d{10})$/;

/**
 * Puts the API's `fields` (`village.name` → ['village', 'name']) on the form's items.
 * Returns the form paths that got an error.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, lng: string): string[][] {
  const names = Object.entries(fieldErrors(error, lng)).map(([path, message]) => ({
    name: path.split('.'),
    errors: [message],
  }));
  form.setFields(names);
  return names.map((n) => n.name);
}

/** The API's `fields` by path (`content.rules.3.code`), each message in the user's language. */
export function fieldErrors(error: unknown, lng: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(
    Object.entries(error.fields).map(([path, message]) => [path, localizeMessage(message, lng)]),
  );
}

/**
 * One Idempotency-Key per submission: a retry of the same body reuses it (so a lost answer
 * cannot create twice), a changed body or the next submission after success gets a new one.
 */
export function useIdempotencyKey() {
  const last = useRef<{ body: string; key: string } | undefined>(undefined);
  return {
    keyFor(body: unknown): string {
      const serialized = JSON.stringify(body);
      if (last.current?.body !== serialized) last.current = { body: serialized, key: newIdempotencyKey() };
      return last.current.key;
    },
    reset() {
      last.current = undefined;
    },
  };
}

/** Submits a form through the API: tracks progress, keys retries, maps errors onto the form. */
export function useSubmit<V, R>(
  form: FormInstance,
  send: (values: V, idempotencyKey: string) => Promise<R>,
  options: {
    onSuccess?: (result: R, values: V) => void;
    /** After the error is on the form; gets the form paths that received a field error. */
    onError?: (error: unknown, fieldPaths: string[][]) => void;
  } = {},
) {
  const { t, i18n } = useTranslation();
  const keys = useIdempotencyKey();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: V): Promise<R | undefined> {
    setSubmitting(true);
    setError(undefined);
    try {
      const result = await send(values, keys.keyFor(values));
      keys.reset();
      options.onSuccess?.(result, values);
      return result;
    } catch (caught) {
      const paths = applyFieldErrors(form, caught, i18n.language);
      setError(errorText(caught, t, i18n.language));
      options.onError?.(caught, paths);
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, error, clearError: () => setError(undefined) };
}
