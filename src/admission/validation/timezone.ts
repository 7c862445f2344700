/**
 * IANA time zone names as Go's time.LoadLocation accepts them, checked with the ICU data of Intl.
 * Go looks names up case-sensitively in the zoneinfo database, so "europe/paris" is unknown even
 * though Intl would resolve it: a name that differs from its canonical form only in case is
 * rejected. "UTC" and "Local" (the machine's zone, which CronJobs refuse separately) are always known.
 */

let canonical: Set<string> | undefined;

function supported(): Set<string> {
  if (!canonical) {
    const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
    canonical = new Set(intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : []);
  }
  return canonical;
}

export function isValidTimeZone(name: string): boolean {
  if (name === 'UTC' || name === '' || name === 'Local') return true;
  if (supported().has(name)) return true;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  if (resolved === name) return true;
  // An alias (US/Eastern → America/New_York) is known to Go; a mere case variant is not.
  return resolved.toLowerCase() !== name.toLowerCase() && !/^[a-z]/.test(name);
}
