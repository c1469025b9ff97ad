/**
 * Free text typed by village staff (e.g. the note on why income fell) may
 * contain an ID or a phone number; reports are emailed, so such numbers are
 * masked before they are printed. Names are allowed, numbers are not.
 */

// 18-character resident ID (last may be X) and 15-digit old IDs.
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8,11}([\dXx])(?![0-9A-Za-z])/g;
// Mainland mobile numbers, optionally with +86 and separators.
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g;
// Landlines such as 0912-1234567 or 09121234567.
const LANDLINE = /(?<!\d)(0\d{2,3})[\s-]?\d{3,4}(\d{4})(?!\d)/g;

/**
 * Masks ID and phone numbers in free text, keeping only enough digits to
 * recognise the kind of number: `610123199001011234` → `610123************`,
 * `13912345678` → `139****5678`, `0912-3456789` → `0912-****`.
 */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_NUMBER, (_m, head: string) => `${head}${'*'.repeat(12)}`)
    .replace(MOBILE, (_m, head: string, tail: string) => `${head}****${tail}`)
    .replace(LANDLINE, (_m, area: string) => `${area}-****`);
}
