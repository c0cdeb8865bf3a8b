import type { ComplaintDetail } from "../../graphql/complaint-detail.ts";
import { formatDateTime, translator } from "../../i18n/locale.ts";
import { detailLabel } from "./detail-labels.ts";
import { RecordTable, yesNo } from "./RecordTable.tsx";

const t = translator({
  plans: ["处理方案 (WF-2)", "Plans (WF-2)"],
  noPlans: ["尚无处理方案", "No plan yet"],
  cause: ["原因分析", "Cause analysis"],
  responsibility: ["责任方", "Responsibility"],
  plan: ["方案", "Plan"],
  promisedAt: ["承诺完成", "Promised by"],
  by: ["记录人", "Recorded by"],
  status: ["状态", "Status"],
  confirmedBy: ["确认人", "Confirmed by"],
  promises: ["承诺时间 (WF-3)", "Promises (WF-3)"],
  noPromises: ["尚无承诺时间", "No promise yet"],
  seq: ["次序", "#"],
  changeReason: ["变更原因", "Why changed"],
  reconfirmed: ["已与投诉人再确认", "Re-confirmed with the complainant"],
  kept: ["兑现", "Kept"],
  missed: ["未兑现", "Missed"],
  open: ["进行中", "Open"],
  confirmations: ["投诉人确认 (WF-4)", "Complainant's confirmations (WF-4)"],
  noConfirmations: ["尚无确认", "Not confirmed yet"],
  at: ["时间", "When"],
  who: ["确认人", "Who"],
  how: ["方式", "How"],
  satisfied: ["满意", "Satisfied"],
  yes: ["是", "Yes"],
  no: ["否", "No"],
  evidence: ["凭证", "Evidence"],
  signature: ["签字", "signature"],
  recording: ["录音", "recording"],
  note: ["说明", "Note"],
  escalations: ["升级 (WF-7)", "Escalations (WF-7)"],
  noEscalations: ["未升级", "Not escalated"],
  level: ["级别", "Level"],
  reason: ["原因", "Reason"],
  to: ["上报给", "To"],
  automatic: ["自动（超时）", "automatic (breach)"],
  decision: ["决定", "Decision"],
  claims: ["索赔 (WF-6)", "Claims (WF-6)"],
  noClaims: ["无索赔", "No claims"],
  amount: ["金额", "Amount"],
  opened: ["发起", "Opened"],
});

/** WF-2 plans, WF-3 promises, WF-4 confirmations, WF-7 escalations, WF-6 claims. */
export function HandlingRecords(props: { complaint: ComplaintDetail }) {
  const c = () => props.complaint;
  return (
    <>
      <RecordTable
        title={t("plans")}
        testid="plans"
        rows={c().plans}
        empty={t("noPlans")}
        columns={[
          { head: t("cause"), cell: (p) => p.causeAnalysis },
          { head: t("responsibility"), cell: (p) => detailLabel("Responsibility", p.responsibility) },
          { head: t("plan"), cell: (p) => p.plan },
          { head: t("promisedAt"), cell: (p) => formatDateTime(p.promisedAt) },
          { head: t("by"), cell: (p) => `${p.createdBy?.displayName ?? ""} ${formatDateTime(p.createdAt)}` },
          { head: t("status"), cell: (p) => detailLabel("PlanStatus", p.status) },
          { head: t("confirmedBy"), cell: (p) => (p.confirmedBy ? `${p.confirmedBy.displayName} ${formatDateTime(p.confirmedAt)}` : "—") },
        ]}
      />
      <RecordTable
        title={t("promises")}
        testid="promises"
        rows={c().promises}
        empty={t("noPromises")}
        rowClass={(p) => (p.missed ? "late" : "")}
        columns={[
          { head: t("seq"), cell: (p) => p.sequence, class: "num" },
          { head: t("promisedAt"), cell: (p) => formatDateTime(p.promisedAt) },
          { head: t("changeReason"), cell: (p) => p.changeReason ?? "—" },
          { head: t("by"), cell: (p) => `${p.recordedBy?.displayName ?? ""} ${formatDateTime(p.recordedAt)}` },
          { head: t("reconfirmed"), cell: (p) => (p.reconfirmedAt ? formatDateTime(p.reconfirmedAt) : "—") },
          { head: t("status"), cell: (p) => (p.missed ? t("missed") : p.keptAt ? `${t("kept")} ${formatDateTime(p.keptAt)}` : t("open")) },
        ]}
      />
      <AfterRecords complaint={c()} />
    </>
  );
}

/** WF-4 confirmations, WF-7 escalations and claims. */
function AfterRecords(props: { complaint: ComplaintDetail }) {
  const c = () => props.complaint;
  return (
    <>
      <RecordTable
        title={t("confirmations")}
        testid="confirmations"
        rows={c().confirmations}
        empty={t("noConfirmations")}
        columns={[
          { head: t("at"), cell: (x) => formatDateTime(x.confirmedAt) },
          { head: t("who"), cell: (x) => x.confirmedByName ?? "—" },
          { head: t("how"), cell: (x) => detailLabel("ConfirmationMethod", x.method) },
          { head: t("satisfied"), cell: (x) => yesNo(x.satisfied, t("yes"), t("no")) },
          {
            head: t("evidence"),
            cell: (x) => [x.hasSignature && t("signature"), x.hasRecording && t("recording")].filter(Boolean).join(", ") || "—",
          },
          { head: t("note"), cell: (x) => x.note ?? "—" },
        ]}
      />
      <RecordTable
        title={t("escalations")}
        testid="escalations"
        rows={c().escalations}
        empty={t("noEscalations")}
        columns={[
          { head: t("at"), cell: (e) => formatDateTime(e.at) },
          { head: t("level"), cell: (e) => e.level, class: "num" },
          { head: t("reason"), cell: (e) => `${e.reason ?? ""}${e.automatic ? ` (${t("automatic")})` : ""}` },
          { head: t("by"), cell: (e) => e.escalatedBy?.displayName ?? "—" },
          { head: t("to"), cell: (e) => e.escalatedTo?.displayName ?? "—" },
          { head: t("decision"), cell: (e) => (e.decision ? `${e.decision} (${formatDateTime(e.decidedAt)})` : "—") },
        ]}
      />
      <RecordTable
        title={t("claims")}
        testid="claims"
        rows={c().claims}
        empty={t("noClaims")}
        columns={[
          { head: t("opened"), cell: (x) => formatDateTime(x.createdAt) },
          { head: t("status"), cell: (x) => detailLabel("ClaimStatus", x.status) },
          { head: t("responsibility"), cell: (x) => detailLabel("Responsibility", x.responsibility) || "—" },
          { head: t("amount"), cell: (x) => (x.compensationAmount ? `${x.compensationAmount} ${x.currency}` : "—"), class: "num" },
        ]}
      />
    </>
  );
}
