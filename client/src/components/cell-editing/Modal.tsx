import { createEffect, onCleanup, type JSX } from "solid-js";

/**
 * A native modal <dialog>: focus is trapped inside while it is open, Escape asks `onCancel`
 * (the dialog closes only when `open` turns false, so the page decides).
 */
export function Modal(props: { open: boolean; onCancel: () => void; title: string; children: JSX.Element; "data-testid"?: string }) {
  let el!: HTMLDialogElement;
  createEffect(() => {
    if (props.open && !el.open) el.showModal();
    else if (!props.open && el.open) el.close();
  });
  onCleanup(() => el?.open && el.close());
  return (
    <dialog
      ref={el}
      aria-label={props.title}
      data-testid={props["data-testid"]}
      on:cancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 class="dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}
