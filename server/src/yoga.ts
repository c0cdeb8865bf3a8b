import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import { schema } from "./schema/index.ts";
import { contextFactory, type AppServices, type Context } from "./context.ts";
import { useRequestTransaction } from "./http/request-transaction.ts";
import { boundedDocumentCaches, useQueryLimits } from "./limits/index.ts";
import { useResponseCookies } from "./auth/response-cookies.ts";
import { maskError } from "./errors-masking.ts";
import { redactingLogger } from "./logging.ts";
import { useLocalizedErrors } from "./http/localized-errors.ts";
import { systemClock, type Clock } from "./clock.ts";
import { useTextInputRules } from "./input/text-inputs.ts";
import { rateLimitsFrom, useRateLimits } from "./rate-limits/plugin.ts";
import { useCsrfPrevention } from "./http/csrf.ts";
import { graphiqlEnabled, useGraphiQLPage } from "./http/graphiql.ts";

export type App = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL endpoint (GraphiQL on GET /graphql). Used by the HTTP server and by tests. */
export function createApp(services: AppServices): App {
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    context: contextFactory(services) as never,
    // Issue 15 items 13 and 14: CSRF refusal before any body is read; GraphiQL only when asked for.
    plugins: [
      useRateLimits(services.rateLimits ?? rateLimitsFrom(process.env), () => (services.clock ?? systemClock)().getTime()),
      useCsrfPrevention(),
      useGraphiQLPage(graphiqlEnabled(process.env)),
      useQueryLimits(services),
      useRequestTransaction(services.prisma, services.requestPrisma),
      useResponseCookies(),
      useLocalizedErrors(),
      useTextInputRules(),
      useServerTime(services.clock ?? systemClock),
    ],
    graphiql: false, // served by useGraphiQLPage, with its own CSP
    parserAndValidationCache: boundedDocumentCaches(), // issue 15 item 2: bounded by text length, not by count
    maskedErrors: { isDev: process.env.NODE_ENV === "development", maskError },
    landingPage: false,
    // The app is served from the same origin; no other site may call the API with a user's cookie.
    cors: false,
    logging: redactingLogger(),
  });
}

/**
 * Every answer carries the server's time (X-Server-Time, ms since the epoch): the app counts
 * deadlines down and picks "this month" on the server's clock, not the desk's (client/src/clock.ts).
 */
function useServerTime(clock: Clock): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set("x-server-time", String(clock().getTime()));
    },
  };
}
