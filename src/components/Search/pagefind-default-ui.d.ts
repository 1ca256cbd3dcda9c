// @pagefind/default-ui ships no types; this is the one export the search uses.
declare module '@pagefind/default-ui' {
  export const PagefindUI: new (options: Record<string, unknown>) => unknown;
}
