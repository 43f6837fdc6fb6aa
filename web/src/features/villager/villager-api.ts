import { api, call, type Schemas } from '../../lib/api';

export type DeclarableProgram = Schemas['DeclarablePrograms']['items'][number];

type Household = { villageId: string; householdId: string };

/** The programs with rules this household may declare under today (only those rules). */
export const declarablePrograms = async ({ villageId, householdId }: Household) =>
  (
    await call(
      api().GET('/api/villages/{villageId}/households/{householdId}/declarable-rules', {
        params: { path: { villageId, householdId } },
      }),
    )
  ).items;

/** The household's declarations, newest first, as each record stands now. */
export const listDeclarations = ({ villageId, householdId }: Household, cursor?: string) =>
  call(
    api().GET('/api/villages/{villageId}/households/{householdId}/declarations', {
      params: { path: { villageId, householdId }, query: { cursor, limit: 20 } },
    }),
  );
