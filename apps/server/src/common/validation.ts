import { ParseUUIDPipe, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { FieldErrorCode } from '@craftmatch/shared';
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

/** Whitelist, forbid unknown fields, transform to DTO classes; errors become VALIDATION_FAILED. */
export function createValidationPipe(): ValidationPipe {
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
