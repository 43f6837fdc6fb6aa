import { type Deps, router } from '@xjf/http';
import { accountRoutes } from '../auth/account.routes';
import { sessionRoutes } from '../auth/session.routes';
import { signInRoutes } from '../auth/sign-in.routes';
import { smsRoutes } from '../auth/sms.routes';

/** The issuer: sign-in steps, villagers' SMS codes, the session's refresh and sign-out, own settings. */
export const authSurface = (deps: Deps) =>
  router()
    .route('/', signInRoutes(deps))
    .route('/', smsRoutes(deps))
    .route('/', sessionRoutes(deps))
    .route('/', accountRoutes(deps));
