/**
 * Masking of applicants' personal data (Decree 13/2023/NĐ-CP) for callers without `pii:read`:
 * enough stays visible to recognise a record, not to identify a person.
 */
export function maskIdNumber(id: string | null): string | null {
  if (id == null) return null;
  if (id.length <= 5) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 5) + id.slice(-2);
}

export function maskPhone(phone: string | null): string | null {
  if (phone == null) return null;
  if (phone.length <= 5) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 5) + phone.slice(-2);
}

/** Each word keeps its first letter: `Nguyễn Văn Đức` → `N***** V** Đ**`. */
export function maskName(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => {
      const [first, ...rest] = [...w];
      return (first ?? '') + '*'.repeat(rest.length);
    })
    .join(' ');
}
