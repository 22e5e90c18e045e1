-- 0008_auth.sql - accounts, sessions, login throttling and the audit trail
-- (src/auth/auth.h). Times are Unix seconds except audit_log.at, which is
-- the UTC ISO 8601 text the audit hash covers. None of these tables point at
-- the data (a scope is checked when an account is made, not kept as a
-- foreign key), so clearing the data (store_clear_data) leaves them whole.

-- Who may sign in. A password is kept only as its argon2id hash in the
-- crypto_pwhash_str format; the scoped roles name the organisation they
-- speak for: a school's or department's org code, an enterprise's USCC.
CREATE TABLE app_user (
	id         INTEGER PRIMARY KEY,
	login      TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 32),
	name       TEXT NOT NULL DEFAULT '',
	role       TEXT NOT NULL CHECK (role IN ('admin','bureau','department','school','enterprise','viewer')),
	scope      TEXT NOT NULL DEFAULT '',    -- '' for admin, bureau, viewer
	pw_hash    TEXT NOT NULL CHECK (pw_hash LIKE '$argon2%'),
	disabled   INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at INTEGER NOT NULL,
	CHECK ((role IN ('department','school','enterprise')) = (scope <> ''))
);

-- Open sessions. The client holds a random token; only its SHA-256 (hex)
-- is kept, so a copy of the database opens no session. The CSRF token is
-- no credential on its own and is kept as given. Ended sessions are
-- deleted: on logout, on expiry, when the account is disabled or its
-- password changes.
CREATE TABLE app_session (
	token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
	user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,
	created    INTEGER NOT NULL,
	last_seen  INTEGER NOT NULL,
	ip         TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX app_session_user ON app_session(user_id);
CREATE INDEX app_session_last_seen ON app_session(last_seen);

-- Failed logins, one row each, counted over a sliding window to throttle
-- guessing: key is 'login:<login>' or 'ip:<address>'. Rows older than the
-- window are purged at the next login.
CREATE TABLE login_failure (
	key TEXT NOT NULL,
	at  INTEGER NOT NULL
);
CREATE INDEX login_failure_key ON login_failure(key, at);
CREATE INDEX login_failure_at ON login_failure(at);

-- The audit trail: logins, failed logins, account changes and writes,
-- append-only. Each entry's hash is the SHA-256 (hex) of prev_hash, at,
-- who, ip, action and detail joined by "\n", and prev_hash is the hash of
-- the entry before ('' for the first), so an edited or deleted entry breaks
-- the chain (`tvet audit verify`). No two entries may follow the same one.
CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,                -- UTC, ISO 8601
	who       TEXT NOT NULL,                -- a login, or 'cli:<user>'
	ip        TEXT NOT NULL,                -- an address, 'cli' or ''
	action    TEXT NOT NULL,                -- 'login', 'user.add', ...
	detail    TEXT NOT NULL,
	prev_hash TEXT NOT NULL UNIQUE,         -- '' for the first entry
	hash      TEXT NOT NULL CHECK (length(hash) = 64)
);
CREATE INDEX audit_log_who ON audit_log(who, id);

-- The trail can only grow: the program has no statement that changes or
-- removes an entry, and the database refuses both.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
