import fc from 'fast-check';
import type { JsonSchema, Operation } from './openapi';
import { sample } from './sample';

/** Values no schema field wants: wrong types, huge and odd strings, extreme numbers, bad ids and dates. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, -0.5, 1.5, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 31) - 1, 2 ** 31, 1e-320),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'Gốm'.repeat(Math.ceil(n / 3)).slice(0, n)),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '🏺'.repeat(500),
    'e\u0301\u0301\u0301',
    '\u202Eevil',
    "' OR 1=1 --",
    '"; DROP TABLE users; --',
    '<script>alert(1)</script>',
    '{{constructor.constructor("x")()}}',
    '../../../etc/passwd',
    '%00',
    'NaN',
    'Infinity',
    '-1',
    '1e309',
    '0x1F',
    '12,5',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'not-a-uuid',
    '2026-02-30',
    '2026-12-03T25:61:00Z',
    '0000-01-01',
    '275760-09-13T00:00:00.001Z',
    '99999999999999999999999999999.99',
  ),
  fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), {
    maxKeys: 4,
  }),
  fc.array(fc.constant('x'), { minLength: 500, maxLength: 5_000 }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
);

/** A value of the schema's own type that breaks its limits (length, range, enum, format). */
function outOfBounds(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [hostile];
  if (schema.maxLength) options.push(fc.constant('ấ'.repeat(schema.maxLength + 1)));
  if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
  if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
  if (schema.enum)
    options.push(
      fc.constant(`${String(schema.enum[0])}x`),
      fc.constant(String(schema.enum[0]).toUpperCase()),
    );
  if (schema.maxItems !== undefined && schema.items)
    options.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => sample(schema.items))));
  if (schema.type === 'array') options.push(fc.constant([]), fc.array(hostile, { maxLength: 4 }));
  if (schema.type === 'number' || schema.type === 'integer')
    options.push(fc.constantFrom('12', 1.5, -5, 0, 1e21), fc.integer());
  return fc.oneof(...options);
}

/** An object of the schema whose every field is kept, left out, made hostile or pushed out of bounds. */
export function mutated(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema) return hostile;
  if (schema.type === 'array' && schema.items?.properties && depth < 2) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.array(mutated(schema.items, depth + 1), { minLength: 1, maxLength: 3 }) },
      { weight: 1, arbitrary: outOfBounds(schema) },
    );
  }
  if (!schema.properties || depth > 2) {
    return fc.oneof(
      { weight: 2, arbitrary: fc.constant(sample(schema)) },
      { weight: 2, arbitrary: outOfBounds(schema) },
    );
  }
  const keys = Object.keys(schema.properties);
  const required = new Set(schema.required ?? []);
  const MISSING = Symbol('missing');
  const field = (key: string) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constant(required.has(key) ? sample(schema.properties![key], key) : MISSING),
      },
      { weight: 1, arbitrary: fc.constant(MISSING) },
      { weight: 2, arbitrary: mutated(schema.properties![key], depth + 1) },
    );
  return fc
    .record(Object.fromEntries(keys.map((k) => [k, field(k)])) as Record<string, fc.Arbitrary<unknown>>)
    .chain((record) =>
      fc
        .oneof(
          { weight: 5, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 3 }) },
        )
        .map((extra) => {
          const out: Record<string, unknown> = { ...extra };
          for (const [k, v] of Object.entries(record)) if (v !== MISSING) out[k] = v;
          return out;
        }),
    );
}

/** Raw bodies that are not the JSON the route wants. */
export const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    '{"a":1}}',
    '[',
    'null',
    '[]',
    '""',
    '"text"',
    '0',
    'true',
    'NaN',
    '{a:1}',
    "{'a':1}",
    '{"a":1,}',
    '\u0000',
    '\uFEFF{}',
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
    `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
    `{"a":"${'x'.repeat(2_000_000)}"}`,
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** A path parameter: the world's resource, someone else's random id, or something that is no id at all. */
export function pathValue(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        fc.constantFrom(
          'not-a-uuid',
          '00000000-0000-0000-0000-00000000000g',
          `${valid}x`,
          valid.toUpperCase(),
          '-1',
          '0',
          '1e400',
          '..',
          '%',
          '%00',
          '%ZZ',
          "'",
          'null',
          'undefined',
          '__proto__',
          'ấ'.repeat(300),
        ),
      ),
    },
  );
}

/** A query string: the required values, some of the optional ones, all of them possibly hostile. */
export function queryOf(op: Operation, valid: Record<string, string>): fc.Arbitrary<string> {
  const params = op.params.filter((p) => p.in === 'query');
  if (params.length === 0)
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constant('x=1&x=2') },
    );
  const ABSENT = Symbol('absent');
  const value = (name: string, schema: JsonSchema | undefined) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant(valid[name] ?? ABSENT) },
      { weight: 1, arbitrary: fc.constant(ABSENT) },
      { weight: 1, arbitrary: fc.constant(String(sample(schema, name))) },
      { weight: 3, arbitrary: hostile.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))) },
      { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 3 }) },
    );
  return fc
    .record(
      Object.fromEntries(params.map((p) => [p.name, value(p.name, p.schema)])) as Record<
        string,
        fc.Arbitrary<unknown>
      >,
    )
    .map((record) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(record)) {
        if (v === ABSENT) continue;
        for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
      }
      return q.toString();
    });
}
