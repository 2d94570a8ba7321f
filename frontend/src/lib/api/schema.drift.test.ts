// @vitest-environment node
// The TypeScript types must be generated from the committed spec, never edited by hand:
// regenerate them in memory exactly as `npm run gen:api` does and compare.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

const specPath = process.env.OPENAPI_SPEC ?? fileURLToPath(new URL('../../../../openapi.yaml', import.meta.url));
const schemaPath = fileURLToPath(new URL('./schema.ts', import.meta.url));

describe('generated API types', () => {
  it('match openapi.yaml (run `npm run gen:api` when this fails)', async () => {
    expect(existsSync(specPath), `spec not found at ${specPath}`).toBe(true);
    const expected = COMMENT_HEADER + astToString(await openapiTS(pathToFileURL(specPath), { silent: true }));
    const actual = readFileSync(schemaPath, 'utf8');
    expect(
      actual === expected,
      'src/lib/api/schema.ts differs from the types generated from ../openapi.yaml: run `npm run gen:api`',
    ).toBe(true);
  });
});
