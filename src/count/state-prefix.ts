// Where the address keeps a calculation: `#count?preset=…`. Its own module, because the page's
// up-front loader needs only this string, and count-state.ts imports the library.
export const STATE_PREFIX = '#count?';
