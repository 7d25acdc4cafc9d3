/**
 * Calls `onGone` when the process that started this one exits. A package manager that runs us
 * (`pnpm start`) may not pass SIGTERM on and exit alone, leaving us orphaned: re-parented, our
 * `ppid` changes. A poll, because Node has no parent-death signal.
 */
export function watchParent(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
