/** Words of the recognition area (how the catalogue is organised: ../../README.md). */
export const recognition = {};

export type RecognitionMessages = typeof recognition;
