import { builder } from "../builder.ts";
import "./organization.ts";
import "./estates.ts";
import "./categories.ts";
import "./complaints.ts";
import "./surveys.ts";

export const schema = builder.toSchema({ sortSchema: true });
