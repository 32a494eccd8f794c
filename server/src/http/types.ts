import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import type { Lang } from '../i18n/messages';
import type { Principal } from '../modules/auth/principal';

/** Who may call a route: anyone ('public', shown as such in the OpenAPI), or a signed-in user. */
export type Access = 'public' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Login is the one state-changing route that cannot carry a CSRF token yet. */
    skipCsrf?: boolean;
    /**
     * The route also accepts an API token (`Authorization: Bearer`); every other route
     * refuses one with 403. The route still checks that the token's unit is the one asked for.
     */
    tokens?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    lang: Lang;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A module's routes: registered under /api with the shared context. */
export type RoutePlugin = (app: App, ctx: AppContext) => void;
