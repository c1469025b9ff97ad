/** What every report needs besides its data: who issues it, for which scope, and from which data. */
export interface ReportMeta {
  /** e.g. 守望示范县 */
  countyName: string;
  /** The office that issues the report, e.g. 守望示范县乡村振兴局. */
  issuingOffice: string;
  /** What the report covers: 全县, or a town such as 某某镇. */
  scopeLabel: string;
  generatedAt: Date;
  /** Lets an auditor tell which data a report shows. */
  provenance: ReportProvenance;
}

/** Which data a report was built from. */
export interface ReportProvenance {
  /** When the data was read from the store. */
  queriedAt: Date;
  /** How many records the query returned. */
  recordCount: number;
  /** SHA-256 (64 hex digits) of the canonical input the report was built from. */
  inputSha256: string;
}

/** A finished PDF. */
export interface RenderedReport {
  pdf: Buffer;
  pages: number;
}
