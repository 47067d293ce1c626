// Generates src/api/schema.d.ts from src/api/openapi.json (the document the server serves, checked in by
// scripts/openapi.sh). src/api/schema.test.ts runs the same function and fails when the checked-in types are stale.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const documentPath = path.join(web, 'src', 'api', 'openapi.json');
export const typesPath = path.join(web, 'src', 'api', 'schema.d.ts');

const HEADER = '// Generated from openapi.json by scripts/openapi-types.mjs (npm run openapi:types). Do not edit.\n\n';

/** The text schema.d.ts should have for the document at documentPath. */
export async function generateSchemaTypes() {
  const document = JSON.parse(await fs.readFile(documentPath, 'utf8'));
  const ast = await openapiTS(document);
  const options = (await prettier.resolveConfig(typesPath)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: typesPath });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await fs.writeFile(typesPath, await generateSchemaTypes());
  console.log(`wrote ${path.relative(web, typesPath)}`);
}
