import { createQuery } from "@urql/solid";
import { For, Match, Switch } from "solid-js";
import { EstatesQuery } from "../../graphql/estates.ts";

const kindLabel: Record<string, string> = {
  RESIDENTIAL: "住宅",
  COMMERCIAL: "商业",
  OFFICE: "写字楼",
  VILLA: "别墅",
};

export function EstatesPage() {
  const [result] = createQuery({ query: EstatesQuery });
  return (
    <section>
      <h1>项目 Estates</h1>
      <Switch>
        <Match when={result.fetching}>
          <p class="muted">加载中… Loading…</p>
        </Match>
        <Match when={result.error}>
          <p class="error">无法加载项目 Could not load estates: {result.error?.message}</p>
        </Match>
        <Match when={result.data?.estates.edges.length === 0}>
          <p class="muted">暂无项目 No estates yet.</p>
        </Match>
        <Match when={result.data}>
          <table class="table" data-testid="estates">
            <thead>
              <tr><th>编号 Code</th><th>名称 Name</th><th>类型 Kind</th><th>户数 Households</th><th>常住 Occupied</th><th>时区 Timezone</th></tr>
            </thead>
            <tbody>
              <For each={result.data?.estates.edges}>
                {(edge) => (
                  <tr>
                    <td>{edge.node.code}</td>
                    <td>{edge.node.name}</td>
                    <td>{kindLabel[edge.node.kind] ?? edge.node.kind}</td>
                    <td class="num">{edge.node.households.totalCount}</td>
                    <td class="num">{edge.node.occupiedHouseholds}</td>
                    <td>{edge.node.timezone}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Match>
      </Switch>
    </section>
  );
}
