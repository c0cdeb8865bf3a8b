/**
 * Issue 15 item 17: concurrent edits never silently overwrite each other. A mutation that changes
 * a stored record carries the version the caller read (a `version` argument or input field) and
 * is refused with a conflict when the record moved on. A mutation without one must say here why
 * it cannot lose anyone's write; a test (test/security/concurrency.test.ts) fails when a mutation
 * is neither versioned nor declared, or a declaration names no mutation.
 */
export type Discipline =
  /** It only adds rows (a new record, event, answer or revision); nothing stored is changed. */
  | "APPEND_ONLY"
  /** It sets a field once, by compare-and-set on "not set yet"; a second or concurrent call is refused or changes nothing. */
  | "ONCE"
  /** The caller's own session or settings: nobody else writes them. */
  | "OWN"
  /**
   * It sets a state the caller names outright (not a value derived from one read), so the same call
   * twice leaves the same result; it raises the record's version, so a form read before it is refused.
   */
  | "STATED"
  /** It replaces a credential by design (a new temporary password); nothing a person entered is overwritten. */
  | "NEW_SECRET";

export const UNVERSIONED_MUTATIONS: Record<string, { discipline: Discipline; why: string }> = {
  // Issue 17: company setup and administration.
  setUpOrganization: { discipline: "ONCE", why: "issue 17: only while no organisation exists (advisory lock in the database function)" },
  changeMyPassword: { discipline: "OWN", why: "issue 17: the caller's own password, checked against the current one" },
  createEstate: { discipline: "APPEND_ONLY", why: "issue 17: a new estate (code unique)" },
  createOffice: { discipline: "APPEND_ONLY", why: "issue 17: a new office (code unique)" },
  createBuilding: { discipline: "APPEND_ONLY", why: "issue 17: a new building (name unique in its estate)" },
  createUnit: { discipline: "APPEND_ONLY", why: "issue 17: a new unit (name unique in its building)" },
  createHousehold: { discipline: "APPEND_ONLY", why: "issue 17: a new household (code unique)" },
  createDepartment: { discipline: "APPEND_ONLY", why: "issue 17: a new department (code unique)" },
  createStaff: { discipline: "APPEND_ONLY", why: "issue 17: a new account (login unique)" },
  moveStaffToDepartment: {
    discipline: "STATED",
    why: "issue 17: puts the named accounts in the named department; each account's version is raised",
  },
  resetPassword: { discipline: "NEW_SECRET", why: "issue 17: a new temporary password; the account's sessions end" },
  revokeSession: { discipline: "ONCE", why: "issue 17: a session is revoked once; revoking a revoked one changes nothing" },
  addCaseLibraryEntry: { discipline: "APPEND_ONLY", why: "REC-4: a new case entry" },
  addComplaintAttachment: { discipline: "APPEND_ONLY", why: "INT-2: a new attachment" },
  archiveHotlineRecording: { discipline: "ONCE", why: "INT-6: archived once (updateMany where not archived)" },
  copyArchive: { discipline: "APPEND_ONLY", why: "SEC-3: a tracked copy" },
  createApiToken: { discipline: "APPEND_ONLY", why: "a new token" },
  createCategory: { discipline: "APPEND_ONLY", why: "CLS-4: a new category" },
  createCorrectiveAction: { discipline: "APPEND_ONLY", why: "REC-1: a new action" },
  createQuestionnaire: { discipline: "APPEND_ONLY", why: "SUR-6: a new questionnaire" },
  createSurveyCampaign: { discipline: "APPEND_ONLY", why: "SUR-1: a new campaign" },
  createVisitPlan: { discipline: "APPEND_ONLY", why: "VIS-1: one plan per office and month (unique)" },
  decideEscalation: { discipline: "ONCE", why: "WF-7: decided once (updateMany where not decided)" },
  designate: { discipline: "APPEND_ONLY", why: "SEC-2: a new designation" },
  discloseArchiveToInquiry: { discipline: "APPEND_ONLY", why: "SEC-4: a logged disclosure" },
  drawCallbackSample: { discipline: "APPEND_ONLY", why: "CB-3: a new sample (overlapping periods refused)" },
  drawSurveySample: { discipline: "APPEND_ONLY", why: "SUR-2: one sample per campaign and estate (unique)" },
  importFile: {
    discipline: "APPEND_ONLY",
    why: "§13: amendments of stored rows raise their versions inside the import's transaction (SEC-6)",
  },
  openClaim: { discipline: "APPEND_ONLY", why: "WF-6: a new claim" },
  planPostSurveyTasks: { discipline: "APPEND_ONLY", why: "SUR-5: new tasks" },
  planSurveyFollowups: { discipline: "APPEND_ONLY", why: "SUR-3: new follow-up callbacks" },
  publishOpenLetter: { discipline: "APPEND_ONLY", why: "CB-9: a new letter" },
  raiseNonconformity: { discipline: "APPEND_ONLY", why: "VIS-2: a new report" },
  recordDailyReview: { discipline: "APPEND_ONLY", why: "WF-8: one review per complaint and day (createMany, duplicates skipped)" },
  recordSurveyHandouts: { discipline: "APPEND_ONLY", why: "SUR-3: new hand-outs" },
  recordSurveyOpenLetter: { discipline: "APPEND_ONLY", why: "SUR-5: a new letter" },
  recordSurveyResponses: { discipline: "APPEND_ONLY", why: "SUR-6: a returned questionnaire's answers" },
  recordTenantMeeting: { discipline: "APPEND_ONLY", why: "SUR-7: a new meeting" },
  recordVisit: { discipline: "APPEND_ONLY", why: "VIS-1: a new visit (amendVisitRecord is versioned)" },
  registerComplaint: { discipline: "APPEND_ONLY", why: "INT-1: a new complaint" },
  registerGovernmentInquiry: { discipline: "APPEND_ONLY", why: "SEC-4: a new inquiry" },
  registerHotlineRecording: { discipline: "APPEND_ONLY", why: "INT-6: a new recording" },
  requestApproval: { discipline: "APPEND_ONLY", why: "SEC-3: a new request (deciding it is versioned)" },
  reviseQuestionnaire: { discipline: "APPEND_ONLY", why: "SUR-6: a new revision; the frozen one stays" },
  revokeApiToken: { discipline: "ONCE", why: "revoked once; a second revocation changes nothing" },
  revokeApproval: { discipline: "ONCE", why: "SEC-3: on the version read (updateMany where version)" },
  revokeDesignation: { discipline: "ONCE", why: "SEC-2: revoked once (updateMany where not revoked)" },
  runArchiveCheck: { discipline: "APPEND_ONLY", why: "SEC-8: a new check with its findings" },
  savePreference: { discipline: "OWN", why: "the caller's own grid layouts and settings" },
  setPolicyValue: { discipline: "APPEND_ONLY", why: "§6-§11: a new effective-dated value; the one in force is bounded, never edited" },
  signIn: { discipline: "OWN", why: "a new session of the caller" },
  signOut: { discipline: "OWN", why: "ends the caller's own session" },
};
