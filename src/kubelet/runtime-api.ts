/**
 * What `kubectl logs` and `kubectl exec` ask of a node: the container runtime's view of a pod's
 * containers. The kubelet implements it; the kubectl layer and the TUI call it.
 */
import type { Pod } from '../api/types/index.ts';

export interface LogOptions {
  /** The previous (terminated) instance of the container. */
  previous?: boolean;
  /** Only the last N lines. */
  tail?: number;
}

/** Log lines, or the error the API server returns (`container "x" in pod "y" is waiting to start: ContainerCreating`). */
export type LogsResult = { ok: true; lines: string[] } | { ok: false; error: string };

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExecOptions {
  /** A terminal is attached (`kubectl exec -t`): curl shows no progress meter. */
  tty?: boolean;
}

export interface ContainerRuntimeApi {
  logs(pod: Pod, container: string, opts: LogOptions): LogsResult;
  /** Runs `argv` in the container, as the image would answer (`nslookup`, `hostname`, `env`, `curl`...). */
  exec(pod: Pod, container: string, argv: string[], opts?: ExecOptions): ExecResult;
}
