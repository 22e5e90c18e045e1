/* demo_words.c - the demo city as data: schools and their majors, growth
 * paths, recognised items, enterprise industries and name parts, and the
 * job vocabularies adverts are built from.
 *
 * Every number here is a design choice documented in docs/demo-data.md,
 * which says which ones rest on zhoushan_facts.md and which are invented.
 * Codes (majors, occupations, industries, divisions) are real catalogue
 * codes; tests/unit/test_demo.c checks them against the loaded catalogues. */
#include "demo/demo_internal.h"

/* The tables are laid out by hand, one record per line or block. */
/* clang-format off */

const char *const demo_destinations[DEMO_NDEST] = {
	"升学专科", "升学本科", "本地就业", "外地就业", "未就业"};

const char *const demo_cluster_codes[DEMO_NCLUSTERS] = {
	"port_mfg", "shipping", "port_trade", "marine_tourism", "health",
	"petrochem"};

/* ---- divisions ------------------------------------------------------- */

static const char *const demo_dinghai_towns[] = {
	"330902002", "330902003", "330902004", "330902005", "330902006",
	"330902007", "330902008", "330902009", "330902010", "330902050",
	"330902100", "330902104", "330902105", NULL};
static const char *const demo_putuo_towns[] = {
	"330903001", "330903003", "330903004", "330903005", "330903100",
	"330903102", "330903104", "330903105", "330903106", NULL};
static const char *const demo_daishan_towns[] = {
	"330921100", "330921101", "330921102", "330921103", "330921105",
	"330921106", "330921200", NULL};
static const char *const demo_shengsi_towns[] = {
	"330922100", "330922101", "330922102", "330922200", "330922201",
	"330922202", "330922203", NULL};

static const char *const demo_dinghai_places[] = {
	"舟山-定海区", "舟山·定海", "定海", "定海区", "舟山市定海区",
	"浙江舟山定海区", "舟山-定海区-临城", "定海新城", NULL};
static const char *const demo_putuo_places[] = {
	"舟山-普陀区", "舟山·普陀", "普陀", "普陀区", "舟山市普陀区",
	"浙江舟山普陀区", "沈家门", "普陀区六横镇", NULL};
static const char *const demo_daishan_places[] = {
	"舟山-岱山县", "舟山·岱山", "岱山", "岱山县", "舟山市岱山县",
	"岱山县高亭镇", "鱼山岛", NULL};
static const char *const demo_shengsi_places[] = {
	"舟山-嵊泗县", "舟山·嵊泗", "嵊泗", "嵊泗县", "舟山市嵊泗县",
	"嵊泗县菜园镇", NULL};

/* County weights of firms by cluster (demo_cluster_codes order, then
 * none): 定海, 普陀, 岱山, 嵊泗. */
const double demo_county_mix[DEMO_NCLUSTERS + 1][DEMO_NCOUNTIES] = {
	{45, 35, 15, 5},  /* port_mfg */
	{35, 40, 20, 5},  /* shipping */
	{50, 30, 15, 5},  /* port_trade */
	{25, 45, 10, 20}, /* marine_tourism */
	{50, 35, 10, 5},  /* health */
	{20, 10, 65, 5},  /* petrochem: the Yushan base is in 岱山 */
	{50, 30, 13, 7},  /* none */
};

const struct demo_county_def demo_counties[DEMO_NCOUNTIES] = {
	{"330902", "定海区", "定海", demo_dinghai_towns, demo_dinghai_places},
	{"330903", "普陀区", "普陀", demo_putuo_towns, demo_putuo_places},
	{"330921", "岱山县", "岱山", demo_daishan_towns, demo_daishan_places},
	{"330922", "嵊泗县", "嵊泗", demo_shengsi_towns, demo_shengsi_places},
};

/* ---- schools ---------------------------------------------------------- */

static const struct demo_offer demo_offers_maritime[] = {
	{"500301", 10, 0, 0}, /* 航海技术 */
	{"500303", 9, 0, 0},  /* 轮机工程技术 */
	{"500308", 4, 0, 0},  /* 船舶电子电气技术 */
	{"460501", 6, 0, 0},  /* 船舶工程技术 */
	{"460502", 3, 0, 0},  /* 船舶动力工程技术 */
	{"460505", 2, 2023, 0}, /* 船舶舾装工程技术 */
	{"460504", 2, 2022, 0}, /* 船舶智能焊接技术 */
	{"460510", 3, 0, 0},  /* 海洋工程装备技术 */
	{"500302", 2, 0, 0},  /* 港口与航道工程技术 */
	{"500307", 4, 0, 0},  /* 港口与航运管理 */
	{"500310", 2, 0, 2022}, /* 集装箱运输管理 */
	{"530806", 4, 0, 0},  /* 港口物流管理 */
	{"530802", 4, 0, 0},  /* 现代物流管理 */
	{"530503", 3, 0, 0},  /* 关务与外贸服务 */
	{"530501", 3, 0, 0},  /* 国际经济与贸易 */
	{"470204", 6, 0, 0},  /* 石油化工技术 */
	{"470208", 3, 0, 0},  /* 分析检验技术 */
	{"420902", 2, 2022, 0}, /* 化工安全技术 */
	{"470211", 3, 0, 0},  /* 化工自动化技术 */
	{"460306", 4, 0, 0},  /* 电气自动化技术 */
	{"460301", 4, 0, 0},  /* 机电一体化技术 */
	{"500306", 2, 0, 0},  /* 港口机械与智能控制 */
	{"510201", 3, 0, 0},  /* 计算机应用技术 */
	{"530302", 3, 0, 2023}, /* 大数据与会计 */
	{"410402", 2, 0, 0},  /* 海洋渔业技术 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_tourism_health[] = {
	{"540106", 8, 0, 0},  /* 酒店管理与数字化运营 */
	{"540102", 5, 0, 0},  /* 导游 */
	{"540101", 5, 0, 0},  /* 旅游管理 */
	{"540103", 2, 0, 2022}, /* 旅行社经营与管理 */
	{"540104", 2, 2022, 0}, /* 定制旅行管理与服务 */
	{"540107", 2, 2023, 0}, /* 民宿管理与运营 */
	{"540112", 2, 0, 0},  /* 会展策划与管理 */
	{"540202", 3, 0, 0},  /* 烹饪工艺与营养 */
	{"500405", 3, 0, 0},  /* 空中乘务 */
	{"500304", 3, 0, 0},  /* 国际邮轮乘务管理 */
	{"520201", 12, 0, 0}, /* 护理 */
	{"520202", 3, 0, 0},  /* 助产 */
	{"520801", 3, 0, 0},  /* 健康管理 */
	{"520601", 3, 0, 0},  /* 康复治疗技术 */
	{"590302", 3, 0, 0},  /* 智慧健康养老服务与管理 */
	{"520802", 2, 2022, 0}, /* 婴幼儿托育服务与管理 */
	{"530701", 4, 0, 0},  /* 电子商务 */
	{"530702", 3, 0, 0},  /* 跨境电子商务 */
	{"530704", 3, 2022, 0}, /* 网络营销与直播电商 */
	{"570203", 2, 0, 2023}, /* 旅游英语 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_technician[] = {
	{"660105", 4, 0, 0},  /* 焊接技术应用 */
	{"660501", 4, 0, 0},  /* 船体修造技术 */
	{"660502", 3, 0, 0},  /* 船舶机械装置安装与维修 */
	{"660503", 3, 0, 0},  /* 船舶电气装置安装与调试 */
	{"660103", 4, 0, 0},  /* 数控技术应用 */
	{"660301", 4, 0, 0},  /* 机电技术应用 */
	{"660302", 3, 0, 0},  /* 电气设备运行与控制 */
	{"660303", 2, 2022, 0}, /* 工业机器人技术应用 */
	{"700306", 3, 0, 0},  /* 港口机械运用与维修 */
	{"730801", 2, 0, 0},  /* 物流服务与管理 */
	{"700206", 3, 0, 2022}, /* 汽车运用与维修 */
	{"700209", 3, 2023, 0}, /* 新能源汽车运用与维修 */
	{"670209", 2, 2023, 0}, /* 化工仪表及自动化 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_vocational[] = {
	{"660301", 5, 0, 0},  /* 机电技术应用 */
	{"660102", 4, 0, 0},  /* 机械加工技术 */
	{"660201", 3, 0, 0},  /* 智能设备运行与维护 */
	{"740104", 4, 0, 0},  /* 高星级饭店运营与管理 */
	{"740101", 3, 0, 0},  /* 旅游服务与管理 */
	{"740201", 3, 0, 0},  /* 中餐烹饪 */
	{"730801", 3, 0, 0},  /* 物流服务与管理 */
	{"730803", 2, 0, 0},  /* 国际货运代理 */
	{"730701", 3, 0, 0},  /* 电子商务 */
	{"730702", 2, 2022, 0}, /* 跨境电子商务 */
	{"710201", 3, 0, 0},  /* 计算机应用 */
	{"730301", 3, 0, 2021}, /* 会计事务 */
	{"670207", 2, 0, 0},  /* 分析检验技术 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_nautical[] = {
	{"700301", 6, 0, 0},  /* 船舶驾驶 */
	{"700302", 5, 0, 0},  /* 船舶机工与水手 */
	{"700303", 5, 0, 0},  /* 轮机维护与管理 */
	{"700305", 2, 0, 0},  /* 水路运输服务 */
	{"610403", 3, 0, 0},  /* 航海捕捞 */
	{"700308", 1, 2023, 0}, /* 工程潜水 */
	{"700307", 2, 0, 0},  /* 外轮理货 */
	{"700304", 3, 0, 0},  /* 邮轮乘务 */
	{"660503", 2, 0, 0},  /* 船舶电气装置安装与调试 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_daishan[] = {
	{"670201", 4, 0, 0},  /* 化学工艺 */
	{"670202", 3, 0, 0},  /* 石油炼制技术 */
	{"670207", 3, 0, 0},  /* 分析检验技术 */
	{"620401", 3, 0, 0},  /* 油气储运 */
	{"620901", 2, 0, 0},  /* 安全技术与管理 */
	{"660301", 3, 0, 0},  /* 机电技术应用 */
	{"660501", 2, 0, 0},  /* 船体修造技术 */
	{"740101", 2, 0, 0},  /* 旅游服务与管理 */
	{"710201", 2, 0, 0},  /* 计算机应用 */
	{"730301", 2, 0, 2022}, /* 会计事务 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_shengsi[] = {
	{"740101", 4, 0, 0},  /* 旅游服务与管理 */
	{"740201", 3, 0, 0},  /* 中餐烹饪 */
	{"740103", 2, 0, 0},  /* 康养休闲旅游服务 */
	{"700302", 2, 0, 0},  /* 船舶机工与水手 */
	{"610403", 2, 0, 2023}, /* 航海捕捞 */
	{"730701", 2, 0, 0},  /* 电子商务 */
	{"710201", 2, 0, 0},  /* 计算机应用 */
	{"660301", 2, 0, 0},  /* 机电技术应用 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_petrochem[] = {
	{"670201", 5, 0, 0},  /* 化学工艺 */
	{"670208", 3, 0, 0},  /* 化工机械与设备 */
	{"670209", 3, 0, 0},  /* 化工仪表及自动化 */
	{"620401", 3, 0, 0},  /* 油气储运 */
	{"620902", 2, 0, 0},  /* 应急救援技术 */
	{"620801", 2, 2023, 0}, /* 环境监测技术 */
	{"670203", 2, 0, 0},  /* 精细化工技术 */
	{"660105", 2, 0, 0},  /* 焊接技术应用 */
	{"660302", 2, 0, 0},  /* 电气设备运行与控制 */
	{NULL, 0, 0, 0}};

static const struct demo_offer demo_offers_xincheng[] = {
	{"720201", 5, 0, 0},  /* 护理 */
	{"790302", 3, 0, 0},  /* 智慧健康养老服务 */
	{"720803", 3, 0, 0},  /* 婴幼儿托育 */
	{"740104", 3, 0, 0},  /* 高星级饭店运营与管理 */
	{"740201", 2, 0, 0},  /* 中餐烹饪 */
	{"740203", 2, 0, 0},  /* 中西面点 */
	{"730701", 3, 0, 0},  /* 电子商务 */
	{"730802", 2, 0, 0},  /* 冷链物流服务与管理 */
	{"660303", 3, 0, 0},  /* 工业机器人技术应用 */
	{"660204", 2, 0, 0},  /* 新能源装备运行与维护 */
	{"690101", 2, 0, 0},  /* 食品加工工艺 */
	{"710204", 2, 0, 0},  /* 数字媒体技术应用 */
	{NULL, 0, 0, 0}};

/* Fields: code, name, name_en, short, level, county, township, ownership,
 * founded, opened, intake a/b, places a/b, progress a/b, benke share,
 * local a/b, unemployed, dropout a/b (%), training a/b, hours, fee,
 * students per teacher, matched a/b, partner a/b, pay, satisfaction,
 * offers. */
const struct demo_school_def demo_schools[] = {
	{"330902S01", "浙江国际海运职业技术学院",
	 "Zhejiang International Maritime College", "海运学院", "高职",
	 "330902", "330902006", "公办", 2004, 0,
	 2250, 2520, 0, 0, 0.085, 0.115, 0,
	 0.25, 0.29, 0.05, 1.9, 1.2, 1.2, 1.95, 24, 380, 21.5,
	 0.68, 0.74, 0.14, 0.22, 5400, 84, demo_offers_maritime},
	{"330902S02", "浙江舟山群岛新区旅游与健康职业学院",
	 "Zhejiang Zhoushan Islands New Area College of Tourism and Health",
	 "旅游与健康学院", "高职",
	 "330902", "330902050", "公办", 2015, 0,
	 800, 1060, 0, 0, 0.10, 0.13, 0,
	 0.35, 0.38, 0.06, 1.8, 1.2, 1.0, 1.8, 16, 300, 19,
	 0.70, 0.76, 0.16, 0.24, 4900, 86, demo_offers_tourism_health},
	{"330902S03", "舟山技师学院", "Zhoushan Technician College",
	 "技师学院", "技师学院",
	 "330902", "330902104", "公办", 1979, 0,
	 560, 590, 1700, 1750, 0.38, 0.45, 0.02,
	 0.48, 0.44, 0.03, 2.8, 1.8, 2.8, 3.7, 20, 260, 12.5,
	 0.72, 0.80, 0.20, 0.30, 4600, 85, demo_offers_technician},
	{"330902S04", "舟山职业技术学校",
	 "Zhoushan Vocational and Technical School", "舟山职校", "中职",
	 "330902", "330902104", "公办", 1984, 0,
	 950, 900, 3000, 2750, 0.52, 0.62, 0.05,
	 0.40, 0.31, 0.03, 2.6, 1.6, 2.5, 3.3, 18, 240, 13,
	 0.70, 0.78, 0.18, 0.26, 4300, 83, demo_offers_vocational},
	{"330903S01", "舟山航海学校", "Zhoushan Nautical School", "航海学校",
	 "中职",
	 "330903", "330903001", "公办", 1958, 0,
	 480, 460, 1450, 1400, 0.40, 0.48, 0.03,
	 0.25, 0.22, 0.03, 2.5, 1.6, 1.8, 2.6, 30, 450, 13.5,
	 0.75, 0.80, 0.25, 0.32, 5200, 82, demo_offers_nautical},
	{"330921S01", "岱山县职业技术学校",
	 "Daishan County Vocational and Technical School", "岱山职校", "中职",
	 "330921", "330921100", "公办", 1985, 0,
	 420, 390, 1300, 1200, 0.50, 0.60, 0.02,
	 0.40, 0.33, 0.03, 2.7, 1.7, 1.2, 1.8, 16, 200, 13,
	 0.66, 0.74, 0.15, 0.24, 4300, 79, demo_offers_daishan},
	{"330922S01", "嵊泗县职业技术学校",
	 "Shengsi County Vocational and Technical School", "嵊泗职校", "中职",
	 "330922", "330922100", "公办", 1986, 0,
	 120, 105, 420, 380, 0.48, 0.58, 0.02,
	 0.38, 0.31, 0.04, 3.0, 1.9, 0.9, 1.5, 12, 150, 11,
	 0.62, 0.70, 0.10, 0.18, 4100, 77, demo_offers_shengsi},
	{"330921S02", "舟山绿色石化技工学校",
	 "Zhoushan Green Petrochemical Technical School", "石化技工学校", "技工",
	 "330921", "330921103", "公办", 2019, 2019,
	 260, 330, 800, 1000, 0.30, 0.40, 0.0,
	 0.58, 0.50, 0.03, 3.2, 2.0, 2.0, 3.0, 24, 320, 12,
	 0.80, 0.85, 0.35, 0.45, 4900, 80, demo_offers_petrochem},
	{"330902S05", "舟山市新城职业技术学校",
	 "Zhoushan Xincheng Vocational and Technical School", "新城职校", "中职",
	 "330902", "330902009", "公办", 2022, 2022,
	 850, 1000, 2000, 3000, 0.66, 0.70, 0.06,
	 0.24, 0.22, 0.03, 1.9, 1.5, 0.6, 1.4, 16, 200, 14,
	 0.70, 0.75, 0.15, 0.22, 4300, 81, demo_offers_xincheng},
};
const size_t demo_nschools = sizeof(demo_schools) / sizeof(demo_schools[0]);

/* ---- anchor enterprises (invented names) ------------------------------ */

const struct demo_anchor_def demo_anchors[] = {
	{"舟山海翔船舶修造有限公司", "4342", "330903", 2800, 2003},        /* 0 */
	{"浙江东鸿海洋工程装备有限公司", "3737", "330902", 1600, 2008},    /* 1 */
	{"舟山远帆海运有限公司", "5522", "330902", 420, 1998},             /* 2 */
	{"舟山港城国际物流有限公司", "5810", "330902", 650, 2010},         /* 3 */
	{"舟山江海联运供应链管理有限公司", "7224", "330902", 180, 2017},   /* 4 */
	{"浙江岱海石化有限公司", "2511", "330921", 4200, 2015},            /* 5 */
	{"舟山港储油品储运有限公司", "5941", "330921", 380, 2012},         /* 6 */
	{"舟山新澳化工新材料有限公司", "2651", "330921", 900, 2018},       /* 7 */
	{"舟山恒力港口机械有限公司", "3432", "330902", 520, 2006},         /* 8 */
	{"浙江海屿水产食品有限公司", "1361", "330903", 760, 1996},         /* 9 */
	{"舟山朱家尖海景大酒店有限公司", "6110", "330903", 310, 2005},     /* 10 */
	{"舟山普陀山海天国际旅行社有限公司", "7291", "330903", 85, 2001},  /* 11 */
	{"舟山康华医院有限公司", "8411", "330902", 650, 2009},             /* 12 */
	{"舟山康宁养老服务有限公司", "8514", "330902", 240, 2016},         /* 13 */
	{"舟山和泰健康体检中心有限公司", "8491", "330902", 120, 2014},     /* 14 */
	{"舟山明德电气设备有限公司", "3823", "330902", 260, 2004},         /* 15 */
	{"舟山甬舟国际货运代理有限公司", "5821", "330902", 95, 2007},      /* 16 */
	{"舟山海联大宗商品贸易有限公司", "5162", "330902", 60, 2016},      /* 17 */
	{"嵊泗花鸟岛民宿管理有限公司", "6130", "330922", 45, 2018},        /* 18 */
	{"舟山东海渔村餐饮管理有限公司", "6210", "330903", 140, 2011},     /* 19 */
	{"舟山蓝海远洋渔业有限公司", "0421", "330903", 900, 2000},         /* 20 */
	{"舟山海晟海洋风电运维有限公司", "4415", "330921", 130, 2019},     /* 21 */
};
const size_t demo_nanchors = sizeof(demo_anchors) / sizeof(demo_anchors[0]);

/* ---- recognised items ------------------------------------------------- */

/* School indexes into demo_schools. */
enum { S_HY, S_LJ, S_JS, S_ZZ, S_HH, S_DS, S_SS, S_SH, S_XC };

/* name NULL: built at run time from the school and major (or the
 * anchor's name for integration_enterprise). */
const struct demo_registry_def demo_registry[] = {
	/* key_major: 16 city-level key majors (A8a achieved) */
	{"key_major", NULL, "city", 2021, 5, 20, S_HY, -1, "500301", "shipping", NULL, NULL},
	{"key_major", NULL, "city", 2021, 5, 20, S_HY, -1, "500303", "shipping", NULL, NULL},
	{"key_major", NULL, "city", 2021, 5, 20, S_LJ, -1, "520201", "health", NULL, NULL},
	{"key_major", NULL, "city", 2021, 5, 20, S_ZZ, -1, "660301", "port_mfg", NULL, NULL},
	{"key_major", NULL, "city", 2022, 6, 15, S_JS, -1, "660105", "port_mfg", NULL, NULL},
	{"key_major", NULL, "city", 2022, 6, 15, S_HH, -1, "700301", "shipping", NULL, NULL},
	{"key_major", NULL, "city", 2022, 6, 15, S_DS, -1, "670201", "petrochem", NULL, NULL},
	{"key_major", NULL, "city", 2022, 6, 15, S_LJ, -1, "540106", "marine_tourism", NULL, NULL},
	{"key_major", NULL, "city", 2023, 6, 8, S_HY, -1, "460501", "shipping", NULL, NULL},
	{"key_major", NULL, "city", 2023, 6, 8, S_HY, -1, "470204", "petrochem", NULL, NULL},
	{"key_major", NULL, "city", 2023, 6, 8, S_SH, -1, "670201", "petrochem", NULL, NULL},
	{"key_major", NULL, "city", 2024, 5, 28, S_ZZ, -1, "740104", "marine_tourism", NULL, NULL},
	{"key_major", NULL, "city", 2024, 5, 28, S_HY, -1, "530806", "port_trade", NULL, NULL},
	{"key_major", NULL, "city", 2024, 5, 28, S_JS, -1, "660501", "shipping", NULL, NULL},
	{"key_major", NULL, "city", 2025, 6, 3, S_XC, -1, "720201", "health", NULL, NULL},
	{"key_major", NULL, "city", 2025, 6, 3, S_LJ, -1, "540102", "marine_tourism", NULL, NULL},
	/* high_level_major: 4 provincial (A8b short of 6) */
	{"high_level_major", NULL, "province", 2021, 9, 10, S_HY, -1, "500301", "shipping", NULL, "浙江省高水平专业建设项目"},
	{"high_level_major", NULL, "province", 2022, 9, 16, S_HY, -1, "500303", "shipping", NULL, "浙江省高水平专业建设项目"},
	{"high_level_major", NULL, "province", 2022, 9, 16, S_LJ, -1, "520201", "health", NULL, "浙江省高水平专业建设项目"},
	{"high_level_major", NULL, "province", 2024, 10, 12, S_HY, -1, "460501", "shipping", NULL, "浙江省高水平专业建设项目"},
	/* 双高: units and a major group */
	{"shuanggao_unit", "浙江省高水平高职学校建设单位", "province", 2021, 3, 26, S_HY, -1, NULL, NULL, NULL, NULL},
	{"shuanggao_unit", "浙江省高水平中职学校建设单位", "province", 2021, 7, 9, S_ZZ, -1, NULL, NULL, NULL, NULL},
	{"shuanggao_major", "护理专业群", "province", 2020, 12, 18, S_LJ, -1, "520201", "health", NULL, "省双高专业群（2020年公布，见 zhoushan_facts.md）"},
	/* industry_committee: 5 committees, 5 of 6 clusters (G1 and A9a short) */
	{"industry_committee", "舟山市船舶航运职业教育行业指导委员会", "city", 2021, 6, 18, -1, -1, NULL, "shipping", NULL, NULL},
	{"industry_committee", "舟山市石油化工职业教育行业指导委员会", "city", 2021, 11, 5, -1, -1, NULL, "petrochem", NULL, NULL},
	{"industry_committee", "舟山市港口商贸职业教育行业指导委员会", "city", 2022, 5, 13, -1, -1, NULL, "port_trade", NULL, NULL},
	{"industry_committee", "舟山市海洋旅游职业教育行业指导委员会", "city", 2022, 9, 23, -1, -1, NULL, "marine_tourism", NULL, NULL},
	{"industry_committee", "舟山市临港制造职业教育行业指导委员会", "city", 2024, 4, 19, -1, -1, NULL, "port_mfg", NULL, NULL},
	/* vocational_group: the five alliances (G2, A9b achieved) */
	{"vocational_group", "江海联运产教联盟", "city", 2021, 9, 28, S_HY, 3, NULL, "shipping", "al_river_sea", "牵头院校：浙江国际海运职业技术学院"},
	{"vocational_group", "绿色石化产教联盟", "city", 2021, 12, 10, S_HY, 5, NULL, "petrochem", "al_green_petrochem", "牵头院校：浙江国际海运职业技术学院"},
	{"vocational_group", "港口商贸产教联盟", "city", 2022, 3, 25, S_ZZ, 16, NULL, "port_trade", "al_port_trade", "牵头院校：舟山职业技术学校"},
	{"vocational_group", "海洋旅游产教联盟", "city", 2022, 6, 17, S_LJ, 10, NULL, "marine_tourism", "al_marine_tourism", "牵头院校：浙江舟山群岛新区旅游与健康职业学院"},
	{"vocational_group", "健康养生产教联盟", "city", 2023, 3, 31, S_LJ, 13, NULL, "health", "al_health_wellness", "牵头院校：浙江舟山群岛新区旅游与健康职业学院"},
	/* master_studio: 8 city + 2 provincial (A10b achieved) */
	{"master_studio", "舟山市船舶修造技能大师工作室", "city", 2021, 8, 6, -1, 0, NULL, "shipping", NULL, NULL},
	{"master_studio", "舟山市船舶焊接技能大师工作室", "city", 2021, 8, 6, S_JS, -1, "660105", "shipping", NULL, NULL},
	{"master_studio", "舟山市海洋工程装备电气技能大师工作室", "city", 2022, 8, 12, -1, 1, NULL, "shipping", NULL, NULL},
	{"master_studio", "舟山市化工总控技能大师工作室", "city", 2022, 8, 12, -1, 5, NULL, "petrochem", NULL, NULL},
	{"master_studio", "舟山市港口机械维修技能大师工作室", "city", 2023, 7, 21, -1, 8, NULL, "port_mfg", NULL, NULL},
	{"master_studio", "舟山市海鲜烹饪技能大师工作室", "city", 2023, 7, 21, S_ZZ, -1, "740201", "marine_tourism", NULL, NULL},
	{"master_studio", "舟山市养老护理技能大师工作室", "city", 2024, 7, 26, -1, 13, NULL, "health", NULL, NULL},
	{"master_studio", "舟山市数控加工技能大师工作室", "city", 2025, 7, 18, S_JS, -1, "660103", "port_mfg", NULL, NULL},
	{"master_studio", "浙江省船体装配技能大师工作室", "province", 2023, 11, 3, -1, 0, NULL, "shipping", NULL, NULL},
	{"master_studio", "浙江省轮机维修技能大师工作室", "province", 2024, 11, 8, S_HY, -1, "500303", "shipping", NULL, NULL},
	/* online_course: 24 city (A7e part 1 short of 30) + 5 provincial */
	{"online_course", "船舶结构与制图", "city", 2021, 12, 3, S_HY, -1, "460501", "shipping", NULL, NULL},
	{"online_course", "航海气象与海洋学", "city", 2021, 12, 3, S_HY, -1, "500301", "shipping", NULL, NULL},
	{"online_course", "船舶操纵与避碰", "city", 2021, 12, 3, S_HY, -1, "500301", "shipping", NULL, NULL},
	{"online_course", "基础护理技术", "city", 2021, 12, 3, S_LJ, -1, "520201", "health", NULL, NULL},
	{"online_course", "酒店前厅服务与管理", "city", 2021, 12, 3, S_LJ, -1, "540106", "marine_tourism", NULL, NULL},
	{"online_course", "主推进动力装置", "city", 2022, 12, 9, S_HY, -1, "500303", "shipping", NULL, NULL},
	{"online_course", "船舶辅机", "city", 2022, 12, 9, S_HY, -1, "500303", "shipping", NULL, NULL},
	{"online_course", "化工单元操作", "city", 2022, 12, 9, S_HY, -1, "470204", "petrochem", NULL, NULL},
	{"online_course", "舟山海岛导游实务", "city", 2022, 12, 9, S_LJ, -1, "540102", "marine_tourism", NULL, NULL},
	{"online_course", "船舶焊接工艺", "city", 2022, 12, 9, S_JS, -1, "660105", "shipping", NULL, NULL},
	{"online_course", "船舶电站", "city", 2023, 12, 1, S_HY, -1, "500308", "shipping", NULL, NULL},
	{"online_course", "港口物流实务", "city", 2023, 12, 1, S_HY, -1, "530806", "port_trade", NULL, NULL},
	{"online_course", "石油炼制工艺", "city", 2023, 12, 1, S_HY, -1, "470204", "petrochem", NULL, NULL},
	{"online_course", "老年照护", "city", 2023, 12, 1, S_LJ, -1, "590302", "health", NULL, NULL},
	{"online_course", "中式烹调工艺", "city", 2023, 12, 1, S_ZZ, -1, "740201", "marine_tourism", NULL, NULL},
	{"online_course", "船舶值班与避碰", "city", 2023, 12, 1, S_HH, -1, "700301", "shipping", NULL, NULL},
	{"online_course", "集装箱运输实务", "city", 2024, 11, 29, S_HY, -1, "500310", "port_trade", NULL, NULL},
	{"online_course", "化工仪表及自动化", "city", 2024, 11, 29, S_HY, -1, "470211", "petrochem", NULL, NULL},
	{"online_course", "PLC应用技术", "city", 2024, 11, 29, S_HY, -1, "460306", "port_mfg", NULL, NULL},
	{"online_course", "直播电商实务", "city", 2024, 11, 29, S_LJ, -1, "530704", "port_trade", NULL, NULL},
	{"online_course", "数控车削加工", "city", 2024, 11, 29, S_JS, -1, "660103", "port_mfg", NULL, NULL},
	{"online_course", "报关实务", "city", 2025, 11, 28, S_HY, -1, "530503", "port_trade", NULL, NULL},
	{"online_course", "邮轮服务英语", "city", 2025, 11, 28, S_LJ, -1, "500304", "marine_tourism", NULL, NULL},
	{"online_course", "化工安全生产", "city", 2025, 11, 28, S_DS, -1, "620901", "petrochem", NULL, NULL},
	{"online_course", "航海英语", "province", 2022, 10, 20, S_HY, -1, "500301", "shipping", NULL, NULL},
	{"online_course", "船舶动力装置", "province", 2023, 10, 26, S_HY, -1, "500303", "shipping", NULL, NULL},
	{"online_course", "健康评估", "province", 2023, 10, 26, S_LJ, -1, "520201", "health", NULL, NULL},
	{"online_course", "海岛旅游资源与文化", "province", 2024, 10, 25, S_LJ, -1, "540101", "marine_tourism", NULL, NULL},
	{"online_course", "焊接结构生产", "province", 2025, 10, 24, S_JS, -1, "660105", "port_mfg", NULL, NULL},
	/* resource_library: 5 city + 1 provincial (A7d part 2 short of 2) */
	{"resource_library", "船舶工程技术专业教学资源库", "city", 2022, 11, 18, S_HY, -1, "460501", "shipping", NULL, NULL},
	{"resource_library", "海岛旅游专业教学资源库", "city", 2022, 11, 18, S_LJ, -1, "540101", "marine_tourism", NULL, NULL},
	{"resource_library", "石油化工技术专业教学资源库", "city", 2023, 11, 17, S_HY, -1, "470204", "petrochem", NULL, NULL},
	{"resource_library", "智慧健康养老专业教学资源库", "city", 2024, 11, 15, S_LJ, -1, "590302", "health", NULL, NULL},
	{"resource_library", "焊接技术应用专业教学资源库", "city", 2025, 11, 14, S_JS, -1, "660105", "port_mfg", NULL, NULL},
	{"resource_library", "航海技术专业教学资源库", "province", 2023, 12, 22, S_HY, -1, "500301", "shipping", NULL, NULL},
	/* integration_enterprise: 10 anchors (A9e achieved) */
	{"integration_enterprise", NULL, "city", 2022, 10, 14, -1, 0, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2022, 10, 14, -1, 1, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2022, 10, 14, -1, 5, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2023, 10, 20, -1, 2, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2023, 10, 20, -1, 3, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2023, 10, 20, -1, 8, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2024, 10, 18, -1, 9, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2024, 10, 18, -1, 10, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2025, 10, 17, -1, 7, NULL, NULL, NULL, NULL},
	{"integration_enterprise", NULL, "city", 2025, 10, 17, -1, 13, NULL, NULL, NULL, NULL},
	/* training_base: one or two per industry chain (A6) */
	{"training_base", "舟山市船舶修造实训基地", "city", 2022, 4, 22, S_JS, 0, NULL, "shipping", NULL, NULL},
	{"training_base", "舟山市绿色石化实训基地", "city", 2022, 4, 22, S_SH, 5, NULL, "petrochem", NULL, NULL},
	{"training_base", "舟山市港口物流实训基地", "city", 2023, 4, 28, S_ZZ, 3, NULL, "port_trade", NULL, NULL},
	{"training_base", "舟山市海洋旅游服务实训基地", "city", 2023, 4, 28, S_LJ, 10, NULL, "marine_tourism", NULL, NULL},
	{"training_base", "舟山市智能制造实训基地", "city", 2024, 4, 26, S_JS, 8, NULL, "port_mfg", NULL, NULL},
	{"training_base", "舟山市健康养老实训基地", "city", 2024, 4, 26, S_XC, 13, NULL, "health", NULL, NULL},
	{"training_base", "舟山市航海模拟实训基地", "city", 2025, 4, 25, S_HY, -1, NULL, "shipping", NULL, NULL},
	/* integration_base: 11 (A9c achieved) */
	{"integration_base", "舟山市海洋工程装备产教融合实训基地", "city", 2021, 10, 29, S_HY, 1, NULL, "shipping", NULL, NULL},
	{"integration_base", "舟山市船舶修造产教融合实训基地", "city", 2021, 10, 29, S_JS, 0, NULL, "shipping", NULL, NULL},
	{"integration_base", "舟山市石化装置操作产教融合实训基地", "city", 2022, 10, 28, S_SH, 5, NULL, "petrochem", NULL, NULL},
	{"integration_base", "舟山市油品储运产教融合实训基地", "city", 2022, 10, 28, S_DS, 6, NULL, "petrochem", NULL, NULL},
	{"integration_base", "舟山市港口机械产教融合实训基地", "city", 2022, 10, 28, S_JS, 8, NULL, "port_mfg", NULL, NULL},
	{"integration_base", "舟山市水产品加工产教融合实训基地", "city", 2023, 10, 27, S_XC, 9, NULL, "port_mfg", NULL, NULL},
	{"integration_base", "舟山市江海联运物流产教融合实训基地", "city", 2023, 10, 27, S_HY, 3, NULL, "port_trade", NULL, NULL},
	{"integration_base", "舟山市酒店服务产教融合实训基地", "city", 2023, 10, 27, S_LJ, 10, NULL, "marine_tourism", NULL, NULL},
	{"integration_base", "舟山市智慧养老产教融合实训基地", "city", 2024, 10, 25, S_LJ, 13, NULL, "health", NULL, NULL},
	{"integration_base", "舟山市跨境电商产教融合实训基地", "city", 2024, 10, 25, S_ZZ, -1, NULL, "port_trade", NULL, NULL},
	{"integration_base", "舟山市海上风电运维产教融合实训基地", "city", 2025, 10, 24, S_XC, 21, NULL, "port_mfg", NULL, NULL},
	/* coop_project: 9 (A9d short of 10) */
	{"coop_project", "船舶焊接现代学徒制项目", "city", 2021, 9, 1, S_JS, 0, "660105", "shipping", NULL, NULL},
	{"coop_project", "远洋船员订单培养项目", "city", 2021, 9, 1, S_HH, 20, "700302", "shipping", NULL, NULL},
	{"coop_project", "化工总控工订单班", "city", 2022, 9, 1, S_SH, 5, "670201", "petrochem", NULL, NULL},
	{"coop_project", "轮机工程订单培养项目", "city", 2022, 9, 1, S_HY, 2, "500303", "shipping", NULL, NULL},
	{"coop_project", "酒店管理现代学徒制项目", "city", 2022, 9, 1, S_LJ, 10, "540106", "marine_tourism", NULL, NULL},
	{"coop_project", "护理人才协同培养项目", "city", 2023, 9, 1, S_LJ, 12, "520201", "health", NULL, NULL},
	{"coop_project", "港口机械维修订单班", "city", 2023, 9, 1, S_JS, 8, "700306", "port_mfg", NULL, NULL},
	{"coop_project", "冷链物流协同育人项目", "city", 2024, 9, 1, S_XC, 9, "730802", "port_trade", NULL, NULL},
	{"coop_project", "油气储运订单班", "city", 2025, 9, 1, S_DS, 6, "620401", "petrochem", NULL, NULL},
	/* industry_college: 2 (A10a short of 3) */
	{"industry_college", "绿色石化产业学院", "city", 2022, 11, 25, S_HY, 5, NULL, "petrochem", NULL, NULL},
	{"industry_college", "海岛文旅产业学院", "city", 2023, 11, 24, S_LJ, 11, NULL, "marine_tourism", NULL, NULL},
	/* moral_course: 8 (A2 short of 10) */
	{"moral_course", "海魂育人：航海精神与职业素养", "city", 2021, 12, 17, S_HH, -1, NULL, NULL, NULL, NULL},
	{"moral_course", "匠心筑梦：船舶工匠的故事", "city", 2021, 12, 17, S_JS, -1, NULL, NULL, NULL, NULL},
	{"moral_course", "港城青年的责任与担当", "city", 2022, 12, 16, S_ZZ, -1, NULL, NULL, NULL, NULL},
	{"moral_course", "红色海岛行：舟山革命文化", "city", 2022, 12, 16, S_LJ, -1, NULL, NULL, NULL, NULL},
	{"moral_course", "守护生命：护理职业精神", "city", 2023, 12, 15, S_LJ, -1, NULL, NULL, NULL, NULL},
	{"moral_course", "安全第一：石化人的职业操守", "city", 2023, 12, 15, S_SH, -1, NULL, NULL, NULL, NULL},
	{"moral_course", "海岛乡愁：渔文化传承", "city", 2024, 12, 13, S_SS, -1, NULL, NULL, NULL, NULL},
	{"moral_course", "诚信经营：商贸职业道德", "city", 2025, 12, 12, S_ZZ, -1, NULL, NULL, NULL, NULL},
	/* modern_secondary_school: 2 provincial (G4 achieved) */
	{"modern_secondary_school", "浙江省现代化中职学校", "province", 2022, 12, 20, S_ZZ, -1, NULL, NULL, NULL, NULL},
	{"modern_secondary_school", "浙江省现代化中职学校（专门化）", "province", 2024, 12, 18, S_HH, -1, NULL, NULL, NULL, "行动计划：XX航海学校建成专门化省现代化中职学校"},
	/* new_school: the ~4,000-place school (A5a achieved in 2022) */
	{"new_school", "舟山市新城职业技术学校（新建）", "city", 2022, 8, 26, S_XC, -1, NULL, NULL, NULL, "规划学位约4000个；2022年秋季首批招生"},
	/* informatisation, virtual simulation, smart classrooms (A7a-c) */
	{"info_model_school", "舟山市职业教育信息化示范学校", "city", 2022, 6, 24, S_ZZ, -1, NULL, NULL, NULL, NULL},
	{"info_model_school", "舟山市职业教育信息化示范学校", "city", 2023, 6, 30, S_JS, -1, NULL, NULL, NULL, NULL},
	{"info_model_school", "浙江省职业教育信息化示范学校", "province", 2024, 9, 27, S_HY, -1, NULL, NULL, NULL, NULL},
	{"virtual_sim_base", "航海模拟虚拟仿真实训基地", "province", 2023, 9, 22, S_HY, -1, "500301", "shipping", NULL, NULL},
	{"virtual_sim_base", "化工装置虚拟仿真实训基地", "city", 2024, 9, 20, S_SH, -1, "670201", "petrochem", NULL, NULL},
	{"smart_classroom", "船舶电气智慧实训教室", "city", 2022, 11, 4, S_HY, -1, "500308", "shipping", NULL, NULL},
	{"smart_classroom", "智慧护理实训教室", "city", 2023, 11, 10, S_LJ, -1, "520201", "health", NULL, NULL},
	{"smart_classroom", "数控加工智慧实训教室", "city", 2024, 11, 8, S_JS, -1, "660103", "port_mfg", NULL, NULL},
	{"smart_classroom", "智慧酒店实训教室", "city", 2025, 11, 7, S_ZZ, -1, "740104", "marine_tourism", NULL, NULL},
};
const size_t demo_nregistry = sizeof(demo_registry) / sizeof(demo_registry[0]);

/* ---- enterprise industries -------------------------------------------- */

const struct demo_industry_def demo_industries[] = {
	/* shipping */
	{"3731", "shipping", 25, 300, 0, {"船舶制造", "造船", "船业", NULL}, NULL},
	{"4342", "shipping", 55, 150, 0, {"船舶修造", "船舶修理", "船舶工程", NULL}, NULL},
	{"3734", "shipping", 40, 60, 0, {"船舶配件", "船用设备", "船舶机械", NULL}, NULL},
	{"3737", "shipping", 14, 200, 0, {"海洋工程装备", "海工装备", NULL}, NULL},
	{"3735", "shipping", 8, 80, 0, {"船舶改装工程", NULL}, NULL},
	{"3736", "shipping", 3, 60, 0, {"拆船", NULL}, NULL},
	{"5521", "shipping", 18, 120, 0, {"远洋运输", "海运", NULL}, NULL},
	{"5522", "shipping", 60, 40, 0, {"海运", "航运", "船务", NULL}, NULL},
	{"5511", "shipping", 6, 90, 0, {"海上客运", "客运", NULL}, NULL},
	{"5532", "shipping", 10, 300, 0, {"港务", "码头", NULL}, NULL},
	{"5539", "shipping", 20, 25, 0, {"船舶服务", "海事服务", NULL}, NULL},
	{"0421", "shipping", 40, 45, DEMO_FIRM_SOLE | DEMO_FIRM_COOP, {"远洋渔业", "海洋渔业", "水产", NULL}, "渔业专业合作社"},
	{"4823", "shipping", 8, 120, 0, {"港航工程", "海洋工程", NULL}, NULL},
	{"7439", "shipping", 5, 20, 0, {"海洋科技", NULL}, NULL},
	/* port_mfg */
	{"1361", "port_mfg", 45, 80, 0, {"水产", "水产食品", "冷冻食品", NULL}, NULL},
	{"1362", "port_mfg", 30, 50, 0, {"食品", "水产品", NULL}, NULL},
	{"1363", "port_mfg", 6, 60, 0, {"海洋生物制品", "鱼油", NULL}, NULL},
	{"1331", "port_mfg", 6, 150, 0, {"粮油", NULL}, NULL},
	{"3332", "port_mfg", 6, 60, 0, {"压力容器", NULL}, NULL},
	{"3412", "port_mfg", 6, 70, 0, {"动力机械", NULL}, NULL},
	{"3432", "port_mfg", 6, 90, 0, {"起重机械", NULL}, NULL},
	{"3441", "port_mfg", 6, 40, 0, {"泵业", NULL}, NULL},
	{"3443", "port_mfg", 6, 40, 0, {"阀门", NULL}, NULL},
	{"3521", "port_mfg", 8, 60, 0, {"化工设备", NULL}, NULL},
	{"3812", "port_mfg", 6, 50, 0, {"电机", NULL}, NULL},
	{"3823", "port_mfg", 12, 45, 0, {"电气", "电气设备", NULL}, NULL},
	{"3831", "port_mfg", 5, 120, 0, {"电缆", "海缆", NULL}, NULL},
	{"4011", "port_mfg", 8, 35, 0, {"自动化科技", "智能控制", NULL}, NULL},
	{"4320", "port_mfg", 12, 20, 0, {"机械设备维修", "机电设备", NULL}, NULL},
	{"4330", "port_mfg", 6, 25, 0, {"设备工程", NULL}, NULL},
	{"4350", "port_mfg", 6, 20, 0, {"电气维修", NULL}, NULL},
	{"4415", "port_mfg", 5, 60, 0, {"风电", "新能源", NULL}, NULL},
	{"3360", "port_mfg", 5, 30, 0, {"表面处理", NULL}, NULL},
	/* port_trade */
	{"5821", "port_trade", 40, 20, 0, {"国际货运代理", "货运代理", NULL}, NULL},
	{"5810", "port_trade", 10, 60, 0, {"江海联运", "多式联运", NULL}, NULL},
	{"5910", "port_trade", 10, 80, 0, {"装卸", NULL}, NULL},
	{"5920", "port_trade", 15, 30, 0, {"仓储", "物流仓储", NULL}, NULL},
	{"5930", "port_trade", 15, 40, 0, {"冷链物流", "冷藏", NULL}, NULL},
	{"5433", "port_trade", 15, 40, 0, {"集装箱运输", NULL}, NULL},
	{"5431", "port_trade", 25, 25, 0, {"物流", "运输", NULL}, NULL},
	{"6020", "port_trade", 8, 60, 0, {"快递", "速递", NULL}, NULL},
	{"5117", "port_trade", 30, 12, DEMO_FIRM_SOLE, {"水产贸易", "海产品", NULL}, "水产经营部"},
	{"5162", "port_trade", 25, 15, 0, {"石油化工贸易", "能源", "油品贸易", NULL}, NULL},
	{"5164", "port_trade", 15, 15, 0, {"矿产", "金属材料", NULL}, NULL},
	{"5181", "port_trade", 25, 10, 0, {"贸易", "进出口", NULL}, NULL},
	{"5193", "port_trade", 10, 12, 0, {"电子商务", NULL}, NULL},
	{"5292", "port_trade", 20, 10, DEMO_FIRM_SOLE, {"电子商务", "网络科技", NULL}, "网店"},
	{"5212", "port_trade", 10, 40, DEMO_FIRM_SOLE, {"超市", "商贸", NULL}, "超市"},
	{"7224", "port_trade", 15, 20, 0, {"供应链管理", NULL}, NULL},
	{"6631", "port_trade", 5, 25, 0, {"融资租赁", NULL}, NULL},
	/* marine_tourism */
	{"6110", "marine_tourism", 25, 100, 0, {"大酒店", "酒店管理", NULL}, NULL},
	{"6121", "marine_tourism", 10, 30, 0, {"酒店", NULL}, NULL},
	{"6130", "marine_tourism", 35, 6, DEMO_FIRM_SOLE, {"民宿", "民宿管理", NULL}, "民宿"},
	{"6210", "marine_tourism", 40, 25, DEMO_FIRM_SOLE, {"餐饮管理", "海鲜酒楼", NULL}, "海鲜馆"},
	{"6232", "marine_tourism", 5, 8, DEMO_FIRM_SOLE, {"咖啡", NULL}, "咖啡馆"},
	{"7291", "marine_tourism", 20, 15, 0, {"旅行社", "国际旅行社", NULL}, NULL},
	{"7282", "marine_tourism", 5, 15, 0, {"会展服务", NULL}, NULL},
	{"7861", "marine_tourism", 6, 120, 0, {"旅游开发", "景区管理", NULL}, NULL},
	{"9030", "marine_tourism", 8, 12, DEMO_FIRM_SOLE, {"休闲渔业", "海钓", NULL}, "渔家乐"},
	/* health */
	{"8411", "health", 5, 400, 0, {"医院", NULL}, NULL},
	{"8415", "health", 6, 120, 0, {"口腔医院", "眼科医院", "妇产医院", NULL}, NULL},
	{"8425", "health", 15, 15, DEMO_FIRM_SOLE, {"门诊部", "诊所", NULL}, "诊所"},
	{"8514", "health", 12, 60, 0, {"养老服务", "颐养院", NULL}, NULL},
	{"8512", "health", 5, 50, 0, {"护理院", NULL}, NULL},
	{"8521", "health", 8, 30, 0, {"居家养老服务", NULL}, NULL},
	{"8010", "health", 15, 20, DEMO_FIRM_SOLE, {"家政服务", NULL}, "家政服务部"},
	{"8020", "health", 6, 20, 0, {"托育服务", "幼儿托育", NULL}, NULL},
	{"8053", "health", 10, 15, DEMO_FIRM_SOLE, {"养生保健", "健康管理", NULL}, "养生馆"},
	{"7244", "health", 5, 10, 0, {"健康咨询", NULL}, NULL},
	{"8491", "health", 3, 60, 0, {"健康体检", NULL}, NULL},
	/* petrochem */
	{"2511", "petrochem", 3, 1500, 0, {"石化", "石油化工", NULL}, NULL},
	{"2614", "petrochem", 6, 300, 0, {"化工", NULL}, NULL},
	{"2651", "petrochem", 4, 250, 0, {"新材料", "树脂", NULL}, NULL},
	{"2653", "petrochem", 2, 200, 0, {"化纤", NULL}, NULL},
	{"2661", "petrochem", 5, 60, 0, {"化学", "化工助剂", NULL}, NULL},
	{"2929", "petrochem", 6, 50, 0, {"塑业", "塑料制品", NULL}, NULL},
	{"2641", "petrochem", 4, 60, 0, {"涂料", NULL}, NULL},
	{"4511", "petrochem", 4, 80, 0, {"燃气", "天然气", NULL}, NULL},
	{"5941", "petrochem", 10, 70, 0, {"油品储运", "石油储运", NULL}, NULL},
	{"5942", "petrochem", 4, 50, 0, {"化工仓储", NULL}, NULL},
	{"5710", "petrochem", 2, 60, 0, {"海底管道", NULL}, NULL},
	{"4620", "petrochem", 5, 40, 0, {"水务", "环保科技", NULL}, NULL},
	{"7461", "petrochem", 5, 25, 0, {"环境检测", NULL}, NULL},
	{"7724", "petrochem", 4, 40, 0, {"环保", "固废处置", NULL}, NULL},
	/* outside the clusters */
	{"4710", NULL, 20, 80, 0, {"建设", "建筑工程", NULL}, NULL},
	{"5012", NULL, 10, 20, DEMO_FIRM_SOLE, {"装饰工程", "装饰", NULL}, "装饰工作室"},
	{"6513", NULL, 10, 20, 0, {"信息技术", "网络科技", "软件", NULL}, NULL},
	{"7241", NULL, 5, 10, 0, {"财务咨询", "会计服务", NULL}, NULL},
	{"7263", NULL, 8, 30, 0, {"人力资源", "劳务派遣", NULL}, NULL},
	{"7010", NULL, 6, 40, 0, {"房地产开发", "置业", NULL}, NULL},
	{"7020", NULL, 8, 80, 0, {"物业服务", "物业管理", NULL}, NULL},
	{"8111", NULL, 10, 12, DEMO_FIRM_SOLE, {"汽车维修", "汽车服务", NULL}, "汽车修理厂"},
	{"0411", NULL, 10, 15, DEMO_FIRM_SOLE | DEMO_FIRM_COOP, {"水产养殖", "海水养殖", NULL}, "水产专业合作社"},
};
const size_t demo_nindustries = sizeof(demo_industries) / sizeof(demo_industries[0]);

/* 字号: two characters, one from each list (pairs of equal characters
 * are skipped by the generator). */
const char *const demo_name_first[] = {
	"海", "东", "瑞", "恒", "鑫", "华", "金", "宏", "永", "兴", "远", "顺",
	"明", "新", "盛", "嘉", "丰", "和", "泰", "通", "诚", "达", "联", "安",
	"益", "汇", "众", "宇", "中", "舟", "蓝", "星", "银", "富", "昌", "源",
	"隆", "晟", "浩", "润", "天", "博", "帆", "航", "洋", "港", "湾", "宁",
	"瀚", "鼎", NULL};
const char *const demo_name_second[] = {
	"丰", "达", "盛", "通", "祥", "源", "泰", "兴", "鑫", "利", "顺", "宇",
	"航", "港", "海", "洋", "华", "强", "鸿", "腾", "润", "康", "安", "和",
	"信", "诚", "远", "阳", "晖", "辉", "峰", "力", "邦", "越", "凯", "锦",
	"舟", "帆", NULL};

/* ---- jobs --------------------------------------------------------------- */

#define SEA DEMO_JOB_SEA
#define DAY DEMO_JOB_DAILY
#define HOUR DEMO_JOB_HOURLY
#define SHIFT DEMO_JOB_SHIFT
#define AGENCY DEMO_JOB_AGENCY

const struct demo_job_def demo_jobs[] = {
	/* ---- shipping ---- */
	{"6-23-02-01", "shipping", 14, 'L', 6000, 10000, AGENCY, "3731 3735 3737 4342",
	 {"船体装配工", "船厂铆工", "船体结构工", "分段装配工", "船体火工", "铆工（船厂）", NULL},
	 {"按图纸进行船体分段的划线、切割和装配", "负责船体结构件的组立、合拢和校正",
	  "配合焊工完成分段焊接前的定位装配", "执行船体火工矫正和变形控制",
	  "遵守船厂安全生产规定，做好工位6S管理", NULL},
	 {"有船厂铆工或装配工作经验", "能看懂船体结构图纸", "能适应船厂露天及高空作业",
	  "持有特种作业操作证者优先", NULL}},
	{"6-18-02-04", "shipping", 16, 'L', 7000, 12000, AGENCY | DAY, "3731 4342 3734 3737 3332 3360",
	 {"电焊工", "船厂电焊工", "二保焊工", "氩弧焊工", "CO2焊工", "持证焊工", NULL},
	 {"负责船体分段、管系或钢结构的焊接作业", "按焊接工艺规程进行平焊、立焊、仰焊等全位置焊接",
	  "做好焊前坡口清理和焊后自检", "配合质检完成焊缝探伤返修", NULL},
	 {"持有焊工证（CCS船级社焊工证优先）", "熟练掌握二氧化碳保护焊", "能适应高空及舱内作业",
	  "2年以上焊接经验", NULL}},
	{"6-23-02-02", "shipping", 7, 'M', 6500, 11000, 0, "3731 3734 4342 3737",
	 {"船舶钳工", "船舶机装工", "主机安装工", "轴系安装钳工", "船舶设备安装工", NULL},
	 {"负责主机、辅机及轴系的安装、对中和调试", "完成甲板机械和舱室设备的安装固定",
	  "按工艺要求进行设备的拆检和装复", "配合系泊试验和航行试验", NULL},
	 {"中专以上学历，机械或轮机相关专业", "有船舶机装或钳工经验", "能看懂机械装配图",
	  "持有钳工等级证书优先", NULL}},
	{"6-23-02-03", "shipping", 6, 'M', 6500, 11000, 0, "3731 3734 4342 3737",
	 {"船舶电工", "船舶电气安装工", "船舶电气调试员", "船厂电工", NULL},
	 {"负责船舶电缆敷设、接线及电气设备安装", "配合完成配电板、照明和通导设备的调试",
	  "按图纸进行电气系统的检查和绝缘测试", "处理修船过程中的电气故障", NULL},
	 {"持有低压电工证", "熟悉船舶电气图纸", "能适应舱内和夜班作业", "有船厂电工经验者优先", NULL}},
	{"6-31-02-01", "shipping", 10, 'L', 6500, 10500, AGENCY, "4342 3735",
	 {"修船工", "船舶修理技工", "坞修工", "修船钳工", "船舶维修工", NULL},
	 {"负责进坞船舶的除锈、换板和结构修理", "配合完成船舶机械设备的拆检与修复",
	  "完成坞修工程中的管系、阀件更换", "按修理单做好修理记录和交验", NULL},
	 {"有修船厂工作经验", "吃苦耐劳，能适应加班", "身体健康，能登高作业", "会电焊、气割者优先", NULL}},
	{"6-18-03-03", "shipping", 5, 'L', 6000, 9500, AGENCY | DAY, "3731 4342 3737",
	 {"油漆工", "船舶油漆工", "喷漆工", "涂装工", "打砂工", NULL},
	 {"负责船体分段和舱室的除锈、打砂和喷涂", "按涂装工艺控制漆膜厚度和质量",
	  "做好涂装设备的保养和现场防护", NULL},
	 {"有船厂涂装经验", "能适应高空和舱内作业", "吃苦耐劳，服从安排", NULL}},
	{"6-29-03-04", "shipping", 5, 'L', 6500, 10500, AGENCY, "3731 4342 3737",
	 {"船舶管系工", "管子工", "管系安装工", "船厂管工", NULL},
	 {"负责船舶管系的下料、弯管和预制", "完成管系的安装、校管和密性试验",
	  "按图纸进行管路支架的制作和安装", NULL},
	 {"有船厂管系工作经验", "能看懂管系图", "能适应舱内作业", NULL}},
	{"6-30-04-01", "shipping", 8, 'L', 8000, 13000, SEA, "5521 5522 5511 5539",
	 {"水手", "甲板水手", "一水", "值班水手", "沿海货船水手", "AB水手", NULL},
	 {"负责航行值班瞭望和操舵", "负责船舶系解缆、抛起锚作业", "做好甲板设备的保养和除锈油漆",
	  "配合大副完成装卸货和货物积载检查", NULL},
	 {"持有有效海员证和适任证书", "身体健康，无晕船", "能适应长期海上工作", "有沿海或远洋经验优先", NULL}},
	{"6-30-04-02", "shipping", 8, 'L', 8000, 13000, SEA, "5521 5522 5511 5539",
	 {"机工", "值班机工", "一级机工", "机舱加油工", "沿海货船机工", NULL},
	 {"负责机舱值班，巡查主辅机运行状况", "协助轮机员进行设备维护和检修",
	  "做好燃油、滑油的驳运和记录", "保持机舱清洁和设备润滑", NULL},
	 {"持有机工适任证书", "熟悉柴油机基本结构", "能适应海上工作和轮班", "有船舶机舱工作经验优先", NULL}},
	{"2-04-02-01", "shipping", 8, 'H', 15000, 30000, SEA, "5521 5522 5511",
	 {"三副", "二副", "大副", "船长", "驾驶员（沿海）", "远洋大副", NULL},
	 {"负责航行值班和船舶安全航行", "负责航线设计和航海图书资料管理",
	  "负责货物积载、配载和装卸安全", "组织船舶应急演练和安全检查", NULL},
	 {"持有相应等级的适任证书", "航海技术专业毕业", "熟悉国际海上避碰规则", "英语良好者优先（远洋）", NULL}},
	{"2-04-02-02", "shipping", 7, 'H', 15000, 28000, SEA, "5521 5522 5511",
	 {"三管轮", "二管轮", "大管轮", "轮机长", "轮机员", NULL},
	 {"负责主机、发电机等设备的运行管理", "制定并落实机舱设备保养计划",
	  "负责燃油、物料的申领和管理", "处理机舱设备故障，保证船舶动力", NULL},
	 {"持有相应等级的轮机适任证书", "轮机工程相关专业", "熟悉船用柴油机和电气系统",
	  "有同等船型任职经历优先", NULL}},
	{"5-04-03-02", "shipping", 9, 'L', 7000, 15000, SEA, "0421",
	 {"远洋渔船船员", "渔船船员", "远洋捕捞船员", "鱿钓船船员", "金枪鱼船船员", NULL},
	 {"负责渔具的整理、下放和起网作业", "负责渔获物的分拣、加工和冷冻",
	  "协助船舶值班和甲板设备保养", "服从船长安排，遵守渔船安全规定", NULL},
	 {"身体健康，能适应远洋作业", "持有渔业船员证书或能参加培训", "吃苦耐劳，服从管理",
	  "有远洋渔船经验优先", NULL}},
	{"2-02-07-12", "shipping", 6, 'H', 9000, 16000, 0, "3731 3737 4342",
	 {"船舶设计工程师", "船体工艺工程师", "造船工程师", "船舶轮机工程师", "修船技术主管", NULL},
	 {"负责船体结构或舾装的生产设计", "编制施工工艺和材料清单", "现场解决生产中的技术问题",
	  "配合船东、船检完成报验工作", NULL},
	 {"船舶与海洋工程相关专业大专以上学历", "熟练使用AutoCAD、Tribon等设计软件",
	  "3年以上船厂技术工作经验", "具备良好的沟通协调能力", NULL}},
	{"2-02-15-05", "shipping", 2, 'H', 8000, 14000, 0, "3731 4342 7439",
	 {"验船师", "船舶检验员", "船舶检验助理", "质量检验员（船舶）", NULL},
	 {"负责船舶建造和修理过程的质量检验", "对照规范检查船体结构和焊缝质量",
	  "参与系泊、航行试验及报验", "编写检验报告和整改意见", NULL},
	 {"船舶工程或轮机专业", "熟悉船级社规范", "有船厂质检或验船经验", "能适应出差", NULL}},
	/* ---- port_mfg ---- */
	{"6-18-01-07", "port_mfg", 12, 'M', 6000, 9500, SHIFT, "3412 3432 3441 3443 3521 3734 3812",
	 {"数控车床操作工", "CNC操作员", "加工中心操作工", "数控机床调机员", "数控编程操作员", NULL},
	 {"按图纸和工艺要求完成零件的数控加工", "负责数控程序的调试和刀具的更换补偿",
	  "做好首件自检和加工过程质量控制", "负责机床的日常点检和保养", NULL},
	 {"熟悉FANUC或西门子数控系统", "能看懂机械图纸，会使用常用量具", "有1年以上数控加工经验",
	  "数控技术等相关专业优先", NULL}},
	{"6-18-01-01", "port_mfg", 5, 'L', 5500, 8500, SHIFT, "3412 3432 3441 3443 4320",
	 {"普车车工", "车工", "普通车床操作工", "机加工车工", NULL},
	 {"操作普通车床完成轴类、盘类零件加工", "按图纸要求保证尺寸精度和表面质量",
	  "做好设备的日常维护", NULL},
	 {"会看图纸，会磨刀具", "有车工经验", "能适应两班倒", NULL}},
	{"6-31-01-02", "port_mfg", 9, 'M', 6000, 9000, 0, "4320 4330 1361 3432 5532",
	 {"机修工", "设备维修钳工", "机修钳工", "维修钳工", NULL},
	 {"负责生产设备的日常巡检和故障维修", "完成设备的定期保养和易损件更换",
	  "参与设备的安装、调试和技术改造", "做好设备维修记录", NULL},
	 {"机电或机械相关专业", "熟悉液压、气动和机械传动", "有设备维修经验", "持有钳工证优先", NULL}},
	{"6-31-01-03", "port_mfg", 10, 'M', 6000, 9000, SHIFT, NULL,
	 {"维修电工", "电工", "持证电工", "设备电工", "值班电工", NULL},
	 {"负责厂区供配电设备的运行维护", "负责生产设备电气故障的排查和维修",
	  "做好电气设备的定期检查和安全检测", "填写值班记录和维修台账", NULL},
	 {"持有低压或高压电工证", "熟悉PLC及变频器者优先", "能适应倒班", "有工厂电工经验", NULL}},
	{"6-31-07-03", "port_mfg", 4, 'M', 6000, 9000, SHIFT, "3731 3734 3332 4011 3812",
	 {"机器人操作员", "焊接机器人操作工", "工业机器人操作员", "自动化产线操作工", NULL},
	 {"负责工业机器人工作站的开机、运行和监控", "完成机器人程序的调用和简单示教修改",
	  "处理生产线的一般报警和异常", "做好设备点检和产品质量自检", NULL},
	 {"中专以上，机电或工业机器人专业", "了解ABB、FANUC等机器人操作", "责任心强，服从安排", NULL}},
	{"6-31-07-01", "port_mfg", 3, 'H', 7000, 11000, 0, "4011 3734 3731 3812",
	 {"机器人运维工程师", "机器人调试工程师", "自动化设备运维员", NULL},
	 {"负责机器人系统的安装调试和程序优化", "制定机器人设备的预防性维护计划",
	  "分析和排除机器人及周边设备故障", "对操作人员进行培训", NULL},
	 {"大专以上，工业机器人或机电一体化专业", "熟悉机器人示教编程和PLC", "2年以上相关经验", NULL}},
	{"2-02-07-07", "port_mfg", 5, 'H', 8000, 14000, 0, "4011 3823 2511 2614",
	 {"电气自动化工程师", "PLC工程师", "自控工程师", "DCS工程师", NULL},
	 {"负责自动化控制系统的设计、编程和调试", "负责PLC、DCS系统的维护和升级",
	  "参与项目现场的安装调试和验收", "编写技术文件和操作规程", NULL},
	 {"电气自动化相关专业大专以上学历", "熟悉西门子、AB等PLC编程", "有项目调试经验", "能适应出差", NULL}},
	{"2-02-07-02", "port_mfg", 4, 'H', 8000, 13000, 0, "3412 3432 3441 3443 3521 3332",
	 {"机械工艺工程师", "机械工程师", "工艺员（机加工）", "生产技术员", NULL},
	 {"负责产品加工工艺的编制和优化", "解决生产现场的工艺技术问题",
	  "参与新产品试制和工装设计", "推动生产效率和质量改进", NULL},
	 {"机械设计制造相关专业", "熟练使用CAD、SolidWorks", "2年以上机械制造行业经验", NULL}},
	{"6-20-01-01", "port_mfg", 5, 'L', 5500, 8500, 0, "3412 3432 3441 3443 3521 3812 3823",
	 {"装配工", "装配钳工", "机械装配工", "设备装配工", NULL},
	 {"按装配图完成部件和整机的装配", "负责装配过程中的调整和精度检测",
	  "配合完成产品试车和出厂检验", NULL},
	 {"能看懂装配图纸", "会使用常用工具和量具", "有机械装配经验优先", NULL}},
	{"6-01-05-01", "port_mfg", 9, 'L', 4500, 7000, DAY | SHIFT, "1361 1362 1363",
	 {"水产加工工", "鱼片加工工", "水产品分拣工", "冷冻车间操作工", "虾仁加工普工", NULL},
	 {"负责水产品的解冻、分拣、去头去皮等加工", "按工艺要求完成速冻、包装和装箱",
	  "保持车间卫生，遵守食品安全规定", NULL},
	 {"身体健康，持健康证上岗", "能适应冷库和低温环境", "吃苦耐劳，男女不限", NULL}},
	{"4-08-05-01", "port_mfg", 3, 'M', 5000, 7500, 0, "1361 1362 1363 1331",
	 {"食品检验员", "品控员", "化验员（食品）", "质检员（水产）", NULL},
	 {"负责原料、半成品和成品的理化及微生物检验", "执行HACCP体系，做好品质记录",
	  "参与出口产品的检验检疫报检", NULL},
	 {"食品检测相关专业", "熟悉食品检验标准", "细心负责", NULL}},
	{"6-28-01-12", "port_mfg", 3, 'M', 7000, 11000, SHIFT, "4415",
	 {"风电运维员", "海上风电运维技术员", "风机维护员", "风电场值班员", NULL},
	 {"负责风电机组的巡检、定检和故障处理", "负责升压站设备的运行监盘和倒闸操作",
	  "完成海上风机的登塔作业和维护记录", NULL},
	 {"电气或机电相关专业", "持有高压电工证", "能适应海上出海作业和登高", "持GWO证书优先", NULL}},
	/* ---- port_trade ---- */
	{"4-02-06-03", "port_trade", 10, 'M', 5000, 8000, 0, "5431 5433 5810 5821 5920 5930 6020 7224",
	 {"物流专员", "物流调度员", "物流业务员", "物流跟单员", "运输调度", NULL},
	 {"负责运输计划的制定和车辆调度", "跟踪货物在途状态，处理异常",
	  "负责与客户、车队的沟通对接", "整理运输单据和费用结算", NULL},
	 {"物流管理相关专业", "熟练使用办公软件", "沟通能力强", "有物流行业经验优先", NULL}},
	{"4-02-06-02", "port_trade", 6, 'L', 5000, 7500, SHIFT, "5532 5910 5920 5810",
	 {"外轮理货员", "码头理货员", "仓库理货员", "理货员", NULL},
	 {"负责集装箱或件杂货的现场理货计数", "核对舱单和货物标志，记录残损",
	  "编制理货单证并及时交接", "配合装卸作业确保货物准确", NULL},
	 {"中专以上学历", "能适应倒班和户外作业", "认真细致，责任心强", "外轮理货专业优先", NULL}},
	{"4-02-05-03", "port_trade", 7, 'M', 5500, 9000, 0, "5821 5810 5532",
	 {"货代操作", "海运操作", "单证员", "国际货代操作员", "订舱专员", NULL},
	 {"负责订舱、拖车和报关等操作流程", "制作和审核提单、装箱单等单证",
	  "跟踪货物出运和到港信息", "维护船公司和客户关系", NULL},
	 {"熟悉海运进出口流程", "英语读写良好", "有货代操作经验优先", "国际货运代理等专业优先", NULL}},
	{"2-06-07-12", "port_trade", 4, 'M', 5500, 9000, 0, "5821 5181 5162 5164",
	 {"报关员", "关务专员", "报关专员", "进出口专员", NULL},
	 {"负责进出口货物的申报和单证审核", "办理商检、通关及税费缴纳",
	  "跟踪海关政策变化，做好商品归类", "处理查验等异常情况", NULL},
	 {"熟悉海关通关流程和HS编码", "有报关经验", "关务或国际贸易专业优先", NULL}},
	{"2-06-07-01", "port_trade", 6, 'H', 6000, 12000, 0, "5181 5162 5164 5117 5193",
	 {"外贸业务员", "外贸跟单员", "国际贸易专员", "进出口业务员", "油品贸易专员", NULL},
	 {"开发和维护海外客户，处理询盘报价", "负责合同签订、订单跟踪和收汇",
	  "协调生产、运输和报关环节", "参加展会，收集市场信息", NULL},
	 {"国际经济与贸易等相关专业", "英语四级以上，口语流利", "熟悉外贸流程和信用证",
	  "有大宗商品贸易经验优先", NULL}},
	{"4-01-06-01", "port_trade", 8, 'M', 5000, 9000, 0, "5292 5193 5117",
	 {"电商运营", "淘宝运营", "电商专员", "天猫店铺运营", "跨境电商运营", NULL},
	 {"负责网店的日常运营和商品上架", "策划店铺促销活动，提升转化率",
	  "分析店铺数据，优化推广投放", "处理客户咨询和售后问题", NULL},
	 {"电子商务相关专业", "熟悉淘宝、抖音或亚马逊平台规则", "会基础作图和数据分析",
	  "有海产品电商经验优先", NULL}},
	{"4-01-06-02", "port_trade", 5, 'M', 5000, 12000, 0, "5292 5193 5117 6130 7291",
	 {"带货主播", "直播带货主播", "短视频运营", "直播运营", "海鲜带货主播", NULL},
	 {"负责直播间带货讲解和互动", "策划直播脚本和短视频内容",
	  "分析直播数据，提升粉丝和销量", "配合团队完成选品和排期", NULL},
	 {"形象良好，表达能力强", "有直播或短视频经验优先", "能接受晚间直播", NULL}},
	{"6-30-05-01", "port_trade", 6, 'L', 7000, 11000, SHIFT, "5532 5910 4342 3731 5920",
	 {"门机司机", "桥吊司机", "龙门吊司机", "行车工", "叉车司机", "起重机司机", NULL},
	 {"负责码头或厂区起重设备的操作", "按指挥信号完成货物的装卸和吊运",
	  "做好设备班前检查和交接班记录", "遵守起重作业安全规程", NULL},
	 {"持有特种设备作业人员证（起重机械）", "能适应倒班", "有相关操作经验优先", NULL}},
	{"4-02-03-02", "port_trade", 4, 'M', 6000, 10000, 0, "5539 5522 5521 5532",
	 {"船务代理", "船代操作", "船舶代理业务员", "船务专员", NULL},
	 {"负责船舶进出港申报及靠泊安排", "联系港口、海事、边检等单位办理手续",
	  "跟踪船舶动态并及时反馈船东", "处理船舶供应、船员换班等事务", NULL},
	 {"航运或港口相关专业", "熟悉船舶代理业务流程", "英语良好", "能适应值班", NULL}},
	{"4-02-02-02", "port_trade", 6, 'L', 7000, 12000, 0, "5431 5433 5930",
	 {"集卡司机", "货车司机", "重卡司机", "A2驾驶员", "冷链货车司机", NULL},
	 {"负责集装箱或货物的道路运输", "做好车辆的日常检查和保养", "按调度要求按时安全送达",
	  "保管好运输单据", NULL},
	 {"持有A2或B2驾驶证", "驾龄3年以上，无重大事故", "有集卡驾驶经验优先", NULL}},
	{"4-02-06-05", "port_trade", 3, 'H', 7000, 12000, 0, "7224 5162 5164 5810",
	 {"供应链专员", "供应链经理", "采购计划员", "供应链运营专员", NULL},
	 {"负责供应链计划的制定与执行", "协调采购、仓储、运输各环节",
	  "分析库存和成本，优化供应链流程", "管理供应商和物流服务商", NULL},
	 {"物流或供应链相关专业", "熟悉ERP系统", "数据分析能力强", "3年以上相关经验", NULL}},
	{"4-02-06-01", "port_trade", 5, 'L', 4800, 7000, 0, "5920 5930 5910 6020",
	 {"仓管员", "仓库管理员", "仓储专员", "冷库管理员", NULL},
	 {"负责货物的出入库登记和盘点", "维护仓库货位和库存账目", "保持仓库整洁，做好安全防护", NULL},
	 {"会使用电脑和WMS系统", "责任心强，细心", "会开叉车优先", NULL}},
	/* ---- marine_tourism ---- */
	{"4-07-04-01", "marine_tourism", 6, 'M', 4500, 9000, DAY, "7291 7861",
	 {"导游", "普陀山导游", "景区导游", "地接导游", "讲解员", NULL},
	 {"负责旅游团的接待和行程讲解", "按计划安排游客的食宿和游览",
	  "处理行程中的突发情况和投诉", "宣传舟山海岛和佛教文化", NULL},
	 {"持有导游证", "普通话标准，形象良好", "熟悉普陀山、朱家尖等景点", "英语或日语导游优先", NULL}},
	{"4-07-04-03", "marine_tourism", 4, 'M', 4500, 7500, 0, "7291",
	 {"计调", "旅游计调", "地接计调", "计调专员", NULL},
	 {"负责旅游线路的设计和报价", "预订酒店、车辆、船票和景区门票",
	  "安排导游并跟踪团队行程", "核算团队成本和结算", NULL},
	 {"旅游管理相关专业", "熟悉舟山旅游资源", "有旅行社计调经验优先", NULL}},
	{"4-07-04-04", "marine_tourism", 3, 'M', 4500, 7000, 0, "7291 7861",
	 {"旅游顾问", "旅游咨询师", "门店旅游顾问", "旅游销售顾问", NULL},
	 {"为游客提供旅游线路咨询和推荐", "负责门店或线上客户的接待和签约",
	  "维护客户关系，促成二次消费", NULL},
	 {"热爱旅游行业", "沟通能力强", "有销售经验优先", NULL}},
	{"4-03-01-01", "marine_tourism", 6, 'M', 4200, 6000, SHIFT, "6110 6121",
	 {"酒店前台", "前台接待", "前厅接待员", "礼宾员", NULL},
	 {"负责宾客的入住登记和退房结账", "解答客人咨询，处理预订",
	  "协调客房、餐饮等部门满足客人需求", NULL},
	 {"形象气质佳", "会基础英语", "能适应倒班", "有酒店前台经验优先", NULL}},
	{"4-03-01-02", "marine_tourism", 6, 'L', 4000, 6000, HOUR, "6110 6121 6130",
	 {"客房服务员", "房务员", "客房保洁员", "酒店客房阿姨", NULL},
	 {"负责客房的清洁整理和布草更换", "补充客房用品，检查设施设备",
	  "及时报告客人遗留物品和维修事项", NULL},
	 {"身体健康，吃苦耐劳", "年龄55岁以下", "有酒店工作经验优先", NULL}},
	{"4-03-02-05", "marine_tourism", 8, 'L', 4000, 6000, HOUR | DAY, "6210 6110",
	 {"餐厅服务员", "传菜员", "海鲜餐厅服务员", "包厢服务员", "服务员", NULL},
	 {"负责餐前摆台和餐厅卫生", "为客人点菜、上菜和席间服务", "介绍海鲜菜品和特色菜",
	  "做好收台和交接工作", NULL},
	 {"身体健康，持健康证", "服务意识强", "可接受兼职、小时工", NULL}},
	{"4-03-02-01", "marine_tourism", 8, 'M', 6000, 10000, 0, "6210 6110",
	 {"厨师", "海鲜厨师", "炒锅", "中餐厨师", "厨师长", "砧板", NULL},
	 {"负责海鲜及中式菜品的烹制", "按标准完成原料的初加工和切配",
	  "研发时令菜品，控制出品质量", "做好厨房卫生和食品安全", NULL},
	 {"持有中式烹调师证书", "擅长海鲜菜品者优先", "有酒店或酒楼厨房经验", NULL}},
	{"4-03-02-02", "marine_tourism", 2, 'M', 5000, 8000, 0, "6210 6110",
	 {"面点师", "中式面点师", "点心师", NULL},
	 {"负责中式面点、早点的制作", "研发特色点心，控制出品质量", NULL},
	 {"有面点制作经验", "持健康证", NULL}},
	{"4-14-06-02", "marine_tourism", 5, 'M', 4500, 7500, 0, "6130",
	 {"民宿管家", "民宿前台", "民宿店长", "民宿运营管家", NULL},
	 {"负责民宿客人的接待、入住和退房", "安排房间清洁和日常维护",
	  "为客人提供海岛游玩推荐和预订服务", "负责携程、美团等平台的房态和点评管理", NULL},
	 {"热爱海岛生活，能长期驻岛", "沟通能力好，服务意识强", "会使用OTA平台者优先", NULL}},
	{"4-07-04-07", "marine_tourism", 2, 'H', 5500, 9000, 0, "7861 9030",
	 {"景区运营专员", "景区运营主管", "景区管理员", NULL},
	 {"负责景区日常运营和游客服务管理", "策划景区节庆活动，提升客流",
	  "协调安全、票务和环境卫生工作", NULL},
	 {"旅游管理相关专业大专以上", "有景区运营经验", "策划和执行能力强", NULL}},
	{"4-07-07-01", "marine_tourism", 1, 'M', 5000, 8000, 0, "7282",
	 {"会展专员", "会展执行", "会务专员", NULL},
	 {"负责展会、会议的现场执行", "对接场地、搭建和供应商", "做好参会人员接待", NULL},
	 {"会展相关专业", "执行力强", "能适应出差", NULL}},
	{"4-13-01-05", "marine_tourism", 3, 'H', 5500, 9000, 0, "7291 7861 6110 6130",
	 {"新媒体运营", "文旅新媒体运营", "抖音运营", "小红书运营", NULL},
	 {"负责公众号、抖音、小红书等账号的内容运营", "策划海岛旅游主题的图文和短视频",
	  "分析粉丝数据，提升曝光和转化", NULL},
	 {"文案功底好，会剪辑", "熟悉新媒体平台规则", "有文旅项目经验优先", NULL}},
	/* ---- health ---- */
	{"2-05-08-01", "health", 8, 'H', 6000, 9500, SHIFT, "8411 8412 8415",
	 {"护士", "内科护士", "病房护士", "临床护士", "护士（内科）", NULL},
	 {"负责病区患者的基础护理和专科护理", "执行医嘱，完成输液、采血等操作",
	  "观察病情变化，做好护理记录", "开展健康宣教和出院指导", NULL},
	 {"护理专业大专以上学历", "持有护士执业资格证", "能适应夜班", "有三甲医院实习经历优先", NULL}},
	{"2-05-08-03", "health", 3, 'H', 6500, 10000, SHIFT, "8411",
	 {"急诊科护士", "急诊护士", "ICU护士", "重症护士", NULL},
	 {"负责急诊患者的分诊和抢救配合", "熟练进行心肺复苏和急救操作",
	  "做好抢救药品和仪器的管理", NULL},
	 {"持有护士执业证", "2年以上急诊或ICU工作经验", "反应敏捷，抗压能力强", NULL}},
	{"2-05-08-05", "health", 2, 'H', 5500, 8000, 0, "8425 8411",
	 {"社区护士", "社区卫生服务中心护士", "门诊护士", NULL},
	 {"负责社区居民的健康档案管理和随访", "开展预防接种、慢病管理和家庭护理",
	  "协助门诊日常护理工作", NULL},
	 {"持有护士执业证", "有责任心和亲和力", NULL}},
	{"2-05-08-06", "health", 2, 'H', 6500, 10000, SHIFT, "8411 8415",
	 {"助产士", "产房助产士", "助产护士", NULL},
	 {"负责产妇的产程观察和接生", "做好新生儿处理和母婴护理", "开展孕产期健康教育", NULL},
	 {"助产专业大专以上", "持有护士执业证和母婴保健技术合格证", "能适应夜班", NULL}},
	{"4-10-01-05", "health", 8, 'L', 4500, 7000, SHIFT, "8514 8512 8521",
	 {"养老护理员", "护理员", "养老院护工", "护工", "居家养老护理员", NULL},
	 {"负责老人的生活照料，包括饮食、洗浴和起居", "协助老人进行康复活动和日常锻炼",
	  "观察老人身体状况并及时报告", "做好护理区域的清洁消毒", NULL},
	 {"身体健康，有爱心和耐心", "持养老护理员证书优先", "年龄60岁以下", NULL}},
	{"4-14-01-02", "health", 4, 'L', 4500, 6500, DAY, "8411 8415 8512",
	 {"医院护工", "医疗护理员", "病房陪护", "护工（医院）", NULL},
	 {"负责住院患者的生活照护和陪护", "协助患者翻身、进食和如厕", "配合护士做好病房清洁", NULL},
	 {"有爱心，吃苦耐劳", "持健康证", "经培训可上岗", NULL}},
	{"4-10-01-06", "health", 5, 'L', 5000, 9000, DAY | HOUR, "8010",
	 {"家政服务员", "住家保姆", "育儿嫂", "钟点工", "月嫂", NULL},
	 {"负责雇主家庭的清洁、做饭和衣物整理", "照顾老人或婴幼儿的日常起居",
	  "按雇主要求完成其他家务", NULL},
	 {"身体健康，持健康证", "做饭好吃，干净利落", "有育儿嫂或月嫂证书优先", NULL}},
	{"4-10-04-02", "health", 3, 'L', 5000, 10000, 0, "8053",
	 {"按摩师", "推拿师", "足疗技师", "理疗师", NULL},
	 {"为顾客提供按摩、推拿和足疗服务", "根据顾客身体状况推荐保健项目",
	  "保持工作区域清洁卫生", NULL},
	 {"持有保健按摩师证", "手法娴熟，服务态度好", "可提供培训", NULL}},
	{"4-14-02-02", "health", 3, 'H', 5500, 9000, 0, "7244 8491 8053 8411",
	 {"健康管理师", "健康顾问", "体检中心健康管理师", NULL},
	 {"负责客户健康档案的建立和健康评估", "制定个性化健康管理方案并跟踪执行",
	  "开展健康讲座和慢病干预", NULL},
	 {"医学、护理或健康管理专业", "持健康管理师证书优先", "沟通能力强", NULL}},
	{"2-05-06-01", "health", 3, 'H', 6000, 9000, 0, "8411 8425",
	 {"药师", "执业药师", "药剂师", "医院药房药师", NULL},
	 {"负责处方审核和药品调配", "提供用药咨询和用药指导", "负责药品的验收、养护和效期管理", NULL},
	 {"药学专业大专以上", "持有药师或执业药师资格证", "有医院药房经验优先", NULL}},
	{"2-05-07-04", "health", 2, 'H', 6000, 9000, 0, "8411 8491",
	 {"检验技师", "检验科技师", "医学检验员", NULL},
	 {"负责血液、生化、免疫等标本的检验", "操作和维护检验仪器，做好质控",
	  "及时准确发出检验报告", NULL},
	 {"医学检验专业", "持检验士以上资格证", "有医院检验科经验优先", NULL}},
	{"4-10-01-03", "health", 3, 'M', 4000, 6000, 0, "8020",
	 {"保育员", "托育老师", "保育老师", "托育园保育师", NULL},
	 {"负责婴幼儿的生活照料和日常护理", "组织婴幼儿游戏和早期启蒙活动",
	  "做好班级卫生消毒和安全管理", "与家长沟通婴幼儿成长情况", NULL},
	 {"婴幼儿托育或学前教育相关专业", "持保育师或育婴员证书", "有爱心和耐心", NULL}},
	/* ---- petrochem ---- */
	{"6-11-01-03", "petrochem", 9, 'M', 8000, 13000, SHIFT, "2511 2614 2651 2653",
	 {"化工操作工", "内操", "DCS操作员", "化工总控工", "石化装置操作工", NULL},
	 {"负责DCS系统的监控和工艺参数调整", "按操作规程完成装置的开停车和切换",
	  "及时处理装置异常，防止事故发生", "做好交接班和操作记录", NULL},
	 {"化工工艺相关专业中专以上学历", "能适应四班两倒", "有炼化装置操作经验优先",
	  "持化工总控工证书优先", NULL}},
	{"4-08-10-02", "petrochem", 9, 'M', 7500, 12000, SHIFT, "2511 2614 2651 2653 2661",
	 {"外操", "化工外操", "现场操作工", "装置外操员", "巡检操作工", NULL},
	 {"负责装置现场的巡检和设备运行检查", "配合内操完成现场阀门操作和流程切换",
	  "进行现场采样和简单分析", "发现隐患及时处理和上报", NULL},
	 {"化工或相关专业中专以上", "身体健康，能适应倒班", "有石化企业工作经验优先", NULL}},
	{"2-02-06-03", "petrochem", 5, 'H', 10000, 18000, 0, "2511 2614 2651 2653",
	 {"工艺工程师", "化工工艺员", "装置工艺工程师", "化工工程师", NULL},
	 {"负责装置工艺技术管理和工艺卡片编制", "分析装置运行数据，优化工艺参数",
	  "参与开停工方案和技术改造", "组织工艺培训和事故分析", NULL},
	 {"化学工程与工艺等相关专业大专以上学历", "3年以上石化装置工艺经验",
	  "熟悉Aspen等流程模拟软件者优先", NULL}},
	{"6-31-03-01", "petrochem", 5, 'M', 6500, 10000, SHIFT, "2511 2614 2651 2661 7461",
	 {"化验员", "分析检验员", "质检化验员", "油品化验员", NULL},
	 {"负责原料、中间品和产品的化学分析", "操作色谱、光谱等分析仪器",
	  "编制检验报告并及时反馈结果", "做好仪器维护和实验室安全管理", NULL},
	 {"分析检验或化学相关专业", "熟悉油品分析国家标准", "能适应倒班", "有化验室工作经验优先", NULL}},
	{"6-31-06-00", "petrochem", 6, 'M', 6500, 10000, 0, "2511 2614 5941 3731 4342 4710",
	 {"安全员", "HSE专员", "安全管理员", "现场安全员", "注册安全工程师", NULL},
	 {"负责现场安全检查和隐患排查", "监督动火、受限空间等特殊作业",
	  "组织安全培训和应急演练", "建立安全台账和事故报告", NULL},
	 {"安全工程或化工相关专业", "持有安全员证或注安证书", "熟悉安全生产法律法规",
	  "有化工或船厂安全管理经验", NULL}},
	{"2-02-28-03", "petrochem", 2, 'H', 10000, 16000, 0, "2511 2614 2651",
	 {"安全工程师", "HSE工程师", "安全主管", NULL},
	 {"负责建立和完善HSE管理体系", "组织风险辨识和安全评价", "指导各部门落实安全生产责任", NULL},
	 {"注册安全工程师优先", "5年以上化工安全管理经验", NULL}},
	{"6-31-01-04", "petrochem", 4, 'M', 7000, 11000, SHIFT, "2511 2614 2651 5941",
	 {"仪表工", "仪表维修工", "仪表技术员", "仪控维修工", NULL},
	 {"负责现场仪表和控制系统的维护检修", "对压力、流量、液位等仪表进行校验",
	  "处理仪表故障，保障装置平稳运行", NULL},
	 {"化工仪表或自动化专业", "有石化装置仪表维护经验", "能适应值班", NULL}},
	{"6-16-02-11", "petrochem", 5, 'L', 7000, 11000, SHIFT, "5941 5710 5162",
	 {"油库操作工", "储运操作工", "油品储运工", "码头油品装卸工", "罐区操作工", NULL},
	 {"负责罐区油品的收发、调和和计量", "配合油轮靠泊完成油品装卸作业",
	  "巡检管线、阀门和储罐，防止跑冒滴漏", NULL},
	 {"油气储运或化工相关专业", "能适应倒班和码头作业", "持危险化学品作业证优先", NULL}},
	{"6-28-02-01", "petrochem", 2, 'M', 7000, 10000, SHIFT, "4511",
	 {"LNG操作员", "燃气储运工", "天然气站操作员", NULL},
	 {"负责LNG接收站或气化站设备的运行操作", "完成槽车装卸和储罐巡检",
	  "做好运行记录和安全检查", NULL},
	 {"化工或油气储运专业", "能适应倒班", "有燃气行业经验优先", NULL}},
	{"4-08-06-00", "petrochem", 3, 'M', 5500, 8500, 0, "7461 4620 7724",
	 {"环境监测员", "采样员", "环境检测技术员", "环保专员", NULL},
	 {"负责废水、废气和噪声的现场采样", "完成样品的预处理和实验室分析",
	  "整理监测数据并编写报告", NULL},
	 {"环境监测或化学相关专业", "持有驾照者优先", "能适应野外和出海采样", NULL}},
	{"4-09-07-01", "petrochem", 2, 'L', 5500, 8000, SHIFT, "4620",
	 {"污水处理操作工", "污水处理工", "水处理运行工", NULL},
	 {"负责污水处理设备的运行和巡检", "按工艺要求投加药剂，调整运行参数",
	  "做好水质化验和运行记录", NULL},
	 {"能适应倒班", "有污水处理厂经验优先", NULL}},
	{"3-02-03-08", "petrochem", 2, 'L', 6000, 9000, SHIFT, "2511 2614 5941",
	 {"应急救援队员", "企业专职消防员", "气防员", "化工应急救援员", NULL},
	 {"负责厂区火灾、泄漏等事故的应急处置", "参加日常训练和应急演练",
	  "检查维护消防和气防器材", NULL},
	 {"退伍军人优先", "身体素质好，能适应24小时值班", "应急救援技术专业优先", NULL}},
	{"2-02-04-02", "petrochem", 2, 'H', 9000, 15000, 0, "5941 5710",
	 {"储运工程师", "油气储运工程师", "管道工程师", NULL},
	 {"负责储运设施的运行技术管理", "编制储运工艺方案和操作规程",
	  "参与储罐、管线的检修和技改", NULL},
	 {"油气储运工程专业", "3年以上储运经验", NULL}},
	/* ---- outside the clusters ---- */
	{"4-01-02-01", NULL, 12, 'M', 5000, 10000, 0, NULL,
	 {"销售代表", "业务员", "销售专员", "客户经理", "销售顾问", NULL},
	 {"负责开拓市场，寻找和维护客户", "完成公司下达的销售指标",
	  "收集市场信息，反馈客户需求", "负责回款跟踪", NULL},
	 {"有销售经验优先", "沟通表达能力强", "有驾照者优先", "能适应出差", NULL}},
	{"2-06-03-00", NULL, 8, 'H', 5000, 8000, 0, NULL,
	 {"会计", "总账会计", "成本会计", "财务会计", "主办会计", NULL},
	 {"负责日常账务处理和凭证审核", "编制财务报表和纳税申报", "负责成本核算和费用控制",
	  "配合年度审计", NULL},
	 {"财会相关专业大专以上", "持初级会计职称", "熟练使用用友或金蝶软件", "有同行业经验优先", NULL}},
	{"3-01-01-01", NULL, 6, 'M', 4000, 6000, 0, NULL,
	 {"行政文员", "行政专员", "办公室文员", "前台文员", NULL},
	 {"负责办公室日常行政事务", "处理文件收发、会议安排和接待", "管理办公用品和固定资产", NULL},
	 {"熟练使用Office", "细心负责，形象良好", NULL}},
	{"4-07-05-01", NULL, 6, 'L', 4000, 5500, SHIFT, "7020 4710 5532",
	 {"保安", "门卫", "保安员", "巡逻保安", NULL},
	 {"负责门岗值守和人员车辆进出登记", "做好区域巡逻，防火防盗", "处理突发事件并及时上报", NULL},
	 {"身体健康，退伍军人优先", "能适应倒班", "持保安员证优先", NULL}},
	{"4-09-08-01", NULL, 5, 'L', 3500, 4800, DAY | HOUR, "7020 6110",
	 {"保洁员", "保洁阿姨", "清洁工", "物业保洁", NULL},
	 {"负责公共区域的清洁卫生", "清运垃圾，保持环境整洁", NULL},
	 {"身体健康，勤快", "年龄60岁以下", NULL}},
	{"4-02-07-08", NULL, 5, 'L', 6000, 9000, 0, "6020",
	 {"快递员", "快递派送员", "快递小哥", "同城配送员", NULL},
	 {"负责片区快件的揽收和派送", "做好快件交接和签收记录", "维护客户关系", NULL},
	 {"会骑电动车，熟悉舟山路况", "吃苦耐劳", "多劳多得", NULL}},
	{"4-02-02-01", NULL, 3, 'L', 6000, 8500, 0, "5511 7291",
	 {"大巴司机", "客车司机", "旅游大巴司机", "通勤车司机", NULL},
	 {"负责旅游团队或员工通勤的客运驾驶", "做好车辆的日常检查和清洁", "遵守交通法规，确保行车安全", NULL},
	 {"持有A1驾驶证", "驾龄5年以上", "熟悉舟山各岛路况", NULL}},
	{"2-02-10-03", NULL, 3, 'H', 8000, 15000, 0, "6513",
	 {"Java开发工程师", "软件工程师", "前端开发工程师", "软件开发", NULL},
	 {"负责业务系统的需求分析和功能开发", "编写技术文档并参与代码评审", "配合测试修复系统缺陷", NULL},
	 {"计算机相关专业大专以上", "熟悉Java或Vue等主流技术", "有港航或物流系统开发经验优先", NULL}},
	{"4-07-02-03", NULL, 5, 'M', 4000, 6000, SHIFT, NULL,
	 {"客服专员", "客服", "电话客服", "售后客服", "在线客服", NULL},
	 {"负责客户来电和在线咨询的接待", "处理客户投诉和售后问题", "记录客户信息并做好回访", NULL},
	 {"普通话标准，打字快", "有耐心，沟通能力好", NULL}},
	{"4-02-05-01", NULL, 4, 'L', 5000, 8000, DAY, "5910 5920 6020",
	 {"装卸工", "搬运工", "码头装卸工", "仓库搬运工", NULL},
	 {"负责货物的装卸、搬运和码放", "配合叉车完成出入库作业", NULL},
	 {"身体强壮，吃苦耐劳", "能接受计件", NULL}},
	{"2-06-08-01", NULL, 2, 'H', 5500, 9000, 0, NULL,
	 {"人事专员", "HR专员", "招聘专员", "人力资源主管", NULL},
	 {"负责招聘渠道维护和简历筛选", "办理员工入离职和社保手续", "组织员工培训和绩效考核", NULL},
	 {"人力资源管理相关专业", "熟悉劳动法规", "有制造业人事经验优先", NULL}},
};
const size_t demo_njobs = sizeof(demo_jobs) / sizeof(demo_jobs[0]);

#undef SEA
#undef DAY
#undef HOUR
#undef SHIFT
#undef AGENCY

/* Labels with no crosswalk link to a major of their cluster: chosen
 * because they are the right occupation for a common Zhoushan advert. */
const char *const demo_jobs_unlinked[] = {
	"6-18-03-03", /* 涂装工: shipyard painting */
	"6-01-05-01", /* 水产品加工工: seafood processing */
	"4-02-06-01", /* 仓储管理员: warehouses */
	"4-03-01-01", /* 前厅服务员: hotel front desks */
	NULL};

const char *const demo_benefits[] = {
	"五险一金", "包吃住", "节日福利", "年终奖", "带薪年假", "定期体检",
	"提供员工宿舍", "餐补", "交通补贴", "技能培训", "周末双休", "加班另计",
	"绩效奖金", "出海补贴", "高温补贴", "工作餐", NULL};

const char *const demo_generic_requirements[] = {
	"吃苦耐劳，服从安排", "身体健康，无不良嗜好", "有相关工作经验者优先",
	"具有良好的沟通能力和团队合作精神", "责任心强，工作认真", "能适应加班",
	NULL};

const char *const demo_title_noise_prefix[] = {
	"急招", "高薪", "【急聘】", "直招", "【急招】", "诚聘", NULL};
const char *const demo_title_noise_suffix[] = {
	"（包吃住）", "（五险一金）", "（急招）", "（月薪过万）", "（双休）",
	"（长期）", "（定海）", "（可接受应届生）", NULL};

const double demo_posting_cluster_mix[5][DEMO_NCLUSTERS + 1] = {
	/* port_mfg shipping port_trade tourism health petrochem none */
	{0.15, 0.24, 0.16, 0.12, 0.09, 0.11, 0.13}, /* 2021 */
	{0.15, 0.24, 0.17, 0.09, 0.10, 0.12, 0.13}, /* 2022 */
	{0.14, 0.23, 0.16, 0.14, 0.10, 0.12, 0.11}, /* 2023 */
	{0.14, 0.22, 0.16, 0.14, 0.11, 0.13, 0.10}, /* 2024 */
	{0.14, 0.21, 0.16, 0.14, 0.12, 0.13, 0.10}, /* 2025 */
};
/* clang-format on */
