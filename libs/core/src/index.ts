export { KalamError, type ErrorDetail, type MessageParams } from './errors/kalam-error';
export { ConfigError, envBool, envBytes, envEnum, envInt, envPort, envPostgresUrl, envString } from './config/env';
export { updateVersioned, type VersionedUpdateResult } from './persistence/versioned-update';
export { escapeLike, isForeignKeyViolation, isUniqueViolation } from './persistence/database-errors';
export { requestContext, currentRequestId, currentLanguage, type RequestContext } from './logging/request-context';
export { KalamLogger, LOG_LEVELS } from './logging/kalam-logger';
export { Public, IS_PUBLIC_KEY } from './public.decorator';
export { runMain } from './run-main';
export { projectRoot } from './project-root';
