import type { Bilingual } from "../bilingual.ts";

/**
 * Messages of company administration (issue 17): places. [zh, en], `{name}` placeholders
 * (i18n/messages.ts merges the areas). Keys are unique across areas; an input error's stable code
 * is its key in upper snake case.
 */
export const adminPlacesMessages = {
  // Estates, offices, buildings, units and households (services/places/).
  placeCodeFormat: [
    "编号由大写字母和数字组成，各部分以连字符连接（如 LX-3-2-1201）",
    "code is upper-case letters and digits, parts joined by hyphens (e.g. LX-3-2-1201)",
  ],
  estateCodeTaken: ["项目编号 {code} 已被使用", "The estate code {code} is taken"],
  officeCodeTaken: ["管理处编号 {code} 已被使用", "The office code {code} is taken"],
  householdCodeTaken: ["房屋编号 {code} 已被使用", "The household code {code} is taken"],
  buildingNameTaken: ["该项目已有名为 {name} 的楼栋", "The estate already has a building named {name}"],
  unitNameTaken: ["该楼栋已有名为 {name} 的单元", "The building already has a unit named {name}"],
  placeEstateNeedsAllEstates: ["只有管辖全部项目的账号才能新建项目", "Only an account over every estate may create an estate"],
  placeTimezone: ["须为 IANA 时区名称，如 Asia/Shanghai", "timezone must be an IANA timezone name such as Asia/Shanghai"],
  placeNoSuchCalendar: ["没有此工作日历", "No such working calendar"],
  placeNoSuchBuilding: ["该项目没有此楼栋", "No such building in the estate"],
  placeNoSuchUnit: ["该楼栋没有此单元", "No such unit in the building"],
  placeNoSuchDirector: ["没有此员工", "No such staff member"],
  placeSortOrder: ["排序须为 0 至 100000 之间的整数", "sortOrder must be a whole number from 0 to 100000"],
  placeArea: ["面积须为大于 0、不超过 100000 的数（平方米）", "area must be a number of square metres above 0 and at most 100000"],
  placeMoveInFuture: ["入住日期不能晚于今天", "moveInDate must not be after today"],
  placeParentInactive: ["{what}已停用：其下不能新增或启用任何内容", "The {what} is deactivated: nothing new goes under it"],
  placeActiveChildren: [
    "请先停用其下启用中的{what}（{count} 个），或通过导入批量停用",
    "Deactivate its {count} active {what} first (or in bulk through the import)",
  ],
  placeAlreadyActive: ["已是启用状态", "It is active already"],
  placeAlreadyInactive: ["已是停用状态", "It is deactivated already"],
  placeInactiveNoEdit: [
    "已停用的记录只作历史保留：请先启用再修改",
    "A deactivated record is kept for history: reactivate it before editing",
  ],
  // Nouns of the messages above.
  placeNounEstate: ["项目", "estate"],
  placeNounOffices: ["管理处", "offices"],
  placeNounBuilding: ["楼栋", "building"],
  placeNounBuildings: ["楼栋", "buildings"],
  placeNounUnit: ["单元", "unit"],
  placeNounUnits: ["单元", "units"],
  placeNounHouseholds: ["房屋", "households"],
} as const satisfies Record<string, Bilingual>;
