import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  ConflictError,
  chinaDate,
  NotFoundError,
  newId,
  type Publish,
  type RuleSet,
  type RuleSetContent,
  type RuleSetDraft,
  type RuleSetVersion,
  ruleSetSchema,
  ruleSetVersionSchema,
  ValidationError,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys, type Owner } from '../keys';
import { queryAllPrefix, queryPrefix } from '../page';
import { transactWrite } from '../transact';
import { assertOwnsProgram, getProgram } from './programs';

type Head = Omit<RuleSet, 'versions'>;
const headSchema = ruleSetSchema.omit({ versions: true });

const versionSummary = (v: RuleSetVersion) => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  publishedAt: v.publishedAt,
  publishedBy: v.publishedBy,
  note: v.note,
});

/** A program gets one rule set, created as a draft (empty or copied from a template). */
export async function createRuleSet(
  db: Db,
  scope: Owner,
  input: { programId: string; name: string; content: RuleSetContent },
  now: Date,
): Promise<RuleSet> {
  const program = await getProgram(db, scope, input.programId);
  assertOwnsProgram(scope, program);
  const taken = () =>
    new ConflictError('program_has_rule_set', '该积分项目已有积分细则 (the program already has a rule set)', {
      programId: '已有积分细则 (already has a rule set)',
    });
  if (program.ruleSetId) throw taken();
  const at = now.toISOString();
  const ruleSet: RuleSet = {
    id: newId(),
    villageId: scope.villageId,
    scope: scope.villageId === undefined ? 'county' : 'village',
    programId: program.id,
    name: input.name,
    latestVersion: 0,
    draft: { content: input.content, baseVersion: 0, updatedAt: at },
    createdAt: at,
    updatedAt: at,
  };
  await transactWrite(
    db,
    [
      {
        Update: {
          TableName: db.tableName,
          Key: keys.program(scope, program.id),
          UpdateExpression: 'SET ruleSetId = :id',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(ruleSetId)',
          ExpressionAttributeValues: { ':id': ruleSet.id },
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: { ...keys.ruleSet(scope, ruleSet.id), type: 'RuleSet', ...ruleSet },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ],
    taken,
  );
  return { ...ruleSet, versions: [] };
}

async function getHead(db: Db, scope: Owner, ruleSetId: string): Promise<Head> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.ruleSet(scope, ruleSetId),
    }),
  );
  if (!out.Item) throw new NotFoundError('积分细则 (rule set)');
  return headSchema.parse(out.Item);
}

/** Every published version of a rule set, oldest first unless `forward` is false. */
export async function listVersions(db: Db, scope: Owner, ruleSetId: string, forward = true) {
  const versions: RuleSetVersion[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPrefix(
      db,
      keys.ruleSetVersionPrefix(scope, ruleSetId),
      { cursor, forward },
      (item) => ruleSetVersionSchema.parse(item),
    );
    versions.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return versions;
}

/** The head with its draft, and a summary of every published version. */
export async function getRuleSet(db: Db, scope: Owner, ruleSetId: string): Promise<RuleSet> {
  const [head, versions] = await Promise.all([
    getHead(db, scope, ruleSetId),
    listVersions(db, scope, ruleSetId),
  ]);
  return { ...head, versions: versions.map(versionSummary) };
}

/** An owner's rule sets; a village's list also holds its county's (read-only there). */
export async function listRuleSets(db: Db, scope: Owner): Promise<RuleSet[]> {
  const heads = (owner: Owner) =>
    queryAllPrefix(db, keys.ruleSetPrefix(owner), (item): RuleSet => headSchema.parse(item));
  if (scope.villageId === undefined) return heads(scope);
  const [county, village] = await Promise.all([heads({ countyId: scope.countyId }), heads(scope)]);
  return [...county, ...village];
}

export async function getRuleSetVersion(
  db: Db,
  scope: Owner,
  ruleSetId: string,
  version: number,
): Promise<RuleSetVersion> {
  const out = await db.doc.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.ruleSetVersion(scope, ruleSetId, version),
    }),
  );
  if (!out.Item) throw new NotFoundError(`第 ${version} 版 (version ${version})`);
  return ruleSetVersionSchema.parse(out.Item);
}

const versionConflict = (latest: number) =>
  new ConflictError(
    'version_conflict',
    `积分细则已发布到第 ${latest} 版，请刷新后再改 (published meanwhile as version ${latest}; reload)`,
    { baseVersion: `最新为第 ${latest} 版 (latest is ${latest})` },
  );

/**
 * Saves the draft. Published versions are never touched: editing after a publish starts a new
 * draft. `baseVersion` must still be the latest version, so a stale editor cannot overwrite.
 */
export async function saveDraft(
  db: Db,
  scope: Owner,
  ruleSetId: string,
  draft: RuleSetDraft,
  now: Date,
): Promise<RuleSet> {
  const at = now.toISOString();
  try {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.ruleSet(scope, ruleSetId),
        UpdateExpression: `SET draft = :draft, updatedAt = :at${draft.name ? ', #name = :name' : ''}`,
        ConditionExpression: 'attribute_exists(PK) AND latestVersion = :base',
        ExpressionAttributeNames: draft.name ? { '#name': 'name' } : undefined,
        ExpressionAttributeValues: {
          ':draft': { content: draft.content, baseVersion: draft.baseVersion, updatedAt: at },
          ':at': at,
          ':base': draft.baseVersion,
          ...(draft.name ? { ':name': draft.name } : {}),
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const head = await getHead(db, scope, ruleSetId);
    throw versionConflict(head.latestVersion);
  }
  return getRuleSet(db, scope, ruleSetId);
}

/** The draft becomes the next immutable version; the head moves on in the same transaction. */
export async function publishRuleSet(
  db: Db,
  scope: Owner,
  ruleSetId: string,
  input: Publish,
  actor: Actor,
  now: Date,
): Promise<RuleSetVersion> {
  const head = await getHead(db, scope, ruleSetId);
  if (!head.draft) {
    throw new ValidationError('没有待发布的草稿 (no draft to publish)', undefined, 'nothing_to_publish');
  }
  if (head.draft.content.rules.length === 0) {
    throw new ValidationError(
      '积分细则没有任何规则，不能发布 (an empty rule set cannot be published)',
      undefined,
      'empty_rule_set',
    );
  }
  const today = chinaDate(now);
  if (input.effectiveFrom < today) {
    throw new ValidationError('生效日期不能早于今天 (cannot take effect in the past)', {
      effectiveFrom: `最早为 ${today} (today at the earliest)`,
    });
  }
  if (head.latestEffectiveFrom && input.effectiveFrom < head.latestEffectiveFrom) {
    throw new ValidationError('生效日期不能早于上一版 (must not precede the previous version)', {
      effectiveFrom: `最早为 ${head.latestEffectiveFrom}`,
    });
  }
  const version: RuleSetVersion = {
    ruleSetId,
    version: head.latestVersion + 1,
    name: head.name,
    content: head.draft.content,
    effectiveFrom: input.effectiveFrom,
    publishedAt: now.toISOString(),
    publishedBy: actor.name || actor.username,
    note: input.note,
  };
  await transactWrite(
    db,
    [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...keys.ruleSetVersion(scope, ruleSetId, version.version),
            type: 'RuleSetVersion',
            ...version,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName: db.tableName,
          Key: keys.ruleSet(scope, ruleSetId),
          UpdateExpression:
            'SET latestVersion = :next, latestEffectiveFrom = :from, updatedAt = :at REMOVE draft',
          ConditionExpression: 'latestVersion = :seen AND attribute_exists(draft)',
          ExpressionAttributeValues: {
            ':next': version.version,
            ':seen': head.latestVersion,
            ':from': version.effectiveFrom,
            ':at': version.publishedAt,
          },
        },
      },
    ],
    () => versionConflict(version.version),
  );
  return version;
}
