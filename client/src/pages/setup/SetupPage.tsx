import { createMutation } from "@urql/solid";
import { createEffect, createSignal, For, type JSX, onCleanup, Show } from "solid-js";
import { requestErrorText } from "../../graphql/error-text.ts";
import { SetUpOrganizationMutation } from "../../graphql/setup.ts";
import { locale, setLocale, translator } from "../../i18n/locale.ts";

const t = translator({
  title: ["首次设置", "First-run setup"],
  intro: [
    "本系统还没有任何组织。请填写贵公司的信息并设置第一位系统管理员；设置完成后用该账号登录，再创建员工和项目、导入房屋与历史投诉。",
    "This installation has no organisation yet. Enter your company and its first administrator; then sign in with that account, create the staff and estates, and import the households and complaint history.",
  ],
  company: ["公司", "Company"],
  name: ["组织名称", "Organisation name"],
  code: ["组织代码", "Organisation code"],
  codeHelp: [
    "2-20 位大写字母、数字、- 或 _，以字母开头，如 HUATING；多个组织共用一套系统时登录需填写",
    "2-20 capital letters, digits, - or _, starting with a letter (e.g. HUATING); typed at sign-in when several organisations share the installation",
  ],
  timezone: ["时区", "Timezone"],
  timezoneHelp: ["项目和工作日历默认使用此时区", "The default of estates and the working calendar"],
  admin: ["系统管理员", "Administrator"],
  login: ["登录名", "Login"],
  loginHelp: ["小写字母、数字、. - _", "Lower-case letters, digits, . - _"],
  adminName: ["姓名", "Name"],
  password: ["密码", "Password"],
  passwordHelp: [
    "至少 10 个字符，不能是常见密码，不能包含登录名",
    "At least 10 characters, not a common password, not containing the login",
  ],
  password2: ["再次输入密码", "Password again"],
  mismatch: ["两次输入的密码不一致", "The two passwords differ"],
  submit: ["创建组织", "Create the organisation"],
  failed: ["设置失败", "Setup failed"],
  shipped: [
    "将一并创建：标准工作日历（周一至周五 8:30-12:00、13:30-17:30，含法定节假日与调休）和规范中的默认时限与目标值，均可在设置中修改。",
    "Created with it: the standard working calendar (Monday to Friday 8:30-12:00 and 13:30-17:30, with the statutory holidays and make-up days) and the default time limits and targets of the specification, all editable later.",
  ],
});

type Field = "name" | "code" | "timezone" | "adminLogin" | "adminName" | "adminPassword" | "adminPassword2";
type Created = { code: string; adminLogin: string };

/** The IANA zones the browser knows, Asia/Shanghai first (the default of SPEC §6). */
function zones(): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return ["Asia/Shanghai", ...all.filter((z) => z !== "Asia/Shanghai")];
}

const EMPTY: Record<Field, string> = {
  name: "",
  code: "",
  timezone: "Asia/Shanghai",
  adminLogin: "",
  adminName: "",
  adminPassword: "",
  adminPassword2: "",
};

/** The form's state: values, each field's problem, the submission (setUpOrganization). */
function useSetupForm(onDone: (result: Created) => void) {
  const [values, setValues] = createSignal<Record<Field, string>>({ ...EMPTY });
  const [problems, setProblems] = createSignal<Partial<Record<Field, string>>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [state, setUp] = createMutation(SetUpOrganizationMutation);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    const { adminPassword2, ...input } = values();
    if (input.adminPassword !== adminPassword2) return setProblems({ adminPassword2: t("mismatch") });
    setProblems({});
    const r = await setUp({ input });
    const payload = r.data?.setUpOrganization;
    if (payload?.__typename === "MutationSetUpOrganizationSuccess") return onDone(payload.data);
    if (payload?.__typename === "InputError") {
      const byField: Partial<Record<Field, string>> = {};
      for (const p of payload.problems) byField[p.field.replace(/^input\./, "") as Field] ??= p.message;
      return setProblems(byField);
    }
    setError(payload && "message" in payload ? payload.message : r.error ? requestErrorText(r.error) : t("failed"));
  };
  /** The attributes of a field's control: its value, its problem (aria-invalid) and its help. */
  const control = (name: Field, help = false) => ({
    id: `f-${name}`,
    name,
    value: values()[name],
    "aria-invalid": Boolean(problems()[name]),
    "aria-describedby": problems()[name] ? `${name}-error` : help ? `${name}-help` : undefined,
    onInput: (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setValues({ ...values(), [name]: e.currentTarget.value }),
  });
  return { problems, error, state, submit, control };
}

type Form = ReturnType<typeof useSetupForm>;

/** A labelled control with its problem (or its help) underneath. */
function SetupField(props: { form: Form; name: Field; label: string; help?: string; children: JSX.Element }) {
  return (
    <div class="setup-field">
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.children}
      <Show
        when={props.form.problems()[props.name]}
        fallback={
          <Show when={props.help}>
            <small class="muted" id={`${props.name}-help`}>
              {props.help}
            </small>
          </Show>
        }
      >
        <small class="error" role="alert" id={`${props.name}-error`} data-testid={`problem-${props.name}`}>
          {props.form.problems()[props.name]}
        </small>
      </Show>
    </div>
  );
}

function CompanyFields(props: { form: Form }) {
  const f = props.form;
  return (
    <fieldset>
      <legend>{t("company")}</legend>
      <SetupField form={f} name="name" label={t("name")}>
        <input {...f.control("name")} autocomplete="organization" />
      </SetupField>
      <SetupField form={f} name="code" label={t("code")} help={t("codeHelp")}>
        <input {...f.control("code", true)} autocapitalize="characters" />
      </SetupField>
      <SetupField form={f} name="timezone" label={t("timezone")} help={t("timezoneHelp")}>
        <select {...f.control("timezone", true)}>
          <For each={zones()}>{(z) => <option value={z}>{z}</option>}</For>
        </select>
      </SetupField>
    </fieldset>
  );
}

function AdminFields(props: { form: Form }) {
  const f = props.form;
  return (
    <fieldset>
      <legend>{t("admin")}</legend>
      <SetupField form={f} name="adminLogin" label={t("login")} help={t("loginHelp")}>
        <input {...f.control("adminLogin", true)} autocomplete="username" autocapitalize="none" />
      </SetupField>
      <SetupField form={f} name="adminName" label={t("adminName")}>
        <input {...f.control("adminName")} autocomplete="name" />
      </SetupField>
      <SetupField form={f} name="adminPassword" label={t("password")} help={t("passwordHelp")}>
        <input {...f.control("adminPassword", true)} type="password" autocomplete="new-password" />
      </SetupField>
      <SetupField form={f} name="adminPassword2" label={t("password2")}>
        <input {...f.control("adminPassword2")} type="password" autocomplete="new-password" />
      </SetupField>
    </fieldset>
  );
}

/**
 * Issue 17 item 1: the first-run page — shown while the installation has no organisation. Creates
 * the organisation and its first administrator (setUpOrganization); every bad field shows its
 * message next to it; on success the administrator is taken to sign-in with the login filled in.
 */
export function SetupPage(props: { onDone: (result: Created) => void }) {
  const form = useSetupForm((r) => props.onDone(r));
  createEffect(() => {
    const before = document.title;
    document.title = `${t("title")} · 听见 Tingjian`;
    onCleanup(() => {
      document.title = before;
    });
  });
  return (
    <form class="card sign-in setup" onSubmit={form.submit} data-testid="setup" noValidate>
      <style>{SETUP_CSS}</style>
      <div class="setup-head">
        <h1>听见 Tingjian · {t("title")}</h1>
        <select
          aria-label="Language"
          data-testid="language"
          value={locale()}
          onChange={(e) => setLocale(e.currentTarget.value as "zh-CN" | "en")}
        >
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </div>
      <p class="muted">{t("intro")}</p>
      <CompanyFields form={form} />
      <AdminFields form={form} />
      <p class="muted">{t("shipped")}</p>
      <Show when={form.error()}>
        <p class="error" role="alert" data-testid="setup-error">
          {form.error()}
        </p>
      </Show>
      <button type="submit" class="primary" disabled={form.state.fetching}>
        {t("submit")}
      </button>
    </form>
  );
}

/** The page's own layout (the shared sign-in card, wider, with 44 px touch targets). */
const SETUP_CSS = `
.setup { max-width: 560px; margin: 5vh auto; }
.setup-head { display: flex; gap: 12px; align-items: flex-start; justify-content: space-between; flex-wrap: wrap; }
.setup-head h1 { margin: 0; }
.setup fieldset { display: flex; flex-direction: column; gap: 12px; }
.setup legend { font-weight: 600; margin-bottom: 8px; }
.setup-field { display: flex; flex-direction: column; gap: 4px; }
.setup input, .setup select, .setup button { min-height: 44px; }
.setup small { font-size: 12px; }
@media (max-width: 640px) { .setup { margin: 0; border-radius: 0; border-left: 0; border-right: 0; } }
`;
