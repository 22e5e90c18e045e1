/* gencsv.c - deterministic CSV inputs for the import benchmark.
 *
 * Usage: gencsv postings|school_stats|schools N > FILE.csv
 *
 * Writes N data rows after a header of the kind's English keys (which
 * `tvet import` accepts as headers), UTF-8, CRLF line ends. The same N
 * always gives the same bytes: the generator has its own PRNG, so figures
 * from two machines or two runs are of the same input. bench/import.sh
 * imports these files with `tvet import` and with the sqlite3 shell's
 * .import, so every row must be valid: the occupation codes and division
 * codes below exist in the catalogues `tvet init` loads (checked with
 * `tvet catalog occupations --level 细类` when this was written). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GENCSV_NSCHOOL_YEARS 100 /* school_stats: years 2000-2099 per school */

struct rng {
	uint64_t state;
};

/* splitmix64: tiny, fast and good enough to make text look varied. */
static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15u);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A number in [0, n); the modulo bias is irrelevant here. */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(rng_next(r) % n);
}

#define NELEMS(list) ((unsigned)(sizeof(list) / sizeof(list[0])))
#define PICK(r, list) (list[rng_below(r, NELEMS(list))])

/* Quote a field only when it needs it, as spreadsheet programs do, so
 * both the plain and the quoted paths of a CSV reader are exercised. */
static void csv_put(const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		putchar('"');
		for (; *s; s++) {
			if (*s == '"')
				putchar('"');
			putchar(*s);
		}
		putchar('"');
	} else {
		fputs(s, stdout);
	}
	fputs(last ? "\r\n" : ",", stdout);
}

/* ---- postings ---- */

static const char *const SOURCES[] = {"51job", "zsrc", "boss", "zhaopin", "58"};

/* A title and the 细类 occupation it belongs to (2022 classification). */
static const struct job {
	const char *title;
	const char *occupation;
} JOBS[] = {
	{"车工", "6-18-01-01"},
	{"电焊工", "6-18-02-04"},
	{"船体装配工", "6-23-02-01"},
	{"装配钳工", "6-20-01-01"},
	{"工具钳工", "6-18-04-06"},
	{"质检员", "6-31-03-05"},
	{"设备点检员", "6-31-01-01"},
	{"电子设备调试工", "6-25-04-08"},
	{"水产品加工工", "6-01-05-01"},
	{"水产品原料处理工", "5-05-06-07"},
	{"远洋渔业船员", "5-04-03-02"},
	{"冷库冷藏工", "4-02-06-04"},
	{"仓储管理员", "4-02-06-01"},
	{"物流专员", "4-02-06-03"},
	{"快递员", "4-02-07-08"},
	{"门店营业员", "4-01-02-03"},
	{"电商运营专员", "4-01-06-01"},
	{"餐厅服务员", "4-03-02-05"},
	{"酒店前台", "4-03-01-01"},
	{"客房服务员", "4-03-01-02"},
	{"导游", "4-07-04-01"},
	{"保安员", "4-07-05-01"},
	{"养老护理员", "4-10-01-05"},
	{"会计", "2-06-03-00"},
	{"船舶设计工程师", "2-02-07-12"},
	{"网络运维工程师", "2-02-10-04"},
};

static const char *const TITLE_SUFFIXES[] = {
	"", "", "", "", "", "（急招）", "（包吃住）", "（长白班）", ",双休", "（\"五险一金\"）",
};

static const struct district {
	const char *code;
	const char *text;
	const char *short_name;
} DISTRICTS[] = {
	{"330902", "舟山市定海区", "定海"},
	{"330903", "舟山市普陀区", "普陀"},
	{"330921", "舟山市岱山县", "岱山"},
	{"330922", "舟山市嵊泗县", "嵊泗"},
};

static const char *const COMPANY_CORES[] = {
	"海星", "金海", "东海", "鑫亚", "长宏", "万邦", "海力", "蓝湾", "普洋", "舟渔",
	"海天", "明珠", "富丽", "港城", "新隆", "恒达", "远洋", "绿岛", "银海", "中盛",
};

static const char *const COMPANY_TRADES[] = {
	"船舶修造", "水产食品", "物流", "石化", "机械制造", "电子科技",
	"旅游开发", "远洋渔业", "港口服务", "酒店管理", "健康养老", "商贸",
};

static const char *const COMPANY_FORMS[] = {"有限公司", "有限公司", "股份有限公司",
					    "有限责任公司"};

static const char *const DUTIES[] = {
	"负责生产现场的日常作业", "按图纸要求完成加工任务", "做好设备的日常点检和保养",
	"配合班组长完成生产计划", "负责产品质量的自检和互检", "遵守安全操作规程",
	"做好交接班记录", "负责客户的接待与咨询", "完成上级交办的其他工作",
	"参与工艺改进和技术革新", "负责仓库货物的收发与盘点", "维护现场整洁有序",
};

static const char *const REQUIREMENTS[] = {
	"身体健康，能吃苦耐劳", "有相关工作经验者优先", "持有\"特种作业操作证\"者优先",
	"责任心强，服从安排", "熟悉基本的安全知识", "具备良好的沟通能力",
	"能适应倒班工作", "中职或技工院校相关专业毕业", "会使用常用办公软件",
	"年龄十八至四十五周岁", "持有职业技能等级证书", "有船厂工作经历者优先",
};

static const char *const BENEFITS[] = {
	"缴纳五险一金", "提供员工宿舍", "免费工作餐", "节日福利", "带薪年休假",
	"定期体检", "技能培训", "年终奖金", "交通补贴", "晋升通道",
};

static const char *const EDUCATION[] = {"大专", "中专", "本科", "不限", "高中", "中专"};
static const char *const EXPERIENCE[] = {"不限", "1-3年", "3-5年", "5年以上", "应届生",
					 "1年以上"};

/* A day of 2021-2025 as YYYY-MM-DD. */
static void posting_date(struct rng *r, char *out, size_t size)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int year = 2021 + (int)rng_below(r, 5), month = 1 + (int)rng_below(r, 12);
	int last = mdays[month - 1] + (month == 2 && year % 4 == 0);

	snprintf(out, size, "%04d-%02d-%02d", year, month, 1 + (int)rng_below(r, (unsigned)last));
}

static void posting_salary(struct rng *r, char *out, size_t size)
{
	unsigned low = 3000 + 500 * rng_below(r, 19);

	switch (rng_below(r, 10)) {
	case 0:
		snprintf(out, size, "面议");
		break;
	case 1:
		snprintf(out, size, "%u-%u元/月,包吃住", low, low + 1000 * (1 + rng_below(r, 5)));
		break;
	default:
		snprintf(out, size, "%u-%u元/月", low, low + 1000 * (1 + rng_below(r, 5)));
		break;
	}
}

static void append(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, size - n, "%s", s);
}

/* Two different items of a list, joined by sep. */
static void append_two(struct rng *r, char *buf, size_t size, const char *const *list, unsigned n,
		       const char *sep)
{
	unsigned first = rng_below(r, n);

	append(buf, size, list[first]);
	append(buf, size, sep);
	append(buf, size, list[(first + 1 + rng_below(r, n - 1)) % n]);
}

/* Duties, requirements and, up to a target length of 150-300 bytes,
 * benefits. Half the descriptions separate items with an ASCII comma so
 * the field needs quoting; the Chinese comma does not. */
static void posting_description(struct rng *r, char *buf, size_t size)
{
	const char *sep = rng_below(r, 2) ? "，" : ",";
	size_t target = 150 + rng_below(r, 120);
	unsigned benefit = rng_below(r, NELEMS(BENEFITS));

	buf[0] = '\0';
	append(buf, size, "岗位职责：");
	append_two(r, buf, size, DUTIES, NELEMS(DUTIES), sep);
	append(buf, size, "。任职要求：");
	append_two(r, buf, size, REQUIREMENTS, NELEMS(REQUIREMENTS), sep);
	append(buf, size, "。");
	if (strlen(buf) >= target)
		return;
	/* Consecutive benefits from a random start, so none comes twice. */
	append(buf, size, "福利待遇：");
	append(buf, size, BENEFITS[benefit]);
	for (unsigned i = 1; i < NELEMS(BENEFITS) && strlen(buf) < target; i++) {
		append(buf, size, sep);
		append(buf, size, BENEFITS[(benefit + i) % NELEMS(BENEFITS)]);
	}
	append(buf, size, "。");
}

static void posting_company(struct rng *r, const struct district *d, char *out, size_t size)
{
	const char *core = PICK(r, COMPANY_CORES);

	/* A few names carry quotes, as scraped names often do. */
	if (rng_below(r, 30) == 0)
		snprintf(out, size, "舟山\"%s\"%s%s", core, PICK(r, COMPANY_TRADES),
			 PICK(r, COMPANY_FORMS));
	else
		snprintf(out, size, "舟山%s%s%s%s", d->short_name, core, PICK(r, COMPANY_TRADES),
			 PICK(r, COMPANY_FORMS));
}

static void posting_row(struct rng *r, unsigned long *next_ref)
{
	unsigned s = rng_below(r, NELEMS(SOURCES));
	const struct job *job = &PICK(r, JOBS);
	const struct district *d = &PICK(r, DISTRICTS);
	char date[24], ref[32], title[96], company[128], salary[48], headcount[8], text[512];

	/* Per-source counter, spread out the way site ids are. */
	snprintf(ref, sizeof(ref), "%lu", 10000000ul + 7 * next_ref[s]++);
	posting_date(r, date, sizeof(date));
	snprintf(title, sizeof(title), "%s%s", job->title, PICK(r, TITLE_SUFFIXES));
	posting_company(r, d, company, sizeof(company));
	csv_put(SOURCES[s], 0);
	csv_put(ref, 0);
	csv_put(date, 0);
	csv_put(title, 0);
	csv_put(company, 0);
	csv_put("", 0); /* enterprise: must name a registered one, so none */
	csv_put(rng_below(r, 10) ? d->code : "", 0);
	csv_put(d->text, 0);
	posting_salary(r, salary, sizeof(salary));
	csv_put(salary, 0);
	csv_put(PICK(r, EDUCATION), 0);
	csv_put(PICK(r, EXPERIENCE), 0);
	/* Empty stands for 若干 (some). */
	snprintf(headcount, sizeof(headcount), "%u", 1 + rng_below(r, 20));
	csv_put(rng_below(r, 8) ? headcount : "", 0);
	posting_description(r, text, sizeof(text));
	csv_put(text, 0);
	csv_put(rng_below(r, 3) ? "" : job->occupation, 1);
}

static void gen_postings(unsigned long n)
{
	struct rng r = {20251231};
	unsigned long next_ref[NELEMS(SOURCES)] = {0};

	fputs("source,source_ref,posted_on,title,company,enterprise,division,district_text,"
	      "salary_text,education_text,experience_text,headcount,description,occupation\r\n",
	      stdout);
	for (unsigned long i = 0; i < n; i++)
		posting_row(&r, next_ref);
}

/* ---- schools and their yearly statistics ---- */

static void gen_schools(unsigned long n)
{
	static const char *const levels[] = {"中职", "技工", "高职", "技师学院", "职业本科"};

	fputs("code,name,level,division\r\n", stdout);
	for (unsigned long i = 1; i <= n; i++)
		printf("B%04lu,基准学校%04lu,%s,%s\r\n", i, i, levels[i % 5],
		       DISTRICTS[i % 4].code);
}

/* v scaled by 0.9-1.1: year-on-year changes stay far inside the
 * importer's 3x plausibility warning, so the output shows none. */
static unsigned long jitter(struct rng *r, unsigned long v)
{
	return v * (90 + rng_below(r, 21)) / 100;
}

static void stats_row(struct rng *r, unsigned long school, unsigned year)
{
	/* Each school keeps its own size across its years. */
	struct rng size_rng = {school};
	unsigned long places = 400 + rng_below(&size_rng, 3000);
	unsigned long graduates = places / 4, pay_n = jitter(r, graduates / 2);
	unsigned long persons = jitter(r, places * 2);

	printf("B%04lu,%u,", school, year);
	if (rng_below(r, 10))
		printf("%lu", jitter(r, places));
	printf(",%lu,%lu,%lu,", jitter(r, places / 50), jitter(r, graduates * 6 / 10),
	       jitter(r, graduates / 5));
	if (rng_below(r, 10))
		printf("%.2f,%lu", (double)pay_n * (4000 + rng_below(r, 200000) / 100.0), pay_n);
	else
		fputs(",", stdout);
	printf(",%lu,%lu,%.2f,%lu\r\n", persons, persons * (8 + rng_below(r, 8)),
	       (double)persons * (2 + rng_below(r, 5)) / 100.0, jitter(r, places / 15));
}

static void gen_school_stats(unsigned long n)
{
	struct rng r = {20000101};

	fputs("school,year,places,dropouts,graduates_matched,graduates_partner,employed_pay_sum,"
	      "employed_pay_n,training_person_times,training_hours,training_revenue,"
	      "fulltime_teachers\r\n",
	      stdout);
	/* School by school, as a bureau's export would be: B0001 2000-2099, B0002 ... */
	for (unsigned long i = 0; i < n; i++)
		stats_row(&r, 1 + i / GENCSV_NSCHOOL_YEARS,
			  2000 + (unsigned)(i % GENCSV_NSCHOOL_YEARS));
}

int main(int argc, char **argv)
{
	static char out[1 << 20];
	char *end;
	unsigned long n;

	if (argc != 3 || (n = strtoul(argv[2], &end, 10), *end) || !*argv[2]) {
		fprintf(stderr, "usage: gencsv postings|school_stats|schools N\n");
		return 1;
	}
	/* Large writes: the benchmark should spend its time importing. */
	setvbuf(stdout, out, _IOFBF, sizeof(out));
	if (!strcmp(argv[1], "postings"))
		gen_postings(n);
	else if (!strcmp(argv[1], "school_stats"))
		gen_school_stats(n);
	else if (!strcmp(argv[1], "schools"))
		gen_schools(n);
	else {
		fprintf(stderr, "gencsv: unknown kind '%s'\n", argv[1]);
		return 1;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("gencsv");
		return 1;
	}
	return 0;
}
