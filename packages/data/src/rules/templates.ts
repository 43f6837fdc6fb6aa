import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  builtinTemplates,
  type CountyTemplateCreate,
  NotFoundError,
  newId,
  type RuleTemplate,
  templateSchema,
} from '@xjf/domain';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryPrefix } from '../page';

type CountyScope = { countyId: string };

export async function createCountyTemplate(
  db: Db,
  scope: CountyScope,
  input: CountyTemplateCreate,
): Promise<RuleTemplate> {
  const id = newId();
  const template: RuleTemplate = {
    id: `county:${id}`,
    name: input.name,
    description: input.description,
    source: 'county',
    content: input.content,
  };
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.countyTemplate(scope.countyId, id), type: 'RuleTemplate', ...template },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
  return template;
}

export async function listCountyTemplates(db: Db, scope: CountyScope): Promise<RuleTemplate[]> {
  const page = await queryPrefix(db, keys.countyTemplatePrefix(scope.countyId), {}, (item) =>
    templateSchema.parse(item),
  );
  return page.items;
}

/** A built-in template, or one of the caller's own county (looked up in that county only). */
export async function findTemplate(
  db: Db,
  scope: CountyScope | undefined,
  templateId: string,
): Promise<RuleTemplate> {
  const builtin = builtinTemplates.find((t) => t.id === templateId);
  if (builtin) return builtin;
  const countyTemplateId = templateId.startsWith('county:') ? templateId.slice('county:'.length) : undefined;
  if (scope && countyTemplateId) {
    const out = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.countyTemplate(scope.countyId, countyTemplateId) }),
    );
    if (out.Item) return templateSchema.parse(out.Item);
  }
  throw new NotFoundError('模板 (template)', 'template_not_found');
}
