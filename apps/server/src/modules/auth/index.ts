export { AuthModule } from './auth.module';
export { SessionService, type IssuedSession, type NewRefreshToken } from './session.service';
export { RefreshCookie, REFRESH_COOKIE_PATH } from './refresh-cookie';
export { ClientInfo, clientContext, type ClientContext } from './client-info';
export { assertConsent, recordConsent } from './consent';
export { assertStrongPassword, emailTaken, isEmailUniqueViolation, normalizeEmail } from './account-rules';
export { hashToken, isTokenShape, newToken } from './tokens';
export { RefreshToken } from './refresh-token.entity';
export { UserToken, type UserTokenPurpose } from './user-token.entity';
