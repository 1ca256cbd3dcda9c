import { backward } from './autograd/backward.ts';
import type { GradFn } from './autograd/grad-fn.ts';
import { checkNotInKernel } from './graph-capture.ts';
import { pinName } from './names.ts';
import { checkSize, formatShape, shapeNumel } from './shape.ts';

/** Numbers nested in arrays, as `tensor()` takes them and `toArray()` returns them. */
export type NestedArray = number | readonly NestedArray[];

/**
 * An n-dimensional array of float64 numbers, stored row-major.
 *
 * The storage is allocated on the first read of `data`, so building a large model just to count
 * its parameters (GPT-2 has 124M) allocates nothing.
 */
export class Tensor {
  static {
    pinName(this, 'Tensor');
  }

  readonly shape: readonly number[];
  /** The gradient, filled in by `backward()` on the leaves that require grad; `null` until then. */
  grad: Tensor | null = null;
  /** Whether autograd records what is computed from this tensor, so `backward()` reaches it. */
  requiresGrad = false;
  /** The operation that made this tensor, when it requires grad (the twin of `grad_fn`). */
  gradFn: GradFn | null = null;
  #data: Float64Array | null = null;
  #source: (() => Float64Array) | null;

  /**
   * @param shape the size of each dimension; `[]` is a scalar.
   * @param data the values (row-major), or a function that makes them on first read; zeros if omitted.
   */
  constructor(shape: readonly number[], data?: Float64Array | (() => Float64Array)) {
    checkNotInKernel('a Tensor');
    // Checked before the message is built: operations make many tensors, nearly all valid.
    for (let dim = 0; dim < shape.length; dim++) {
      const size = shape[dim];
      if (!(Number.isInteger(size) && size! >= 0)) checkSize(size, `Tensor: size of dimension ${dim}`, 0);
    }
    this.shape = Object.freeze([...shape]);
    if (data instanceof Float64Array) {
      this.#data = this.#checked(data);
      this.#source = null;
    } else if (data === undefined || typeof data === 'function') {
      this.#source = data ?? null;
    } else {
      throw new TypeError(
        'Tensor: data must be a Float64Array or a function returning one (use tensor() for arrays)',
      );
    }
  }

  /** The values, row-major. Allocated on first read. */
  get data(): Float64Array {
    if (this.#data === null) {
      this.#data = this.#source ? this.#checked(this.#source()) : new Float64Array(this.numel());
      this.#source = null;
    }
    return this.#data;
  }

  /** The number of elements: the product of the shape. */
  numel(): number {
    return shapeNumel(this.shape);
  }

  /** True for tensors not computed by a recorded operation: parameters, inputs, constants. */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** Sets `requiresGrad` (on a leaf, so it gets a `.grad`) and returns this tensor. */
  requiresGrad_(requiresGrad = true): this {
    this.requiresGrad = requiresGrad;
    return this;
  }

  /**
   * Computes the gradient of this tensor with respect to every leaf it was computed from that
   * requires grad, and adds it to their `.grad` (the twin of `loss.backward()`).
   * `gradient` is needed unless this tensor has one element.
   */
  backward(gradient?: Tensor): void {
    backward(this, gradient);
  }

  /** The value of a one-element tensor, as a number (the twin of `loss.item()`). */
  item(): number {
    if (this.numel() !== 1) {
      throw new RangeError(`Tensor.item: only a one-element tensor has one value, not shape ${formatShape(this.shape)}`);
    }
    return this.data[0]!;
  }

  /** The element at `index` (one integer per dimension; negative counts from the end, as in Python). */
  get(...index: number[]): number {
    if (index.length !== this.shape.length) {
      throw new RangeError(
        `Tensor.get: expected ${this.shape.length} indices for shape ${formatShape(this.shape)}, ` +
          `got ${index.length}`,
      );
    }
    let offset = 0;
    index.forEach((i, dim) => {
      const size = this.shape[dim]!;
      if (!Number.isInteger(i) || i < -size || i >= size) {
        throw new RangeError(`Tensor.get: index ${i} is out of range for dimension ${dim} of size ${size}`);
      }
      offset = offset * size + (i < 0 ? i + size : i);
    });
    return this.data[offset]!;
  }

  /** The values as nested arrays (a number for a scalar), handy for printing. */
  toArray(): NestedArray {
    const data = this.data;
    const build = (dim: number, offset: number): NestedArray => {
      if (dim === this.shape.length) return data[offset]!;
      const stride = shapeNumel(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim]! }, (_, i) => build(dim + 1, offset + i * stride));
    };
    return build(0, 0);
  }

  #checked(data: Float64Array): Float64Array {
    if (data.length !== this.numel()) {
      throw new RangeError(
        `Tensor: ${data.length} values do not fill shape ${formatShape(this.shape)} ` +
          `(${this.numel()} elements)`,
      );
    }
    return data;
  }
}

/** Builds a tensor from nested arrays, the twin of `torch.tensor(values)`. */
export function tensor(values: NestedArray): Tensor {
  const shape: number[] = [];
  for (let v = values; Array.isArray(v); v = (v as readonly NestedArray[])[0]!) {
    shape.push(v.length);
    if (v.length === 0) break;
  }
  const flat: number[] = [];
  const walk = (v: NestedArray, dim: number): void => {
    if (dim === shape.length) {
      if (typeof v !== 'number') {
        throw new TypeError(`tensor: expected a number, got ${JSON.stringify(v)}`);
      }
      flat.push(v);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new RangeError(
        `tensor: expected a sequence of length ${shape[dim]} at dimension ${dim}, got ${JSON.stringify(v)}`,
      );
    }
    for (const item of v as readonly NestedArray[]) walk(item, dim + 1);
  };
  walk(values, 0);
  return new Tensor(shape, Float64Array.from(flat));
}

/** A tensor of zeros, the twin of `torch.zeros(shape)`. */
export function zeros(shape: readonly number[]): Tensor {
  return new Tensor(shape);
}
