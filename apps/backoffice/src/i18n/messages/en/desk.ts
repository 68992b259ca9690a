/** Words of the desk area (how the catalogue is organised: ../../README.md). */
export const desk = {};

export type DeskMessages = typeof desk;
