import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestApp } from '../app';

export interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  $ref?: string;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/meetings/{id} */
  path: string;
  /** "METHOD path", the key of the authorization table */
  key: string;
  params: Parameter[];
  body?: JsonSchema;
  /** multipart/form-data (file uploads) */
  multipart: boolean;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
}

export async function openApiDocument(t: TestApp): Promise<OpenApiDocument> {
  const res = await t.inject({ method: 'GET', url: '/api/docs/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json answered ${res.statusCode}`);
  return JSON.parse(res.body) as OpenApiDocument;
}

export function operations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      out.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        params: op.parameters ?? [],
        body: json ? resolve(doc, json) : undefined,
        multipart: Boolean(content['multipart/form-data']),
      });
    }
  }
  return out;
}

/** Inline every $ref (the DTO schemas have no cycles). */
export function resolve(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    return resolve(doc, doc.components.schemas[name], depth + 1);
  }
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0], depth + 1);
  const out: JsonSchema = { ...schema };
  if (schema.items) out.items = resolve(doc, schema.items, depth + 1);
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)]),
    );
  }
  return out;
}

const METHODS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.ALL]: 'ALL',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.HEAD]: 'HEAD',
};

const join = (...parts: string[]) =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');

/** Every route of every Nest controller, as "METHOD /api/path/{param}", read from the router's metadata. */
export function nestRoutes(app: NestFastifyApplication, prefix = 'api'): string[] {
  const out = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!type) continue;
      const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const paths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        for (const base of bases)
          for (const path of paths)
            out.add(`${METHODS[method]} ${join(prefix, base, path).replace(/:(\w+)/g, '{$1}')}`);
      }
    }
  }
  return [...out].sort();
}

/**
 * Every route Fastify really serves under /api (HEAD twins and the docs left out), read from its
 * route tree: a route added outside Nest (a plugin, a hand-made handler) shows up here too.
 */
export function fastifyRoutes(app: NestFastifyApplication): string[] {
  const fastify = app.getHttpAdapter().getInstance();
  const tree = fastify.printRoutes({ commonPrefix: false });
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│\s]*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    stack.length = depth;
    stack[depth] = m[2];
    if (!m[3]) continue;
    const path = stack.join('');
    for (const method of m[3].split(',').map((s) => s.trim())) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      out.add(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return [...out].filter((r) => / \/api\//.test(r) && !/ \/api\/docs/.test(r)).sort();
}

/**
 * Fastify keeps one parametric node per position, named after every parameter that uses it
 * (`{slug}|{fairId}`): routes compare with their parameter names left out.
 */
export function unnamed(route: string): string {
  return route.replace(/\{\w+\}(\|\{\w+\})*/g, '{}');
}
