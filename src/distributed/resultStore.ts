/**
 * The coordinator's persistent store of finished outcomes, keyed by job key (SQLite in the
 * results folder). A re-run of the same command reads it and submits only missing jobs; an
 * outcome is stored once, and a write survives the coordinator being killed right after it.
 */
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { ReplicationOutcome } from "../experiment/types.ts";
import { makeFoldersForInput } from "../node/makeFolders.ts";
import { decodeJson, encodeJson } from "./numberCodec.ts";

/** File name of the store inside a results folder. */
export const RESULT_STORE_FILE = "jobs.sqlite";

/**
 * Finished outcomes by store key. The executor's store key joins the whsim version, the job
 * kind and the job key, so an upgrade or another model never reuses an outcome.
 */
export class ResultStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string], { outcome: string }>;
  private readonly putStmt: Database.Statement<[string, string]>;

  /**
   * Opens (creating if needed) the store at `path`; `":memory:"` for a throwaway store.
   * Throws InputError when the store's folder cannot be created.
   */
  constructor(readonly path: string) {
    if (path !== ":memory:") {
      makeFoldersForInput(dirname(path), { file: "job store (WHSIM_JOB_STORE)", value: path });
    }
    this.db = new Database(path);
    // WAL + NORMAL: a committed write survives a killed process (not a power cut).
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS outcomes (key TEXT PRIMARY KEY, outcome TEXT NOT NULL) WITHOUT ROWID",
    );
    this.getStmt = this.db.prepare("SELECT outcome FROM outcomes WHERE key = ?");
    this.putStmt = this.db.prepare("INSERT OR IGNORE INTO outcomes (key, outcome) VALUES (?, ?)");
  }

  /** The stored outcome of `key`, if any. */
  get(key: string): ReplicationOutcome | undefined {
    const row = this.getStmt.get(key);
    return row ? (decodeJson(row.outcome) as ReplicationOutcome) : undefined;
  }

  /** Stores `outcome` under `key`; false if that key was already stored (kept as it was). */
  put(key: string, outcome: ReplicationOutcome): boolean {
    return this.putStmt.run(key, encodeJson(outcome)).changes === 1;
  }

  /** Number of stored outcomes. */
  count(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM outcomes").get() as { n: number }).n;
  }

  /** Closes the database file. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
