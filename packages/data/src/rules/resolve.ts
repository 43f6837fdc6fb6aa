import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import {
  chinaDate,
  ForbiddenError,
  NotFoundError,
  type Program,
  type RuleSetVersion,
  ruleSetVersionSchema,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys, type Owner } from '../keys';
import { queryPrefix } from '../page';
import { getProgram, programOwner } from './programs';

/**
 * Where a rule set a village route names is kept: the village's own, or its county's (one
 * BatchGet of both heads). A village reads its county's rule sets but never edits them (403).
 */
export async function ruleSetOwnerOf(
  db: Db,
  scope: Owner,
  ruleSetId: string,
  mode: 'read' | 'edit',
): Promise<Owner> {
  if (scope.villageId === undefined) return scope;
  const county = { countyId: scope.countyId };
  const out = await db.doc.send(
    new BatchGetCommand({
      RequestItems: {
        [db.tableName]: {
          Keys: [keys.ruleSet(scope, ruleSetId), keys.ruleSet(county, ruleSetId)],
          ProjectionExpression: 'PK',
        },
      },
    }),
  );
  const held = out.Responses?.[db.tableName]?.[0];
  if (!held) throw new NotFoundError('积分细则 (rule set)');
  if (held.PK === keys.ruleSet(scope, ruleSetId).PK) return scope;
  if (mode === 'edit') {
    throw new ForbiddenError(
      '全县统一的积分细则由县管理员维护 (a county-wide rule set is managed by the county admin)',
      'county_program',
    );
  }
  return county;
}

/** The version of a program's rules in effect on a day: the newest one effective by then. */
export async function activeRuleSetVersion(
  db: Db,
  scope: Owner,
  programId: string,
  now: Date,
): Promise<RuleSetVersion> {
  return activeVersionOf(db, scope, await getProgram(db, scope, programId), now);
}

/** The same for a program already read (a county program's versions are in the county's partition). */
export async function activeVersionOf(
  db: Db,
  scope: Owner,
  program: Program,
  now: Date,
): Promise<RuleSetVersion> {
  const none = new NotFoundError('生效中的积分细则 (rule set in effect)', 'no_active_rule_set');
  if (!program.ruleSetId) throw none;
  const filter = { expression: 'effectiveFrom <= :today', values: { ':today': chinaDate(now) } };
  let cursor: string | undefined;
  do {
    const page = await queryPrefix(
      db,
      keys.ruleSetVersionPrefix(programOwner(scope, program), program.ruleSetId),
      { forward: false, limit: 1, filter, cursor },
      (item) => ruleSetVersionSchema.parse(item),
    );
    const newest = page.items[0];
    if (newest) return newest;
    cursor = page.nextCursor;
  } while (cursor);
  throw none;
}
