export { createHttpApp, type HttpAppOptions } from './http/create-http-app';
export { assertStorableText, decodeUtf8Body, parseJsonBody } from './http/json-body';
export { httpConfig, readHttpConfig, type HttpConfig } from './http/http.config';
export { IfMatch, parseIfMatch, versionEtag } from './http/if-match.decorator';
export { HealthModule } from './health/health.module';
export { createValidationPipe, toValidationDetails } from './validation/validation.pipe';
export { UuidParam } from './http/uuid-param';
export { PositionParam } from './http/position-param';
