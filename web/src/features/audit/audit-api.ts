import { api, call, type Schemas } from '../../lib/api';

export type AuditEntry = Schemas['AuditEntry'];

/** `from`/`to` are China days, both inclusive. */
export const listAudit = (villageId: string, query: { from?: string; to?: string; cursor?: string }) =>
  call(
    api().GET('/api/villages/{villageId}/audit', {
      params: { path: { villageId }, query: { ...query, limit: 50 } },
    }),
  );
