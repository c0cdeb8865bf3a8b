import { Show } from "solid-js";
import { ExportForm } from "../../components/interchange/ExportForm.tsx";
import { EXPORT_PERMISSION, IMPORT_PERMISSION } from "../../components/interchange/kinds.ts";
import { INTERCHANGE_KINDS } from "../../graphql/interchange.ts";
import { translator } from "../../i18n/locale.ts";
import { useSession } from "../../session/session.tsx";
import { ImportForm } from "./ImportForm.tsx";
import "./import.css";

const t = translator({
  title: ["导入导出", "Import / export"],
  import: ["导入", "Import"],
  export: ["导出", "Export"],
  exportNote: [
    "按交换格式导出，可再次导入。没有导出审批时，个人信息和投诉内容脱敏；每次导出都记入访问日志。",
    "Files in the interchange layout, which import again. Without an export approval personal data and complaint content are masked; every export is written to the access log.",
  ],
});

/** SPEC §13: spreadsheets in (the kinds the role may write) and out (the kinds it may read). */
export default function ImportPage(_props: { params: Record<string, string> }) {
  const session = useSession();
  const importKinds = () => INTERCHANGE_KINDS.filter((k) => session.can(IMPORT_PERMISSION[k]));
  const exportKinds = () => INTERCHANGE_KINDS.filter((k) => EXPORT_PERMISSION[k] === null || session.can(EXPORT_PERMISSION[k]!));
  return (
    <section class="interchange">
      <h1>{t("title")}</h1>
      <Show when={importKinds().length}>
        <section class="card">
          <h2>{t("import")}</h2>
          <ImportForm kinds={importKinds()} />
        </section>
      </Show>
      <section class="card">
        <h2>{t("export")}</h2>
        <p class="muted">{t("exportNote")}</p>
        <ExportForm kinds={exportKinds()} data-testid="export-form" />
      </section>
    </section>
  );
}
