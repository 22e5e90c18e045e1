# docs.sh - documentation that is generated must match what generates it.
. "$(dirname "$0")/lib.sh"
TOP=$(cd "$(dirname "$0")/../.." && pwd)
if sh "$TOP/scripts/schema-doc.sh" | diff -q - "$TOP/docs/schema.md" >/dev/null; then
	ok "docs/schema.md matches the migrations (scripts/schema-doc.sh)"
else
	not_ok "docs/schema.md matches the migrations" "run: scripts/schema-doc.sh > docs/schema.md"
fi
for f in README.md data/PROVENANCE.md data/plan/README.md data/clusters/README.md docs/demo-data.md; do
	[ -s "$TOP/$f" ] && ok "$f exists" || not_ok "$f exists"
done
grep -q "make demo" "$TOP/README.md" && grep -q "make check" "$TOP/README.md" &&
	ok "README shows make demo and make check" || not_ok "README shows make demo and make check"
finish
