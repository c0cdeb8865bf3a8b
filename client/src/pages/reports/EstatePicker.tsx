import { For, onCleanup, onMount, Show } from "solid-js";
import { translator } from "../../i18n/locale.ts";

const t = translator({
  estates: ["项目", "Estates"],
  all: ["全部项目", "All estates"],
  some: ["{n} 个项目", "{n} estates"],
  clear: ["全部", "All"],
});

export interface EstateOption {
  id: string;
  code: string;
  name: string;
}

/** A multi-select of the caller's estates; none chosen means all of them (the API's default scope). */
export function EstatePicker(props: { estates: EstateOption[]; selected: string[]; onChange: (ids: string[]) => void }) {
  let details!: HTMLDetailsElement;
  // Closes like a menu: a click elsewhere or Escape.
  const close = (e: Event) => {
    if (details.open && (e instanceof KeyboardEvent ? e.key === "Escape" : !details.contains(e.target as Node))) details.open = false;
  };
  onMount(() => {
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
  });
  onCleanup(() => {
    document.removeEventListener("click", close);
    document.removeEventListener("keydown", close);
  });
  const summary = () => {
    const chosen = props.estates.filter((e) => props.selected.includes(e.id));
    if (chosen.length === 0) return t("all");
    if (chosen.length <= 2) return chosen.map((e) => e.name).join("、");
    return t("some", { n: chosen.length });
  };
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...props.selected, id] : props.selected.filter((x) => x !== id);
    // In the estates' own order, so that the URL (and the cache key) is stable.
    props.onChange(props.estates.map((e) => e.id).filter((x) => next.includes(x)));
  };
  return (
    <details ref={details} class="picker estate-picker" data-testid="estate-picker">
      <summary>
        <span class="muted">{t("estates")}</span> <span data-testid="estate-summary">{summary()}</span>
      </summary>
      <fieldset class="estate-picker-list" aria-label={t("estates")}>
        <For each={props.estates}>
          {(e) => (
            <label>
              <input
                type="checkbox"
                value={e.id}
                data-code={e.code}
                checked={props.selected.includes(e.id)}
                onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
              />
              {e.name} <span class="muted">{e.code}</span>
            </label>
          )}
        </For>
        <Show when={props.selected.length > 0}>
          <button type="button" class="link" data-testid="estate-all" onClick={() => props.onChange([])}>
            {t("clear")}
          </button>
        </Show>
      </fieldset>
    </details>
  );
}
