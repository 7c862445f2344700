/**
 * Soft wrapping, as a terminal shows a line wider than itself but breaking at spaces where it
 * can: for text pages (`w` toggles it) and the scenario panel's narration.
 *
 *   wrapText('Scale member from 1 to 3 pods.', 12)  →  ['Scale member', 'from 1 to 3', 'pods.']
 *   wrapText('3.14159265358979', 6)                →  ['3.1415', '926535', '8979']
 *
 * A line keeps its leading indentation on every piece it wraps into (so an indented report line
 * or a YAML block stays indented), as long as the indent leaves room for text.
 */

/** The pieces `line` wraps into at `width` columns (at least one, possibly empty). */
export function wrapText(line: string, width: number): string[] {
  const w = Math.max(1, width);
  if (line.length <= w) return [line];
  const indent = /^ */.exec(line)![0];
  const pad = indent.length <= w / 2 ? indent : '';
  const out: string[] = [];
  let rest = line;
  let first = true;
  while (rest.length > 0) {
    const lead = first ? '' : pad;
    const room = w - lead.length;
    if (rest.length <= room) {
      out.push(lead + rest);
      break;
    }
    // Break after the last space that fits; a word longer than the line is cut where it must be.
    const space = rest.lastIndexOf(' ', room);
    const at = space > (first ? indent.length : 0) ? space : room;
    out.push(lead + rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^ +/, '');
    first = false;
  }
  return out;
}

/** Every line wrapped at `width`, in order. */
export function wrapLines(lines: readonly string[], width: number): string[] {
  return lines.flatMap((l) => wrapText(l, width));
}
