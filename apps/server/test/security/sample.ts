import { randomUUID } from 'node:crypto';
import type { JsonSchema } from './openapi';

/** A plausible valid value for a schema: its example, first enum value or a value of its type and format. */
export function sample(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return undefined;
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array': {
      const n = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length: n }, () => sample(schema.items, name));
    }
    case 'string':
      return sampleString(schema, name);
    default:
      if (schema.properties) {
        const out: Record<string, unknown> = {};
        for (const key of schema.required ?? []) out[key] = sample(schema.properties[key], key);
        return out;
      }
      if (schema.format) return sampleString(schema, name);
      return schema.nullable ? null : 'x';
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date':
      return '2026-12-03';
    case 'date-time':
      return '2026-12-03T01:00:00.000Z';
    case 'email':
      return `fuzz.${randomUUID().slice(0, 8)}@test.example`;
  }
  if (/email/i.test(name)) return `fuzz.${randomUUID().slice(0, 8)}@test.example`;
  if (/password/i.test(name)) return 'Gom-BatTrang-2026';
  const text = 'Gốm men lam';
  return schema.maxLength && schema.maxLength < text.length ? text.slice(0, schema.maxLength) : text;
}
