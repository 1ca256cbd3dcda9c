// "Prints 32" means 32 as a whole number: "32" or "total: 32", not "132", "320" or "3.2".
export const PRINTS_32 = /(?<![\d.])32(?!\d|\.\d)/;
