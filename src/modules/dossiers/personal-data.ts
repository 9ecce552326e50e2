/**
 * Masking of applicants' personal data (Decree 13/2023/NĐ-CP) for callers without `pii:read`: enough to
 * tell records apart on a screen, not to identify or confirm a person. Names keep initials only (no word
 * lengths), numbers their last three digits; search for these callers matches dossier codes only, so a
 * mask cannot be completed by asking yes/no questions.
 */
const lastDigits = (value: string | null, keep: number): string | null => {
  if (value == null) return null;
  if (value.length <= keep + 2) return '*'.repeat(value.length);
  return '*'.repeat(value.length - keep) + value.slice(-keep);
};

/** `040123456721` → `*********721`. */
export const maskIdNumber = (id: string | null) => lastDigits(id, 3);

/** `0912345678` → `*******678`. */
export const maskPhone = (phone: string | null) => lastDigits(phone, 3);

/** Initials only: `Nguyễn Văn Đức` → `N. V. Đ.` (no word lengths). */
export function maskName(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]}.`)
    .join(' ');
}
