/** GET /api/petitions/dispute-register/export: the register as XLSX in the paper form's columns. */
import { namedExportHandler } from './petition.export.ts';
import { disputeRegisterColumns, petitionView } from './views.ts';

export const handler = namedExportHandler('exportDisputeRegister', petitionView, {
  name: '矛盾纠纷摸底排查登记表',
  filename: '矛盾纠纷摸底排查登记表',
  columns: disputeRegisterColumns,
});
