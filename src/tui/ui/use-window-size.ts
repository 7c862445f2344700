/**
 * The terminal's size, updated on resize (Ink 6 has no useWindowSize; reference/ink.md B.2).
 * Falls back to 100×30 where the output has no size (a test's fake stdout has no rows).
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface WindowSize {
  columns: number;
  rows: number;
}

export function useWindowSize(): WindowSize {
  const { stdout } = useStdout();
  const get = (): WindowSize => ({ columns: stdout.columns || 100, rows: stdout.rows || 30 });
  const [size, setSize] = useState(get);
  useEffect(() => {
    const onResize = () => setSize(get());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
