import { api, call, type Schemas } from '../../lib/api';

export type PublicBoard = Schemas['PublicBoard'];
export type PostedLine = Schemas['BoardPostedLine'];
export type ObjectionCreate = Schemas['ObjectionCreate'];

export const readBoard = (villageId: string) =>
  call(api().GET('/api/public/villages/{villageId}/board', { params: { path: { villageId } } }));

/** From the public board: no sign-in. */
export const objectPublicly = (
  villageId: string,
  recordId: string,
  body: ObjectionCreate,
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/public/villages/{villageId}/board/{recordId}/objections', {
      params: { path: { villageId, recordId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

/** Village staff logging an objection a villager made by phone or in person. */
export const objectAsStaff = (
  villageId: string,
  recordId: string,
  body: ObjectionCreate,
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/point-records/{recordId}/object', {
      params: { path: { villageId, recordId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

/** The board's address as villagers open it: the admin's own origin, no sign-in. */
export const boardUrl = (villageId: string) => `${window.location.origin}/board/${villageId}`;
