import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { schema } from "./schema/index.ts";
import { contextFactory, type AppServices, type Context } from "./context.ts";
import { useRequestTransaction } from "./access/request-transaction.ts";
import { useResponseCookies } from "./auth/response-cookies.ts";
import { maskError } from "./errors-masking.ts";
import { redactingLogger } from "./logging.ts";
import { useLocalizedErrors } from "./i18n/localized-errors.ts";

export type App = YogaServerInstance<Record<string, never>, Context>;

/** The GraphQL endpoint (GraphiQL on GET /graphql). Used by the HTTP server and by tests. */
export function createApp(services: AppServices): App {
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    context: contextFactory(services) as never,
    plugins: [useRequestTransaction(services.prisma), useResponseCookies(), useLocalizedErrors()],
    graphiql: { title: "Tingjian GraphQL" },
    maskedErrors: { isDev: process.env.NODE_ENV === "development", maskError },
    landingPage: false,
    // The app is served from the same origin; no other site may call the API with a user's cookie.
    cors: false,
    logging: redactingLogger(),
  });
}
