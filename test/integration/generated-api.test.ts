import { readFileSync } from 'node:fs';
import { generatedApi } from '@xjf/local/generated-api';
import { describe, expect, it } from 'vitest';

const committed = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the committed API description', () => {
  it('is what the code generates (run `npm run gen:api` after changing a route or schema)', async () => {
    const { types, published } = await generatedApi();
    expect(committed('web/src/lib/api-types.ts') === types, 'web/src/lib/api-types.ts is stale').toBe(true);
    expect(committed('web/public/openapi.json') === published, 'web/public/openapi.json is stale').toBe(true);
  });
});
