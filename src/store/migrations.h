/* migrations.h - the schema's numbered migrations, compiled in.
 *
 * Migration N (1-based) is entry N-1 of the backend's array; the array ends
 * with a {NULL, NULL} entry. The arrays are generated at build time from
 * src/store/migrations/<backend>/NNNN_name.sql. */
#ifndef TVET_MIGRATIONS_H
#define TVET_MIGRATIONS_H

struct migration {
	const char *name;
	const char *sql;
};

extern const struct migration store_migrations_sqlite[];

#endif
