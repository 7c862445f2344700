/**
 * The header (k9s's): cluster information on the left, then the key hints in columns of up to six
 * rows, the namespace favourites (`<0> all`, `<1> ott`) first. The hints come from the keymap, so
 * a key shows here exactly where it works (and not at all under --readonly).
 *
 *   Cluster: kubernetes                      <0> all       <enter> View     <l> Logs
 *   Time:    2025-01-06 09:02:30 ×1 ▶ running <1> ott       <s> Scale        <d> Describe
 *   Nodes:   3 (3 Ready)                      <2> default   <r> Restart      ...
 */
import { rfc3339 } from '../../api/duration.ts';
import { formatCpuMillis } from '../../api/quantity.ts';
import { keyLabel } from '../keymap/keys.ts';
import type { KeyBinding } from '../keymap/keymap.ts';
import type { ClusterSummary } from '../state/cluster-summary.ts';
import { humanBytes } from '../views/extras.ts';
import { ACCENT, LABEL } from './colors.ts';
import { fitLine, lineWidth, seg, type Line } from './line.ts';

export interface HeaderModel {
  cluster: string;
  now: number;
  speed: number;
  running: boolean;
  /** Why time does not move (a scenario pause). */
  blocked?: string;
  summary: ClusterSummary;
  /** `5/14 until (timeout 1m)`; undefined without a scenario. */
  step?: string;
  stepColor?: Line[number]['color'];
  readonly: boolean;
  /** The scenario's name, if one plays. */
  scenario?: string;
  favourites: readonly string[];
  hints: readonly KeyBinding[];
}

export const HEADER_ROWS = 6;
const INFO_WIDTH = 48;

export function timeText(now: number): string {
  return rfc3339(now).replace('T', ' ').replace(/Z$/, '');
}

/** `1250m/12 (10%)`: requested of allocatable. */
function ratio(requested: number, allocatable: number, format: (n: number) => string): string {
  const pct = allocatable > 0 ? Math.round((requested * 100) / allocatable) : 0;
  return `${format(requested)}/${format(allocatable)} (${pct}%)`;
}

function infoLines(m: HeaderModel): Line[] {
  const s = m.summary;
  const label = (t: string) => seg(t.padEnd(9), { color: LABEL });
  const state = m.blocked ? seg('⏸ pause step', { color: 'yellow' }) : m.running ? seg('▶ running', { color: 'green' }) : seg('⏸ paused', { color: 'yellow' });
  return [
    [label('Cluster:'), seg('kubernetes', { bold: true }), ...(m.readonly ? [seg(' [readonly]', { color: 'red' })] : []), ...(m.scenario ? [seg(` · ${m.scenario}`, { dim: true })] : [])],
    [label('Time:'), seg(`${timeText(m.now)} ×${m.speed} `), state],
    [label('Nodes:'), seg(`${s.nodes} (${s.readyNodes} Ready)`)],
    [label('Pods:'), seg(`${s.pods} (${s.running} Running, ${s.pending} Pending${s.failed ? `, ${s.failed} Failed` : ''})`)],
    [
      label('CPU/MEM:'),
      seg(`${ratio(s.cpuRequested, s.cpuAllocatable, formatCpuMillis)}  ${ratio(s.memRequested, s.memAllocatable, humanBytes)}`),
    ],
    [label('Step:'), seg(m.step ?? '-', m.stepColor ? { color: m.stepColor } : {})],
  ];
}

interface Hint {
  key: string;
  text: string;
  danger: boolean;
}

function hintColumns(m: HeaderModel): Hint[][] {
  const fav: Hint[] = [{ key: '0', text: 'all', danger: false }, ...m.favourites.slice(0, 9).map((ns, i) => ({ key: String(i + 1), text: ns, danger: false }))];
  const keys: Hint[] = m.hints.map((b) => ({ key: keyLabel(b.keys[0]), text: b.description, danger: b.dangerous ?? false }));
  const cols: Hint[][] = [];
  for (let i = 0; i < fav.length; i += HEADER_ROWS) cols.push(fav.slice(i, i + HEADER_ROWS));
  for (let i = 0; i < keys.length; i += HEADER_ROWS) cols.push(keys.slice(i, i + HEADER_ROWS));
  return cols;
}

/**
 * A line of cluster information in its column: cut with `…` one short of the column, so that a
 * long scenario name never runs into the hints (`· Pod, ReplicaSet and Deploy<0> all`).
 */
function infoCell(line: Line, width: number): Line {
  if (lineWidth(line) < width) return fitLine(line, width);
  const cut = fitLine(line, Math.max(0, width - 2));
  const last = cut[cut.length - 1];
  return fitLine([...cut, seg('…', last ? { dim: last.dim } : {})], width);
}

export function headerLines(m: HeaderModel, width: number): Line[] {
  const info = infoLines(m);
  const lines: Line[] = info.map((l) => infoCell(l, Math.min(INFO_WIDTH, width)));
  let used = Math.min(INFO_WIDTH, width);
  for (const col of hintColumns(m)) {
    const w = Math.max(...col.map((h) => h.key.length + 3 + h.text.length)) + 2;
    if (used + w > width) break;
    for (let r = 0; r < HEADER_ROWS; r++) {
      const h = col[r];
      const cell: Line = h ? [seg(`<${h.key}>`, { color: h.danger ? 'red' : 'blue', bold: true }), seg(` ${h.text}`)] : [];
      lines[r] = [...lines[r], ...fitLine(cell, w)];
    }
    used += w;
  }
  return lines.map((l) => fitLine(l, width));
}

/** One line for small terminals. */
export function compactHeader(m: HeaderModel, width: number): Line {
  const s = m.summary;
  const state = m.blocked ? '⏸ pause' : m.running ? '▶' : '⏸';
  return fitLine(
    [
      seg('kubernetes', { color: ACCENT, bold: true }),
      seg(` ${timeText(m.now)} ×${m.speed} ${state}  nodes ${s.readyNodes}/${s.nodes}  pods ${s.pods}${m.step ? `  step ${m.step}` : ''}`),
    ],
    width,
  );
}
