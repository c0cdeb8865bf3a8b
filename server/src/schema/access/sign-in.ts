import { builder } from "../../builder.ts";
import { signIn, signOut, type SignedIn } from "../../auth/sign-in.ts";
import { StaffRoleEnum } from "./staff.ts";
import { InputError, ForbiddenError } from "../../errors/typed-errors.ts";
import { RateLimitedError } from "../rate-limited-error.ts";
import { msg } from "../../i18n/messages.ts";
import { aloneInRequest, rootResponseKeys } from "./alone-in-operation.ts";

const SignInResultRef = builder.objectRef<SignedIn>("SignInResult").implement({
  description: "A new session; it starts with the next request, where `me` gives the whole account",
  fields: (t) => ({
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the session ends at the latest (12 h; 2 h idle)" }),
    login: t.string({ description: "The account's login", resolve: (r) => r.staff.login }),
    displayName: t.string({ description: "The account's display name", resolve: (r) => r.staff.displayName }),
    role: t.field({ type: StaffRoleEnum, description: "§2: the account's role", resolve: (r) => r.staff.role }),
    mustChangePassword: t.exposeBoolean("mustChangePassword", {
      description:
        "Issue 17: true when the password is temporary: the session may do nothing but read `me`, changeMyPassword and signOut until it is changed",
    }),
  }),
});

/**
 * Issue 15 item 5: one password per request, however the request spells it (aliases, fragments,
 * inline fragments, a batch). Every signIn field of a request that has more than one field, or
 * that already ran one, is refused before any password is hashed. (The attempts are recorded
 * outside the request's transaction, auth/throttle/ledger.ts, so a failing neighbour field could
 * no longer erase them; this keeps the hashing work at one per request.)
 */
const signedInRequests = new WeakSet<object>();

builder.mutationField("signIn", (t) =>
  t.field({
    type: SignInResultRef,
    description:
      "Signs in with login and password and sets the session cookie (httpOnly, SameSite=Strict). Failures never tell whether the account exists. The only field of its operation, once per request; an address that failed too often gets RateLimitedError with the time to wait.",
    errors: { types: [InputError, ForbiddenError, RateLimitedError] },
    args: {
      organization: t.arg.string({ required: false, description: "Organisation code; optional when the installation has one" }),
      login: t.arg.string({ required: true, description: "The sign-in name" }),
      password: t.arg.string({ required: true, description: "The password (never logged)" }),
    },
    resolve: (_r, args, ctx, info) => {
      if (!aloneInRequest(info, ctx, signedInRequests)) throw new InputError("signIn", msg("signInAlone"));
      return signIn(ctx, { organization: args.organization ?? null, login: args.login, password: args.password });
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "Ends the current session and clears its cookie; the only field of its mutation",
    resolve: async (_r, _a, ctx, info) => {
      // With other fields, a failing neighbour would roll the sign-out back while the cookie is cleared.
      if (rootResponseKeys(info).size !== 1) throw new InputError("signOut", msg("signOutAlone"));
      await signOut(ctx);
      return true;
    },
  }),
);
