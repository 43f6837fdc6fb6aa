import type { RuleSetContent } from '@xjf/domain';
import { allPages, api, call, type Schemas } from '../../lib/api';

export type Program = Schemas['Program'];
export type RuleSet = Schemas['RuleSet'];
export type RuleSetVersion = Schemas['RuleSetVersion'];
export type RuleTemplate = Schemas['RuleTemplate'];
export type Evaluation = Schemas['Evaluation'];
export type VersionSummary = NonNullable<RuleSet['versions']>[number];

export const listPrograms = (villageId: string) =>
  allPages((cursor) =>
    call(
      api().GET('/api/villages/{villageId}/programs', { params: { path: { villageId }, query: { cursor } } }),
    ),
  );

/** A village's rule sets, each with its versions (the list may leave them out: then read each set). */
export async function listRuleSets(villageId: string): Promise<RuleSet[]> {
  const { items } = await call(
    api().GET('/api/villages/{villageId}/rule-sets', { params: { path: { villageId } } }),
  );
  return Promise.all(
    items.map((r) => (r.versions || r.latestVersion === 0 ? r : getRuleSet(villageId, r.id))),
  );
}

export const listTemplates = async () => (await call(api().GET('/api/rule-templates'))).items;

export const listCountyTemplates = async (countyId: string) =>
  (await call(api().GET('/api/counties/{countyId}/rule-templates', { params: { path: { countyId } } })))
    .items;

export const getRuleSet = (villageId: string, ruleSetId: string) =>
  call(
    api().GET('/api/villages/{villageId}/rule-sets/{ruleSetId}', {
      params: { path: { villageId, ruleSetId } },
    }),
  );

export const getVersion = (villageId: string, ruleSetId: string, version: number) =>
  call(
    api().GET('/api/villages/{villageId}/rule-sets/{ruleSetId}/versions/{version}', {
      params: { path: { villageId, ruleSetId, version } },
    }),
  );

/**
 * What the page shows: for an editor the draft, else the latest version (the next save starts a
 * draft from it); for a reader the latest version, else the draft. Empty before either exists.
 */
export async function contentToShow(
  villageId: string,
  ruleSet: RuleSet,
  editor: boolean,
): Promise<RuleSetContent> {
  if (ruleSet.draft && (editor || ruleSet.latestVersion === 0)) return ruleSet.draft.content;
  if (ruleSet.latestVersion > 0) {
    return (await getVersion(villageId, ruleSet.id, ruleSet.latestVersion)).content;
  }
  return { categories: [], rules: [] };
}

export const saveDraft = (
  villageId: string,
  ruleSetId: string,
  body: { name?: string; content: RuleSetContent; baseVersion: number },
) =>
  call(
    api().PUT('/api/villages/{villageId}/rule-sets/{ruleSetId}', {
      params: { path: { villageId, ruleSetId } },
      body,
    }),
  );

export const publish = (
  villageId: string,
  ruleSetId: string,
  body: { effectiveFrom: string; note?: string },
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/rule-sets/{ruleSetId}/publish', {
      params: { path: { villageId, ruleSetId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const preview = (
  villageId: string,
  ruleSetId: string,
  body: {
    ruleCode: string;
    quantity?: number;
    usage: { points: number; occurrences: number };
    version?: 'draft' | number;
  },
) =>
  call(
    api().POST('/api/villages/{villageId}/rule-sets/{ruleSetId}/preview', {
      params: { path: { villageId, ruleSetId } },
      body,
    }),
  );

export const createProgram = (
  villageId: string,
  body: { name: string; description?: string; accountHolder: 'household' | 'member' },
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/programs', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const createRuleSet = (
  villageId: string,
  body: { programId: string; name: string; templateId?: string },
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/villages/{villageId}/rule-sets', {
      params: { path: { villageId }, header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const createCountyTemplate = (
  countyId: string,
  body: { name: string; description?: string; content: RuleSetContent },
  idempotencyKey: string,
) =>
  call(
    api().POST('/api/counties/{countyId}/rule-templates', {
      params: { path: { countyId }, header: { 'idempotency-key': idempotencyKey } },
      // The generated type makes `description` required (it has a default); '' is what the API stores.
      body: { ...body, description: body.description ?? '' },
    }),
  );

export type RuleRows = Schemas['RuleRows'];
export type RuleRow = Schemas['RuleRowsImport']['rows'][number];

/** A version (or the draft) as spreadsheet rows, with the Chinese column headers. */
export const getRows = (villageId: string, ruleSetId: string, version: 'draft' | number) =>
  call(
    api().GET('/api/villages/{villageId}/rule-sets/{ruleSetId}/rows', {
      params: { path: { villageId, ruleSetId }, query: { version } },
    }),
  );

/** Replaces the draft with spreadsheet rows, all or nothing (400 `import_rejected` names every bad cell). */
export const importRows = (
  villageId: string,
  ruleSetId: string,
  body: { rows: RuleRow[]; baseVersion: number },
) =>
  call(
    api().PUT('/api/villages/{villageId}/rule-sets/{ruleSetId}/rows', {
      params: { path: { villageId, ruleSetId } },
      body,
    }),
  );
