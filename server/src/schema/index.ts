import { builder } from "../builder.ts";
import "./errors.ts";
import "./access/staff.ts";
import "./access/sign-in.ts";
import "./organization.ts";
import "./estates.ts";
import "./categories.ts";
import "./customers.ts";
import "./complaints.ts";
import "./surveys.ts";

export const schema = builder.toSchema({ sortSchema: true });
