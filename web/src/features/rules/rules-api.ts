import type { RuleSetContent } from '@xjf/domain';
import { allPages, api, call, type Schemas } from '../../lib/api';

export type Program = Schemas['Program'];
export type RuleSet = Schemas['RuleSet'];
export type RuleSetVersion = Schemas['RuleSetVersion'];
export type RuleTemplate = Schemas['RuleTemplate'];
export type Evaluation = Schemas['Evaluation'];
export type VersionSummary = NonNullable<RuleSet['versions']>[number];

/**
 * Whose programs and rules a page works on: a village's, or its county's programs run in every
 * village (全县统一). The county's routes mirror the village's, so each call is written once,
 * typed as the village route, with the owner's prefix and path parameter swapped in.
 */
export type RulesOwner = { villageId: string } | { countyId: string };

const at = <P extends string>(owner: RulesOwner, villagePath: P): P =>
  ('countyId' in owner
    ? villagePath.replace('/api/villages/{villageId}', '/api/counties/{countyId}')
    : villagePath) as P;
const pathOf = (owner: RulesOwner) => owner as { villageId: string };

/** A village's programs, its county's first (`scope: 'county'`); or a county's own. */
export const programsOf = (owner: RulesOwner) =>
  allPages((cursor) =>
    call(
      api().GET(at(owner, '/api/villages/{villageId}/programs'), {
        params: { path: pathOf(owner), query: { cursor } },
      }),
    ),
  );

export const listPrograms = (villageId: string) => programsOf({ villageId });

/** A village's rule sets (its county's among them), each with its versions (the list may leave them out: then read each set). */
export async function listRuleSets(owner: RulesOwner): Promise<RuleSet[]> {
  const { items } = await call(
    api().GET(at(owner, '/api/villages/{villageId}/rule-sets'), { params: { path: pathOf(owner) } }),
  );
  return Promise.all(items.map((r) => (r.versions || r.latestVersion === 0 ? r : getRuleSet(owner, r.id))));
}

export const listTemplates = async () => (await call(api().GET('/api/rule-templates'))).items;

export const listCountyTemplates = async (countyId: string) =>
  (await call(api().GET('/api/counties/{countyId}/rule-templates', { params: { path: { countyId } } })))
    .items;

export const getRuleSet = (owner: RulesOwner, ruleSetId: string) =>
  call(
    api().GET(at(owner, '/api/villages/{villageId}/rule-sets/{ruleSetId}'), {
      params: { path: { ...pathOf(owner), ruleSetId } },
    }),
  );

export const getVersion = (owner: RulesOwner, ruleSetId: string, version: number) =>
  call(
    api().GET(at(owner, '/api/villages/{villageId}/rule-sets/{ruleSetId}/versions/{version}'), {
      params: { path: { ...pathOf(owner), ruleSetId, version } },
    }),
  );

/**
 * What the page shows: for an editor the draft, else the latest version (the next save starts a
 * draft from it); for a reader the latest version, else the draft. Empty before either exists.
 */
export async function contentToShow(
  owner: RulesOwner,
  ruleSet: RuleSet,
  editor: boolean,
): Promise<RuleSetContent> {
  if (ruleSet.draft && (editor || ruleSet.latestVersion === 0)) return ruleSet.draft.content;
  if (ruleSet.latestVersion > 0) {
    return (await getVersion(owner, ruleSet.id, ruleSet.latestVersion)).content;
  }
  return { categories: [], rules: [] };
}

export const saveDraft = (
  owner: RulesOwner,
  ruleSetId: string,
  body: { name?: string; content: RuleSetContent; baseVersion: number },
) =>
  call(
    api().PUT(at(owner, '/api/villages/{villageId}/rule-sets/{ruleSetId}'), {
      params: { path: { ...pathOf(owner), ruleSetId } },
      body,
    }),
  );

export const publish = (
  owner: RulesOwner,
  ruleSetId: string,
  body: { effectiveFrom: string; note?: string },
  idempotencyKey: string,
) =>
  call(
    api().POST(at(owner, '/api/villages/{villageId}/rule-sets/{ruleSetId}/publish'), {
      params: {
        path: { ...pathOf(owner), ruleSetId },
        header: { 'idempotency-key': idempotencyKey },
      },
      body,
    }),
  );

export const preview = (
  owner: RulesOwner,
  ruleSetId: string,
  body: {
    ruleCode: string;
    quantity?: number;
    usage: { points: number; occurrences: number };
    version?: 'draft' | number;
  },
) =>
  call(
    api().POST(at(owner, '/api/villages/{villageId}/rule-sets/{ruleSetId}/preview'), {
      params: { path: { ...pathOf(owner), ruleSetId } },
      body,
    }),
  );

export const createProgram = (
  owner: RulesOwner,
  body: { name: string; description?: string; accountHolder: 'household' | 'member' },
  idempotencyKey: string,
) =>
  call(
    api().POST(at(owner, '/api/villages/{villageId}/programs'), {
      params: { path: pathOf(owner), header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );

export const createRuleSet = (
  owner: RulesOwner,
  body: { programId: string; name: string; templateId?: string },
  idempotencyKey: string,
) =>
  call(
    api().POST(at(owner, '/api/villages/{villageId}/rule-sets'), {
      params: { path: pathOf(owner), header: { 'idempotency-key': idempotencyKey } },
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
export const getRows = (owner: RulesOwner, ruleSetId: string, version: 'draft' | number) =>
  call(
    api().GET(at(owner, '/api/villages/{villageId}/rule-sets/{ruleSetId}/rows'), {
      params: { path: { ...pathOf(owner), ruleSetId }, query: { version } },
    }),
  );

/** Replaces the draft with spreadsheet rows, all or nothing (400 `import_rejected` names every bad cell). */
export const importRows = (
  owner: RulesOwner,
  ruleSetId: string,
  body: { rows: RuleRow[]; baseVersion: number },
) =>
  call(
    api().PUT(at(owner, '/api/villages/{villageId}/rule-sets/{ruleSetId}/rows'), {
      params: { path: { ...pathOf(owner), ruleSetId } },
      body,
    }),
  );
