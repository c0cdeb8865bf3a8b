import { createEffect } from "solid-js";

/** A page's own document title, in the reader's language (issue 18: a title per page). */
export function useTitle(title: () => string): void {
  createEffect(() => {
    document.title = `${title()} · 听见`;
  });
}
