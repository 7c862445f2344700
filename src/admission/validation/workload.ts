/**
 * What every controller of pods checks about its selector and template: the selector is required,
 * not empty, valid, and matches the template's labels.
 *
 *   spec.selector: Required value
 *   spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`
 */
import type { FieldError } from '../../apiserver/errors.ts';
import type { LabelSelector, PodTemplateSpec } from '../../api/types/index.ts';
import { fromLabelSelector, matches } from '../../api/selector.ts';
import { invalid, notSupported, forbidden, type Path, required } from '../util/field-path.ts';
import { goLabelSelector, goLiteral, goStringMap } from '../util/go-format.ts';
import { validateLabelSelector } from './meta.ts';
import { validatePodTemplate } from './pod.ts';

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Whether LabelSelectorAsSelector would succeed (operators known, In/NotIn with values). */
export function selectorConvertible(sel: LabelSelector | undefined): boolean {
  return (sel?.matchExpressions ?? []).every((e) => OPERATORS.has(e.operator) && (!(e.operator === 'In' || e.operator === 'NotIn') || (e.values ?? []).length > 0));
}

export function selectorEmpty(sel: LabelSelector | undefined): boolean {
  return Object.keys(sel?.matchLabels ?? {}).length + (sel?.matchExpressions ?? []).length === 0;
}

/**
 * The selector must select the template's labels. A missing selector selects nothing, so it never
 * matches (the API reports both `spec.selector: Required value` and this); an empty one is
 * reported elsewhere.
 */
export function validateSelectorMatchesTemplate(sel: LabelSelector | undefined, template: PodTemplateSpec | undefined, templatePath: Path): FieldError[] {
  if (sel && (!selectorConvertible(sel) || selectorEmpty(sel))) return [];
  const labels = template?.metadata?.labels;
  if (sel && matches(fromLabelSelector(sel), labels)) return [];
  return [invalid(templatePath.child('metadata', 'labels'), goLiteral(goStringMap(labels)), '`selector` does not match template `labels`')];
}

/** Selector presence and syntax, with the kind's empty-selector wording (`empty selector is invalid for deployment`). */
export function validateSelector(sel: LabelSelector | undefined, path: Path, emptyFor: string): FieldError[] {
  if (!sel) return [required(path)];
  const errs = validateLabelSelector(sel, path);
  if (selectorEmpty(sel)) errs.push(invalid(path, goLiteral(goLabelSelector(sel)), `empty selector is invalid for ${emptyFor}`));
  return errs;
}

/**
 * ValidatePodTemplateSpecForReplicaSet (also used for Deployments and DaemonSets): template
 * required, labels matched, pod template valid, restartPolicy Always, no activeDeadlineSeconds.
 */
export function validateReplicatedTemplate(sel: LabelSelector | undefined, template: PodTemplateSpec | undefined, path: Path, owner: string): FieldError[] {
  if (!template) return [required(path)];
  const errs = [...validateSelectorMatchesTemplate(sel, template, path), ...validatePodTemplate(template, path)];
  const rp = template.spec?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupported(path.child('spec', 'restartPolicy'), rp ?? '', ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(path.child('spec', 'activeDeadlineSeconds'), `activeDeadlineSeconds in ${owner} is not Supported`));
  }
  return errs;
}

/** ValidateImmutableField for a selector: `spec.selector: Invalid value: v1.LabelSelector{...}: field is immutable`. */
export function immutableSelector(sel: LabelSelector | undefined, old: LabelSelector | undefined, path: Path, equal: (a: unknown, b: unknown) => boolean): FieldError[] {
  return equal(sel ?? null, old ?? null) ? [] : [invalid(path, goLiteral(goLabelSelector(sel)), 'field is immutable')];
}
