/** One line of the screen: its styled segments as nested <Text>. Unchanged lines skip reconciliation. */
import { Text } from 'ink';
import { memo } from 'react';
import type { Line, Segment } from '../render/line.ts';

function sameSegment(a: Segment, b: Segment): boolean {
  return a.text === b.text && a.color === b.color && a.bold === b.bold && a.dim === b.dim && a.inverse === b.inverse && a.strike === b.strike;
}

function sameLine(prev: { line: Line }, next: { line: Line }): boolean {
  const a = prev.line;
  const b = next.line;
  return a.length === b.length && a.every((s, i) => sameSegment(s, b[i]));
}

export const LineView = memo(function LineView({ line }: { line: Line }) {
  return (
    <Text wrap="truncate">
      {line.map((s, i) => (
        <Text key={i} color={s.color} bold={s.bold} dimColor={s.dim} inverse={s.inverse} strikethrough={s.strike}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}, sameLine);
