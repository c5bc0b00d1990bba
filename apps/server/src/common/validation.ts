import { ParseUUIDPipe, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { FieldErrorCode } from '@craftmatch/shared';
import { getMetadataStorage } from 'class-validator';
import { DomainError } from './domain-error';

/** class-validator constraint name → the shared field error code. */
const CONSTRAINT_CODES: Record<string, FieldErrorCode> = {
  isDefined: FieldErrorCode.REQUIRED,
  isNotEmpty: FieldErrorCode.REQUIRED,
  isEmail: FieldErrorCode.INVALID_EMAIL,
  isUuid: FieldErrorCode.INVALID_UUID,
  isUUID: FieldErrorCode.INVALID_UUID,
  minLength: FieldErrorCode.TOO_SHORT,
  maxLength: FieldErrorCode.TOO_LONG,
  arrayMinSize: FieldErrorCode.TOO_SHORT,
  arrayMaxSize: FieldErrorCode.TOO_LONG,
  min: FieldErrorCode.TOO_SMALL,
  max: FieldErrorCode.TOO_LARGE,
  isIn: FieldErrorCode.INVALID_VALUE,
  isEnum: FieldErrorCode.INVALID_VALUE,
  isISO31661Alpha2: FieldErrorCode.INVALID_VALUE,
  matches: FieldErrorCode.INVALID_VALUE,
  whitelistValidation: FieldErrorCode.UNKNOWN_FIELD,
  isStrongPassword: FieldErrorCode.WEAK_PASSWORD,
  strongPassword: FieldErrorCode.WEAK_PASSWORD,
  unknownValue: FieldErrorCode.INVALID_TYPE,
};

/** Flattens nested validation errors into `path → code`, the first failing constraint per field. */
export function fieldCodes(errors: ValidationError[], prefix = ''): Record<string, FieldErrorCode> {
  const fields: Record<string, FieldErrorCode> = {};
  for (const error of errors) {
    const path = error.property
      ? prefix
        ? `${prefix}.${error.property}`
        : error.property
      : prefix || '_body';
    const constraints = Object.keys(error.constraints ?? {});
    if (constraints.length > 0) fields[path] = pickCode(constraints, error.value);
    if (error.children?.length) Object.assign(fields, fieldCodes(error.children, path));
  }
  return fields;
}

const TYPE_CHECKS =
  /^is(String|Int|Number|Boolean|Array|Object|Date|DateString|ISO8601|NumberString|Decimal)$/;

/** Missing beats wrong type, which beats every other complaint. */
function pickCode(constraints: string[], value: unknown): FieldErrorCode {
  const missing = value === undefined || value === null || value === '';
  if (missing && constraints.some((c) => CONSTRAINT_CODES[c] === FieldErrorCode.REQUIRED))
    return FieldErrorCode.REQUIRED;
  if (constraints.some((c) => TYPE_CHECKS.test(c))) return FieldErrorCode.INVALID_TYPE;
  return constraints.map((c) => CONSTRAINT_CODES[c]).find(Boolean) ?? FieldErrorCode.INVALID_VALUE;
}

/** Deeper than any DTO goes; class-transformer recurses per level and would overflow the stack. */
const MAX_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max` arrays or objects (counted without recursion). */
export function nestsDeeper(value: unknown, max: number = MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The global pipe: a body nested absurdly deep is refused before class-transformer walks it. */
class AppValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && nestsDeeper(value))
      throw DomainError.validation({ _body: FieldErrorCode.INVALID_TYPE });
    return super.transform(value, metadata);
  }
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = Parameters<MetadataStorage['addValidationMetadata']>[0];
const REMEMBERS = Symbol('craftmatch.remembersValidationMetadata');

/**
 * class-validator looks up a DTO's rules anew on every validation, testing the DTO against every class
 * that has rules (an `instanceof` per class, hundreds here): about a tenth of a millisecond per request
 * body. The rules are fixed once the decorators have run, so each answer is remembered per DTO class
 * and lookup options, and forgotten whenever a rule is added (a class declared later, in a test say).
 * Returns the storage (idempotent).
 */
export function rememberValidationMetadata(storage: MetadataStorage = getMetadataStorage()): MetadataStorage {
  const marked = storage as MetadataStorage & { [REMEMBERS]?: true };
  if (marked[REMEMBERS]) return storage;
  marked[REMEMBERS] = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let remembered = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    remembered = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? '-'}`;
    let byKey = remembered.get(target);
    if (!byKey) remembered.set(target, (byKey = new Map()));
    let rules = byKey.get(key);
    if (!rules) byKey.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
  return storage;
}

/** Whitelist, forbid unknown fields, transform to DTO classes; errors become VALIDATION_FAILED. */
export function createValidationPipe(): ValidationPipe {
  rememberValidationMetadata();
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => DomainError.validation(fieldCodes(errors)),
  });
}

/** `@Param('id', UuidPipe)`: a malformed id is a field error, not a generic 400. */
export const UuidPipe = new ParseUUIDPipe({
  version: undefined,
  exceptionFactory: () => DomainError.validation({ id: FieldErrorCode.INVALID_UUID }),
});
