import type { ICellEditorComp, ICellEditorParams } from "ag-grid-community";

/** A file sent inline, as the API's FileUpload input takes it. */
export interface InlineFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface FileCellEditorParams {
  /** e.g. "image/*,application/pdf" */
  accept?: string;
  /** The button's text. */
  label: string;
  /** Shown while the file is read. */
  reading: string;
}

/**
 * A cell editor that picks a file and holds it as an InlineFile (a customer's signature, CB-5).
 * The file is read when chosen; the row's commit sends it with the rest of the row.
 */
export class FileCellEditor implements ICellEditorComp {
  private gui!: HTMLElement;
  private input!: HTMLInputElement;
  private name!: HTMLSpanElement;
  private value: InlineFile | null = null;
  private focusOnAttach = false;

  init(params: ICellEditorParams & FileCellEditorParams): void {
    this.value = (params.value as InlineFile | null) ?? null;
    this.focusOnAttach = params.cellStartedEdit;
    this.gui = document.createElement("label");
    this.gui.className = "file-cell-editor";
    this.input = document.createElement("input");
    this.input.type = "file";
    this.input.accept = params.accept ?? "";
    this.input.setAttribute("aria-label", params.label);
    this.input.dataset.testid = "file-cell-input";
    this.name = document.createElement("span");
    this.name.textContent = this.value?.fileName ?? params.label;
    this.gui.append(this.input, this.name);
    this.input.addEventListener("change", () => {
      const file = this.input.files?.[0];
      if (!file) return;
      this.name.textContent = params.reading;
      const reader = new FileReader();
      reader.onload = () => {
        const url = String(reader.result);
        this.value = {
          fileName: file.name,
          mimeType: file.type || "application/octet-stream",
          contentBase64: url.slice(url.indexOf(",") + 1),
        };
        this.name.textContent = file.name;
      };
      reader.readAsDataURL(file);
    });
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    if (this.focusOnAttach) this.input.focus();
  }

  focusIn(): void {
    this.input.focus();
  }

  getValue(): InlineFile | null {
    return this.value;
  }

  isPopup(): boolean {
    return false;
  }
}
