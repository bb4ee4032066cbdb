import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no cross-process lock: two processes on one data dir silently lose writes and can leave it
 * unopenable (shared/STACK-NOTES.md). So whoever opens the dir first writes its PID into a lock file
 * beside it, and everybody else fails fast with a message that names the holder. A lock whose process
 * is gone is stale and taken over.
 */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    holderCommand: string,
  ) {
    super(
      `The embedded database in ${dataDir} is already open in another process (PID ${holderPid}: ${holderCommand}). ` +
        'PGlite cannot be shared between processes: stop that process first (e.g. the running `npm run dev`), ' +
        'or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DatabaseLockedError';
  }
}

export function lockFileFor(dataDir: string): string {
  return path.resolve(dataDir) + '.lock';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Locks this process holds; shared across module copies (Next bundles server code more than once).
const heldLocks: Set<string> = ((globalThis as { omnishopHeldLocks?: Set<string> }).omnishopHeldLocks ??= new Set());

/** Takes the lock for `dataDir` or throws DatabaseLockedError. Returns a function that releases it. */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockFileFor(dataDir);
  if (heldLocks.has(lockPath)) {
    throw new DatabaseLockedError(dataDir, process.pid, 'this process: open the database once and reuse it');
  }
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const content = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(' ') });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, content, { flag: 'wx' });
      heldLocks.add(lockPath);
      const release = () => {
        heldLocks.delete(lockPath);
        try {
          if (JSON.parse(fs.readFileSync(lockPath, 'utf8')).pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid: number; command: string } = { pid: 0, command: 'unknown' };
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
      } catch {
        // Unreadable lock file: treat as stale.
      }
      // A lock with our own PID that we do not hold was left by an earlier process that had this PID.
      if (holder.pid && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DatabaseLockedError(dataDir, holder.pid, holder.command);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
