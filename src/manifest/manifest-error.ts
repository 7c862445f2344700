/**
 * An error located in a manifest file: `error: <file>:<line>:<column>: <message>`, e.g.
 * `error: manifests/member.yaml:7:13: Deployment.apps "member" is invalid: spec.replicas: Invalid value: "three": ...`.
 */
import { YamlSyntaxError, type Position } from './yaml-source.ts';

export class ManifestError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The message without the location (`no matches for kind "X" in version "v1"`). */
  readonly detail: string;

  constructor(position: Position, detail: string) {
    super(`${position.file}:${position.line}:${position.column}: ${detail}`);
    this.file = position.file;
    this.line = position.line;
    this.column = position.column;
    this.detail = detail;
  }

  override toString(): string {
    return `error: ${this.message}`;
  }
}

/** A YAML syntax error as a ManifestError, so every manifest problem prints the same way. */
export function toManifestError(err: unknown): ManifestError | undefined {
  if (err instanceof ManifestError) return err;
  if (err instanceof YamlSyntaxError) return new ManifestError(err.position, err.detail);
  return undefined;
}
