// Minifiers rename classes (a production bundle turns `Linear` into `m`), yet a module prints
// its class name, as PyTorch's repr does. So every exported class pins its own name.
export function pinName(cls: object, name: string): void {
  Object.defineProperty(cls, 'name', { value: name });
}
