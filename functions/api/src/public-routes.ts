/**
 * The only routes that answer without a token. API Gateway attaches the JWT authorizer to
 * every other route (infra/api), and a test checks this list against the OpenAPI document.
 */
export const publicRoutes = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/api/docs' },
  { method: 'GET', path: '/api/onboarding/invites/{code}' },
  { method: 'POST', path: '/api/onboarding/villages' },
  { method: 'GET', path: '/api/public/villages/{villageId}/board' },
  { method: 'POST', path: '/api/public/villages/{villageId}/board/{recordId}/objections' },
  { method: 'POST', path: '/api/public/certificates/verify' },
  { method: 'GET', path: '/api/public/counties/{countyId}/signing-keys' },
] as const;
