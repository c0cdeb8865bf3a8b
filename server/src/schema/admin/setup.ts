import { builder } from "../../builder.ts";
import { ForbiddenError, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import {
  type InstallationStatus,
  installationStatus,
  type SetUpOutcome,
  setUpFirstOrganization,
} from "../../services/organization/first-run.ts";
import { aloneInRequest } from "../access/alone-in-operation.ts";
import { RateLimitedError } from "../rate-limited-error.ts";

/**
 * Issue 17 item 1: a real company sets itself up. Before anyone can sign in, the app asks
 * `installation` whether the installation has an organisation; without one it opens the first-run
 * page, whose `setUpOrganization` creates the organisation and its first administrator. Once an
 * organisation exists, `setUpOrganization` is refused: further organisations are the operator's
 * (`pnpm run setup --another`).
 */
const InstallationRef = builder.objectRef<InstallationStatus>("Installation").implement({
  description: "Issue 17: what the app needs to know before anyone signs in",
  fields: (t) => ({
    setupNeeded: t.exposeBoolean("setupNeeded", {
      description: "No organisation exists yet: the first-run page (setUpOrganization) comes first",
    }),
    organizationCodeRequired: t.exposeBoolean("organizationCodeRequired", {
      description: "The installation holds several organisations: signIn needs the organisation code",
    }),
    demoCompany: t.exposeBoolean("demoCompany", { description: "The demo company is installed (its accounts are listed in the README)" }),
  }),
});

builder.queryField("installation", (t) =>
  t.field({
    type: InstallationRef,
    description: "Issue 17: whether setup is needed and how to sign in; answered to anyone",
    resolve: (_r, _a, ctx) => installationStatus(ctx),
  }),
);

const SetUpOrganizationInput = builder.inputType("SetUpOrganizationInput", {
  description: "Issue 17: the installation's first organisation and its first administrator",
  fields: (t) => ({
    code: t.string({
      required: true,
      description:
        "The organisation code (2-20 capital letters, digits, - or _, starting with a letter); typed at sign-in when there are several",
    }),
    name: t.string({ required: true, description: "The organisation's name" }),
    timezone: t.string({
      required: true,
      description: "IANA timezone, e.g. Asia/Shanghai: the default of its estates and working calendar (§6)",
    }),
    adminLogin: t.string({ required: true, description: "The administrator's login (lower case letters, digits, . - _)" }),
    adminName: t.string({ required: true, description: "The administrator's display name" }),
    adminPassword: t.string({
      required: true,
      description: "The administrator's password, of their choosing under the password policy (never logged)",
    }),
  }),
});

const SetUpOrganizationResultRef = builder.objectRef<SetUpOutcome>("SetUpOrganizationResult").implement({
  description: "The organisation created; its administrator signs in next",
  fields: (t) => ({
    code: t.exposeString("code", { description: "The organisation code, as stored (capitals)" }),
    name: t.exposeString("name", { description: "The organisation's name" }),
    adminLogin: t.exposeString("adminLogin", { description: "The administrator's login, as stored (lower case)" }),
  }),
});

/** One setup per request: its password hash costs what a sign-in's does (issue 15 item 5). */
const setUpRequests = new WeakSet<object>();

builder.mutationField("setUpOrganization", (t) =>
  t.field({
    type: SetUpOrganizationResultRef,
    description:
      "Issue 17: creates the installation's first organisation with its administrator (ADMIN, every estate), the standard working calendar with the statutory holidays shipped (§6) and the SPEC's default policy values. Only while no organisation exists (ForbiddenError after); bad input names every bad field; the only field of its operation; an address that hashed too many passwords gets RateLimitedError.",
    errors: { types: [InputError, ForbiddenError, RateLimitedError] },
    args: { input: t.arg({ type: SetUpOrganizationInput, required: true, description: "The organisation and its administrator" }) },
    resolve: (_r, { input }, ctx, info) => {
      if (!aloneInRequest(info, ctx, setUpRequests)) throw new InputError("setUpOrganization", msg("setupAlone"));
      return setUpFirstOrganization(ctx, input);
    },
  }),
);
