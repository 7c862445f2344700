/**
 * The real program in a real terminal (tmux): start `kubesim` on the demo cluster, open the
 * Deployments, scale one, see its pods appear, quit, and find the shell restored (the alternate
 * screen left, the cursor shown, the exit code 0).
 *
 * tmux runs the program with real timers, so this test waits for what it expects to see on the
 * screen (polling capture-pane until a deadline); it never waits a fixed time. It skips itself,
 * saying why, where tmux is not installed.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `kubesim-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

const screen = () => tmux('capture-pane', '-p', '-t', 'tui');

async function see(pattern: RegExp, what: string, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never saw ${what} (${pattern}); the screen was:\n${last}`);
}

describe('the real program in tmux', { skip: hasTmux ? false : 'tmux is not installed: skipping the terminal test' }, () => {
  it('starts, opens deployments, scales one, shows its pods, quits and restores the shell', async () => {
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'tui', '-x', '150', '-y', '45', '-c', ROOT, 'env -u CI -u KUBESIM_DEBUG PS1="shell> " bash --norc --noprofile');
    try {
      tmux('send-keys', '-t', 'tui', 'echo before-kubesim', 'Enter');
      await see(/^before-kubesim$/m, 'the shell');
      tmux('send-keys', '-t', 'tui', 'node src/cli/bin.mjs', 'Enter');
      await see(/Pods\(ott\)\[\d+\]/, 'the pods of the demo');
      assert.equal(tmux('display', '-p', '-t', 'tui', '#{alternate_on}').trim(), '1', 'on the alternate screen');

      tmux('send-keys', '-t', 'tui', ':deploy', 'Enter');
      const deployments = await see(/Deployments\(ott\)\[\d+\][\s\S]*│ +member +\d\/\d/, 'the Deployments');
      assert.match(deployments, /<s> Scale/);
      tmux('send-keys', '-t', 'tui', '/^member', 'Enter');
      await see(/Deployments\(ott\)\[1\] <\/\^member>/, 'member alone');
      tmux('send-keys', '-t', 'tui', 's');
      await see(/Scale deployment ott\/member/, 'the scale dialog');
      tmux('send-keys', '-t', 'tui', 'BSpace', 'BSpace', '4', 'Enter');
      await see(/deployment\.apps\/member scaled/, 'kubectl\'s answer in the flash line');
      tmux('send-keys', '-t', 'tui', 'Enter');
      await see(/Pods\(ott\)\[4\] <app=member>/, 'four member pods');
      await see(/(│ +member-\S+ +1\/1 +Running[^\n]*\n){4}/, 'all four Running');

      tmux('send-keys', '-t', 'tui', ':q', 'Enter');
      const after = await see(/^shell>\s*$/m, 'the shell prompt again');
      assert.match(after, /before-kubesim/, 'the shell\'s screen is back as it was');
      assert.doesNotMatch(after, /Deployments\(|Pods\(/, 'nothing of the TUI is left');
      assert.equal(tmux('display', '-p', '-t', 'tui', '#{alternate_on}').trim(), '0', 'the alternate screen was left');
      assert.equal(tmux('display', '-p', '-t', 'tui', '#{cursor_flag}').trim(), '1', 'the cursor is shown');
      tmux('send-keys', '-t', 'tui', 'echo exit=$?', 'Enter');
      await see(/^exit=0$/m, 'exit code 0');
    } finally {
      spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    }
  });
});
