/**
 * kubectl describe's PrefixWriter: text with tabs, each write indented two spaces per level,
 * laid out at the end by a tabwriter (minwidth 0, padding 2; describe tabbedString).
 */
import { DESCRIBE_TABWRITER, tabwrite } from '../tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class DescribeWriter {
  private buf = '';

  /** PrefixWriter.Write: the level's indentation, then the text (which may end a line or not). */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }

  /** PrefixWriter.WriteLine: the text and a newline, no indentation. */
  line(text = ''): void {
    this.buf += text + '\n';
  }

  /** The aligned output. */
  toString(): string {
    return tabwrite(this.buf, DESCRIBE_TABWRITER);
  }
}
