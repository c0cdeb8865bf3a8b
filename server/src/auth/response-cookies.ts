import type { Plugin } from "graphql-yoga";
import type { Context } from "../access/context.ts";

/** Sends the Set-Cookie headers a resolver asked for (sign-in rotates, sign-out clears). */
export function useResponseCookies(): Plugin<Context> {
  const pending = new WeakMap<Request, string[]>();
  return {
    onContextBuilding({ context }) {
      return ({ context: built }) => {
        pending.set((context as unknown as { request: Request }).request, (built as Context).cookies);
      };
    },
    onResponse({ request, response }) {
      for (const cookie of pending.get(request) ?? []) response.headers.append("set-cookie", cookie);
    },
  };
}
