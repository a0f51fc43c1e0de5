import type { DatabaseSync } from 'node:sqlite';

/**
 * Staff addresses and domains decide who is staff where a source has no author type (e-mail, CSV).
 * "@acme.com" matches the domain and its subdomains; anything else matches one address.
 */
export type StaffMatcher = { isStaff: (address: string | null | undefined) => boolean; entries: readonly string[] };

function normalizeStaffEntry(entry: string): string {
  const e = entry.trim().toLowerCase();
  return e.startsWith('@') || e.includes('@') ? e : `@${e}`;
}

export function staffMatcher(entries: readonly string[]): StaffMatcher {
  const list = [...new Set(entries.map(normalizeStaffEntry))];
  const addresses = new Set(list.filter((e) => !e.startsWith('@')));
  const domains = list.filter((e) => e.startsWith('@')).map((e) => e.slice(1));
  return {
    entries: list,
    isStaff(address) {
      if (!address) return false;
      const a = address.trim().toLowerCase().replace(/^.*<([^>]+)>.*$/, '$1');
      if (addresses.has(a)) return true;
      const domain = a.slice(a.lastIndexOf('@') + 1);
      return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    },
  };
}

export function savedStaff(db: DatabaseSync): string[] {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'staff'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string[]) : [];
}

export function saveStaff(db: DatabaseSync, entries: readonly string[]): string[] {
  const merged = [...new Set([...savedStaff(db), ...entries.map(normalizeStaffEntry)])].sort();
  db.prepare("INSERT INTO meta (key, value) VALUES ('staff', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(merged));
  return merged;
}
