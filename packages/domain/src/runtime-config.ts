import * as z from 'zod';

/**
 * `/config.json`, read by the admin at start-up: where the API is and how to sign in. The
 * local runtime serves the dev variant; the CDK web stack writes the Cognito one at deploy time.
 */
export const runtimeConfigSchema = z.object({
  /** Empty for the same origin (local runtime); the HTTP API's URL in AWS. */
  apiBaseUrl: z.string(),
  auth: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('dev') }),
    z.object({
      mode: z.literal('cognito'),
      region: z.string(),
      userPoolId: z.string(),
      clientId: z.string(),
      /** Hosted sign-in domain, e.g. https://xiaojifen-prod.auth.ap-east-1.amazoncognito.com */
      domain: z.string(),
    }),
  ]),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
