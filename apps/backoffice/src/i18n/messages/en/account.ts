/** Words of the account area (how the catalogue is organised: ../../README.md). */
export const account = {};

export type AccountMessages = typeof account;
