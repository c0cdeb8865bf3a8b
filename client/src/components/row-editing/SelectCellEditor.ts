import type { ICellEditorComp, ICellEditorParams, SuppressKeyboardEventParams } from "ag-grid-community";

export interface SelectCellEditorParams {
  /** The options, in order; `null` is an option too (blank). */
  values: readonly unknown[];
  /** Each option's text; typing its first characters picks it. */
  format: (value: unknown) => string;
}

/**
 * A cell editor constrained to a list of options, on a native <select> so that the keyboard is
 * fast: typing an option's first character picks it (an answer's score, "n" for not applicable),
 * Tab goes to the next cell and Enter commits the row. The key that started the edit already
 * picks: focus a cell and type "4".
 */
export class SelectCellEditor implements ICellEditorComp {
  private select!: HTMLSelectElement;
  private values: readonly unknown[] = [];
  /** Only the cell the edit started on takes the focus (full-row editing opens every cell). */
  private focusOnAttach = false;

  init(params: ICellEditorParams & SelectCellEditorParams): void {
    this.values = params.values;
    this.focusOnAttach = params.cellStartedEdit;
    this.select = document.createElement("select");
    this.select.className = "select-cell-editor";
    this.select.setAttribute("aria-label", params.colDef.headerName ?? "");
    params.values.forEach((v, i) => {
      const option = document.createElement("option");
      option.value = String(i);
      option.textContent = params.format(v);
      this.select.append(option);
    });
    const current = params.values.indexOf(params.value);
    this.select.selectedIndex = current >= 0 ? current : params.values.indexOf(null);
    const key = params.cellStartedEdit ? params.eventKey : null;
    if (key === "Backspace" || key === "Delete") this.select.selectedIndex = params.values.indexOf(null);
    else if (key && key.length === 1) {
      const typed = key.toLowerCase();
      const hit = params.values.findIndex((v) => params.format(v).toLowerCase().startsWith(typed));
      if (hit >= 0) this.select.selectedIndex = hit;
    }
  }

  getGui(): HTMLElement {
    return this.select;
  }

  afterGuiAttached(): void {
    if (this.focusOnAttach) this.select.focus();
  }

  focusIn(): void {
    this.select.focus();
  }

  getValue(): unknown {
    return this.select.selectedIndex >= 0 ? this.values[this.select.selectedIndex] : null;
  }

  isPopup(): boolean {
    return false;
  }
}

/** Up and Down change the option while editing instead of moving to another row. */
export function keepArrowsInSelect(p: SuppressKeyboardEventParams): boolean {
  return p.editing && (p.event.key === "ArrowUp" || p.event.key === "ArrowDown");
}
