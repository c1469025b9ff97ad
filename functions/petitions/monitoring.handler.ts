/**
 * GET /api/petitions/monitoring-review: petitions about income, food and clothing,
 * compulsory education, basic medical care, housing or drinking water, whose
 * households are to be considered for monitoring.
 */
import { namedLedgerHandler, petitionView } from './views.ts';

export const handler = namedLedgerHandler(
  'listPetitionMonitoring',
  petitionView,
  (row) => row.monitoringReview === true,
);
