import { ledgerExportHandler } from '../shared/records-export.ts';
import { spotCheckSheet, spotCheckView } from '../quality-shared/views.ts';

export const handler = ledgerExportHandler('exportSpotChecks', spotCheckView, spotCheckSheet);
