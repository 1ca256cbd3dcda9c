// The tests' name for the rule the build enforces (src/markdown/prints-32.ts).
export { PRINTS_32 } from '../../src/markdown/prints-32.ts';
