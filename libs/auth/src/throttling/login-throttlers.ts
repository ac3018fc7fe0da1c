import { Injectable, type ExecutionContext } from '@nestjs/common';
import { normalizeIp, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import type { AuthConfig } from '../auth.config';

/** What the trackers read of a Fastify request: the client address (X-Forwarded-For with TRUST_PROXY) and the parsed body. */
interface LoginRequest {
  ip?: string;
  body?: unknown;
}

/** The email as AuthService looks it up (trimmed, lower-cased); '' when the body has none. */
export function loginEmail(body: unknown): string {
  const email = body && typeof body === 'object' ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : '';
}

/** One IPv6 client holds a whole /64, so it counts as one address (the throttler's own rule). */
export const addressTracker = (request: LoginRequest): string => normalizeIp(request.ip ?? '');

/** Account and address together: guessing one account's password from one address. */
export const accountAddressTracker = (request: LoginRequest): string => `${addressTracker(request)} ${loginEmail(request.body)}`;

/**
 * The two login limits. Per account and address (LOGIN_RATE_LIMIT), so a newsroom behind one
 * shared address is not locked out by one person's typos, nor by someone guessing one account;
 * and a looser ceiling per address (LOGIN_RATE_LIMIT_PER_ADDRESS) against guessing across many
 * accounts. Counters live in PostgreSQL under a hash of the tracker (the guard's generateKey), so
 * the table names neither accounts nor addresses, and every email, known or not, is counted alike.
 *
 * Order matters: the guard checks them in this order (equal windows keep it) and stops at the
 * first refusal, so attempts already refused for one account do not spend the address's ceiling.
 */
export function loginThrottlers(config: AuthConfig): ThrottlerOptions[] {
  const ttl = config.loginRateWindowSeconds * 1000;
  return [
    // Named 'default' so the guard sends a plain Retry-After; LoginThrottlerGuard does it for the other.
    { name: 'default', ttl, limit: config.loginRateLimit, getTracker: accountAddressTracker },
    { name: 'address', ttl, limit: config.loginRateLimitPerAddress, getTracker: addressTracker },
  ];
}

/** The throttler guard for login: a refusal by either limit carries the standard Retry-After. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.setResponseHeader(context.switchToHttp().getResponse(), 'Retry-After', detail.timeToBlockExpire);
    await super.throwThrottlingException(context, detail);
  }
}
