import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { siteApiKeys } from '@tribu/db';
import { hashApiKey } from '../modules/sales/api-key.service.ts';
import { openApiPath } from '../plugins/openapi.ts';
import { usePostgresServer } from './support/app.ts';
import { routeTable } from './support/routes.ts';
import { hasPostgres } from './support/services.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Ajv for JSON Schema 2020-12 (OpenAPI 3.1's dialect), knowing the formats zod writes. */
function ajv() {
  const a = new Ajv2020({ strict: false, allErrors: true });
  a.addFormat('uuid', /^[0-9a-f-]{36}$/i);
  a.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return a;
}

describe.skipIf(!hasPostgres)('the OpenAPI document of /api/v1 (Postgres)', () => {
  const t = usePostgresServer();
  let doc: Json;
  let key: string;
  const KEY = `tk_${'o'.repeat(43)}`;

  beforeAll(async () => {
    const res = await fetch(`${t.server.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    doc = (await res.json()) as Json;
    await t.server.db.db
      .insert(siteApiKeys)
      .values({ siteId: t.server.sites.siteA, name: 'docs', scopes: ['conversions', 'numbers:read'], keyHash: hashApiKey(KEY), prefix: KEY.slice(0, 7) });
    key = KEY;
  });

  const operations = () =>
    Object.entries(doc.paths as Json).flatMap(([path, ops]) => Object.entries(ops as Json).map(([method, op]) => ({ path, method, op: op as Json })));

  it('is OpenAPI 3.1, public, with the site API key as a bearer security scheme', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(doc.components.securitySchemes).toEqual({
      siteApiKey: { type: 'http', scheme: 'bearer', description: expect.any(String) as string },
    });
  });

  it('describes every /api/v1 route Fastify answers, and nothing else: a route without docs fails here', () => {
    const served = routeTable(t.server.app.printRoutes({ commonPrefix: false }))
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .sort();
    const documented = operations()
      .map((o) => `${o.method.toUpperCase()} ${o.path}`)
      .sort();
    expect(served).toEqual(
      expect.arrayContaining([
        'DELETE /api/v1/conversions/{orderId}',
        'GET /api/v1/conversations',
        'GET /api/v1/numbers',
        'GET /api/v1/openapi.json',
        'POST /api/v1/conversions',
      ]),
    );
    expect(documented).toEqual(served);
  });

  it('names the scope each key route needs and its refusals; the document itself needs none', () => {
    const scopes = Object.fromEntries(operations().map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.op.security]));
    expect(scopes).toMatchObject({
      'POST /api/v1/conversions': [{ siteApiKey: ['conversions'] }],
      'DELETE /api/v1/conversions/{orderId}': [{ siteApiKey: ['conversions'] }],
      'GET /api/v1/numbers': [{ siteApiKey: ['numbers:read'] }],
      'GET /api/v1/conversations': [{ siteApiKey: ['numbers:read'] }],
      'GET /api/v1/openapi.json': [],
    });
    for (const { op } of operations().filter((o) => o.op.security.length)) {
      expect(Object.keys(op.responses as Json)).toEqual(expect.arrayContaining(['400', '401', '403', '429']));
    }
    const params = (path: string, method: string) => (doc.paths[path][method].parameters as Json[]).map((p) => [p.name, p.in, p.required]);
    expect(params('/api/v1/numbers', 'get')).toEqual([
      ['from', 'query', true],
      ['to', 'query', true],
    ]);
    expect(params('/api/v1/conversations', 'get')).toEqual([
      ['updatedSince', 'query', false],
      ['cursor', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(params('/api/v1/conversions/{orderId}', 'delete')).toEqual([['orderId', 'path', true]]);
  });

  it('holds valid JSON Schemas (2020-12) for every body, parameter and answer', () => {
    const a = ajv();
    let checked = 0;
    const check = (schema: Json) => {
      expect(a.validateSchema(schema), JSON.stringify(a.errors)).toBe(true);
      a.compile(schema);
      checked++;
    };
    check(doc.components.schemas.Error as Json);
    for (const { op } of operations()) {
      const body = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
      if (body) check(body);
      for (const p of op.parameters as Json[]) check(p.schema as Json);
      for (const r of Object.values(op.responses as Json)) {
        const s = (r as Json).content?.['application/json']?.schema as Json | undefined;
        if (s && !s.$ref) check(s);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('documents the very body the route validates: a good purchase passes both, a bad one fails both', async () => {
    const a = ajv();
    const body = doc.paths['/api/v1/conversions'].post.requestBody.content['application/json'].schema as Json;
    const valid = a.compile(body);
    const good = { orderId: 'doc-1', amount: 19.99, currency: 'EUR', items: [{ name: 'Boots', quantity: 1 }], occurredAt: '2026-11-02T10:00:00Z' };
    const bad = { orderId: 'doc-2', amount: -1, currency: 'EUR', commission: 5 };
    expect(valid(good)).toBe(true);
    expect(valid(bad)).toBe(false);
    const post = (b: unknown) =>
      fetch(`${t.server.url}/api/v1/conversions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
    const created = await post(good);
    expect(created.status).toBe(201);
    expect(a.compile(doc.paths['/api/v1/conversions'].post.responses['201'].content['application/json'].schema as Json)(await created.json())).toBe(true);
    expect((await post(bad)).status).toBe(400);
  });

  it('describes the answers the read routes really give', async () => {
    const a = ajv();
    const read = async (path: string) => (await fetch(`${t.server.url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json();
    const numbers = a.compile(doc.paths['/api/v1/numbers'].get.responses['200'].content['application/json'].schema as Json);
    expect(numbers(await read('/api/v1/numbers?from=2026-11-01&to=2026-11-30')), JSON.stringify(numbers.errors)).toBe(true);
    const page = a.compile(doc.paths['/api/v1/conversations'].get.responses['200'].content['application/json'].schema as Json);
    expect(page(await read('/api/v1/conversations?limit=5')), JSON.stringify(page.errors)).toBe(true);
    const error = a.compile(doc.components.schemas.Error as Json);
    expect(error(await read(`/api/v1/conversations?cursor=${randomUUID()}`))).toBe(true);
  });
});
