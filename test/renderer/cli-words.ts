/**
 * A command ("candor import", lower case as typed; the name Candor in prose is not one) or a flag ("--format").
 * Nothing the app shows may match: its users never open a terminal.
 */
export const CLI_WORDS = /(?<![\p{L}/])candor [a-z][a-z-]*|(?:^|[\s“"'`])--[a-z][a-z-]+/u;
