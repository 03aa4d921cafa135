import FolioCore
import Foundation
import GRDB

/// The library's schema as a fixed timeline of migrations.
///
/// Shipped migrations are never edited: a change to the schema is a new migration appended here.
/// Tables are named with literal strings, not Swift types, so a rename in code cannot change
/// what an old library means.
enum Schema {
  /// `PRAGMA application_id` of a Folio library ("Foli"), so Folio never adopts a stranger's
  /// SQLite file.
  static let applicationID: Int32 = 0x466F_6C69

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(
        sql: """
          CREATE TABLE paper (
            seq INTEGER PRIMARY KEY,          -- insertion order: listing order within a day
            id TEXT NOT NULL UNIQUE,          -- stable id: arXiv id or title hash
            arxiv_id TEXT UNIQUE,
            title_key TEXT NOT NULL,          -- normalised title, for identity upgrades
            title TEXT NOT NULL,
            abstract TEXT NOT NULL,
            authors TEXT NOT NULL,            -- JSON array of names
            published TEXT,                   -- YYYY-MM-DD
            day TEXT NOT NULL,                -- listing day, YYYY-MM-DD
            source TEXT NOT NULL,
            links TEXT NOT NULL,              -- JSON object: abs, pdf, github, project
            upvotes INTEGER,
            categories TEXT NOT NULL,         -- JSON array, primary first
            added_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL
          );
          CREATE INDEX paper_title_key ON paper(title_key);
          CREATE INDEX paper_listing ON paper(day DESC, upvotes DESC);

          CREATE TABLE paper_state (
            paper_seq INTEGER PRIMARY KEY REFERENCES paper(seq) ON DELETE CASCADE,
            read_at DATETIME,
            starred_at DATETIME,
            note TEXT
          );
          CREATE INDEX paper_state_starred ON paper_state(starred_at) WHERE starred_at IS NOT NULL;

          CREATE TABLE import_run (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            format TEXT NOT NULL,
            source TEXT NOT NULL,
            started_at DATETIME NOT NULL,
            finished_at DATETIME NOT NULL,
            new_count INTEGER NOT NULL,
            updated_count INTEGER NOT NULL,
            unchanged_count INTEGER NOT NULL,
            skipped_count INTEGER NOT NULL
          );

          CREATE VIRTUAL TABLE paper_fts USING fts5(
            title, abstract, authors,
            content='paper', content_rowid='seq',
            tokenize='unicode61 remove_diacritics 2'
          );
          CREATE TRIGGER paper_fts_insert AFTER INSERT ON paper BEGIN
            INSERT INTO paper_fts(rowid, title, abstract, authors)
              VALUES (new.seq, new.title, new.abstract, new.authors);
          END;
          CREATE TRIGGER paper_fts_delete AFTER DELETE ON paper BEGIN
            INSERT INTO paper_fts(paper_fts, rowid, title, abstract, authors)
              VALUES ('delete', old.seq, old.title, old.abstract, old.authors);
          END;
          CREATE TRIGGER paper_fts_update AFTER UPDATE OF title, abstract, authors ON paper BEGIN
            INSERT INTO paper_fts(paper_fts, rowid, title, abstract, authors)
              VALUES ('delete', old.seq, old.title, old.abstract, old.authors);
            INSERT INTO paper_fts(rowid, title, abstract, authors)
              VALUES (new.seq, new.title, new.abstract, new.authors);
          END;
          """)
    }
    migrator.registerMigration("v2-fts-vocabulary") { db in
      // Per-term document counts of the full-text index, for "more like this".
      try db.execute(sql: "CREATE VIRTUAL TABLE paper_fts_vocab USING fts5vocab(paper_fts, 'row')")
    }
    migrator.registerMigration("v3-sort-key") { db in
      // The listing order as one indexed integer that is also the full-text index's rowid:
      // searches walk their matches in listing order and stop after a screenful.
      try db.execute(
        sql: """
          ALTER TABLE paper ADD COLUMN sort_key INTEGER;
          UPDATE paper SET sort_key = \(SortKey.sql);
          CREATE UNIQUE INDEX paper_sort_key ON paper(sort_key);
          DROP INDEX paper_listing;
          DROP TRIGGER paper_fts_insert;
          DROP TRIGGER paper_fts_delete;
          DROP TRIGGER paper_fts_update;
          DROP TABLE paper_fts_vocab;
          DROP TABLE paper_fts;
          CREATE VIRTUAL TABLE paper_fts USING fts5(
            title, abstract, authors,
            content='paper', content_rowid='sort_key',
            tokenize='unicode61 remove_diacritics 2', prefix='3'
          );
          INSERT INTO paper_fts(paper_fts) VALUES ('rebuild');
          CREATE VIRTUAL TABLE paper_fts_vocab USING fts5vocab(paper_fts, 'row');
          CREATE TRIGGER paper_fts_insert AFTER INSERT ON paper BEGIN
            INSERT INTO paper_fts(rowid, title, abstract, authors)
              VALUES (new.sort_key, new.title, new.abstract, new.authors);
          END;
          CREATE TRIGGER paper_fts_delete AFTER DELETE ON paper BEGIN
            INSERT INTO paper_fts(paper_fts, rowid, title, abstract, authors)
              VALUES ('delete', old.sort_key, old.title, old.abstract, old.authors);
          END;
          CREATE TRIGGER paper_fts_update AFTER UPDATE OF title, abstract, authors, sort_key ON paper
          BEGIN
            INSERT INTO paper_fts(paper_fts, rowid, title, abstract, authors)
              VALUES ('delete', old.sort_key, old.title, old.abstract, old.authors);
            INSERT INTO paper_fts(rowid, title, abstract, authors)
              VALUES (new.sort_key, new.title, new.abstract, new.authors);
          END;
          """)
    }
    migrator.registerMigration("v4-comments-keywords") { db in
      // From Hugging Face: the number of comments and the AI keywords.
      try db.execute(
        sql: """
          ALTER TABLE paper ADD COLUMN comments INTEGER;
          ALTER TABLE paper ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
          """)
    }
    migrator.registerMigration("v5-search-terms") { db in
      // Every word the full-text index holds, so that a prefix being typed ("learn") can be
      // searched as the words it stands for (learn OR learned OR learning ...), which FTS5
      // walks in listing order and stops early, instead of as a prefix query, which merges
      // every posting of every such word first. Kept by imports (see ImportMerger).
      try db.execute(
        sql: """
          CREATE TABLE search_term (term TEXT PRIMARY KEY) WITHOUT ROWID;
          INSERT INTO search_term SELECT term FROM paper_fts_vocab;
          """)
    }
    migrator.registerMigration("v6-title-keys") { db in
      // Title keys keep symbols now ("C++" and "C#" were one key) and read TeX markup:
      // every stored key is made again by the current rules. Idempotent: a second run
      // writes what is there. Papers merged under the old keys stay merged.
      try recomputeTitleKeys(db)
    }
    migrator.registerMigration("v7-revised") { db in
      // The source's own date for a paper's record, so that an older file re-imported
      // fills in what is missing instead of rolling newer data back (Paper.merging).
      try db.execute(sql: "ALTER TABLE paper ADD COLUMN revised TEXT")
    }
    // MARK: v8-tags (issue 18, tags)
    migrator.registerMigration("v8-tags") { db in
      // The user's tags: a tag keeps the spelling it was first written with (`name`) and is
      // found by its case-folded form (`key`). The link table's primary key answers `tag:x`
      // (the papers of one tag) and `folio tags` (counts per tag); its second index answers
      // "the tags of this paper" for every row shown.
      try db.execute(
        sql: """
          CREATE TABLE tag (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,               -- as first written
            key TEXT NOT NULL UNIQUE          -- case-folded name (TagName.key)
          );
          CREATE TABLE paper_tag (
            tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
            paper_seq INTEGER NOT NULL REFERENCES paper(seq) ON DELETE CASCADE,
            PRIMARY KEY (tag_id, paper_seq)
          ) WITHOUT ROWID;
          CREATE UNIQUE INDEX paper_tag_paper ON paper_tag(paper_seq, tag_id);
          """)
    }
    // MARK: end v8-tags
    // MARK: v9-dismissed (triage)
    migrator.registerMigration("v9-dismissed") { db in
      // The other listing orders (ListingOrder) get an index each, so their first screen is
      // an index walk. "Not interested": a dismissed paper is left out of listings unless a query asks for
      // it (`is:dismissed`). The partial index keeps the default exclusion's count cheap; the
      // read_at index lets undoing a mark-all-read find its rows by their one timestamp.
      try db.execute(
        sql: """
          ALTER TABLE paper_state ADD COLUMN dismissed_at DATETIME;
          CREATE INDEX paper_state_dismissed ON paper_state(dismissed_at)
            WHERE dismissed_at IS NOT NULL;
          CREATE INDEX paper_state_read ON paper_state(read_at) WHERE read_at IS NOT NULL;
          CREATE INDEX paper_by_upvotes ON paper(coalesce(upvotes, -1) DESC, sort_key DESC);
          CREATE INDEX paper_by_published ON paper(coalesce(published, '') DESC, sort_key DESC);
          """)
    }
    migrator.registerMigration("v10-hf-fields") { db in
      // Hugging Face's AI summary, GitHub stars, organisation, submitter and withdrawn mark
      // (HuggingFaceDetails). `cat:`, `kw:` and `org:` read the JSON lists and these columns
      // row by row while the listing walks `sort_key`, which stops after a screenful.
      try db.execute(
        sql: """
          ALTER TABLE paper ADD COLUMN hf_summary TEXT;
          ALTER TABLE paper ADD COLUMN github_stars INTEGER;
          ALTER TABLE paper ADD COLUMN org_name TEXT;
          ALTER TABLE paper ADD COLUMN org_fullname TEXT;
          ALTER TABLE paper ADD COLUMN submitted_by TEXT;
          ALTER TABLE paper ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
          """)
    }
    migrator.registerMigration("v11-facets") { db in
      // `cat:`, `kw:` and `org:` from an index of (kind, folded value, sort key) instead of
      // every paper's lists: a value few papers have was a scan of the library (FacetIndex).
      try FacetIndex.create(db)
    }
    migrator.registerMigration("v12-for-you") { db in
      // What the for-you model learns from (LibraryStore+ForYouSignals): when a paper was read
      // full screen (`viewed_at`), had its link or PDF opened (`opened_at`), got its first note
      // (`noted_at`) or first tag (`tagged_at`, set by the trigger below, so the tag code needs
      // no change). `for_you_model` keeps the one learnt model and the state generation it
      // learnt at; `for_you_generation` counts every change of paper_state and paper_tag,
      // bumped by triggers, so "is the model stale" is two one-row reads.
      try db.execute(
        sql: """
          ALTER TABLE paper_state ADD COLUMN viewed_at DATETIME;
          ALTER TABLE paper_state ADD COLUMN opened_at DATETIME;
          ALTER TABLE paper_state ADD COLUMN noted_at DATETIME;
          ALTER TABLE paper_state ADD COLUMN tagged_at DATETIME;
          CREATE TABLE for_you_model (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            model BLOB NOT NULL,               -- ForYouModel.encoded()
            trained_at DATETIME NOT NULL,
            generation INTEGER NOT NULL        -- for_you_generation.value it learnt at
          );
          CREATE TABLE for_you_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
          );
          INSERT INTO for_you_generation (id, value) VALUES (1, 1);
          CREATE TRIGGER for_you_state_insert AFTER INSERT ON paper_state BEGIN
            UPDATE for_you_generation SET value = value + 1;
          END;
          CREATE TRIGGER for_you_state_update AFTER UPDATE ON paper_state BEGIN
            UPDATE for_you_generation SET value = value + 1;
          END;
          CREATE TRIGGER for_you_state_delete AFTER DELETE ON paper_state BEGIN
            UPDATE for_you_generation SET value = value + 1;
          END;
          CREATE TRIGGER for_you_tag_insert AFTER INSERT ON paper_tag BEGIN
            INSERT INTO paper_state (paper_seq, tagged_at)
              VALUES (new.paper_seq, strftime('%Y-%m-%d %H:%M:%f', 'now'))
              ON CONFLICT (paper_seq) DO UPDATE SET tagged_at = coalesce(tagged_at, excluded.tagged_at);
          END;
          CREATE TRIGGER for_you_tag_delete AFTER DELETE ON paper_tag BEGIN
            UPDATE for_you_generation SET value = value + 1;
          END;
          """)
    }
    migrator.registerMigration("v13-scholar") { db in
      // Semantic Scholar's facts (issue 20, `folio enrich`; LibraryStore+Scholar): citation
      // counts, the TL;DR and when Folio asked. `s2_checked_at` NULL: never asked; asked but
      // unknown to Semantic Scholar: counts NULL, `s2_checked_at` set. An import's upsert
      // names only the paper's own columns (PaperColumns), so it never clobbers them. The
      // citations order (ListingOrder.citations) gets an index like the upvotes one, so its
      // first screen is an index walk; `cites:` reads the column row by row.
      try db.execute(
        sql: """
          ALTER TABLE paper ADD COLUMN s2_citations INTEGER;
          ALTER TABLE paper ADD COLUMN s2_influential_citations INTEGER;
          ALTER TABLE paper ADD COLUMN s2_tldr TEXT;
          ALTER TABLE paper ADD COLUMN s2_checked_at DATETIME;
          CREATE INDEX paper_by_citations ON paper(coalesce(s2_citations, -1) DESC, sort_key DESC);
          """)
    }
    migrator.registerMigration("v14-sync") { db in
      // Sync (issue 21, SyncSchema): this device's id and clock, the local change log, the
      // winning clock per paper and field, changes waiting for a paper not imported yet, how
      // far each other device's log has been read. The state already in the library becomes
      // this device's first changes, so it reaches the other devices too.
      try SyncSchema.create(db)
      try SyncSchema.seed(db, device: DeviceID.make(), now: Date())
    }
    migrator.registerMigration("v15-sync-signals") { db in
      // The for-you signals (`viewed_at`, `opened_at`) sync too since this migration: the
      // ones already set become this device's changes, as v14-sync's seed did for the rest.
      try SyncSchema.seedSignals(db, now: Date())
    }
    return migrator
  }

  /// Sets every paper's `title_key` to ``FolioCore/PaperIdentity/titleKey(_:)`` of its title,
  /// one pass over the table in pages of ``recomputePage`` rows, so memory stays flat at a
  /// million papers.
  static func recomputeTitleKeys(_ db: Database) throws {
    let select = try db.makeStatement(
      sql:
        "SELECT seq, title, title_key FROM paper WHERE seq > ? ORDER BY seq LIMIT \(recomputePage)")
    let update = try db.makeStatement(sql: "UPDATE paper SET title_key = ? WHERE seq = ?")
    var last: Int64 = .min
    while true {
      // A page is read whole before it is written: SQLite does not promise a cursor over a
      // table that changes under it.
      let rows = try Row.fetchAll(select, arguments: [last])
      guard let final = rows.last else { return }
      last = final["seq"]
      for row in rows {
        let key = PaperIdentity.titleKey(row["title"])
        if key != row["title_key"] as String? {
          try update.execute(arguments: [key, row["seq"] as Int64])
        }
      }
    }
  }

  /// Rows read at a time by ``recomputeTitleKeys(_:)``.
  static let recomputePage = 1000
}
