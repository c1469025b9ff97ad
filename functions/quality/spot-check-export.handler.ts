import { ledgerExportHandler } from '../platform/records-export.ts';
import { spotCheckSheet, spotCheckView } from './views.ts';

export const handler = ledgerExportHandler('exportSpotChecks', spotCheckView, spotCheckSheet);
