/**
 * The only routes that answer without a token (the local runtime adds its OpenAPI document and
 * viewer; in AWS the document is a static file of the admin site, /openapi.json). API Gateway attaches the JWT authorizer to
 * every other route (infra/api), and a test checks this list against the OpenAPI document.
 */
export const publicRoutes = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/onboarding/invites/{code}' },
  { method: 'POST', path: '/api/onboarding/villages' },
  { method: 'GET', path: '/api/public/villages/{villageId}/board' },
  { method: 'POST', path: '/api/public/villages/{villageId}/board/{recordId}/objections' },
  { method: 'POST', path: '/api/public/certificates/verify' },
  { method: 'GET', path: '/api/public/counties/{countyId}/signing-keys' },
  // Sign-in: each step before a token exists, and the issuer's discovery document and keys.
  { method: 'POST', path: '/api/auth/sign-in' },
  { method: 'POST', path: '/api/auth/password' },
  { method: 'POST', path: '/api/auth/totp' },
  { method: 'POST', path: '/api/auth/totp/enrolment' },
  { method: 'POST', path: '/api/auth/sms/codes' },
  { method: 'POST', path: '/api/auth/sms/sign-in' },
  { method: 'POST', path: '/api/auth/session/refresh' },
  { method: 'POST', path: '/api/auth/session/sign-out' },
  { method: 'GET', path: '/.well-known/openid-configuration' },
  { method: 'GET', path: '/.well-known/jwks.json' },
] as const;
