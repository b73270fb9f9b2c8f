import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/scenario/jsonSchema.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(scenarioJsonSchema());
const read = (p: string) => parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8'));

describe('the published JSON Schema', () => {
  it.each(['scenarios/korea-2024.yaml', 'scenarios/richardson-1909.yaml', 'test/fixtures/scenarios/textbook.yaml'])('accepts %s', (p) => {
    expect(validate(read(p)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['bad-unknown-key.yaml', 'additionalProperties'],
    ['bad-domain.yaml', 'maximum'],
  ])('rejects %s (%s)', (name, keyword) => {
    expect(validate(read(`test/fixtures/scenarios/${name}`))).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === keyword)).toBe(true);
  });

  it('is draft 2020-12 and carries the field descriptions', () => {
    const s = scenarioJsonSchema() as { $schema: string; properties: Record<string, { description?: string }> };
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.properties.asOf.description).toMatch(/Month 1/);
  });
});
