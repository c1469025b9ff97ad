import { ledgerExportHandler } from '../shared/records-http.ts';
import { spotCheckSheet, spotCheckView } from '../quality-shared/views.ts';

export const handler = ledgerExportHandler('exportSpotChecks', spotCheckView, spotCheckSheet);
