import { ErrorCode, type FieldErrorCode } from '@craftmatch/shared';

export interface DomainErrorOptions {
  /** Interpolation values for the translated message. */
  params?: Record<string, string | number>;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A failure the caller can act on. The global filter turns it into `{ code, message, details }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly options: DomainErrorOptions = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }

  static validation(fields: Record<string, FieldErrorCode>): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, 400, { details: { fields } });
  }
  static notFound(): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, 404);
  }
  static forbidden(): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, 403);
  }
  static unauthenticated(code: ErrorCode = ErrorCode.UNAUTHENTICATED): DomainError {
    return new DomainError(code, 401);
  }
  static conflict(code: ErrorCode = ErrorCode.CONFLICT): DomainError {
    return new DomainError(code, 409);
  }
}
