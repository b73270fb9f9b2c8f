import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { VERSION } from '../../src/version.js';
import { call, koreaYaml, testServer, waitJob } from './fixture.js';

// The OpenAPI document is valid OpenAPI 3.1 (its schemas compile as JSON Schema 2020-12, every reference resolves,
// every documented route is served), and real responses conform to the schemas it documents.
let server: Awaited<ReturnType<typeof testServer>>;
let doc: Record<string, any>;
let ajv: InstanceType<typeof Ajv2020>;
beforeAll(async () => {
  server = await testServer();
  doc = (await call(server.url, 'GET', '/openapi.json')).json;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'openapi.json', components: doc.components });
});
afterAll(async () => {
  await server?.close();
});

const METHODS = ['get', 'post', 'delete', 'put', 'patch'];
const operations = () => Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op })));
/** A documented schema as an ajv validator; `#/components/…` references resolve into the document. */
const validator = (schema: unknown) => ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/')));
function conforms(path: string, method: string, status: number, body: unknown): string[] {
  const schema = doc.paths[path][method].responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${method} ${path} documents no JSON response ${status}`];
  const v = validator(schema);
  return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with this version, and every reference resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(VERSION);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      expect(ref.startsWith('#/')).toBe(true);
      const target = ref.slice(2).split('/').reduce<any>((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
      expect(target, ref).toBeTypeOf('object');
    }
  });

  it('every schema compiles as JSON Schema 2020-12; every operation has responses and declares its path parameters', () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) expect(() => validator(schema), name).not.toThrow();
    const ops = operations();
    // Documented = served: the app's own route table, every /api route but the body-limit middleware.
    const served = createApp().app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual([...new Set(served)].sort());
    for (const { path, method, op } of ops) {
      expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      for (const r of Object.values(op.responses) as any[]) if (r.content?.['application/json']) expect(() => validator(r.content['application/json'].schema)).not.toThrow();
      if (op.requestBody) expect(() => validator(op.requestBody.content['application/json'].schema)).not.toThrow();
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect((op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name).sort(), `${method} ${path}`).toEqual(params.sort());
    }
  });

  it('the scenario schema is the format: it accepts the bundled scenario and rejects one without actors', async () => {
    const korea = (await call(server.url, 'GET', '/api/scenarios/korea-2024')).json.scenario;
    const v = validator({ $ref: '#/components/schemas/Scenario' });
    expect(v(korea)).toBe(true);
    const { actors: _a, ...withoutActors } = korea;
    expect(v(withoutActors)).toBe(false);
  });

  it('every documented route is served', async () => {
    for (const { path, method } of operations()) {
      const r = await call(server.url, method.toUpperCase(), path.replace(/\{\w+\}/g, 'x'), method === 'post' ? {} : undefined);
      expect(r.json?.message ?? '', `${method} ${path}`).not.toMatch(/^no route/);
    }
    const unknown = await call(server.url, 'GET', '/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toBe('not-found');
  });

  it('real responses conform to the documented schemas', async () => {
    const get = async (path: string, documented = path) => {
      const r = await call(server.url, 'GET', path);
      expect(conforms(documented, 'get', r.status, r.json), path).toEqual([]);
      return r;
    };
    await get('/api/health');
    await get('/api/scenarios');
    await get('/api/scenarios/korea-2024', '/api/scenarios/{id}');
    await get('/api/experiments');
    for (const [command, options] of [['validate', undefined], ['show', undefined], ['simulate', { years: 3 }], ['analyze', {}]] as const) {
      const r = await call(server.url, 'POST', `/api/${command}`, { yaml: koreaYaml, options });
      expect(r.status).toBe(200);
      expect(conforms(`/api/${command}`, 'post', 200, r.json), command).toEqual([]);
    }
    const bad = await call(server.url, 'POST', '/api/validate', { yaml: 'id: [' });
    expect(conforms('/api/validate', 'post', 400, bad.json)).toEqual([]);
    const posted = await call(server.url, 'POST', '/api/jobs', { kind: 'run', yaml: koreaYaml, options: { runs: 50, horizon: 12 } });
    expect(conforms('/api/jobs', 'post', 202, posted.json)).toEqual([]);
    await waitJob(server.url, posted.json.id);
    const job = await get(`/api/jobs/${posted.json.id}`, '/api/jobs/{id}');
    const list = await get('/api/jobs');
    expect(list.json.jobs.map((j: { id: string }) => j.id)).toContain(posted.json.id);
    expect(job.json.result.command).toBe('run');
    // The job's result is checked against the run document itself, not only the union of results.
    expect(validator({ $ref: '#/components/schemas/RunDocument' })(job.json.result)).toBe(true);
    expect(validator({ $ref: '#/components/schemas/ComparisonResult' })({ flashpoints: VERSION })).toBe(false);
  });
});
