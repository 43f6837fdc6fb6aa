/**
 * The demo's staff password (packages/local's DEMO_PASSWORD), named in the hints the sign-in page
 * shows only when `/config.json` says `dev: true`: the local runtime, never a deployment.
 */
export const DEMO_PASSWORD = 'Xiaojifen-2026';
