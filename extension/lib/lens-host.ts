/** The lens's shadow host in this isolated world (set when mounted, removed when the site is switched off). */
import { worldSlot } from './world-slot';

export const lensHost = worldSlot('lens-host', (v): v is Element => typeof Element !== 'undefined' && v instanceof Element);
