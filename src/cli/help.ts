/** The help texts of `kubesim --help`, `kubesim play --help` and `kubesim validate --help`. */

const EXIT_CODES = `Exit codes:
  0    every check passed
  1    a check or a step failed
  2    a scenario file, or a manifest in it, is invalid (nothing was run); wins over 1
  64   the command line is wrong
  70   internal error (run with KUBESIM_DEBUG=1 for the stack trace)`;

export const MAIN_HELP = `kubesim: a k9s-style dashboard over a simulated Kubernetes cluster, and a
player of scenario files that check what the cluster does.

Usage:
  kubesim [FILE.yaml] [--readonly]  open the dashboard on the demo cluster or playing a scenario
  kubesim play FILE... [flags]      play scenarios headless and check every step
  kubesim validate FILE...          check scenario files without running them
  kubesim help [COMMAND]            show help for a command

The dashboard is a k9s-style full-screen view of the live simulated cluster: \`kubesim\` opens
it on scenarios/demo.yaml, \`kubesim FILE.yaml\` plays that scenario in it (the panel shows each
step and check; a failed check makes the exit code 1). It needs a terminal: without one (a
pipe, or CI set) it says so and exits 2. Press ? in it for the keys, :q to quit.

Flags:
      --readonly  dashboard only: no key that changes the cluster (scale, delete, drain, ...)
  -h, --help      show this help
  -v, --version   print kubesim's version

Examples:
  # Watch the demo cluster live
  kubesim

  # Play a scenario in the dashboard, without keys that change the cluster
  kubesim scenarios/03-statefulset-dns.yaml --readonly

  # Play a scenario headless, printing each step, its output and each check
  kubesim play scenarios/03-statefulset-dns.yaml

  # Check every scenario in CI, printing only failures
  kubesim play --quiet scenarios/*.yaml

${EXIT_CODES}
`;

export const PLAY_HELP = `Play scenario files headless: each builds its own simulated cluster and plays its steps on a
virtual clock, as fast as the CPU allows. Every file is validated first; an invalid file runs
nothing. The first failing step stops its scenario. Output is the same on every run.

Usage:
  kubesim play FILE... [--quiet] [--dump OUT.json]

Flags:
  -q, --quiet          print only failures and the last line
      --dump OUT.json  write each played scenario's final cluster state as a JSON List
                       (apiVersion: v1, kind: List, every object of every kind). With several
                       files, each gets its own file named after it: --dump out.json with a.yaml
                       and b.yaml writes out.a.json and out.b.json. A scenario that failed is
                       dumped as it stood when it stopped; an invalid one is not dumped.
  -h, --help           show this help

Output:
  A line per step: [virtual time since start] step N, line L: what it does; below it, what
  kubectl printed and each check (✓ or ✗ with what was expected and found). A line per file:
  --- PASS or --- FAIL. The last line: N passed, N failed (counting files).

Scenario files (README.md, "Writing a scenario", has the details):
  name, description, seed, start, namespace, cluster {nodes, images, objects}, steps.
  Steps: apply | create | delete: MANIFEST, kubectl: "CMD" (with fails: "TEXT"), sim: "ACTION",
  wait: 30s, until: CONDITIONS (timeout: 5m), expect: CONDITIONS, note: "TEXT", pause: "TEXT".

Examples:
  # Play one scenario
  kubesim play scenarios/02-deployment-scaling.yaml

  # Play several, print only failures, keep each final state
  kubesim play -q --dump state.json scenarios/*.yaml

${EXIT_CODES}
`;

export const VALIDATE_HELP = `Validate scenario files without running them: YAML syntax, the scenario's fields, every step
and condition, and every manifest against its kind's schema. Each problem is printed as
FILE:LINE:COLUMN: FIELD: WHAT IS WRONG.

Usage:
  kubesim validate FILE... [--quiet]

Flags:
  -q, --quiet   print only problems and the last line (N valid, N invalid)
  -h, --help    show this help

Examples:
  kubesim validate scenarios/*.yaml

Exit codes:
  0    every file is valid
  2    a file is invalid
  64   the command line is wrong
  70   internal error (run with KUBESIM_DEBUG=1 for the stack trace)
`;
