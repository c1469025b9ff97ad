/**
 * Look shared by all reports. Sizes are chosen for phones: leaders open the
 * PDFs on a phone, so nothing in a table is below 10.5pt and headings step up
 * clearly.
 */
export const colors = {
  text: '#1A1A1A',
  muted: '#5A6270',
  primary: '#1F4E79',
  primaryLight: '#DCE6F1',
  zebra: '#F3F6FA',
  rule: '#C8D1DC',
  grid: '#E1E6ED',
  alert: '#B8322A',
  warn: '#D9822B',
  good: '#2E7D4F',
  tile: '#F3F6FA',
  /** The red of an official document's masthead and separator line (GB/T 9704). */
  officialRed: '#E60012',
} as const;

export const sizes = {
  title: 26,
  subtitle: 18,
  h1: 16,
  h2: 13,
  body: 12,
  table: 11,
  small: 10,
  tileValue: 24,
} as const;

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;
