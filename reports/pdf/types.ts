import type { Lineage } from '#domain/shared/lineage.ts';

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
  /** The cut-off the figures are as of (records read in the version they had then). */
  asOf?: Date;
  /** How many records the query returned (or, with a lineage, how many distinct records it names). */
  recordCount: number;
  /** SHA-256 (64 hex digits) of the canonical input: with a lineage, of its canonical text. */
  inputSha256: string;
  /** The records each headline figure counted; drawn as the annex 数据溯源. */
  lineage?: Lineage;
}

/** A finished PDF. */
export interface RenderedReport {
  pdf: Buffer;
  pages: number;
}
