/**
 * How API Gateway sends requests to the per-surface functions: the path patterns each surface
 * serves (HTTP API route keys, any method). API Gateway picks the most specific match, so the
 * admin's `/api/{proxy+}` takes whatever no other surface claims. Public routes (public-routes.ts)
 * are added as exact routes without the authorizer, on the surface that serves them.
 * test/infra/routing.test.ts routes every path of the OpenAPI document through these patterns
 * and checks that the function it reaches serves it.
 */
export const surfaceRoutes = {
  admin: ['/api/{proxy+}'],
  public: ['/api/health', '/api/public/{proxy+}', '/api/onboarding/{proxy+}'],
  // The sign-in issuer: its OpenID discovery document and keys sit at the root, as OIDC requires.
  auth: ['/api/auth/{proxy+}', '/.well-known/{proxy+}'],
  partner: ['/api/partner/{proxy+}'],
  points: [
    '/api/villages/{villageId}/households',
    '/api/villages/{villageId}/households/{proxy+}',
    '/api/villages/{villageId}/point-records',
    '/api/villages/{villageId}/point-records/{proxy+}',
    '/api/villages/{villageId}/audit',
    '/api/villages/{villageId}/uploads',
  ],
  store: [
    '/api/villages/{villageId}/store/{proxy+}',
    '/api/villages/{villageId}/redemptions',
    '/api/villages/{villageId}/redemptions/{proxy+}',
  ],
  reports: ['/api/counties/{countyId}/reports/{proxy+}', '/api/villages/{villageId}/reports/{proxy+}'],
} as const;

export type Surface = keyof typeof surfaceRoutes;

/** The AWS services beyond the table each surface calls: its function gets their settings and grants only. */
export type SurfaceService = 'tokenSigner' | 'sms' | 'signingSeed' | 'photos';
export const surfaceServices: Record<Surface, readonly SurfaceService[]> = {
  admin: [],
  public: [],
  // Only the issuer signs tokens (KMS Sign) and sends sign-in codes; every function verifies.
  auth: ['tokenSigner', 'sms'],
  partner: ['signingSeed'],
  points: ['photos'],
  store: ['photos'],
  reports: [],
};
export const surfaces = Object.keys(surfaceRoutes) as Surface[];

const segments = (path: string) => path.split('/').filter(Boolean);
const isVariable = (segment: string) => segment.startsWith('{');

/**
 * How specific a pattern is for a path, or undefined if it does not match: exact patterns beat
 * greedy ones, then more literal segments win, then longer prefixes (API Gateway's order).
 */
function specificity(pattern: string, path: string): number | undefined {
  const want = segments(pattern);
  const have = segments(path);
  const greedy = want.at(-1) === '{proxy+}';
  const fixed = greedy ? want.slice(0, -1) : want;
  if (greedy ? have.length <= fixed.length : have.length !== fixed.length) return undefined;
  if (!fixed.every((s, i) => isVariable(s) || s === have[i])) return undefined;
  const literals = fixed.filter((s) => !isVariable(s)).length;
  return (greedy ? 0 : 10_000) + literals * 100 + fixed.length;
}

/** The surface whose function API Gateway invokes for a path (OpenAPI form: `{param}`). */
export function surfaceOf(path: string): Surface {
  let best: { surface: Surface; score: number } | undefined;
  for (const surface of surfaces)
    for (const pattern of surfaceRoutes[surface]) {
      const score = specificity(pattern, path);
      if (score !== undefined && (!best || score > best.score)) best = { surface, score };
    }
  if (!best) throw new Error(`no surface serves ${path}`);
  return best.surface;
}
