import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { declarableRules, NotFoundError, type PointRecord, pointRecordSchema, type Rule } from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { type Page, queryPrefix } from '../page';
import { allProgramsOf } from '../rules/programs';
import { activeVersionOf } from '../rules/resolve';
import type { TransactItems } from '../transact';

type VillageScope = { countyId: string; villageId: string };

/** The marker of a self-declared record, put in the transaction that creates it. */
export function declarationPut(db: Db, scope: VillageScope, record: PointRecord): TransactItems[number] {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.declaration(scope.countyId, scope.villageId, record.householdId, record.createdAt, record.id),
        type: 'Declaration',
        recordId: record.id,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/**
 * A household's declarations, newest first, each as its record stands now: the markers are one
 * query, the records one BatchGet (a page is at most 100), so a status is never a stale copy.
 */
export async function listDeclarations(
  db: Db,
  scope: VillageScope,
  householdId: string,
  page: { limit?: number; cursor?: string },
): Promise<Page<PointRecord>> {
  const markers = await queryPrefix(
    db,
    keys.householdDeclarationsPrefix(scope.countyId, scope.villageId, householdId),
    { ...page, forward: false },
    (item) => String(item.recordId),
  );
  const found = new Map<string, PointRecord>();
  let wanted = markers.items.map((id) => keys.pointRecord(scope.countyId, scope.villageId, id));
  for (let attempt = 1; wanted.length > 0; attempt++) {
    // Unprocessed keys mean throttling: back off a little before asking again.
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    const out = await db.doc.send(
      new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: wanted } } }),
    );
    for (const item of out.Responses?.[db.tableName] ?? []) {
      const record = pointRecordSchema.parse(item);
      found.set(record.id, record);
    }
    wanted = (out.UnprocessedKeys?.[db.tableName]?.Keys ?? []) as typeof wanted;
  }
  const items = markers.items.flatMap((id) => found.get(id) ?? []);
  return { items, nextCursor: markers.nextCursor };
}

export type DeclarableProgram = {
  programId: string;
  programName: string;
  accountHolder: 'household' | 'member';
  ruleSetId: string;
  version: number;
  rules: Rule[];
};

/**
 * What a villager may declare today: each program's version in effect (the village's own and
 * its county's), with only the rules that allow self-declaration; programs with none are left out.
 */
export async function declarablePrograms(
  db: Db,
  scope: VillageScope,
  now: Date,
): Promise<DeclarableProgram[]> {
  const programs = (await allProgramsOf(db, scope)).filter((p) => p.ruleSetId);
  const versions = await Promise.all(
    // A program whose rules take effect later has nothing to declare yet.
    programs.map((program) =>
      activeVersionOf(db, scope, program, now).catch((error) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      }),
    ),
  );
  return programs.flatMap((program, i) => {
    const version = versions[i];
    const rules = version ? declarableRules(version.content.rules) : [];
    if (!version || rules.length === 0) return [];
    return [
      {
        programId: program.id,
        programName: program.name,
        accountHolder: program.accountHolder,
        ruleSetId: version.ruleSetId,
        version: version.version,
        rules,
      },
    ];
  });
}
