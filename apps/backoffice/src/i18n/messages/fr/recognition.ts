import type { RecognitionMessages } from '../en/recognition.ts';

export const recognition: RecognitionMessages = {};
