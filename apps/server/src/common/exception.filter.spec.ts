import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@craftmatch/shared';
import { DomainError } from './domain-error';
import { mapError } from './exception.filter';

const pgError = (code: string, constraint?: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error('pg'), { code, constraint }));

describe('mapError', () => {
  it('maps database constraint violations to 409 codes', () => {
    expect(mapError(pgError('23505', 'users_email_key'))).toMatchObject({
      status: 409,
      code: ErrorCode.ALREADY_EXISTS,
      details: { constraint: 'users_email_key' },
    });
    expect(mapError(pgError('23P01'))).toMatchObject({ status: 409, code: ErrorCode.SLOT_TAKEN });
    expect(mapError(pgError('23503'))).toMatchObject({ status: 409, code: ErrorCode.REFERENCE_NOT_FOUND });
    expect(mapError(pgError('23514'))).toMatchObject({ status: 409, code: ErrorCode.CONSTRAINT_VIOLATION });
    expect(mapError(pgError('40001'))).toMatchObject({ status: 409, code: ErrorCode.CONFLICT });
  });

  it('maps Fastify body errors carried as the cause', () => {
    const wrapped = new BadRequestException('bad', { cause: { code: 'FST_ERR_CTP_INVALID_JSON_BODY' } });
    expect(mapError(wrapped)).toMatchObject({ status: 400, code: ErrorCode.INVALID_JSON });
  });

  it('keeps domain errors as they are', () => {
    const error = new DomainError(ErrorCode.RATE_LIMITED, 429, { params: { seconds: 3 } });
    expect(mapError(error)).toMatchObject({
      status: 429,
      code: ErrorCode.RATE_LIMITED,
      params: { seconds: 3 },
    });
  });

  it('turns Nest HTTP errors into codes, and anything else into a 500', () => {
    expect(mapError(new NotFoundException())).toMatchObject({ status: 404, code: ErrorCode.ROUTE_NOT_FOUND });
    expect(mapError(new Error('boom'))).toMatchObject({ status: 500, code: ErrorCode.INTERNAL_ERROR });
  });
});
