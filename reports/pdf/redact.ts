/**
 * Free text typed by village staff (e.g. the note on why income fell) may
 * contain an ID, phone or bank-card number; reports are emailed, so such numbers
 * are masked before they are printed. Names are allowed, numbers are not.
 *
 * The rule itself is `maskFreeText` in `domain/org/mask.ts`, the one definition
 * every output uses. The PDF document, the workbook writer and the email builder
 * apply it to everything they write, so a report need not call this per field;
 * the name stays for the report builders that still do (harmless: masking twice
 * changes nothing).
 */
export { maskFreeText as maskPersonalNumbers } from '#domain/org/mask.ts';
