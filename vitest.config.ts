import { defineConfig } from 'vitest/config';

// The SDK warns about Node 20 on every import; the global setup imports it in this process too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

/**
 * Test tiers: unit (no I/O), integration (the real app against DynamoDB Local, started once
 * per run), infra (CDK template and cdk-nag) and e2e (the built admin in Debian's Chromium).
 */
export default defineConfig({
  test: {
    // Two files at a time, each on its own DynamoDB Local (test/support/dynamo-global-setup.ts).
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], env } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/dynamo-global-setup.ts'],
          env,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], env, testTimeout: 60_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/e2e-global-setup.ts'],
          env,
          testTimeout: 60_000,
          // The demo is seeded once in the global setup; each file copies it and starts its own
          // server and Chromium, so two files run side by side: a browser test mostly waits.
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
