/**
 * Labels of the slices that are enum values (INT-1 channels, CLS-3 severities), in the language
 * of the seeds' reports. Pure.
 */
export const CHANNEL_LABELS: Record<string, string> = {
  VISIT: "来访",
  PHONE: "电话",
  LETTER: "信函",
  FAX: "传真",
  WEB: "网络",
  DEPARTMENT: "部门转来",
  CALLBACK: "回访中提出",
  SURVEY: "调查中提出",
};

export const SEVERITY_LABELS: Record<string, string> = { GENERAL: "一般", IMPORTANT: "重要", MAJOR: "重大" };

export const NOT_SET_LABEL = "未设定";
