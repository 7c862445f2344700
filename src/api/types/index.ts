/** The Kubernetes API types kubesim stores: a faithful subset of core/v1, apps/v1, batch/v1 and friends. */
export * from './meta.ts';
export * from './core.ts';
export * from './apps.ts';
export * from './batch.ts';
