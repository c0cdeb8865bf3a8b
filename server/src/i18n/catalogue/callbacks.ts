import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of the callbacks area, [zh, en], `{name}` placeholders (i18n/messages.ts merges the areas).
 * Keys are unique across areas; an input error's stable code is its key in upper snake case.
 * No message quotes a protected value (SEC-1): what the customer said stays out of them.
 */
export const callbacksMessages = {
  // SEC-2: handling a callback needs the need to know its case.
  callbackNotHandled: [
    "您无权处理此回访（其密级或您的知悉范围不允许）",
    "You may not handle this callback (its classification or your need to know)",
  ],
  // CB-5…CB-7: recording a callback.
  callbackAlreadyRecorded: ["该回访已登记（{status}）", "This callback was already recorded ({status})"],
  callbackCalledAt: [
    "回访时间须在回访计划之后，且不能晚于当前时间",
    "The call was made after the callback was planned and not in the future",
  ],
  callbackFixedInPerson: [
    "此回访须上门进行（CB-11：扰民或重复维修）",
    "This callback is made in person (CB-11: a disruptive or repeated repair)",
  ],
  callbackMajorNotByPhone: [
    "重大投诉的后续回访不能以电话方式进行（CB-7）",
    "A follow-up callback of a major complaint is not made by phone (CB-7)",
  ],
  callbackNotReachedNoVerdict: ["未联系上客户时不能填写满意度、评分或新问题", "A customer not reached gives no verdict, ratings or issues"],
  callbackSatisfiedRequired: ["请填写客户是否满意（CB-6）", "Was the customer satisfied? (CB-6)"],
  callbackSignatureRequired: ["上门回访须附客户签字（CB-5）", "An in-person callback carries the customer's signature (CB-5)"],
  callbackRatedTwice: ["同一维度（{dimension}）评分了两次", "{dimension} is rated twice"],
  callbackRatingRange: ["评分须为 1 至 5", "A rating from 1 to 5"],
  callbackRatingMissing: ["请给出评分，或选择满意 / 不满意", "Give a rating or satisfied / dissatisfied"],
  callbackIssueReplyTimeRequired: [
    "未能当场答复的问题须填写承诺答复时间（CB-7）",
    "An issue not answered on the spot gets a promised reply time (CB-7)",
  ],
  callbackIssueReplyTimeFuture: ["承诺答复时间须晚于当前时间", "The promised reply time must be in the future"],
  // CB-10: reviewing a callback.
  callbackReviewBySupervisor: ["回访记录须由主管审核（CB-10）", "Callback records are reviewed by a supervisor (CB-10)"],
  callbackReviewNotMade: ["只有已进行的回访才能审核", "Only a callback that was made is reviewed"],
  callbackReviewNotOwn: ["回访须由回访人以外的人审核", "A callback is reviewed by someone other than the person who made it"],
  callbackAlreadyReviewed: ["该回访已审核", "Already reviewed"],
  // CB-8: exemption.
  callbackAlreadyExempt: ["该投诉已免回访（{reason}）", "Already exempt ({reason})"],
  // CB-9: open letters.
  openLetterEstate: [
    "请选择您范围内的项目（全公司的公开信仅限公司级人员发布）",
    "Give an estate of your scope (company-wide letters are for company-level staff)",
  ],
  openLetterNoComplaint: ["公开信至少须答复一件投诉", "An open letter answers at least one complaint"],
  openLetterComplaintsOutOfScope: ["其中 {count} 件投诉不在您的范围内", "{count} of the complaints are not in your scope"],
  openLetterComplaintsOutOfEstate: [
    "其中 {count} 件投诉不在您的范围内或不属于该项目",
    "{count} of the complaints are not in your scope or not of this estate",
  ],
  openLetterCompletionFuture: ["最早完成时间须晚于当前时间", "The earliest completion is in the future"],
  // CB-3, CB-4: drawing a callback sample.
  callbackSamplePeriodOrder: ["结束时间须晚于开始时间", "The period ends after it starts"],
  callbackSamplePeriodLength: ["抽样期间最长一年", "A sample covers at most a year"],
  callbackSampleEstateScope: ["您的管辖范围内没有此项目", "No such estate in your scope"],
  callbackSampleNameEstate: ["您的范围不含全部项目：请指定项目", "Your scope does not cover every estate: name the estate"],
  callbackSampleEventOnly: ["只有社区活动（EVENT）抽样才关联社区活动", "Only EVENT samples have a community event"],
  callbackSampleEventRequired: ["社区活动抽样须指定社区活动（CB-4）", "An EVENT sample needs its community event (CB-4)"],
  callbackSampleEventScope: ["您的范围内没有该社区活动", "No such community event in your scope"],
  callbackSampleEventEstate: ["该社区活动属于另一个项目", "The event belongs to another estate"],
  callbackSampleRate: ["比例须至少 0.0001、至多 1（0.35 即 35%）", "A share of at least 0.0001 and at most 1 (0.35 = 35%)"],
  callbackSampleNoPolicyRate: ["{kind} 抽样没有政策规定的比例：请填写比例", "No policy rate for {kind} samples: give the rate"],
  callbackSampleDueAt: ["回访截止时间须晚于抽样期间的开始", "The callbacks fall due after the period begins"],
  callbackSampleAssignee: ["没有负责该抽样项目的在职员工", "No active staff member working on the sample's estates"],
  callbackSampleOverlap: ["与之重叠期间的 {kind} 抽样已存在（{id}）", "A {kind} sample of an overlapping period exists already ({id})"],
} as const satisfies Record<string, Bilingual>;
