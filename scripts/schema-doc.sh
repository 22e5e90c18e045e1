#!/bin/sh
# Generate docs/schema.md from the numbered migrations, so the schema's
# documentation can never drift from the schema: each migration's comments
# become prose, each statement a SQL block. A test compares the committed
# docs/schema.md with this script's output.
# Usage: scripts/schema-doc.sh > docs/schema.md
set -eu
cd "$(dirname "$0")/.."
cat <<'HEAD'
# Database schema

Generated from `src/store/migrations/sqlite/*.sql` by `scripts/schema-doc.sh`; do not edit by hand.

Conventions:
- **Entities** have their own tables (divisions, organisations, majors, occupations, industries,
  clusters, enterprises, registry items, postings, survey responses).
- **Yearly statistics** are dimensional values in one table, `datavalue(element, org, year, dims, value)`,
  as DHIS2 and SDMX keep them: `graduates(school, 2025, "destination=升学专科;major=660103") = 41`.
  `dims` is the canonical `key=value` list sorted by key. A value is addressed by its exact `dims`:
  `''` is the school's total, and breakdowns (by major, by destination, by both) are stored beside it
  when known, as SDMX stores explicit totals; breakdowns must add up to the total they break down
  (the demo's tests check this, the importer's validation will). So a sum is always over one `dims`
  level, never over all rows of an element. Aggregation up the organisation tree sums the same
  `dims` across the organisations below (ratio of sums, never average of ratios). A new statistic is
  a row in `data/definitions/elements.csv`, not a migration.
- **Definitions** (catalogues, the plan) are loaded from `data/` by `tvet init`; `definition_load`
  records the hash of what was loaded.
- `schema_version` holds one row per applied migration; a database whose version is above the
  program's is refused.
- SQLite runs in WAL mode with foreign keys enforced.
HEAD
for f in src/store/migrations/sqlite/*.sql; do
	printf '\n## Migration %s\n' "$(basename "$f" .sql)"
	awk '
	function flush_prose() { if (prose != "") { printf "\n%s\n", prose; prose = "" } }
	/^$/ && !in_stmt { flush_prose(); next }
	/^--/ && !in_stmt {
		line = $0; sub(/^-- ?/, "", line)
		if (NR == 1) sub(/^[0-9]+_[a-z_]+\.sql - /, "", line)
		prose = prose (prose == "" ? "" : " ") line
		next
	}
	/^CREATE TABLE/ {
		flush_prose()
		name = $3
		printf "\n### `%s`\n\n```sql\n", name
		in_stmt = 1
	}
	/^CREATE INDEX/ && !in_stmt {
		flush_prose()
		printf "\n```sql\n%s\n```\n", $0
		next
	}
	/^CREATE TRIGGER/ && !in_stmt {
		flush_prose()
		printf "\n```sql\n"
		in_trigger = 1
	}
	in_trigger { print }
	in_trigger && /^END;/ { print "```"; in_trigger = 0 }
	in_stmt { print }
	in_stmt && /^\)( WITHOUT ROWID)?;/ { print "```"; in_stmt = 0 }
	END { flush_prose() }
	' "$f"
done
