import { checkSiteQuality } from './quality-checks.ts';

// Valid HTML, WCAG 2.2 AA at 1280 and 390 px on every page type, phone and print: test/site/quality-checks.ts.
checkSiteQuality('default', 'de');
