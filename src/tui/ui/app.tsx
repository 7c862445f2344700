/**
 * The Ink app: a thin shell around the controller. It feeds the controller the keys (one
 * dispatcher; the controller knows the mode: dialog, prompt, page) and the terminal's size, and
 * prints the controller's screen, one <Text> per line, in a box one row shorter than the terminal.
 */
import { Box, useInput, useStdin } from 'ink';
import { useSyncExternalStore } from 'react';
import { keyPresses } from '../keymap/keys.ts';
import type { TuiController } from '../state/controller.ts';
import { LineView } from './line-view.tsx';
import { useWindowSize } from './use-window-size.ts';

export function App({ controller }: { controller: TuiController }) {
  const { columns, rows } = useWindowSize();
  useSyncExternalStore(controller.subscribe, controller.getVersion);
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      for (const k of keyPresses(input, key)) controller.key(k);
    },
    { isActive: isRawModeSupported },
  );
  const lines = controller.screen(columns, rows);
  return (
    <Box flexDirection="column" width={columns} height={lines.length}>
      {lines.map((line, i) => (
        <LineView key={i} line={line} />
      ))}
    </Box>
  );
}
