import { BadRequestException, NotFoundException } from '@nestjs/common';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
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

  it('answers 503 SERVICE_UNAVAILABLE (retry after a second) to every way of losing the database', () => {
    const driver = (message: string, code?: string) =>
      Object.assign(new Error(message), code ? { code } : {});
    const refused = driver('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    const lost = [
      refused,
      driver('read ECONNRESET', 'ECONNRESET'),
      new AggregateError([refused, driver('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'connect'),
      pgError('57P01'), // terminating connection due to administrator command
      pgError('57P03'), // the database system is starting up / shutting down
      pgError('08006'), // connection failure
      driver('the database system is starting up', '57P03'), // refused while connecting
      new QueryFailedError('SELECT 1', [], driver('Connection terminated unexpectedly')),
      driver('Connection terminated'),
      driver('Client has encountered a connection error and is not queryable'),
      driver('timeout exceeded when trying to connect'),
      new QueryRunnerProviderAlreadyReleasedError(), // the transaction's connection died under it
      new QueryRunnerAlreadyReleasedError(),
      new Error('wrapped', { cause: refused }),
    ];
    for (const error of lost) {
      expect([error.message, mapError(error)]).toEqual([
        error.message,
        { status: 503, code: ErrorCode.SERVICE_UNAVAILABLE, headers: { 'retry-after': '1' } },
      ]);
    }
  });

  it('keeps answers of a database that is there: SQL errors are not outages', () => {
    expect(mapError(pgError('42P01'))).toMatchObject({ status: 500, code: ErrorCode.INTERNAL_ERROR });
    expect(mapError(pgError('23505'))).toMatchObject({ status: 409 });
    expect(mapError(new Error('Connection to the mail server terminated'))).toMatchObject({ status: 500 });
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
