/**
 * Masking of personal data for anyone who does not need it in full: emailed
 * reports, lists shown outside the household's own village, exports to leaders.
 * Masks keep enough to tell people apart and to match a number someone reads out.
 */

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/**
 * `610***********1234`: the province and prefecture digits and the last four
 * (sequence and check character) stay; birth date and county are hidden.
 * Other lengths keep the same first 3 and last 4 when long enough, else all stars.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  if (s.length < 8) return stars(s.length);
  return s.slice(0, 3) + stars(s.length - 7) + s.slice(-4);
}

/**
 * `138****5678` for an 11-digit mobile number; other numbers (landlines with an
 * area code) keep their last four digits and hide the rest of the subscriber part.
 */
export function maskPhone(phone: string): string {
  const s = phone.trim().replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length <= 4) return stars(s.length);
  if (/^0\d{2,3}\d{7,8}$/.test(s)) {
    // Three-digit area codes are Beijing (010) and the 02x cities; all others have four.
    const area = /^(010|02\d)/.test(s) ? 3 : 4;
    return s.slice(0, area) + stars(s.length - area - 4) + s.slice(-4);
  }
  return stars(s.length - 4) + s.slice(-4);
}

/** `张*`, `欧**`: the surname's first character stays, every other character is a star. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return stars(chars.length);
  return (chars[0] as string) + stars(chars.length - 1);
}
