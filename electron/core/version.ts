import pkg from '../../package.json' with { type: 'json' };

// Candor's version, from package.json and nowhere else: the CLI's --version, the app's About, and the generator a
// built site names in its pages and its manifest.

export const VERSION: string = pkg.version;
export const GENERATOR = `Candor ${VERSION}`;
