// The decision note's limit, as the API enforces it (the API answers 422 above it).
export const NOTE_MAX = 2000;
