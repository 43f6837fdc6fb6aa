import { type Deps, router } from '@xjf/http';
import { certificateVerifyRoutes } from '../certificates/verify.routes';
import { healthRoutes } from '../me.routes';
import { onboardingRoutes } from '../onboarding/onboarding.routes';
import { boardRoutes } from '../points/board.routes';

/** What answers without a sign-in: health, onboarding from an invite, the notice board, certificate checks. */
export const publicSurface = (deps: Deps) =>
  router()
    .route('/', healthRoutes())
    .route('/', onboardingRoutes(deps))
    .route('/', boardRoutes(deps))
    .route('/', certificateVerifyRoutes(deps));
