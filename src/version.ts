/** The package version, stamped into every JSON output's provenance envelope. A test keeps it equal to package.json. */
export const VERSION = '0.1.0';
