import { ledgerListHandler } from '../shared/records-http.ts';
import { spotCheckView } from '../quality-shared/views.ts';

export const handler = ledgerListHandler('listSpotChecks', spotCheckView);
