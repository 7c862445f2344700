/**
 * Manifests: YAML files of Kubernetes objects, parsed with positions and checked against the API's
 * kinds and schemas before anything runs, with errors naming file, line and column.
 */
export { parseManifests, type LocatedManifest } from './parse-manifests.ts';
export { checkManifest, locateFieldError } from './check-manifest.ts';
export { ManifestError, toManifestError } from './manifest-error.ts';
export { YamlSyntaxError, type Origin, type Position } from './yaml-source.ts';
