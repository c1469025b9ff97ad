import { ledgerListHandler } from '../platform/records-http.ts';
import { spotCheckView } from './views.ts';

export const handler = ledgerListHandler('listSpotChecks', spotCheckView);
