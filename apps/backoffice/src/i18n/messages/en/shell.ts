/** Words of the shell area (how the catalogue is organised: ../../README.md). */
export const shell = {};

export type ShellMessages = typeof shell;
