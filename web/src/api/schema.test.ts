import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes, typesPath } from '../../scripts/openapi-types.mjs';

describe('API types', () => {
  it('are what openapi-typescript makes of the checked-in openapi.json (run npm run openapi:types if not)', async () => {
    const generated = await generateSchemaTypes();
    expect(generated).toContain('ChatEvent:');
    expect(fs.readFileSync(typesPath, 'utf8')).toBe(generated);
  });
});
