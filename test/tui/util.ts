/** Small helpers shared by the TUI tests that do not render (no React act environment here). */
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\x1b\][^\x07]*\x07/g, '');
}
