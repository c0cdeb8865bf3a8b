/** Chinese names, places and complaint texts the demo company is generated from. */

export const surnames = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "林",
  "罗",
  "高",
  "郑",
  "梁",
  "谢",
  "宋",
  "唐",
  "许",
  "韩",
  "冯",
  "邓",
  "曹",
];
export const givenNames = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀英",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "志强",
  "晓燕",
  "海燕",
  "子涵",
  "一诺",
  "浩然",
  "欣怡",
  "梓轩",
  "雨桐",
];
export const occupations = ["教师", "工程师", "医生", "会计", "公务员", "个体经营", "退休", "律师", "销售", "设计师", "程序员", "企业管理"];
export const nativePlaces = [
  "浙江杭州",
  "江苏苏州",
  "上海",
  "安徽合肥",
  "江西南昌",
  "湖南长沙",
  "四川成都",
  "山东济南",
  "河南郑州",
  "福建福州",
  "湖北武汉",
  "广东广州",
];
export const plateRegions = ["沪A", "沪B", "沪C", "浙A", "苏E", "皖A"];
export const relations = ["配偶", "子女", "父母", "保姆"];

/** Regions of ID numbers (GB 11643 address codes) used for the fictitious demo identities. */
export const idRegions = ["310101", "310104", "310115", "330102", "320505", "340104"];

/** First level › second level (CLS-4), with the kind (CLS-2) a complaint in it usually has. */
export const categoryTree: { name: string; code: string; children: { name: string; code: string; kind: string }[] }[] = [
  {
    name: "工程维修",
    code: "ENG",
    children: [
      { name: "漏水", code: "ENG-LEAK", kind: "ENGINEERING" },
      { name: "电梯", code: "ENG-LIFT", kind: "ENGINEERING" },
      { name: "供电照明", code: "ENG-POWER", kind: "ENGINEERING" },
      { name: "给排水", code: "ENG-PIPE", kind: "ENGINEERING" },
      { name: "门窗", code: "ENG-DOOR", kind: "ENGINEERING" },
      { name: "墙面开裂", code: "ENG-CRACK", kind: "WARRANTY" },
      { name: "公共设施", code: "ENG-FAC", kind: "ENGINEERING" },
    ],
  },
  {
    name: "安全",
    code: "SEC",
    children: [
      { name: "门禁", code: "SEC-GATE", kind: "SERVICE" },
      { name: "停车管理", code: "SEC-PARK", kind: "SERVICE" },
      { name: "巡逻值守", code: "SEC-PATROL", kind: "SERVICE" },
      { name: "消防", code: "SEC-FIRE", kind: "ENGINEERING" },
    ],
  },
  {
    name: "环境",
    code: "ENV",
    children: [
      { name: "保洁", code: "ENV-CLEAN", kind: "SERVICE" },
      { name: "绿化", code: "ENV-GREEN", kind: "SERVICE" },
      { name: "垃圾清运", code: "ENV-WASTE", kind: "SERVICE" },
      { name: "噪音", code: "ENV-NOISE", kind: "SERVICE" },
      { name: "虫害", code: "ENV-PEST", kind: "SERVICE" },
    ],
  },
  {
    name: "收费",
    code: "FEE",
    children: [
      { name: "物业费", code: "FEE-MGMT", kind: "SERVICE" },
      { name: "停车费", code: "FEE-PARK", kind: "SERVICE" },
      { name: "水电费分摊", code: "FEE-UTIL", kind: "SERVICE" },
    ],
  },
  {
    name: "客户服务",
    code: "SVC",
    children: [
      { name: "服务态度", code: "SVC-ATT", kind: "SERVICE" },
      { name: "响应速度", code: "SVC-SPEED", kind: "SERVICE" },
      { name: "建议", code: "SVC-SUGG", kind: "SUGGESTION" },
      { name: "咨询", code: "SVC-ASK", kind: "ENQUIRY" },
      { name: "索赔", code: "SVC-CLAIM", kind: "CLAIM" },
    ],
  },
  {
    name: "市政公用",
    code: "MUN",
    children: [
      { name: "停水", code: "MUN-WATER", kind: "MUNICIPAL" },
      { name: "停电", code: "MUN-POWER", kind: "MUNICIPAL" },
      { name: "燃气", code: "MUN-GAS", kind: "MUNICIPAL" },
      { name: "道路", code: "MUN-ROAD", kind: "MUNICIPAL" },
    ],
  },
];

/** Complaint texts per second-level code; `{place}` is filled with the unit or public location. */
export const complaintTexts: Record<string, string[]> = {
  "ENG-LEAK": [
    "{place}卫生间天花板渗水，楼上住户无人，请尽快处理",
    "{place}外墙渗水，下雨后客厅墙面发霉",
    "{place}阳台漏水，已持续三天",
    "地下车库顶板漏水，滴到车上",
  ],
  "ENG-LIFT": ["{place}电梯经常停运，老人上下楼困难", "电梯运行中异响，担心安全", "电梯按钮失灵，困人十分钟"],
  "ENG-POWER": ["{place}楼道灯不亮已一周", "地库照明不足，晚上看不清", "{place}入户开关跳闸"],
  "ENG-PIPE": ["{place}下水道堵塞，污水反流", "{place}水压太低，高峰期无法洗澡", "化粪池外溢，气味很大"],
  "ENG-DOOR": ["{place}单元门闭门器损坏", "{place}入户门变形关不严", "窗户密封条老化漏风"],
  "ENG-CRACK": ["{place}墙面出现裂缝，交房不到两年", "{place}地面空鼓开裂", "{place}外墙瓷砖脱落"],
  "ENG-FAC": ["小区健身器材损坏无人维修", "儿童游乐设施生锈", "{place}信报箱损坏"],
  "SEC-GATE": ["门禁卡经常失灵", "外来人员随意进出小区", "人脸识别门禁识别慢"],
  "SEC-PARK": ["车位被外来车辆占用", "消防通道停车无人管", "地库车位划线不清"],
  "SEC-PATROL": ["夜间巡逻不到位，电动车被盗", "保安值班时睡觉"],
  "SEC-FIRE": ["{place}消防栓无水", "楼道堆放杂物堵塞消防通道", "灭火器过期未更换"],
  "ENV-CLEAN": ["{place}楼道卫生差，几天没人打扫", "电梯轿厢有异味", "雨后路面积水泥泞无人清扫"],
  "ENV-GREEN": ["绿化带杂草丛生", "树枝遮挡{place}窗户，请修剪", "草坪被踩坏未补种"],
  "ENV-WASTE": ["垃圾桶满溢没有及时清运", "装修垃圾堆放在楼下", "垃圾分类投放点气味大"],
  "ENV-NOISE": ["夜间装修噪音扰民", "广场舞音乐声太大", "{place}空调外机噪音大"],
  "ENV-PEST": ["地下室老鼠多", "夏季蚊虫多，未见消杀", "{place}出现白蚁"],
  "FEE-MGMT": ["物业费上涨没有公示", "对物业费收支不透明有意见", "物业费发票开具不及时"],
  "FEE-PARK": ["停车费收费标准不合理", "月卡续费后仍被拦"],
  "FEE-UTIL": ["公摊电费过高，要求公示明细", "水表读数有误"],
  "SVC-ATT": ["前台工作人员态度恶劣", "客服电话无人接听", "维修师傅服务态度差"],
  "SVC-SPEED": ["报修三天无人上门", "投诉后一直没有回复", "维修预约时间一再推迟"],
  "SVC-SUGG": ["建议增加快递柜", "建议小区增设充电桩", "建议延长前台服务时间"],
  "SVC-ASK": ["咨询装修审批流程", "咨询车位租赁政策", "咨询房屋过户需要的材料"],
  "SVC-CLAIM": ["维修时损坏地板，要求赔偿", "车辆在地库被剐蹭，要求物业赔偿", "漏水泡坏家具，要求赔偿"],
  "MUN-WATER": ["片区停水未提前通知", "自来水发黄"],
  "MUN-POWER": ["突然停电，电梯困人", "频繁停电影响生活"],
  "MUN-GAS": ["燃气管道有异味", "燃气表更换预约不上"],
  "MUN-ROAD": ["小区门口道路坑洼", "市政道路施工影响出行"],
};

export const publicLocations = [
  "1栋电梯",
  "地下车库",
  "南门",
  "中心花园",
  "3栋大堂",
  "儿童游乐场",
  "会所",
  "东侧道路",
  "2号楼楼道",
  "垃圾站",
];

export const causeTexts = [
  "防水层老化",
  "管道接口松动",
  "设备年久失修",
  "保洁人员排班不足",
  "供应商配件延误",
  "员工培训不到位",
  "施工遗留问题",
  "业主装修造成",
];
export const planTexts = [
  "安排工程部上门勘查并维修",
  "更换损坏部件",
  "加强巡查并调整排班",
  "联系开发商保修处理",
  "约谈相关人员并整改",
  "协调市政部门处理",
];
export const missedPromiseReasons = ["配件到货延误", "连续降雨无法施工", "业主不在家无法入户", "需开发商确认维修方案"];
export const callbackComments = ["处理及时，表示满意", "问题已解决", "希望以后加强巡查", "对处理速度不满意", "维修后仍有问题", "态度很好"];
