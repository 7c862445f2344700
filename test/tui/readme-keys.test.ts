/** src/tui/README-keys.md is what `npm run keys` generates from the keymap: regenerate it when keys change. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KEYMAP } from '../../src/tui/keymap/keymap.ts';
import { keyListMarkdown } from '../../src/tui/keymap/readme-keys.ts';
import { mainScreenCapture, spliceReadme } from '../../src/tui/write-readme-keys.ts';

const file = readFileSync(join(import.meta.dirname, '../../src/tui/README-keys.md'), 'utf8');
const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README-keys.md', () => {
  it('lists every key of the keymap (run `npm run keys` after changing keymap.ts)', () => {
    assert.ok(file.includes(keyListMarkdown(KEYMAP)), 'the key list is stale: run npm run keys');
    for (const b of KEYMAP) assert.ok(file.includes(`\`${b.command}\``), b.command);
  });

  it('holds a capture of the main screen as the TUI draws it', () => {
    const capture = mainScreenCapture();
    assert.match(capture, /^Cluster: kubernetes/);
    assert.match(capture, /Pods\(ott\)\[\d+\]/);
    assert.match(capture, /Scenario: The demo cluster/);
    assert.equal(capture.split('\n').length, 31, '32 rows, less one');
    assert.ok(file.includes(capture), 'the capture is stale: run npm run keys');
  });

  it('is what the project README shows between its keys marks', () => {
    assert.equal(spliceReadme(readme, file), readme, 'README.md is stale: run npm run keys');
    assert.ok(readme.includes(keyListMarkdown(KEYMAP)));
  });
});
