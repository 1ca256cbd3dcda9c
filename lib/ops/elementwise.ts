// Elementwise arithmetic with broadcasting: a bias of shape [n] adds to every row of [rows, n].
import { Tensor } from '../tensor.ts';
import { broadcastIndex, broadcastShape } from './broadcast.ts';
import { operation } from './operation.ts';

type Operand = Tensor | number;

const asTensor = (value: Operand): Tensor =>
  value instanceof Tensor ? value : new Tensor([], new Float64Array([value]));

interface Prepared {
  a: Tensor;
  b: Tensor;
  shape: number[];
  /** Per output element, the position in `a` and in `b` it reads. */
  ia: Int32Array;
  ib: Int32Array;
}

function prepare(name: string, left: Operand, right: Operand): Prepared {
  const a = asTensor(left);
  const b = asTensor(right);
  const shape = broadcastShape(a.shape, b.shape, name);
  return { a, b, shape, ia: broadcastIndex(a.shape, shape), ib: broadcastIndex(b.shape, shape) };
}

/** a + b, broadcasting (the twin of `torch.add`). Either may be a plain number. */
export function add(left: Operand, right: Operand): Tensor {
  const { a, b, shape, ia, ib } = prepare('add', left, right);
  return operation('AddBackward', [a, b], shape, (O, A, B) => ({
    forward: () => {
      for (let i = 0; i < O.length; i++) O[i] = A[ia[i]!]! + B[ib[i]!]!;
    },
    backward: (g, [ga, gb]) => {
      for (let i = 0; i < g.length; i++) {
        if (ga) ga[ia[i]!]! += g[i]!;
        if (gb) gb[ib[i]!]! += g[i]!;
      }
    },
  }));
}

/** a − b, broadcasting (the twin of `torch.sub`). Either may be a plain number. */
export function sub(left: Operand, right: Operand): Tensor {
  const { a, b, shape, ia, ib } = prepare('sub', left, right);
  return operation('SubBackward', [a, b], shape, (O, A, B) => ({
    forward: () => {
      for (let i = 0; i < O.length; i++) O[i] = A[ia[i]!]! - B[ib[i]!]!;
    },
    backward: (g, [ga, gb]) => {
      for (let i = 0; i < g.length; i++) {
        if (ga) ga[ia[i]!]! += g[i]!;
        if (gb) gb[ib[i]!]! -= g[i]!;
      }
    },
  }));
}

/** a · b elementwise, broadcasting (the twin of `torch.mul`). Either may be a plain number. */
export function mul(left: Operand, right: Operand): Tensor {
  const { a, b, shape, ia, ib } = prepare('mul', left, right);
  return operation('MulBackward', [a, b], shape, (O, A, B) => ({
    forward: () => {
      for (let i = 0; i < O.length; i++) O[i] = A[ia[i]!]! * B[ib[i]!]!;
    },
    backward: (g, [ga, gb]) => {
      for (let i = 0; i < g.length; i++) {
        if (ga) ga[ia[i]!]! += g[i]! * B[ib[i]!]!;
        if (gb) gb[ib[i]!]! += g[i]! * A[ia[i]!]!;
      }
    },
  }));
}
