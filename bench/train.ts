// Training speed: the library against TensorFlow.js (CPU backend) and against a hand-written
// Float64Array loop, on the same networks, data and initial weights. Prints figures; gates nothing.
//
//   npm run bench:train
//
// Two tasks: an MLP 1 → 32 → 32 → 1 with ReLU on 20 points (full batch, Adam; the lab's shape at
// its default width), and SimpleNN(3, 5, 2) on a batch of 4 (SGD). The library runs twice: step by
// step as a PyTorch loop is written (eager), and as a captured Graph replayed (the lab's fast path).
import { createRequire, registerHooks } from 'node:module';
import type * as TF from '@tensorflow/tfjs-core';
import {
  Adam, Graph, Linear, manualSeed, type Module, mseLoss, type Optimizer, ReLU, Sequential, SGD,
  SimpleNN, sineData, Tensor,
} from 'lib';

// tfjs-core alone registers no gradients (the full tfjs package imports them); they exist only
// as ES modules written for bundlers, with extensionless imports. Resolve those the bundler's way,
// and point both packages at their ES modules so that they share one engine.
const TFJS_ESM = new Set(['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu']);
registerHooks({
  resolve(specifier, context, next) {
    if (TFJS_ESM.has(specifier)) return next(`${specifier}/dist/index.js`, context);
    const bundlerStyle = specifier.startsWith('.') && context.parentURL?.includes('/@tensorflow/');
    return next(bundlerStyle && !specifier.endsWith('.js') ? `${specifier}.js` : specifier, context);
  },
});
// Those modules also call require() to detect Node, as a bundle's CommonJS wrapper would allow.
Object.assign(globalThis, { require: createRequire(import.meta.url) });
const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-cpu');
await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');

interface Layer {
  weight: Float64Array; // [out, in], row-major, as PyTorch stores it
  bias: Float64Array;
  inputs: number;
  outputs: number;
}

interface Task {
  name: string;
  x: Tensor;
  y: Tensor;
  optimizer: 'adam' | 'sgd';
  lr: number;
  steps: number;
  makeModel: () => Module;
}

/** Trains from the task's initial weights for `steps` steps; returns the last loss. */
type Contender = (steps: number) => number;

const ROUNDS = 4;
const ROUND_SECONDS = 0.25;
const [GRAPH, EAGER, TFJS, HAND] = ['lib (Graph replay)', 'lib (eager steps)', 'tfjs-core, CPU backend', 'hand-written loop'];

const linearsOf = (model: Module): Linear[] => [...model.modules()].filter((m): m is Linear => m instanceof Linear);

function layersOf(model: Module): Layer[] {
  return linearsOf(model).map((l) => ({ weight: l.weight.data.slice(), bias: l.bias!.data.slice(), inputs: l.inFeatures, outputs: l.outFeatures }));
}

function libContender(task: Task, initial: Layer[], replay: boolean): Contender {
  return (steps) => {
    const model = task.makeModel();
    linearsOf(model).forEach((l, i) => {
      l.weight.data.set(initial[i]!.weight);
      l.bias!.data.set(initial[i]!.bias);
    });
    const optimizer: Optimizer =
      task.optimizer === 'adam' ? new Adam(model.parameters(), { lr: task.lr }) : new SGD(model.parameters(), { lr: task.lr });
    const step = () => {
      optimizer.zeroGrad();
      const loss = mseLoss(model.call(task.x) as Tensor, task.y);
      loss.backward();
      optimizer.step();
      return loss;
    };
    if (!replay) {
      let loss = 0;
      for (let i = 0; i < steps; i++) loss = step().item();
      return loss;
    }
    const graph = new Graph();
    const loss = graph.capture(step);
    for (let i = 1; i < steps; i++) graph.replay();
    return loss.item();
  };
}

function tfjsContender(task: Task, initial: Layer[]): Contender {
  const x = tf.tensor2d(Float32Array.from(task.x.data), [...task.x.shape] as [number, number]);
  const y = tf.tensor2d(Float32Array.from(task.y.data), [...task.y.shape] as [number, number]);
  return (steps) => {
    // tfjs multiplies x [rows, in] by W [in, out]: the transpose of PyTorch's layout.
    const layers = initial.map((l) => ({
      w: tf.variable(tf.transpose(tf.tensor2d(Float32Array.from(l.weight), [l.outputs, l.inputs]))),
      b: tf.variable(tf.tensor1d(Float32Array.from(l.bias))),
    }));
    const optimizer = task.optimizer === 'adam' ? tf.train.adam(task.lr, 0.9, 0.999, 1e-8) : tf.train.sgd(task.lr);
    const lossOf = () => {
      let h: TF.Tensor = x;
      layers.forEach(({ w, b }, i) => {
        h = tf.add(tf.matMul(h, w), b);
        if (i < layers.length - 1) h = tf.relu(h);
      });
      return tf.mean(tf.square(tf.sub(h, y))) as TF.Scalar;
    };
    let last = 0;
    for (let i = 0; i < steps; i++) {
      const loss = optimizer.minimize(lossOf, true)!;
      if (i === steps - 1) last = loss.dataSync()[0]!;
      loss.dispose();
    }
    optimizer.dispose();
    for (const { w, b } of layers) tf.dispose([w, b]);
    return last;
  };
}

/**
 * The practical limit: forward, backward and update of a ReLU MLP with MSE loss, derived by hand,
 * in one loop over preallocated Float64Arrays.
 */
function handContender(task: Task, initial: Layer[]): Contender {
  const rows = task.x.shape[0]!;
  const [X, Y] = [task.x.data, task.y.data];
  const { lr } = task;
  return (steps) => {
    const layers = initial.map((l) => ({ ...l, weight: l.weight.slice(), bias: l.bias.slice() }));
    // Per layer: activations out (after ReLU, except the last), gradients, Adam moments.
    const acts = layers.map((l) => new Float64Array(rows * l.outputs));
    const grads = layers.map((l) => new Float64Array(rows * l.outputs));
    const gw = layers.map((l) => new Float64Array(l.weight.length));
    const gb = layers.map((l) => new Float64Array(l.bias.length));
    const moments = layers.map((l) => ({
      mw: new Float64Array(l.weight.length), vw: new Float64Array(l.weight.length),
      mb: new Float64Array(l.bias.length), vb: new Float64Array(l.bias.length),
    }));
    const last = layers.length - 1;
    const n = rows * layers[last]!.outputs;
    let loss = 0;
    for (let t = 1; t <= steps; t++) {
      // Forward, ReLU fused into each hidden layer.
      for (let k = 0; k <= last; k++) {
        const { weight: W, bias: B, inputs: ni, outputs: no } = layers[k]!;
        const input = k === 0 ? X : acts[k - 1]!;
        const out = acts[k]!;
        for (let r = 0; r < rows; r++) {
          for (let o = 0; o < no; o++) {
            let s = 0;
            for (let i = 0; i < ni; i++) s += input[r * ni + i]! * W[o * ni + i]!;
            s += B[o]!;
            out[r * no + o] = k < last && s < 0 ? 0 : s;
          }
        }
      }
      // Loss and its gradient.
      const pred = acts[last]!;
      const gOut = grads[last]!;
      loss = 0;
      for (let i = 0; i < n; i++) {
        const d = pred[i]! - Y[i]!;
        loss += d * d;
        gOut[i] = (2 / n) * d;
      }
      loss /= n;
      // Backward: weight and bias gradients, then the gradient of the layer below (through its ReLU).
      for (let k = last; k >= 0; k--) {
        const { weight: W, inputs: ni, outputs: no } = layers[k]!;
        const input = k === 0 ? X : acts[k - 1]!;
        const g = grads[k]!;
        const [GW, GB] = [gw[k]!.fill(0), gb[k]!.fill(0)];
        const below = k > 0 ? grads[k - 1]!.fill(0) : null;
        for (let r = 0; r < rows; r++) {
          for (let o = 0; o < no; o++) {
            const go = g[r * no + o]!;
            if (go === 0) continue;
            GB[o]! += go;
            if (below) {
              for (let i = 0; i < ni; i++) {
                GW[o * ni + i]! += go * input[r * ni + i]!;
                below[r * ni + i]! += go * W[o * ni + i]!;
              }
            } else {
              for (let i = 0; i < ni; i++) GW[o * ni + i]! += go * input[r * ni + i]!;
            }
          }
        }
        if (below) for (let i = 0; i < below.length; i++) if (input[i]! <= 0) below[i] = 0;
      }
      // Update.
      for (let k = 0; k <= last; k++) {
        const { weight: W, bias: B } = layers[k]!;
        if (task.optimizer === 'sgd') {
          for (let i = 0; i < W.length; i++) W[i]! -= lr * gw[k]![i]!;
          for (let i = 0; i < B.length; i++) B[i]! -= lr * gb[k]![i]!;
        } else {
          const stepSize = lr / (1 - BETA1 ** t);
          const correction2 = Math.sqrt(1 - BETA2 ** t);
          adamUpdate(W, gw[k]!, moments[k]!.mw, moments[k]!.vw, stepSize, correction2);
          adamUpdate(B, gb[k]!, moments[k]!.mb, moments[k]!.vb, stepSize, correction2);
        }
      }
    }
    return loss;
  };
}

const [BETA1, BETA2, EPS] = [0.9, 0.999, 1e-8];

function adamUpdate(
  p: Float64Array, g: Float64Array, m: Float64Array, v: Float64Array, stepSize: number, correction2: number,
): void {
  for (let i = 0; i < p.length; i++) {
    m[i] = BETA1 * m[i]! + (1 - BETA1) * g[i]!;
    v[i] = BETA2 * v[i]! + (1 - BETA2) * g[i]! * g[i]!;
    p[i]! -= stepSize * (m[i]! / (Math.sqrt(v[i]!) / correction2 + EPS));
  }
}

/**
 * Steps per second of each contender: the best of ROUNDS rounds, taken in turn so that a busy
 * machine slows them all alike; each round trains afresh for `steps` steps, as often as fits in
 * ROUND_SECONDS. Also the final loss, to show they all learned the same thing.
 */
function measure(contenders: Record<string, Contender>, steps: number) {
  const results = Object.fromEntries(Object.keys(contenders).map((name) => [name, { stepsPerSecond: 0, loss: Number.NaN }]));
  for (const contender of Object.values(contenders)) contender(Math.min(steps, 200)); // JIT warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, contender] of Object.entries(contenders)) {
      let total = 0;
      let loss = 0;
      const start = performance.now();
      do {
        loss = contender(steps);
        total += steps;
      } while (performance.now() - start < ROUND_SECONDS * 1000);
      const result = results[name]!;
      result.stepsPerSecond = Math.max(result.stepsPerSecond, total / ((performance.now() - start) / 1000));
      result.loss = loss;
    }
  }
  return results;
}

const format = (v: number) => (v >= 100 ? v.toFixed(0) : v.toPrecision(3));

function benchmark(task: Task): void {
  manualSeed(0);
  const initial = layersOf(task.makeModel());
  const results = measure(
    {
      [GRAPH]: libContender(task, initial, true),
      [EAGER]: libContender(task, initial, false),
      [TFJS]: tfjsContender(task, initial),
      [HAND]: handContender(task, initial),
    },
    task.steps,
  );
  console.log(`\n${task.name}: ${task.steps} steps per run, best of ${ROUNDS} rounds, ${task.optimizer === 'adam' ? 'Adam' : 'SGD'} lr=${task.lr}`);
  for (const [name, { stepsPerSecond, loss }] of Object.entries(results)) {
    const microseconds = 1e6 / stepsPerSecond;
    console.log(`  ${name.padEnd(24)} ${format(stepsPerSecond).padStart(9)} steps/s  ${format(microseconds).padStart(7)} µs/step  final loss ${loss.toPrecision(6)}`);
  }
  const speed = (name: string) => results[name]!.stepsPerSecond;
  const [tfjs, hand] = [speed(TFJS), speed(HAND)];
  for (const lib of [GRAPH, EAGER]) {
    console.log(`  ${lib}: ${format(speed(lib) / tfjs)}× the speed of tfjs, ${format(hand / speed(lib))}× the hand loop's time per step`);
  }
}

await tf.setBackend('cpu');
console.log(`Node ${process.version}, tfjs-core ${tf.version_core} (${tf.getBackend()} backend), float64 for lib and the hand loop, float32 for tfjs`);

const sine = sineData({ trainPoints: 20, seed: 0 }).train;
benchmark({
  name: 'MLP 1 → 32 → 32 → 1, 20 points, full batch',
  x: sine.x,
  y: sine.y,
  optimizer: 'adam',
  lr: 0.01,
  steps: 500,
  makeModel: () => new Sequential(new Linear(1, 32), new ReLU(), new Linear(32, 32), new ReLU(), new Linear(32, 1)),
});

const batch = new Tensor([4, 3], Float64Array.from([1, -2, 0.5, 0.3, 0.7, -1.1, -1.5, 1.2, 2, 0.8, 0.1, -0.4]));
const targets = new Tensor([4, 2], Float64Array.from([0.5, -1, 1.5, 0.25, -0.75, 2, 0, 0.5]));
benchmark({
  name: 'SimpleNN(3, 5, 2), batch of 4',
  x: batch,
  y: targets,
  optimizer: 'sgd',
  lr: 0.05,
  steps: 1000,
  makeModel: () => new SimpleNN(3, 5, 2),
});
