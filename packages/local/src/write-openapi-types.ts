import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedApi } from './generated-api';

const target = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const { types, published } = await generatedApi();
for (const [path, text] of [
  ['web/src/lib/api-types.ts', types],
  ['web/public/openapi.json', published],
] as const) {
  writeFileSync(target(path), text);
  console.log(`wrote ${path}`);
}
