import { createQuery } from "@urql/solid";
import { For, Match, Switch } from "solid-js";
import { EstatesQuery } from "../../graphql/estates.ts";
import { translator } from "../../i18n/locale.ts";
import { Empty, ErrorBox, Loading } from "../../components/States.tsx";

const t = translator({
  title: ["项目", "Estates"],
  failed: ["无法加载项目", "Could not load estates"],
  none: ["暂无项目", "No estates yet."],
  code: ["编号", "Code"],
  name: ["名称", "Name"],
  kind: ["类型", "Kind"],
  households: ["户数", "Households"],
  occupied: ["常住", "Occupied"],
  timezone: ["时区", "Timezone"],
  RESIDENTIAL: ["住宅", "Residential"],
  COMMERCIAL: ["商业", "Commercial"],
  OFFICE: ["写字楼", "Office"],
  VILLA: ["别墅", "Villa"],
});

const KINDS = ["RESIDENTIAL", "COMMERCIAL", "OFFICE", "VILLA"] as const;

export default function EstatesPage() {
  const [result] = createQuery({ query: EstatesQuery });
  return (
    <section>
      <h1>{t("title")}</h1>
      <Switch>
        <Match when={result.fetching}>
          <Loading />
        </Match>
        <Match when={result.error}>
          <ErrorBox error={result.error} />
        </Match>
        <Match when={result.data?.estates.edges.length === 0}>
          <Empty>{t("none")}</Empty>
        </Match>
        <Match when={result.data}>
          <table class="table" data-testid="estates">
            <thead>
              <tr>
                <th>{t("code")}</th>
                <th>{t("name")}</th>
                <th>{t("kind")}</th>
                <th>{t("households")}</th>
                <th>{t("occupied")}</th>
                <th>{t("timezone")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={result.data?.estates.edges}>
                {(edge) => (
                  <tr>
                    <td>{edge.node.code}</td>
                    <td>{edge.node.name}</td>
                    <td>
                      {(KINDS as readonly string[]).includes(edge.node.kind) ? t(edge.node.kind as (typeof KINDS)[number]) : edge.node.kind}
                    </td>
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
