import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  newId,
  type Program,
  type ProgramCreate,
  type ProgramPatch,
  programSchema,
  TAKEN,
} from '@xjf/domain';
import { getItems } from '../batch';
import type { Db } from '../client';
import { type Key, keys, type Owner } from '../keys';
import { type Page, queryAllPrefix, queryPrefix } from '../page';
import { transactWrite } from '../transact';

type VillageScope = { countyId: string; villageId: string };

const isCounty = (owner: Owner) => owner.villageId === undefined;
const notFound = () => new NotFoundError('积分项目 (program)');
const countyManaged = () =>
  new ForbiddenError(
    '全县统一的积分项目由县管理员维护 (a county-wide program is managed by the county admin)',
    'county_program',
  );

/** Where a program a village sees is kept: its own partition, or its county's for a county program. */
export const programOwner = (scope: Owner, program: Program): Owner =>
  program.scope === 'county' ? { countyId: scope.countyId } : scope;

/** A village may read its county's programs but change only its own: 403 otherwise. */
export function assertOwnsProgram(owner: Owner, program: Program) {
  if (!isCounty(owner) && program.scope === 'county') throw countyManaged();
}

/**
 * A village's program or a county-wide one. A program name is unique in its owner, and a
 * village cannot take the name of one of its county's programs (the county report filters by name).
 */
export async function createProgram(
  db: Db,
  owner: Owner,
  input: Omit<ProgramCreate, 'expiry'> & { expiry?: ProgramCreate['expiry'] },
  now: Date,
): Promise<Program> {
  const program: Program = {
    id: newId(),
    villageId: owner.villageId,
    scope: isCounty(owner) ? 'county' : 'village',
    name: input.name,
    description: input.description,
    accountHolder: input.accountHolder,
    expiry: input.expiry ?? { kind: 'none' },
    tiers: input.tiers,
    createdAt: now.toISOString(),
  };
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.programName(owner, input.name),
            type: 'ProgramName',
            programId: program.id,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.program(owner, program.id), type: 'Program', ...program },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...(isCounty(owner)
        ? []
        : [
            {
              ConditionCheck: {
                TableName: db.tableName,
                Key: keys.programName({ countyId: owner.countyId }, input.name),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ]),
    ],
    (index) =>
      new ConflictError(
        'program_name_taken',
        index === 2
          ? `本县已有全县统一的「${input.name}」(a county-wide program has this name)`
          : `${isCounty(owner) ? '本县' : '本村'}已有「${input.name}」(program exists)`,
        { name: TAKEN },
      ),
  );
  return program;
}

/**
 * A program as a village (or county) sees it: for a village, its own program or one of its
 * county's, read in one BatchGet of both keys; for a county, its own. Records, grids, imports
 * and the store all resolve programs here, so a county program works wherever a village's does.
 */
export async function getProgram(db: Db, scope: Owner, programId: string): Promise<Program> {
  if (isCounty(scope)) {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.program(scope, programId) }),
    );
    if (!out.Item) throw notFound();
    return programSchema.parse(out.Item);
  }
  const found = await getItems(db, programKeys(scope, programId));
  return programAmong(found, scope, programId);
}

/** Where a village's program id may be kept: the village's partition or its county's (ids are unique, one exists). */
export const programKeys = (scope: Owner, programId: string) => [
  keys.program(scope, programId),
  keys.program({ countyId: scope.countyId }, programId),
];

/** The program from a batch read that included `programKeys`, so callers can read it beside other items; 404 if neither exists. */
export function programAmong(
  found: (key: Key) => Record<string, unknown> | undefined,
  scope: Owner,
  programId: string,
): Program {
  const item = programKeys(scope, programId)
    .map(found)
    .find((i) => i !== undefined);
  if (!item) throw notFound();
  return programSchema.parse(item);
}

/** A county's own programs, all of them (a county runs a handful). */
export const countyPrograms = (db: Db, scope: { countyId: string }) =>
  queryAllPrefix(db, keys.programPrefix({ countyId: scope.countyId }), (item) => programSchema.parse(item));

/**
 * The programs a village records under: on the first page its county's programs (a handful,
 * marked `scope: 'county'`) before the village's own; for a county, its own.
 */
export async function listPrograms(
  db: Db,
  scope: Owner,
  page: { limit?: number; cursor?: string },
): Promise<Page<Program>> {
  const own = queryPrefix(db, keys.programPrefix(scope), page, (item) => programSchema.parse(item));
  if (isCounty(scope) || page.cursor) return own;
  const [county, village] = await Promise.all([countyPrograms(db, scope), own]);
  return { ...village, items: [...county, ...village.items] };
}

/** Every program a village records under, its county's and its own (for jobs and the board). */
export async function allProgramsOf(db: Db, scope: VillageScope): Promise<Program[]> {
  const [county, village] = await Promise.all([
    countyPrograms(db, scope),
    queryAllPrefix(db, keys.programPrefix(scope), (item) => programSchema.parse(item)),
  ]);
  return [...county, ...village];
}

/**
 * The name stays (it is unique and records point at the program); description and expiry may
 * change, by the program's owner only: a village admin naming a county program gets a 403.
 */
export async function patchProgram(db: Db, scope: Owner, programId: string, patch: ProgramPatch) {
  const set = Object.entries(patch).filter(([, v]) => v !== undefined && v !== null);
  // `null` removes a field (tiers a program no longer offers).
  const removed = Object.entries(patch).filter(([, v]) => v === null);
  try {
    const out = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.program(scope, programId),
        UpdateExpression: [
          set.length ? `SET ${set.map(([k]) => `#${k} = :${k}`).join(', ')}` : '',
          removed.length ? `REMOVE ${removed.map(([k]) => `#${k}`).join(', ')}` : '',
        ].join(' '),
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries([...set, ...removed].map(([k]) => [`#${k}`, k])),
        ExpressionAttributeValues: set.length
          ? Object.fromEntries(set.map(([k, v]) => [`:${k}`, v]))
          : undefined,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return programSchema.parse(out.Attributes);
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    // Not the owner's: a 403 if it is the county's program the village sees, else a 404.
    assertOwnsProgram(scope, await getProgram(db, scope, programId));
    throw notFound();
  }
}
