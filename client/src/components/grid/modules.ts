import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CsvExportModule,
  CustomEditorModule,
  DateEditorModule,
  DateFilterModule,
  EventApiModule,
  GridStateModule,
  InfiniteRowModelModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  NumberEditorModule,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  UndoRedoEditModule,
  ValidationModule,
} from "ag-grid-community";

let registered = false;

/**
 * Only the modules the ledgers use (STACK.md: ≈ 25% smaller than AllCommunityModule); the
 * validation module, which explains misconfigurations, only in development.
 */
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    ClientSideRowModelApiModule,
    InfiniteRowModelModule,
    TextEditorModule,
    LargeTextEditorModule,
    NumberEditorModule,
    SelectEditorModule,
    DateEditorModule,
    CustomEditorModule,
    UndoRedoEditModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    RowApiModule,
    ScrollApiModule,
    ColumnApiModule,
    CellApiModule,
    RenderApiModule,
    EventApiModule,
    ColumnAutoSizeModule,
    RowSelectionModule,
    RowStyleModule,
    CellStyleModule,
    TooltipModule,
    LocaleModule,
    GridStateModule,
    CsvExportModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}
