import * as z from 'zod';

/**
 * `/config.json`, read by the admin at start-up: where the API is. Sign-in is the API's own
 * (`/api/auth/…`) everywhere; the local runtime adds its demo user picker and SMS inbox.
 */
export const runtimeConfigSchema = z.object({
  /** Empty for the same origin (local runtime); the API's URL in AWS. */
  apiBaseUrl: z.string(),
  /** Local runtime only: the demo user picker and the dev SMS inbox beside the real sign-in. */
  dev: z.boolean(),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
