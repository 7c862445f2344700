/**
 * Cell helpers shared by the per-kind printers: AGE, the NAME column, container/image lists, label
 * selectors as metav1 prints them, access modes, storage classes, Go's bool printing.
 */
import { age } from '../api/duration.ts';
import { formatLabelSelector } from '../api/selector.ts';
import type { Container, KubeObject, LabelSelector } from '../api/types/index.ts';
import type { ColumnDef, PrintContext } from './types.ts';

export function column(name: string, cell: (obj: KubeObject, ctx: PrintContext) => string, wide = false): ColumnDef {
  return { name, wide, cell };
}

export const NAME: ColumnDef = { name: 'NAME', wide: false, cell: (o) => o.metadata.name, nameColumn: true };

/** translateTimestampSince(creationTimestamp), against the virtual clock. */
export const AGE: ColumnDef = column('AGE', (o, ctx) => age(o.metadata.creationTimestamp, ctx.now));

/** Milliseconds of an RFC 3339 timestamp; 0 when absent or unparsable (Go's zero time). */
export function ms(ts: string | undefined | null): number {
  if (!ts) return 0;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? 0 : t;
}

/** layoutContainerCells: `CONTAINERS` and `IMAGES` of `-o wide`. */
export function containerCells(containers: readonly Container[] | undefined): { names: string; images: string } {
  const list = containers ?? [];
  return { names: list.map((c) => c.name).join(','), images: list.map((c) => c.image ?? '').join(',') };
}

/**
 * metav1.LabelSelectorAsSelector(ls).String(): every requirement sorted by key; "" for an empty
 * selector (formatLabelSelector of src/api/selector.ts without its `<none>`).
 */
export function selectorString(ls: LabelSelector | undefined | null): string {
  const s = formatLabelSelector(ls);
  return s === '<none>' ? '' : s;
}

/** metav1.FormatLabelSelector: `<none>` when empty or nil. */
export const formatSelector = formatLabelSelector;

/** printBoolPtr: `True`, `False`, `<unset>`. */
export function boolPtr(v: boolean | undefined): string {
  return v === undefined ? '<unset>' : v ? 'True' : 'False';
}

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-separated. */
export function accessModes(modes: readonly string[] | undefined): string {
  const m = modes ?? [];
  const out: string[] = [];
  if (m.includes('ReadWriteOnce')) out.push('RWO');
  if (m.includes('ReadOnlyMany')) out.push('ROX');
  if (m.includes('ReadWriteMany')) out.push('RWX');
  if (m.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetPersistentVolume(Claim)Class: the beta annotation wins over spec.storageClassName. */
export function storageClassOf(obj: KubeObject, specClass: string | null | undefined): string {
  const ann = obj.metadata.annotations?.[BETA_CLASS_ANNOTATION];
  return ann !== undefined ? ann : (specClass ?? '');
}

/** storageutil.IsDefaultAnnotation. */
export function isDefaultStorageClass(obj: KubeObject): boolean {
  const a = obj.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}
