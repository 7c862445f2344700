/** `Topology Spread Constraints:` of pods and pod templates (describeTopologySpreadConstraints). */
import type { TopologySpreadConstraint } from '../../api/types/index.ts';
import { formatSelector } from '../common.ts';
import { cmp } from './multiline.ts';
import { LEVEL_0, type DescribeWriter } from './writer.ts';

export function describeTopologySpread(w: DescribeWriter, constraints: readonly TopologySpreadConstraint[] | undefined, space: string): void {
  const list = [...(constraints ?? [])].sort((a, b) => cmp(a.topologyKey, b.topologyKey));
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    let s = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) s += ` for selector ${formatSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${s}\n`);
  });
}
