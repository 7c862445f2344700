/**
 * API errors as the API server returns them (a metav1.Status), with the wording kubectl prints:
 * `Error from server (NotFound): deployments.apps "web" not found`.
 */
import { qualifiedResource, type KindInfo } from '../api/kinds.ts';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Invalid'
  | 'Conflict'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'UnsupportedMediaType'
  | 'InternalError';

const CODES: Record<StatusReason, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  UnsupportedMediaType: 415,
  InternalError: 500,
};

/** One invalid field: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export interface FieldError {
  /** Dotted path with list indexes in brackets, as the API prints it: `spec.template.spec.containers[0].image`. */
  field: string;
  /** The same path as segments (`['spec', 'template', 'spec', 'containers', 0, 'image']`), to locate it in a manifest. */
  path: (string | number)[];
  type:
    | 'FieldValueRequired'
    | 'FieldValueInvalid'
    | 'FieldValueNotSupported'
    | 'FieldValueForbidden'
    | 'FieldValueDuplicate'
    | 'FieldValueTooLong'
    | 'FieldValueTooMany'
    | 'FieldValueNotFound'
    | 'FieldValueTypeInvalid';
  /** The full message for this field, as in a Status cause. */
  message: string;
}

export class ApiError extends Error {
  readonly reason: StatusReason;
  readonly code: number;
  readonly causes: FieldError[];
  readonly details?: { name?: string; group?: string; kind?: string };

  constructor(reason: StatusReason, message: string, opts: { causes?: FieldError[]; details?: ApiError['details'] } = {}) {
    super(message);
    this.reason = reason;
    this.code = CODES[reason];
    this.causes = opts.causes ?? [];
    this.details = opts.details;
  }

  /** The metav1.Status object for this error. */
  toStatus(): Record<string, unknown> {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: this.details
        ? { ...this.details, ...(this.causes.length ? { causes: this.causes.map((c) => ({ reason: c.type, message: c.message, field: c.field })) } : {}) }
        : undefined,
      code: this.code,
    };
  }
}

export function notFound(info: KindInfo, name: string): ApiError {
  return new ApiError('NotFound', `${qualifiedResource(info)} "${name}" not found`, {
    details: { name, group: info.group, kind: info.plural },
  });
}

export function alreadyExists(info: KindInfo, name: string): ApiError {
  return new ApiError('AlreadyExists', `${qualifiedResource(info)} "${name}" already exists`, {
    details: { name, group: info.group, kind: info.plural },
  });
}

/** `Deployment.apps "web" is invalid: [spec.replicas: ..., spec.selector: ...]` */
export function invalid(info: KindInfo, name: string, causes: FieldError[]): ApiError {
  const qualified = info.group ? `${info.kind}.${info.group}` : info.kind;
  const body = causes.length === 1 ? causes[0].message : `[${causes.map((c) => c.message).join(', ')}]`;
  return new ApiError('Invalid', `${qualified} "${name}" is invalid: ${body}`, {
    causes,
    details: { name, group: info.group, kind: info.kind },
  });
}

export function conflict(info: KindInfo, name: string, detail: string): ApiError {
  return new ApiError('Conflict', `Operation cannot be fulfilled on ${qualifiedResource(info)} "${name}": ${detail}`, {
    details: { name, group: info.group, kind: info.plural },
  });
}
