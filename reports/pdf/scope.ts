import type { ReportMeta } from './types.ts';

/**
 * The full name of what a report covers, the county written once: `守望示范县`
 * for the county's report, `守望示范县南坡镇` for a town's. Jobs pass the county's
 * name as the county report's scope label, so prefixing it blindly would print
 * `守望示范县守望示范县`.
 */
export function scopeName(meta: Pick<ReportMeta, 'countyName' | 'scopeLabel'>): string {
  const scope = meta.scopeLabel.trim();
  if (scope === '') return meta.countyName;
  return scope.startsWith(meta.countyName) ? scope : `${meta.countyName}${scope}`;
}
