import type { CellClassParams } from "ag-grid-community";
import { navigate } from "../../router/router.tsx";

/**
 * A cell that links to another page of the app: a real link (opens in a new tab with a modifier
 * key), navigating inside the app on a plain click.
 */
export function linkCell(href: string, text: string, testid?: string): HTMLElement {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  if (testid) a.dataset.testid = testid;
  a.addEventListener("click", (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(href);
  });
  return a;
}

/** A cell holding a button (an action on its row). */
export function buttonCell(text: string, onClick: () => void, testid?: string): HTMLElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "link";
  b.textContent = text;
  if (testid) b.dataset.testid = testid;
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

/** SEC-7: a value the server masked is shown as it came, greyed so that it reads as withheld. */
export const maskedRule = { masked: (p: CellClassParams) => typeof p.value === "string" && p.value.includes("*") };
