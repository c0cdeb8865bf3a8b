import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * The response keys (alias or name) of the operation's top-level fields, through fragment
 * spreads and inline fragments alike, `__typename` aside. Fields under one key are executed once,
 * so this is the number of root fields the operation runs. @skip/@include are not evaluated: a
 * field that might run counts.
 */
export function rootResponseKeys(info: GraphQLResolveInfo): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== "__typename") keys.add(s.alias?.value ?? s.name.value);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        visit(s.selectionSet);
      } else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(info.operation.selectionSet);
  return keys;
}

/**
 * Issue 15 item 5: is this field the one field its operation runs, and the first such field of
 * its HTTP request? (`first` remembers the requests seen; a batch of operations shares one.)
 * The old check counted only the operation's direct selections, so `... on Mutation { a: signIn …
 * b: signIn … }` passed as one field and tried 60 passwords in one request.
 */
export function aloneInRequest(info: GraphQLResolveInfo, ctx: object, first: WeakSet<object>): boolean {
  const request = (ctx as { request?: object }).request ?? ctx;
  if (first.has(request)) return false;
  first.add(request);
  return rootResponseKeys(info).size === 1;
}
