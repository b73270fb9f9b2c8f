import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { scenarioSchema } from '../scenario/schema.js';
import { VERSION } from '../version.js';
import * as r from './responses.js';
import { analyzeOptions, commandBodyDoc, jobBodyDoc, noOptions, simulateOptions } from './schemas.js';

type ErrorStatus = 400 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: 'Malformed JSON, a bad scenario (issues as `path: message`, as the CLI prints them) or bad options',
  404: 'No such route, scenario, job or experiment',
  409: 'The job has already finished, or the experiment cannot be read back (incomplete, its scenario is unknown, or it is a sensitivity design)',
  413: 'The body is larger than the limit (`serve --max-body-mb`)',
  415: 'The body is not sent as application/json',
  422: 'A numerical failure on a valid scenario (`numerical-failure`): the arms model leaves double precision; the body names the stock (`quantity`) and the time (`time`, years from start)',
  429: 'Too many jobs queued or running (`serve --max-jobs`)',
  503: 'The server is shutting down',
};

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = (...codes: ErrorStatus[]) => Object.fromEntries(codes.map((c) => [c, json(r.errorSchema, ERROR_TEXT[c])]));
const idParam = (what: string) => z.object({ id: z.string().describe(what) });

/**
 * Documents every route of the API in the app's OpenAPI registry, from the same zod schemas the handlers check
 * requests with (schemas.ts) and the scenario format's schema (src/scenario/schema.ts, as the component
 * `Scenario`). `GET /openapi.json` serves the result as OpenAPI 3.1.
 */
export function documentRoutes(app: OpenAPIHono): void {
  const reg = app.openAPIRegistry;
  // Zod adds `.openapi` to schemas built after @hono/zod-openapi is loaded; the scenario schema may be older, so
  // the method is called off the prototype (it returns a copy carrying the component name).
  const named = (z.ZodType.prototype as unknown as { openapi: (this: z.ZodType, id: string) => z.ZodType }).openapi.call(scenarioSchema, 'Scenario');
  const scenario = reg.register('Scenario', named);
  const post = (path: string, summary: string, options: z.ZodType, doc: z.ZodType, codes: ErrorStatus[] = [400, 413, 415]) =>
    reg.registerPath({ method: 'post', path, summary, request: { body: { required: true, content: { 'application/json': { schema: commandBodyDoc(scenario, options) } } } }, responses: { 200: json(doc, 'The document the CLI prints with --json'), ...errors(...codes) } });

  reg.registerPath({ method: 'get', path: '/api/health', summary: 'The server is up', responses: { 200: json(r.healthSchema, 'ok and the version') } });
  reg.registerPath({ method: 'get', path: '/api/scenarios', summary: 'The bundled scenarios', responses: { 200: json(r.scenarioListSchema, 'id, title, file in the package and hash of each') } });
  reg.registerPath({ method: 'get', path: '/api/scenarios/{id}', summary: 'One bundled scenario, parsed (defaults filled in)', request: { params: idParam('scenario id') }, responses: { 200: json(z.object({ scenario, hash: z.string() }), 'The scenario and its hash'), ...errors(404) } });
  post('/api/validate', 'Check a scenario: syntax, schema, cross-references (an invalid one is a 400 whose body is the validate document with `error`)', noOptions, r.validateDocumentSchema);
  post('/api/show', 'Summarise a scenario: what it holds, sourced vs assumed', noOptions, r.showDocumentSchema);
  post('/api/simulate', 'Arms trajectories (exact or ODE)', simulateOptions, r.simulateDocumentSchema, [400, 413, 415, 422]);
  post('/api/analyze', 'Stability of the arms system: equilibrium, eigenvalues, verdict', analyzeOptions, r.analyzeDocumentSchema, [400, 413, 415, 422]);
  reg.registerPath({
    method: 'post',
    path: '/api/jobs',
    summary: 'Start a run, compare or sensitivity job',
    request: { body: { required: true, content: { 'application/json': { schema: jobBodyDoc(scenario) } } } },
    responses: { 202: json(r.jobAcceptedSchema, 'The job was accepted; follow it at /api/jobs/{id}'), ...errors(400, 413, 415, 429, 503) },
  });
  reg.registerPath({ method: 'get', path: '/api/jobs', summary: 'Every job the server keeps (queued, running, the last finished), oldest first, without results', responses: { 200: json(r.jobListSchema, 'The jobs') } });
  reg.registerPath({ method: 'get', path: '/api/jobs/{id}', summary: 'A job: status, progress, and its result once done', request: { params: idParam('job id') }, responses: { 200: json(r.jobSchema, 'The job'), ...errors(404) } });
  reg.registerPath({
    method: 'get',
    path: '/api/jobs/{id}/events',
    summary: "A job's progress as server-sent events: `progress` events ({done, total, stage?}), then one `end` event with the job",
    request: { params: idParam('job id') },
    responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } }, ...errors(404) },
  });
  reg.registerPath({ method: 'delete', path: '/api/jobs/{id}', summary: 'Cancel a job: it stops at its next batch or cell; stored cells stay', request: { params: idParam('job id') }, responses: { 200: json(r.jobSchema, 'The job, cancelled'), ...errors(404, 409) } });
  reg.registerPath({ method: 'get', path: '/api/experiments', summary: "The comparisons in the server's store, and its sensitivity designs apart", responses: { 200: json(r.experimentListSchema, 'One entry per stored comparison (`experiments`) and per stored sensitivity design (`sensitivity`)') } });
  reg.registerPath({ method: 'get', path: '/api/experiments/{id}', summary: 'A stored comparison, analysed from its stored cells (the JSON of `compare --json`)', request: { params: idParam('experiment id') }, responses: { 200: json(r.comparisonSchema, 'The comparison'), ...errors(404, 409, 429) } });
}

/** The OpenAPI 3.1 document of the app. */
export function openApiDocument(app: OpenAPIHono): Record<string, unknown> {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Flashpoints API', version: VERSION, description: 'The flashpoints commands over HTTP: JSON in, JSON out, with the provenance envelope of the CLI (docs/server.md).' },
  }) as unknown as Record<string, unknown>;
}
