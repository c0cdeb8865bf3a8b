import { createQuery } from "@urql/solid";
import { createEffect, createSignal, For, Show } from "solid-js";
import { PEOPLE_LIMIT, StaffDirectoryQuery, type PickablePerson, type StaffDirectoryFilter } from "../../graphql/complaint-detail.ts";
import { label } from "../../i18n/labels.ts";
import { pick, translator, type Message } from "../../i18n/locale.ts";
import { ErrorBox } from "../../components/States.tsx";

const t = translator({
  choose: ["请选择…", "Choose…"],
  loading: ["正在加载人员…", "Loading people…"],
  nobody: ["没有符合条件的人员", "Nobody fits"],
  search: ["输入姓名或账号筛选", "Type part of a name or login"],
  more: ["仅显示 {shown} / {total} 人，请输入姓名筛选", "Showing {shown} of {total}: type part of a name to narrow"],
});

/** How a person reads in the list: name · role · department (unless the list is one department's). */
export function personLabel(p: PickablePerson, withDepartment = true): string {
  return [p.displayName, label("StaffRole", p.role), withDepartment ? p.department?.name : null].filter(Boolean).join(" · ");
}

/**
 * WF-1, WF-7: a choice among the people the server's staff directory offers for `filter`
 * (exactly whom the mutation accepts); disabled while the form lacks what the choice depends on.
 * A chosen person who is no longer offered (another lead department) is cleared, so that the form
 * never sends a choice it does not show.
 */
export function PersonPicker(props: {
  id: string;
  testid: string;
  filter: StaffDirectoryFilter | null;
  value: string;
  waitsFor?: Message;
  defaultChoice?: Message;
  onChange: (v: string) => void;
}) {
  const [text, setText] = createSignal("");
  const [result, reload] = createQuery({
    query: StaffDirectoryQuery,
    pause: () => !props.filter,
    variables: () => ({ filter: { ...props.filter!, ...(text().trim() ? { text: text().trim() } : {}) }, limit: PEOPLE_LIMIT }),
  });
  const people = () => result.data?.staffDirectory.staff ?? [];
  const total = () => result.data?.staffDirectory.totalCount ?? 0;
  const settled = () => !!props.filter && !!result.data && !result.fetching && !result.stale;
  createEffect(() => {
    const complete = settled() && !text().trim() && total() <= people().length;
    if (complete && props.value && !people().some((p) => p.id === props.value)) props.onChange("");
  });
  return (
    <Show
      when={props.filter}
      fallback={
        <select id={props.id} data-testid={props.testid} disabled>
          <option value="">{props.waitsFor ? pick(props.waitsFor) : t("choose")}</option>
        </select>
      }
    >
      <Show when={text() || total() > people().length}>
        <input
          type="text"
          data-testid={`${props.testid}-search`}
          placeholder={t("search")}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </Show>
      <Show when={!result.error} fallback={<ErrorBox error={result.error} retry={() => reload({ requestPolicy: "network-only" })} />}>
        <select
          id={props.id}
          data-testid={props.testid}
          data-loaded={settled() ? "true" : "false"}
          disabled={!result.data}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
        >
          <option value="">
            {!result.data ? t("loading") : props.defaultChoice ? pick(props.defaultChoice) : people().length ? t("choose") : t("nobody")}
          </option>
          <For each={people()}>
            {(p) => (
              <option value={p.id} selected={p.id === props.value}>
                {personLabel(p, !props.filter?.departmentId)}
              </option>
            )}
          </For>
        </select>
        <Show when={settled() && total() > people().length}>
          <div class="muted small" data-testid={`${props.testid}-more`}>
            {t("more", { shown: people().length, total: total() })}
          </div>
        </Show>
        <Show when={settled() && people().length === 0 && props.defaultChoice}>
          <div class="muted small">{t("nobody")}</div>
        </Show>
      </Show>
    </Show>
  );
}
