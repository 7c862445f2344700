/** The help texts' examples name scenario files that exist, so a reader can paste them. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MAIN_HELP, PLAY_HELP, VALIDATE_HELP } from '../../src/cli/help.ts';

describe('help', () => {
  for (const [name, text] of Object.entries({ MAIN_HELP, PLAY_HELP, VALIDATE_HELP })) {
    it(`${name}: every scenarios/ file it names exists`, () => {
      const files = [...text.matchAll(/scenarios\/[\w.-]+\.yaml/g)].map((m) => m[0]);
      for (const f of files) assert.ok(existsSync(f), `${f} (named in ${name}) does not exist`);
    });
  }
});
