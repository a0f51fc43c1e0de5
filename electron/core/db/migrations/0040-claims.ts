import type { Migration } from '../migration.ts';

// Sustainability claims: the working copy (claims + claim_evidence), the immutable published revisions, and the
// recorded reasons for publishing over error-level lint findings. Claims are never deleted once published: they are
// retired, and their history stays. Evidence files live in <workspace>/evidence/<sha256>; rows keep name/size/hash.
export const migration: Migration = {
  version: 40,
  name: 'claims',
  up(db) {
    db.exec(`
      CREATE TABLE claims (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        statement TEXT NOT NULL,
        markets TEXT NOT NULL,
        category TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('product','part','company')),
        scope_detail TEXT,
        metric TEXT,
        unit TEXT,
        baseline_value REAL,
        baseline_year INTEGER,
        target_value REAL,
        target_year INTEGER,
        current_value REAL,
        current_as_of TEXT,
        comparison_basis TEXT,
        uses_offsets INTEGER CHECK (uses_offsets IN (0,1)),
        label TEXT,
        owner TEXT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_review','approved','published','retired')),
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        CHECK ((baseline_value IS NULL) = (baseline_year IS NULL)),
        CHECK ((target_value IS NULL) = (target_year IS NULL))
      ) STRICT;
      CREATE INDEX claims_status ON claims(status);

      CREATE TABLE claim_evidence (
        claim_rowid INTEGER NOT NULL REFERENCES claims(rowid) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('certificate','report','audit','dataset','url')),
        title TEXT NOT NULL,
        issuer TEXT,
        independent_third_party INTEGER NOT NULL CHECK (independent_third_party IN (0,1)),
        issued TEXT,
        valid_until TEXT,
        covers TEXT NOT NULL DEFAULT '[]',
        url TEXT,
        file_name TEXT,
        file_size INTEGER,
        file_sha256 TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
        PRIMARY KEY (claim_rowid, position),
        CHECK (url IS NULL OR file_sha256 IS NULL),
        CHECK ((file_sha256 IS NULL) = (file_name IS NULL))
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX claim_evidence_file ON claim_evidence(file_sha256);

      -- One row per publication: the claim exactly as published. Never changed, never removed.
      CREATE TABLE claim_revisions (
        claim_id TEXT NOT NULL REFERENCES claims(id),
        revision INTEGER NOT NULL CHECK (revision > 0),
        published_at TEXT NOT NULL,
        published_by TEXT NOT NULL,
        reviewed_as_of TEXT NOT NULL,
        content TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        findings TEXT NOT NULL DEFAULT '[]',
        override_reason TEXT,
        PRIMARY KEY (claim_id, revision)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER claim_revisions_no_update BEFORE UPDATE ON claim_revisions BEGIN SELECT RAISE(ABORT, 'claim revisions are immutable'); END;
      CREATE TRIGGER claim_revisions_no_delete BEFORE DELETE ON claim_revisions BEGIN SELECT RAISE(ABORT, 'claim revisions are immutable'); END;

      -- Error-level findings published over, and why (the reason is also in the audit log).
      CREATE TABLE claim_lint_overrides (
        claim_id TEXT NOT NULL REFERENCES claims(id),
        revision INTEGER NOT NULL,
        rule TEXT NOT NULL,
        message TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (claim_id, revision, rule)
      ) STRICT, WITHOUT ROWID;
      CREATE TRIGGER claim_lint_overrides_no_update BEFORE UPDATE ON claim_lint_overrides BEGIN SELECT RAISE(ABORT, 'recorded overrides are immutable'); END;
      CREATE TRIGGER claim_lint_overrides_no_delete BEFORE DELETE ON claim_lint_overrides BEGIN SELECT RAISE(ABORT, 'recorded overrides are immutable'); END;

      -- A claim that was ever published is retired, not deleted.
      CREATE TRIGGER claims_keep_published BEFORE DELETE ON claims WHEN OLD.revision > 0
      BEGIN SELECT RAISE(ABORT, 'a published claim is retired, never deleted'); END;
    `);
  },
};
