-- 0001_base.sql - the foundation schema: reference catalogues, organisations,
-- the plan, enterprises, registries, dimensional statistics, postings and
-- surveys. Applied once by `tvet init`; later changes are new numbered files.

-- Loaded definition files (catalogues, plan): name, content hash, when.
CREATE TABLE definition_load (
	name       TEXT PRIMARY KEY,            -- e.g. 'reference', 'plan'
	version    TEXT NOT NULL,               -- the file set's declared version
	hash       TEXT NOT NULL,               -- SHA-256 of the files, hex
	loaded_at  TEXT NOT NULL
);

-- GB/T 2260 / NBS statistical divisions: province, city, county, township.
CREATE TABLE division (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	level       TEXT NOT NULL CHECK (level IN ('province','city','county','township')),
	parent_code TEXT REFERENCES division(code)
);
CREATE INDEX division_parent ON division(parent_code);

-- Organisations: the city, its districts, schools, responsible departments.
CREATE TABLE org (
	id            INTEGER PRIMARY KEY,
	code          TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	name_en       TEXT,
	kind          TEXT NOT NULL CHECK (kind IN ('city','district','school','department')),
	school_level  TEXT CHECK (school_level IN ('中职','技工','高职','技师学院','职业本科')),
	parent_id     INTEGER REFERENCES org(id),
	division_code TEXT REFERENCES division(code),
	ownership     TEXT,                      -- 公办 / 民办, schools only
	founded_year  INTEGER,
	CHECK ((kind = 'school') = (school_level IS NOT NULL))
);
CREATE INDEX org_parent ON org(parent_id);

-- 职业教育专业目录 (2021) with later additions.
CREATE TABLE major (
	code             TEXT PRIMARY KEY,
	name             TEXT NOT NULL,
	level            TEXT NOT NULL CHECK (level IN ('中职','高职专科','职业本科')),
	category_code    TEXT NOT NULL,
	category_name    TEXT NOT NULL,
	class_code       TEXT NOT NULL,
	class_name       TEXT NOT NULL,
	national_control INTEGER NOT NULL DEFAULT 0,
	in_2021_catalog  INTEGER NOT NULL DEFAULT 0,
	status_note      TEXT
);
CREATE INDEX major_name ON major(name);

-- 职业分类大典 (2022) and the 2024 additions: 大类 > 中类 > 小类 > 细类.
CREATE TABLE occupation (
	code          TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	level         TEXT NOT NULL CHECK (level IN ('大类','中类','小类','细类')),
	parent_code   TEXT REFERENCES occupation(code),
	green_digital TEXT,                    -- L, S, L/S or NULL
	gbm_code      TEXT,
	added_batch   TEXT                     -- NULL for the 2022 edition
);
CREATE INDEX occupation_parent ON occupation(parent_code);

-- GB/T 4754-2017: 门类 > 大类 > 中类 > 小类.
CREATE TABLE industry (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	level       TEXT NOT NULL CHECK (level IN ('门类','大类','中类','小类')),
	section     TEXT NOT NULL,
	parent_code TEXT REFERENCES industry(code),
	note        TEXT
);
CREATE INDEX industry_parent ON industry(parent_code);

-- Major -> occupation links (人社部 2023 指引). The major may be a 普通本科
-- major outside our catalogue, so it is not a foreign key; the occupation
-- may be missing from the 2022 table (the source is an OCR).
CREATE TABLE major_occupation (
	major_level     TEXT NOT NULL,
	major_code      TEXT NOT NULL,
	major_name      TEXT NOT NULL,
	occupation_code TEXT NOT NULL,
	occupation_name TEXT NOT NULL,
	PRIMARY KEY (major_code, occupation_code)
);
CREATE INDEX major_occupation_occ ON major_occupation(occupation_code);

-- The plan's six industry clusters and five 产教联盟.
CREATE TABLE cluster (
	code        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	name_en     TEXT NOT NULL,
	description TEXT
);
CREATE TABLE cluster_industry (
	cluster_code  TEXT NOT NULL REFERENCES cluster(code),
	industry_code TEXT NOT NULL REFERENCES industry(code),
	PRIMARY KEY (industry_code)
);
CREATE TABLE cluster_major (
	cluster_code TEXT NOT NULL REFERENCES cluster(code),
	major_code   TEXT NOT NULL REFERENCES major(code),
	PRIMARY KEY (major_code)
);
CREATE TABLE alliance (
	code         TEXT PRIMARY KEY,
	name         TEXT NOT NULL,
	name_en      TEXT NOT NULL,
	cluster_code TEXT NOT NULL REFERENCES cluster(code)
);

-- The action plan: its actions, their responsible departments, its targets.
CREATE TABLE plan_action (
	action    INTEGER PRIMARY KEY,
	plan_part TEXT NOT NULL,
	title     TEXT NOT NULL,
	title_en  TEXT NOT NULL
);
CREATE TABLE plan_action_department (
	action  INTEGER NOT NULL REFERENCES plan_action(action),
	rank    INTEGER NOT NULL,                -- 1 = lead unit
	org_id  INTEGER NOT NULL REFERENCES org(id),
	PRIMARY KEY (action, rank)
);
CREATE TABLE plan_target (
	id            TEXT NOT NULL,
	part          INTEGER NOT NULL DEFAULT 1,
	section       TEXT NOT NULL CHECK (section IN ('goal','action','commitment')),
	action        INTEGER NOT NULL REFERENCES plan_action(action),
	kind          TEXT NOT NULL CHECK (kind IN ('rate','count','manual')),
	comparator    TEXT NOT NULL CHECK (comparator IN ('>=','<=','=','>','<','assessed')),
	target        REAL,
	unit          TEXT,
	deadline      INTEGER NOT NULL,
	baseline_year INTEGER NOT NULL,
	source        TEXT,                      -- indicator key or registry type
	level         TEXT,                      -- minimum recognition level
	title         TEXT NOT NULL,
	title_en      TEXT NOT NULL,
	note          TEXT,
	seq           INTEGER NOT NULL,          -- order in the definition file
	PRIMARY KEY (id, part)
);

-- Enterprises, keyed by 统一社会信用代码 (GB 32100-2015).
CREATE TABLE enterprise (
	id              INTEGER PRIMARY KEY,
	uscc            TEXT NOT NULL UNIQUE,
	name            TEXT NOT NULL,
	industry_code   TEXT NOT NULL REFERENCES industry(code),
	cluster_code    TEXT REFERENCES cluster(code),
	division_code   TEXT REFERENCES division(code),
	employees       INTEGER,
	founded_year    INTEGER
);
CREATE INDEX enterprise_name ON enterprise(name);

-- Each school's offered majors by year.
CREATE TABLE school_major (
	school_id   INTEGER NOT NULL REFERENCES org(id),
	year        INTEGER NOT NULL,
	major_code  TEXT NOT NULL REFERENCES major(code),
	PRIMARY KEY (school_id, year, major_code)
);

-- Kinds of recognised items (bases, studios, courses, committees ...).
CREATE TABLE registry_type (
	key      TEXT PRIMARY KEY,
	name     TEXT NOT NULL,
	name_en  TEXT NOT NULL
);
-- Recognised items. owner: a school, an enterprise or neither (a city body);
-- major_code for major recognitions; cluster_code for what it serves.
CREATE TABLE registry_item (
	id             INTEGER PRIMARY KEY,
	type_key       TEXT NOT NULL REFERENCES registry_type(key),
	name           TEXT NOT NULL,
	level          TEXT NOT NULL CHECK (level IN ('city','province','national')),
	recognised_on  TEXT NOT NULL,            -- YYYY-MM-DD
	school_id      INTEGER REFERENCES org(id),
	enterprise_id  INTEGER REFERENCES enterprise(id),
	major_code     TEXT REFERENCES major(code),
	cluster_code   TEXT REFERENCES cluster(code),
	alliance_code  TEXT REFERENCES alliance(code),
	note           TEXT
);
CREATE INDEX registry_item_type ON registry_item(type_key, level);

-- Data elements of the dimensional statistics (definitions in data/).
CREATE TABLE data_element (
	code     TEXT PRIMARY KEY,
	name     TEXT NOT NULL,
	name_en  TEXT NOT NULL,
	unit     TEXT NOT NULL,
	dims     TEXT NOT NULL DEFAULT ''        -- allowed dimension keys, ';'-separated
);
-- One yearly figure: element(org, year, dims) = value. dims is the canonical
-- 'key=value;key=value' string of the element's dimensions, sorted by key,
-- '' for the total. Aggregation up the org tree sums rows below.
CREATE TABLE datavalue (
	element  TEXT NOT NULL REFERENCES data_element(code),
	org_id   INTEGER NOT NULL REFERENCES org(id),
	year     INTEGER NOT NULL,
	dims     TEXT NOT NULL DEFAULT '',
	value    REAL NOT NULL,
	PRIMARY KEY (element, org_id, year, dims)
);
CREATE INDEX datavalue_year ON datavalue(year, element);

-- Job postings as collected: raw text kept; the generator's true occupation
-- (label) kept for measuring classifiers; dup_of links reposts in the demo.
CREATE TABLE posting (
	id              INTEGER PRIMARY KEY,
	source          TEXT NOT NULL,
	source_ref      TEXT,
	posted_on       TEXT NOT NULL,           -- YYYY-MM-DD
	title           TEXT NOT NULL,
	company         TEXT NOT NULL,
	enterprise_id   INTEGER REFERENCES enterprise(id),
	division_code   TEXT REFERENCES division(code),
	district_text   TEXT,
	salary_text     TEXT,
	education_text  TEXT,
	experience_text TEXT,
	headcount       INTEGER,
	description     TEXT,
	label_occupation TEXT REFERENCES occupation(code),
	dup_of          INTEGER REFERENCES posting(id)
);
CREATE INDEX posting_date ON posting(posted_on);
CREATE INDEX posting_enterprise ON posting(enterprise_id);

-- Enterprise talent-demand survey responses.
CREATE TABLE demand_survey (
	id              INTEGER PRIMARY KEY,
	enterprise_id   INTEGER NOT NULL REFERENCES enterprise(id),
	year            INTEGER NOT NULL,
	period          TEXT NOT NULL,           -- e.g. '2025' or '2025H1'
	occupation_code TEXT REFERENCES occupation(code),
	major_code      TEXT REFERENCES major(code),
	education       TEXT NOT NULL,           -- 中职 / 高职 / 本科 / 不限
	headcount       INTEGER NOT NULL CHECK (headcount >= 0),
	CHECK (occupation_code IS NOT NULL OR major_code IS NOT NULL)
);
CREATE INDEX demand_survey_year ON demand_survey(year);

-- Employer satisfaction survey responses about a school's graduates.
CREATE TABLE satisfaction_survey (
	id             INTEGER PRIMARY KEY,
	school_id      INTEGER NOT NULL REFERENCES org(id),
	enterprise_id  INTEGER NOT NULL REFERENCES enterprise(id),
	year           INTEGER NOT NULL,
	score          REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
	graduates_rated INTEGER
);
CREATE INDEX satisfaction_school ON satisfaction_survey(school_id, year);
