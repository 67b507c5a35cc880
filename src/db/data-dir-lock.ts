// PGlite does not lock its data directory; two processes on one directory silently lose rows. This lock
// file (holding the owner's pid) makes a second process refuse to start instead.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataDirLockedError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, "waddleai.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isFinite(owner) && owner !== process.pid && processAlive(owner)) {
        throw new DataDirLockedError(
          `the embedded database in ${dataDir} is in use by process ${owner}; stop it, choose another WADDLEAI_DATA_DIR, or set DATABASE_URL to share a Postgres server`,
        );
      }
      // The owner is gone (crash or kill -9): the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`could not lock ${lockPath}`);
}
