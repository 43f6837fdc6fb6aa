import { type Deps, router } from '@xjf/http';
import { auditRoutes } from '../audit/audit.routes';
import { householdsRoutes } from '../households/households.routes';
import { consentsRoutes } from '../partners/consents.routes';
import { uploadsRoutes } from '../photos/uploads.routes';
import { bulkDecisionRoutes } from '../points/bulk-decisions.routes';
import { declarationsRoutes } from '../points/declarations.routes';
import { recordImportsRoutes } from '../points/imports.routes';
import { recordsRoutes } from '../points/records.routes';
import { staffObjectionRoutes } from '../points/staff-objection.routes';

/** A village's daily work: households, point records, approval, the ledger, photos and the audit log. */
export const pointsSurface = (deps: Deps) =>
  router()
    .route('/', householdsRoutes(deps))
    .route('/', consentsRoutes(deps))
    .route('/', recordsRoutes(deps))
    .route('/', bulkDecisionRoutes(deps))
    .route('/', recordImportsRoutes(deps))
    .route('/', declarationsRoutes(deps))
    .route('/', staffObjectionRoutes(deps))
    .route('/', auditRoutes(deps))
    .route('/', uploadsRoutes(deps));
