/**
 * A pod template as `rollout history --revision=N` and `rollout undo --dry-run` print it
 * (describe.DescribePodTemplate on a bare PrefixWriter): the printers' description, with its tabs
 * left as tabs, since kubectl does not align this output.
 */
import type { PodTemplateSpec } from '../../api/types/index.ts';
import { describePodTemplate } from '../../printers/describe/pod-template.ts';
import { DescribeWriter } from '../../printers/describe/writer.ts';

class RawWriter extends DescribeWriter {
  private raw = '';

  override write(level: number, text: string): void {
    this.raw += '  '.repeat(level) + text;
  }

  override line(text = ''): void {
    this.raw += text + '\n';
  }

  override toString(): string {
    return this.raw;
  }
}

export function podTemplateText(template: PodTemplateSpec | undefined): string {
  const w = new RawWriter();
  describePodTemplate(w, template);
  return w.toString();
}
