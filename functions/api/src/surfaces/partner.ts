import { type Deps, router } from '@xjf/http';
import { certificatesRoutes } from '../certificates/certificates.routes';
import { partnerRoutes } from '../partners/partner.routes';

/** The partner bank's side: consenting households, their scores and signed certificates. */
export const partnerSurface = (deps: Deps) =>
  router().route('/', partnerRoutes(deps)).route('/', certificatesRoutes(deps));
