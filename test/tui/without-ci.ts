/**
 * Imported first by tests that run the real dashboard on a fake terminal: Ink reads CI from the
 * environment when it loads (is-in-ci) and, in CI, draws only the last frame at exit, so a test
 * waiting for the first frame would wait forever under `CI=true bash .ci/run`. The dashboard
 * itself refuses to start when CI is set (runTui's env says so, and is tested); these tests play
 * a person's terminal, where it is not.
 */
import { env } from 'node:process';

for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) delete env[key];
