/**
 * A pool that writes the text of every SQL statement it (and every client it hands out) runs into
 * `log`: the number of statements a GraphQL request costs. The same wrapper as metrics.test.ts's.
 */
interface Pool {
  query: (...args: unknown[]) => unknown;
  connect: (...args: unknown[]) => Promise<unknown>;
}

export function countingPool<P>(pool: P, log: string[]): P {
  const text = (q: unknown) => (typeof q === "string" ? q : ((q as { text?: string })?.text ?? ""));
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(obj, prop) {
        const value = Reflect.get(obj, prop, obj);
        if (prop === "query")
          return (...args: unknown[]) => {
            log.push(text(args[0]));
            return (value as (...a: unknown[]) => unknown).apply(obj, args);
          };
        if (prop === "connect")
          return async (...args: unknown[]) => wrap(await (value as (...a: unknown[]) => Promise<object>).apply(obj, args));
        return typeof value === "function" ? value.bind(obj) : value;
      },
    });
  return wrap(pool as unknown as Pool & object) as unknown as P;
}
