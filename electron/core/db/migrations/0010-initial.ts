import type { Migration } from '../migration.ts';

// Threads, messages, private data, decisions, tags, the append-only audit log and the full-text index.
export const migration: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE threads (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('complaint','praise','question','suggestion','other')),
        kind_inferred INTEGER NOT NULL DEFAULT 0 CHECK (kind_inferred IN (0,1)),
        subject TEXT,
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        satisfaction TEXT,
        status TEXT NOT NULL CHECK (status IN ('open','resolved','unresolved')),
        channel TEXT,
        opened_at TEXT NOT NULL,
        resolved_at TEXT,
        last_activity_at TEXT NOT NULL,
        decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending','publish','withhold')),
        decision_reason TEXT,
        decision_note TEXT,
        decided_by TEXT,
        decided_at TEXT,
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (source, external_id)
      ) STRICT;
      CREATE INDEX threads_kind ON threads(kind);
      CREATE INDEX threads_decision ON threads(decision);
      CREATE INDEX threads_opened ON threads(opened_at);
      CREATE INDEX threads_activity ON threads(last_activity_at);

      -- Personal data (customer name, e-mail, location, vendor metadata such as IPs): never published.
      CREATE TABLE private_data (
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        message_rowid INTEGER REFERENCES messages(rowid) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      CREATE INDEX private_data_thread ON private_data(thread_rowid);
      CREATE UNIQUE INDEX private_data_key ON private_data(thread_rowid, ifnull(message_rowid, 0), key);

      CREATE TABLE messages (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('customer','staff','system')),
        author_name TEXT,
        sent_at TEXT NOT NULL,
        body TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('text','markdown','html')),
        visibility TEXT NOT NULL CHECK (visibility IN ('public','internal')),
        attachments TEXT NOT NULL DEFAULT '[]',
        UNIQUE (thread_rowid, external_id)
      ) STRICT;
      CREATE INDEX messages_thread ON messages(thread_rowid, sent_at);

      CREATE TABLE thread_tags (
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('source','manual','rule')),
        PRIMARY KEY (thread_rowid, tag, origin)
      ) STRICT;
      CREATE INDEX thread_tags_tag ON thread_tags(tag);

      -- Every decision ever taken, newest last; threads.decision holds the current one.
      CREATE TABLE decisions (
        rowid INTEGER PRIMARY KEY,
        thread_rowid INTEGER NOT NULL REFERENCES threads(rowid) ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('pending','publish','withhold')),
        reason TEXT CHECK (reason IS NULL OR reason IN ('privacy-request','legal','abusive','spam','duplicate','off-topic','no-consent','other')),
        note TEXT,
        actor TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_thread ON decisions(thread_rowid);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before TEXT,
        after TEXT
      ) STRICT;
      CREATE INDEX audit_entity ON audit_log(entity_type, entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      -- One document per thread: its subject and its public message bodies (never internal notes).
      CREATE VIRTUAL TABLE threads_fts USING fts5(subject, body, tokenize = 'unicode61 remove_diacritics 2');
    `);
  },
};
