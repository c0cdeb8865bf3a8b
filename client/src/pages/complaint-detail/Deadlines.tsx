import { For, Show } from "solid-js";
import type { SlaStage } from "../../graphql/complaint-detail.ts";
import { formatDateTime, translator } from "../../i18n/locale.ts";
import { Empty } from "../../components/States.tsx";
import { createNow, formatDuration, remaining } from "./countdown.ts";
import { detailLabel, ruleName } from "./detail-labels.ts";

const t = translator({
  title: ["时限", "Deadlines"],
  overdue: ["已超时", "Overdue"],
  paused: ["计时已暂停（等待客户）", "Clock paused (waiting for the customer)"],
  none: ["没有正在计时的时限", "No deadline is running"],
  rule: ["规则", "Rule"],
  clock: ["计时方式", "Clock"],
  started: ["开始", "Started"],
  due: ["截止", "Due"],
  left: ["剩余", "Time left"],
  status: ["状态", "Status"],
  finished: ["完成", "Finished"],
  all: ["全部时限（{n}）", "Every time limit ({n})"],
  pausedSince: ["自 {at} 暂停", "paused since {at}"],
  pausedFor: ["累计暂停 {d}", "paused {d} in all"],
  tipWorking: [
    "上行按自然时间倒数至截止时间；下行为加载时剩余的工作时间（按项目的工作日历：工作时段、周末、法定节假日及调休）",
    "Above: wall time to the deadline, counting down; below: working time left when the page was loaded (on the estate's working calendar: working hours, weekends, holidays and make-up days)",
  ],
  workingLeft: ["工作时间剩余 {d}", "{d} of working time left"],
  workingOver: ["工作时间已超 {d}", "{d} of working time late"],
  tipWall: ["按自然时间（24×7）倒数至截止时间", "Counted down in wall time (24 × 7) to the deadline"],
  tipPaused: [
    "计时已暂停（等待客户）：截止时间按暂停顺延，显示的是加载时的剩余时间",
    "The clock is paused (waiting for the customer): the deadline moves with the pause; the time left is as of loading",
  ],
});

/** §6: the running and paused deadlines with a live countdown, and every stage below. */
export function Deadlines(props: { open: SlaStage[]; all: SlaStage[]; overdue: boolean; paused: boolean; loadedAt: number }) {
  const now = createNow();
  return (
    <section class="card cd-section" data-testid="deadlines">
      <h2>
        {t("title")}{" "}
        <Show when={props.overdue}>
          <span class="badge missed" data-testid="overdue">
            {t("overdue")}
          </span>
        </Show>{" "}
        <Show when={props.paused}>
          <span class="badge paused" data-testid="clock-paused">
            {t("paused")}
          </span>
        </Show>
      </h2>
      <Show when={props.open.length > 0} fallback={<Empty>{t("none")}</Empty>}>
        <table class="table">
          <thead>
            <tr>
              <th>{t("rule")}</th>
              <th>{t("clock")}</th>
              <th>{t("started")}</th>
              <th>{t("due")}</th>
              <th>{t("left")}</th>
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.open}>{(s) => <OpenDeadline stage={s} now={now()} loadedAt={props.loadedAt} />}</For>
          </tbody>
        </table>
      </Show>
      <Show when={props.all.length > 0}>
        <AllStages all={props.all} />
      </Show>
    </section>
  );
}

/** A running or paused stage: wall-time countdown (a paused one as of loading) and the working time left. */
function OpenDeadline(props: { stage: SlaStage; now: number; loadedAt: number }) {
  const s = () => props.stage;
  const paused = () => s().status === "PAUSED" || !!s().pausedSince;
  const left = () => remaining(s().deadlineAt, paused() ? props.loadedAt : props.now);
  const late = () => s().overdue || s().status === "BREACHED" || left().late;
  return (
    <tr classList={{ late: late() }} data-testid="deadline" data-rule={s().rule} data-stage={s().stage}>
      <td>{ruleName(s().rule, s().stage)}</td>
      <td>{detailLabel("SlaClock", s().clock)}</td>
      <td>{formatDateTime(s().startedAt)}</td>
      <td data-testid="deadline-due" data-at={s().deadlineAt}>
        {formatDateTime(s().deadlineAt)}
      </td>
      <td
        class="countdown"
        data-testid="countdown"
        title={paused() ? t("tipPaused") : s().clock === "WORKING" ? t("tipWorking") : t("tipWall")}
      >
        {left().text}
        <span class="tip-mark" aria-hidden="true">
          ⓘ
        </span>
        <Show when={s().clock === "WORKING" && s().remainingMinutes !== null}>
          <div class="muted small" data-testid="working-left" data-minutes={s().remainingMinutes}>
            {s().remainingMinutes! >= 0
              ? t("workingLeft", { d: formatDuration(s().remainingMinutes! * 60_000) })
              : t("workingOver", { d: formatDuration(s().remainingMinutes! * 60_000) })}
          </div>
        </Show>
      </td>
      <td>
        <span class="badge" classList={{ missed: late(), paused: paused() }}>
          {detailLabel("SlaStageStatus", paused() ? "PAUSED" : s().status)}
        </span>
        <Show when={s().pausedSince}>
          <div class="muted small">{t("pausedSince", { at: formatDateTime(s().pausedSince) })}</div>
        </Show>
      </td>
    </tr>
  );
}

/** Every stage of the complaint, finished or not, folded away. */
function AllStages(props: { all: SlaStage[] }) {
  return (
    <details class="cd-more" data-testid="all-stages">
      <summary>{t("all", { n: props.all.length })}</summary>
      <table class="table">
        <thead>
          <tr>
            <th>{t("rule")}</th>
            <th>{t("clock")}</th>
            <th>{t("started")}</th>
            <th>{t("due")}</th>
            <th>{t("finished")}</th>
            <th>{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.all}>
            {(s) => (
              <tr classList={{ late: s.status === "BREACHED" || s.overdue }}>
                <td>{ruleName(s.rule, s.stage)}</td>
                <td>{detailLabel("SlaClock", s.clock)}</td>
                <td>{formatDateTime(s.startedAt)}</td>
                <td>{formatDateTime(s.deadlineAt)}</td>
                <td>{formatDateTime(s.finishedAt)}</td>
                <td>
                  <span class="badge" classList={{ met: s.status === "MET", missed: s.status === "BREACHED" || s.overdue }}>
                    {detailLabel("SlaStageStatus", s.status)}
                  </span>
                  <Show when={s.pausedSeconds > 0}>
                    <div class="muted small">{t("pausedFor", { d: formatDuration(s.pausedSeconds * 1000) })}</div>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </details>
  );
}
