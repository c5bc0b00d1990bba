import { ErrorCode, PRIVACY_NOTICE_VERSION } from '@craftmatch/shared';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import type { ClientContext } from './client-info';

/** Consent is asked before anything is stored (GDPR art. 7, Vietnam's decree 13/2023 art. 11). */
export function assertConsent(acceptPrivacy: unknown): void {
  if (acceptPrivacy !== true) throw new DomainError(ErrorCode.CONSENT_REQUIRED, 400);
}

/** Records, in the caller's transaction, that the new account accepted the notice in force. */
export async function recordConsent(
  manager: EntityManager,
  userId: string,
  client: ClientContext,
  at: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO user_consents (user_id, kind, version, accepted_at, ip, user_agent)
     VALUES ($1, 'privacy_notice', $2, $3, $4, $5)`,
    [userId, PRIVACY_NOTICE_VERSION, at, client.ip, client.userAgent],
  );
}
