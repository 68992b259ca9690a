/** Words of the manage area (how the catalogue is organised: ../../README.md). */
export const manage = {};

export type ManageMessages = typeof manage;
