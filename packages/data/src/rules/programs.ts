import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  NotFoundError,
  newId,
  type Program,
  type ProgramCreate,
  type ProgramPatch,
  programSchema,
  TAKEN,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPrefix } from '../page';
import { transactWrite } from '../transact';

type VillageScope = { countyId: string; villageId: string };

export async function createProgram(
  db: Db,
  scope: VillageScope,
  input: Omit<ProgramCreate, 'expiry'> & { expiry?: ProgramCreate['expiry'] },
  now: Date,
): Promise<Program> {
  const program: Program = {
    id: newId(),
    villageId: scope.villageId,
    name: input.name,
    description: input.description,
    accountHolder: input.accountHolder,
    expiry: input.expiry ?? { kind: 'none' },
    createdAt: now.toISOString(),
  };
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.programName(scope.countyId, scope.villageId, input.name),
            type: 'ProgramName',
            programId: program.id,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.program(scope.countyId, scope.villageId, program.id), type: 'Program', ...program },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
    () =>
      new ConflictError('program_name_taken', `本村已有「${input.name}」(program exists)`, { name: TAKEN }),
  );
  return program;
}

export async function getProgram(db: Db, scope: VillageScope, programId: string): Promise<Program> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.program(scope.countyId, scope.villageId, programId),
    }),
  );
  if (!out.Item) throw new NotFoundError('积分项目 (program)');
  return programSchema.parse(out.Item);
}

export function listPrograms(
  db: Db,
  scope: VillageScope,
  page: { limit?: number; cursor?: string },
): Promise<Page<Program>> {
  return queryPrefix(db, keys.programPrefix(scope.countyId, scope.villageId), page, (item) =>
    programSchema.parse(item),
  );
}

/** The name stays (it is unique and records point at the program); description and expiry may change. */
export async function patchProgram(db: Db, scope: VillageScope, programId: string, patch: ProgramPatch) {
  const set = Object.entries(patch).filter(([, v]) => v !== undefined);
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.program(scope.countyId, scope.villageId, programId),
        UpdateExpression: `SET ${set.map(([k]) => `#${k} = :${k}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries(set.map(([k]) => [`#${k}`, k])),
        ExpressionAttributeValues: Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return programSchema.parse(out.Attributes);
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException')
      throw new NotFoundError('积分项目 (program)');
    throw error;
  }
}
