/**
 * What a report prints where a name is missing (a unit, person or household no
 * longer in the directory): a Chinese placeholder, never the record's id, which
 * staff cannot read (`T01V001`).
 */
export const unknownUnitName = '（未知单位）';
export const unknownPersonName = '（未知人员）';
export const unknownHouseholdName = '（未知农户）';
