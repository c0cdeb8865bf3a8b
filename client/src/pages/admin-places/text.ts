import { translator } from "../../i18n/locale.ts";

/** Issue 17 item 2: the words of the places administration pages, in Chinese and English. */
export const t = translator({
  places: ["场所管理", "Places"],
  estates: ["项目", "Estates"],
  estate: ["项目", "Estate"],
  offices: ["管理处", "Offices"],
  buildings: ["楼栋", "Buildings"],
  units: ["单元", "Units"],
  households: ["房屋", "Households"],
  code: ["编号", "Code"],
  name: ["名称", "Name"],
  kind: ["类型", "Kind"],
  timezone: ["时区", "Timezone"],
  address: ["地址", "Address"],
  calendar: ["工作日历", "Working calendar"],
  defaultCalendar: ["组织默认日历", "The organisation's default"],
  phone: ["值班电话", "Duty phone"],
  onDuty24h: ["24 小时值班", "On duty around the clock"],
  sortOrder: ["排序", "Order"],
  room: ["房号", "Room"],
  unit: ["单元", "Unit"],
  noUnit: ["不属于单元", "No unit"],
  occupied: ["常住户（计入覆盖率分母）", "Resident (counts in coverage rates)"],
  resident: ["常住", "Resident"],
  notResident: ["非常住", "Not resident"],
  area: ["面积（平方米）", "Area (m²)"],
  moveInDate: ["入住日期", "Moved in"],
  count: ["{n} 户", "{n} households"],
  occupiedCount: ["常住 {n} 户", "{n} resident"],
  active: ["启用", "Active"],
  inactive: ["已停用", "Deactivated"],
  add: ["新增", "Add"],
  addEstate: ["新增项目", "Add an estate"],
  addOffice: ["新增管理处", "Add an office"],
  addBuilding: ["新增楼栋", "Add a building"],
  addUnit: ["新增单元", "Add a unit"],
  addHousehold: ["新增房屋", "Add a household"],
  edit: ["修改", "Edit"],
  deactivate: ["停用", "Deactivate"],
  reactivate: ["启用", "Reactivate"],
  open: ["查看", "Open"],
  openHouseholds: ["房屋 ({n})", "Households ({n})"],
  bulk: [
    "批量新增项目请使用导入（estates.csv）；住户连同业主资料（households.csv）由有权查看客户资料的账号导入",
    "To add many estates at once, use the import (estates.csv); households with their owners (households.csv) are imported by an account that may read customer data",
  ],
  bulkLink: ["前往导入", "Go to import"],
  help: [
    "停用的记录保留作历史，不再用于新的投诉、走访或抽样；停用前请先停用其下的内容。编号一经创建不可更改。",
    "A deactivated record is kept for history and offered for nothing new (complaints, visits, samples); deactivate what is under it first. Codes are permanent.",
  ],
  none: ["暂无", "None yet"],
  notFound: ["找不到该记录", "Not found"],
  more: ["加载更多", "Load more"],
  RESIDENTIAL: ["住宅", "Residential"],
  COMMERCIAL: ["商业", "Commercial"],
  OFFICE: ["写字楼", "Office"],
  VILLA: ["别墅", "Villa"],
});

export const ESTATE_KINDS = ["RESIDENTIAL", "COMMERCIAL", "OFFICE", "VILLA"] as const;
export const HOUSEHOLD_KINDS = ["RESIDENTIAL", "COMMERCIAL", "OFFICE"] as const;

export { useTitle } from "../../app/title.ts";

/** An address segment for a global id (base64: may hold "/" and "="). */
export const seg = (id: string) => encodeURIComponent(id);
