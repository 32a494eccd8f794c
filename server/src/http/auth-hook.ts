import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { langFromHeader } from '../i18n/messages';
import { AppError, unauthorized } from '../lib/errors';
import { authenticateToken } from '../modules/api-tokens/service';
import type { Principal, UserPrincipal } from '../modules/auth/principal';
import { authenticate } from '../modules/auth/service';

export const SESSION_COOKIE = 'chiso_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Runs before every /api route: resolves the session cookie — or an API token sent as
 * `Authorization: Bearer`, which wins over a cookie — refuses anonymous calls to
 * non-public routes (401), tokens on routes that do not accept them (403), and
 * state-changing calls whose session lacks the CSRF header (403). Tokens carry no cookie,
 * so CSRF does not apply to them.
 */
export function authHook(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.lang = langFromHeader(request.headers['accept-language']);
    request.principal = null;
    if (!request.url.startsWith('/api/')) return;
    const config = request.routeOptions.config;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = BEARER.exec(authorization)?.[1];
      request.principal = bearer ? await authenticateToken(ctx, bearer, request.ip) : null;
      if (!request.principal) throw new AppError(401, 'auth.badToken');
      if (!config.tokens) throw new AppError(403, 'auth.tokenNotAllowed');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.principal = await authenticate(ctx, token);

    if ((config.access ?? 'user') !== 'public' && !request.principal) throw unauthorized();

    if (request.principal?.kind === 'user' && !SAFE_METHODS.has(request.method) && !config.skipCsrf) {
      const header = request.headers['x-csrf-token'];
      if (header !== request.principal.csrfToken) throw new AppError(403, 'auth.csrf');
    }
  };
}

/** The signed-in user of a route that is not public; the hook has already refused anonymous calls. */
export function userOf(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (principal?.kind !== 'user') throw unauthorized();
  return principal;
}

/** Who calls a route that accepts API tokens: a signed-in user or a token. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
