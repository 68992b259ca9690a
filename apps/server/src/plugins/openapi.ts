import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { V1ErrorSchema } from '@tribu/protocol';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the routes themselves: every /api/v1 route
 * carries `config.openapi` (what it does, its body schema when it parses one itself, its answers),
 * and its `schema.params` / `schema.querystring` are the zod schemas Fastify validates with. Each
 * zod schema becomes JSON Schema 2020-12 through zod's own `z.toJSONSchema`, so the document cannot
 * drift from what the routes accept. openapi.test.ts checks that every /api/v1 route is in it.
 */

export interface V1Doc {
  summary: string;
  description?: string;
  /** The body's schema, when the route parses it itself (parseFields, for a message per field). */
  body?: z.ZodType;
  /** Answers other than the refusals every key route shares (400, 401, 403, 429). */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The OpenAPI description of an /api/v1 route (plugins/openapi.ts). */
    openapi?: V1Doc;
  }
}

interface Documented {
  method: string;
  url: string;
  scope: string | undefined;
  params: z.ZodType | undefined;
  query: z.ZodType | undefined;
  doc: V1Doc;
}

export interface V1Routes {
  /** /api/v1 routes registered so far with their description. */
  readonly routes: Documented[];
}

const isZod = (s: unknown): s is z.ZodType => s instanceof z.ZodType;

/** Collects every /api/v1 route as it is added; register before any of them. */
export function collectV1Routes(app: FastifyInstance): V1Routes {
  const routes: Documented[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const config = route.config as { openapi?: V1Doc; apiKey?: string } | undefined;
    if (!config?.openapi) return;
    const schema = route.schema as { params?: unknown; querystring?: unknown } | undefined;
    for (const method of [route.method].flat()) {
      // Fastify adds a HEAD for every GET by itself: the GET documents both.
      if (method === 'HEAD') continue;
      routes.push({
        method: method.toLowerCase(),
        url: route.url,
        scope: config.apiKey,
        params: isZod(schema?.params) ? schema.params : undefined,
        query: isZod(schema?.querystring) ? schema.querystring : undefined,
        doc: config.openapi,
      });
    }
  });
  return { routes };
}

type Json = Record<string, unknown>;

/** JSON Schema 2020-12 (OpenAPI 3.1's own dialect) of what a caller sends, or of what it gets back. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
  return rest;
}

/** `/api/v1/conversions/:orderId` → `/api/v1/conversions/{orderId}`. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const refusal = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

function operation(r: Documented): Json {
  const body = r.doc.body;
  const responses: Json = {};
  for (const [status, answer] of Object.entries(r.doc.responses)) {
    responses[status] = answer.schema
      ? { description: answer.description, content: { 'application/json': { schema: jsonSchema(answer.schema, 'output') } } }
      : { description: answer.description };
  }
  if (body || r.query || r.params) responses['400'] ??= refusal('Refused: a message per field in `error.fields`');
  if (r.scope) {
    responses['401'] = refusal('No key, a made-up key or a revoked one');
    responses['403'] = refusal(`The key lacks the \`${r.scope}\` scope`);
    responses['429'] = refusal("Over the key's budget (300 calls a minute)");
  }
  return {
    operationId: `${r.method}${r.url
      .replace(/^\/api\/v1/, '')
      .split(/[/.:-]/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('')}`,
    summary: r.doc.summary,
    ...(r.doc.description ? { description: r.doc.description } : {}),
    // OpenAPI 3.1 lets an http scheme name the roles it needs: here, the key's scope.
    security: r.scope ? [{ siteApiKey: [r.scope] }] : [],
    parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(body, 'input') } } } } : {}),
    responses,
  };
}

/** The whole document, paths in the order the routes were added. */
export function openApiDocument(v1: V1Routes, publicUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of v1.routes) {
    const path = openApiPath(r.url);
    paths[path] = { ...paths[path], [r.method]: operation(r) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Tribu API',
      version: '1',
      description:
        "The merchant's API: report purchases, read the numbers and the chats of one site. Every call but this document's takes a site API key (Site settings → API keys) as `Authorization: Bearer <key>`; a key acts on its own site only.",
    },
    servers: [{ url: publicUrl }],
    components: {
      securitySchemes: {
        siteApiKey: { type: 'http', scheme: 'bearer', description: 'A site API key `tk_…`, shown once when an admin creates it; each key has its scopes.' },
      },
      schemas: { Error: jsonSchema(V1ErrorSchema, 'output') },
    },
    paths,
  };
}
