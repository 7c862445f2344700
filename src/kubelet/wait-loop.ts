/**
 * A script waiting in an `until` loop (`until nslookup mydb; do echo waiting for mydb; sleep 2;
 * done`, as init containers do): each round's check runs in the container at its time, the
 * round's output and the loop's echo go to the logs, and the first success ends the process
 * with exit code 0 at that round's time.
 */
import type { ContainerRun } from './container-run.ts';

/** Runs the rounds due by `now`; `check` runs the check command, `wake` asks for the next sync. */
export function advanceWaitLoop(
  r: ContainerRun,
  now: number,
  check: (argv: string[]) => { stdout: string; stderr: string; exitCode: number },
  wake: (at: number) => void,
): void {
  const cur = r.current;
  const w = cur?.behaviour.waitUntil;
  if (!cur || !w || cur.finishedAt !== undefined || cur.exitAt !== undefined) return;
  cur.nextCheck ??= cur.startedAt;
  while (cur.nextCheck <= now) {
    const res = check(w.check);
    for (const line of `${res.stdout}${res.stderr}`.split('\n').filter((l) => l !== '')) cur.logs.push(line);
    if (res.exitCode === 0) {
      cur.exitAt = cur.nextCheck;
      cur.exitCode = 0;
      wake(cur.exitAt);
      return;
    }
    if (w.line) cur.logs.push(w.line);
    cur.nextCheck += w.everyMs;
  }
  wake(cur.nextCheck);
}
