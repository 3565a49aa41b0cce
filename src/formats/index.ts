// The format adapters by id, and format detection.
import type { FormatId } from '../model/results.js';
import { annexAdapter } from './annex.js';
import { ebsiAdapter } from './ebsi.js';
import { edcAdapter } from './edc.js';
import { ob3Adapter } from './ob3.js';
import type { FormatAdapter } from './types.js';
import { vcAdapter } from './vc.js';

export { detectFormat, formatMarkers } from './detect.js';

export const ADAPTERS: Readonly<Record<FormatId, FormatAdapter>> = Object.freeze({
  edc: edcAdapter,
  ebsi: ebsiAdapter,
  ob3: ob3Adapter,
  vc: vcAdapter,
  annex: annexAdapter,
});

/** The adapter that maps documents of `format` onto the Annex I elements. */
export function adapterFor(format: FormatId): FormatAdapter {
  return ADAPTERS[format];
}
