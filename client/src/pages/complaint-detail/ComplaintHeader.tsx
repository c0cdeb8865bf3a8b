import { Show, type JSX } from "solid-js";
import type { ComplaintDetail } from "../../graphql/complaint-detail.ts";
import { label } from "../../i18n/labels.ts";
import { formatDateTime, translator } from "../../i18n/locale.ts";
import { detailLabel } from "./detail-labels.ts";
import { ComplaintLink, LikelyDuplicates } from "./LikelyDuplicates.tsx";

const t = translator({
  title: ["投诉 {no}", "Complaint {no}"],
  escalated: ["已升级 {n} 级", "Escalated {n} level(s)"],
  overdue: ["已超时", "Overdue"],
  kind: ["类型", "Kind"],
  category: ["类别", "Category"],
  severity: ["严重程度", "Severity"],
  validity: ["有效性", "Validity"],
  valid: ["有效投诉", "Valid"],
  invalid: ["无效投诉：{reason}", "Invalid: {reason}"],
  unclassified: ["未分类", "Not classified yet"],
  estate: ["项目", "Estate"],
  household: ["房屋", "Household"],
  location: ["位置", "Location"],
  channel: ["渠道", "Channel"],
  receivedAt: ["受理时间", "Received at"],
  receivedBy: ["受理人", "Received by"],
  complainant: ["投诉人", "Complainant"],
  contact: ["联系方式", "Contact"],
  anonymous: ["匿名", "Anonymous"],
  classification: ["密级", "Classification"],
  until: ["至 {at}", "until {at}"],
  escalation: ["升级级别", "Escalation level"],
  lead: ["责任部门", "Lead department"],
  assignee: ["负责人", "Responsible person"],
  promisedAt: ["承诺完成", "Promised by"],
  warranty: ["保修期内 / 开发商遗留", "In warranty / developer legacy"],
  exempt: ["免回访：{reason}", "No callback: {reason}"],
  content: ["投诉内容", "What the complainant said"],
  repeat: ["重复投诉 (REC-2)", "Repeat complaint (REC-2)"],
  repeatOf: ["前次：", "earlier: "],
  repeatRepair: ["重复维修 (REC-3，{n} 天内)", "Repeated repair (REC-3, within {n} days)"],
  causeRecorded: ["已记录原因", "cause recorded"],
  causeMissing: ["待记录原因或纠正措施", "cause or corrective action still needed"],
  duplicateOf: ["重复报告 (INT-4)，首次报告：", "Duplicate report (INT-4) of "],
  ackDue: ["书面投诉待回执 (INT-5)", "Written complaint: receipt not yet acknowledged (INT-5)"],
  none: ["—", "—"],
});

function Field(props: { label: string; children: JSX.Element; testid?: string }) {
  return (
    <div class="cd-field">
      <dt>{props.label}</dt>
      <dd data-testid={props.testid}>{props.children}</dd>
    </div>
  );
}

/** INT-2 registration, CLS-1…CLS-4 classification, SEC-1 level, WF-7 escalation, REC-2/REC-3/INT-4 flags. */
export function ComplaintHeader(props: { complaint: ComplaintDetail }) {
  const c = () => props.complaint;
  return (
    <header class="card cd-header" data-testid="complaint-header">
      <ComplaintTitle complaint={c()} />
      <ComplaintFlags complaint={c()} />
      <ComplaintFields complaint={c()} />
      <div class="cd-notes">
        <Show when={c().inWarranty}>
          <span class="flag">{t("warranty")}</span>
        </Show>
        <Show when={c().callbackExempt}>
          <span class="flag">{t("exempt", { reason: detailLabel("ExemptReason", c().exemptReason) })}</span>
        </Show>
      </div>
      <h2>{t("content")}</h2>
      {/* SEC-2, SEC-7: shown exactly as the server sends it (masked unless need-to-know). */}
      <p class="cd-content" data-testid="complaint-content">
        {c().content}
      </p>
      <LikelyDuplicates complaint={c()} />
    </header>
  );
}

/** The number, status, severity and the escalated and overdue badges (CLS-3, WF-7). */
function ComplaintTitle(props: { complaint: ComplaintDetail }) {
  const c = () => props.complaint;
  return (
    <div class="cd-title">
      <h1 data-testid="complaint-no">{t("title", { no: c().no })}</h1>
      <span class="badge status" data-testid="complaint-status" data-status={c().status}>
        {label("ComplaintStatus", c().status)}
      </span>
      <span
        class="badge"
        classList={{ missed: c().severity === "MAJOR", warn: c().severity === "IMPORTANT" }}
        data-testid="complaint-severity"
      >
        {label("ComplaintSeverity", c().severity)}
      </span>
      <Show when={c().escalated}>
        <span class="badge missed" data-testid="escalated">
          {t("escalated", { n: c().escalationLevel })}
        </span>
      </Show>
      <Show when={c().overdue}>
        <span class="badge missed">{t("overdue")}</span>
      </Show>
    </div>
  );
}

/** REC-2 repeat, REC-3 repeated repair, INT-4 duplicate and INT-5 acknowledgement flags. */
function ComplaintFlags(props: { complaint: ComplaintDetail }) {
  const c = () => props.complaint;
  return (
    <div class="cd-flags">
      <Show when={c().isRepeat}>
        <span class="flag" data-testid="flag-repeat">
          {t("repeat")}
          <Show when={c().repeatOf}>
            {(r) => (
              <>
                {" "}
                {t("repeatOf")}
                <ComplaintLink complaint={r()} />
              </>
            )}
          </Show>
        </span>
      </Show>
      <Show when={c().repeatRepair}>
        {(r) => (
          <span class="flag" data-testid="flag-repeat-repair">
            {t("repeatRepair", { n: r().windowDays })}
            <Show when={r().earlier}>
              {(e) => (
                <>
                  {" "}
                  {t("repeatOf")}
                  <ComplaintLink complaint={e()} />
                </>
              )}
            </Show>
            {" · "}
            {r().readyToResolve ? t("causeRecorded") : t("causeMissing")}
          </span>
        )}
      </Show>
      <Show when={c().duplicateOf}>
        {(d) => (
          <span class="flag" data-testid="flag-duplicate">
            {t("duplicateOf")}
            <ComplaintLink complaint={d()} />
          </span>
        )}
      </Show>
      <Show when={c().acknowledgementDue}>
        <span class="flag">{t("ackDue")}</span>
      </Show>
    </div>
  );
}

/** INT-2 registration, CLS-1…CLS-4 classification, SEC-1 level, WF-1/WF-7 handling as a list of fields. */
function ComplaintFields(props: { complaint: ComplaintDetail }) {
  const c = () => props.complaint;
  const category = () => (c().category ? [c().category!.parent?.name, c().category!.name].filter(Boolean).join(" › ") : t("none"));
  const validity = () =>
    c().valid == null ? t("unclassified") : c().valid ? t("valid") : t("invalid", { reason: c().invalidReason ?? "" });
  return (
    <dl class="cd-fields">
      <Field label={t("kind")} testid="complaint-kind">
        {label("ComplaintKind", c().kind) || t("none")}
      </Field>
      <Field label={t("category")} testid="complaint-category">
        {category()}
      </Field>
      <Field label={t("validity")}>{validity()}</Field>
      <Field label={t("estate")} testid="complaint-estate">
        {c().estate.name}
      </Field>
      <Field label={c().household ? t("household") : t("location")} testid="complaint-place">
        {c().household ? `${c().household!.building.name} ${c().household!.room} · ${c().household!.code}` : (c().location ?? t("none"))}
      </Field>
      <Field label={t("channel")} testid="complaint-channel">
        {label("ComplaintChannel", c().channel)}
      </Field>
      <Field label={t("receivedAt")} testid="complaint-received-at">
        {formatDateTime(c().receivedAt)}
      </Field>
      <Field label={t("receivedBy")}>{c().receivedBy?.displayName ?? t("none")}</Field>
      <Field label={t("complainant")} testid="complainant-name">
        {c().anonymous ? t("anonymous") : (c().complainantName ?? t("none"))}
      </Field>
      <Field label={t("contact")} testid="complainant-contact">
        {c().complainantContact ?? t("none")}
      </Field>
      <Field label={t("classification")} testid="complaint-classification">
        {label("Classification", c().classification)}
        <Show when={c().classifiedUntil}>
          {" "}
          <span class="muted">{t("until", { at: formatDateTime(c().classifiedUntil) })}</span>
        </Show>
      </Field>
      <Field label={t("escalation")} testid="complaint-escalation">
        {c().escalationLevel}
      </Field>
      <Field label={t("lead")}>{c().leadDepartment?.name ?? t("none")}</Field>
      <Field label={t("assignee")} testid="complaint-assignee">
        {c().assignee?.displayName ?? t("none")}
      </Field>
      <Field label={t("promisedAt")}>{c().promisedAt ? formatDateTime(c().promisedAt) : t("none")}</Field>
    </dl>
  );
}
