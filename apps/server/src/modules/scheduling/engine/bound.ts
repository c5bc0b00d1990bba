import { buildModel, candidateSlots, type Model } from './model';
import type { ScheduleInput } from './types';

const EPS = 1e-9;

/**
 * Upper bound on the weight any schedule can add, computed without looking at a schedule.
 *
 * Relaxation: a max-weight bipartite b-matching (buyers x exhibitors, one edge per pair that has
 * at least one slot where both are free, under the per-day cap, with a table and an interpreter
 * of its language), where each person's b is min(free slots, sum over days of the room left
 * under the per-day cap). Interpreter capacity (per language and in total) and hall-table
 * capacity are side constraints handled by Lagrangian relaxation: for any multipliers >= 0,
 * max b-matching with weights w - sum(lambda) plus sum(lambda * capacity) is a valid bound, so
 * a few multiplier vectors are tried and the smallest value is kept. Each b-matching value is
 * taken from a feasible LP-dual solution built from the min-cost-flow potentials (weak duality),
 * so the bound stays valid even if the flow solver stopped short of the optimum.
 */
export function upperBound(input: ScheduleInput): number {
  const m = buildModel(input);
  return boundOf(m, candidateSlots(m));
}

/** Bisection steps per multiplier (3 reach every integer in 1..7 when weights go up to 8). */
const BISECTIONS = 3;

export function boundOf(m: Model, cand: Int32Array[]): number {
  const { S, D, P, L, H } = m;
  const n = m.pb.length;

  // Person capacities.
  const b = new Int32Array(P);
  const perDay = new Int32Array(D);
  for (let p = 0; p < P; p++) {
    let total = 0;
    let byDay = 0;
    perDay.fill(0);
    for (let s = 0; s < S; s++)
      if (m.free[p * S + s]) {
        total++;
        perDay[m.dayOf[s]]++;
      }
    for (let d = 0; d < D; d++) byDay += Math.max(0, Math.min(m.cap - m.lockedPerDay[p * D + d], perDay[d]));
    b[p] = Math.min(total, byDay);
  }

  // Edges: pairs with a positive weight and at least one feasible slot on their own.
  const edges: number[] = [];
  for (let k = 0; k < n; k++) if (m.pw[k] > 0 && cand[k].length > 0) edges.push(k);
  if (edges.length === 0) return 0;

  // Side constraints: groups 0..L-1 languages, L all interpreters, L+1.. halls.
  const G = L + 1 + H;
  const gcap = new Float64Array(G);
  for (let l = 0; l < L; l++)
    for (const i of m.interpsByLang[l]) for (let s = 0; s < S; s++) gcap[l] += m.interpFree[i * S + s];
  for (let i = 0; i < m.I; i++) {
    let covers = false;
    for (let l = 0; l < L && !covers; l++) covers = m.interpLang[i * L + l] === 1;
    if (covers) for (let s = 0; s < S; s++) gcap[L] += m.interpFree[i * S + s];
  }
  for (let h = 0; h < H; h++)
    for (let s = 0; s < S; s++) gcap[L + 1 + h] += Math.max(0, m.tablesLeft[h * S + s]);
  const edgeGroups = edges.map((k) => {
    const g: number[] = [];
    if (m.pl[k] >= 0) g.push(m.pl[k], L);
    if (m.ph[k] >= 0) g.push(L + 1 + m.ph[k]);
    return g;
  });

  const flow = new BMatching(m, b, edges);
  const lambda = new Float64Array(G);
  const usage = new Float64Array(G);
  const w = new Float64Array(edges.length);
  const evaluate = (): number => {
    edges.forEach((k, e) => {
      let v = m.pw[k];
      for (const g of edgeGroups[e]) v -= lambda[g];
      w[e] = v;
    });
    const chosen = flow.solve(w);
    usage.fill(0);
    for (let e = 0; e < edges.length; e++) if (chosen[e]) for (const g of edgeGroups[e]) usage[g]++;
    // The dual value bounds the b-matching whatever the solver did; it equals the optimum when
    // the solver is right. The chosen edges only steer the multipliers.
    let value = flow.dualValue(w);
    for (let g = 0; g < G; g++) value += lambda[g] * gcap[g];
    return value;
  };

  let maxW = 0;
  for (const k of edges) maxW = Math.max(maxW, m.pw[k]);
  let best = evaluate();
  // Coordinate bisection on each violated side constraint: the total interpreter pool first,
  // then each language, then each hall. Every multiplier vector tried gives a valid bound.
  const order = [
    L,
    ...Array.from({ length: L }, (_, l) => l),
    ...Array.from({ length: H }, (_, h) => L + 1 + h),
  ];
  for (const g of order) {
    if (usage[g] <= gcap[g] + EPS) continue;
    let lo = lambda[g];
    let hi = lambda[g] + maxW;
    let bestLambda = lambda[g];
    let bestUsage = usage.slice();
    for (let it = 0; it < BISECTIONS; it++) {
      lambda[g] = (lo + hi) / 2;
      const value = evaluate();
      if (value < best - EPS) {
        best = value;
        bestLambda = lambda[g];
        bestUsage = usage.slice();
      }
      if (usage[g] > gcap[g] + EPS) lo = lambda[g];
      else hi = lambda[g];
    }
    lambda[g] = bestLambda;
    usage.set(bestUsage);
  }
  const integral = edges.every((k) => Number.isInteger(m.pw[k]));
  return integral ? Math.floor(best + 1e-6) : best;
}

/**
 * Max-weight b-matching on the bipartite pair graph by min-cost flow (primal-dual: Dijkstra
 * with potentials, then blocking flows on zero-reduced-cost edges; stops when the cheapest
 * source-sink path is no longer profitable). The graph is built once; `solve` takes new weights.
 */
class BMatching {
  private readonly N: number;
  private readonly src: number;
  private readonly sink: number;
  private readonly head: Int32Array;
  private readonly nxt: Int32Array;
  private readonly to: Int32Array;
  private readonly cap: Int32Array;
  private readonly cap0: Int32Array;
  private readonly cost: Float64Array;
  private readonly middle: Int32Array;
  private readonly pot: Float64Array;
  private readonly dist: Float64Array;
  private readonly level: Int32Array;
  private readonly iter: Int32Array;
  private readonly queue: Int32Array;
  private readonly heapNode: Int32Array;
  private readonly heapKey: Float64Array;
  private readonly pathEdge: Int32Array;
  private ec = 0;
  private readonly side: Uint8Array;
  private readonly bOf: Int32Array;

  constructor(
    private readonly m: Model,
    b: Int32Array,
    private readonly edges: number[],
  ) {
    const P = m.P;
    this.N = P + 2;
    this.src = P;
    this.sink = P + 1;
    const E = 2 * (edges.length + 2 * P);
    this.head = new Int32Array(this.N).fill(-1);
    this.nxt = new Int32Array(E);
    this.to = new Int32Array(E);
    this.cap = new Int32Array(E);
    this.cap0 = new Int32Array(E);
    this.cost = new Float64Array(E);
    this.middle = new Int32Array(edges.length);
    const side = (this.side = new Uint8Array(P));
    this.bOf = new Int32Array(P);
    edges.forEach((k, e) => {
      side[m.pb[k]] = 1;
      side[m.px[k]] = 2;
      this.middle[e] = this.addEdge(m.pb[k], m.px[k], 1);
    });
    for (let p = 0; p < P; p++) {
      if (!side[p] || b[p] <= 0) continue;
      this.bOf[p] = b[p];
      if (side[p] === 1) this.addEdge(this.src, p, b[p]);
      else this.addEdge(p, this.sink, b[p]);
    }
    this.pot = new Float64Array(this.N);
    this.dist = new Float64Array(this.N);
    this.level = new Int32Array(this.N);
    this.iter = new Int32Array(this.N);
    this.queue = new Int32Array(this.N);
    this.heapNode = new Int32Array(E + this.N);
    this.heapKey = new Float64Array(E + this.N);
    this.pathEdge = new Int32Array(this.N + 1);
  }

  private addEdge(u: number, v: number, c: number): number {
    const e = this.ec;
    this.to[e] = v;
    this.cap0[e] = c;
    this.nxt[e] = this.head[u];
    this.head[u] = e;
    this.to[e + 1] = u;
    this.cap0[e + 1] = 0;
    this.nxt[e + 1] = this.head[v];
    this.head[v] = e + 1;
    this.ec += 2;
    return e;
  }

  /** Which edges a max-weight b-matching uses under weights w (edges with w <= 0 never). */
  solve(w: Float64Array): Uint8Array {
    const { N, src, sink, head, nxt, to, cap, cost, pot, dist, level, iter, queue, pathEdge } = this;
    const P = this.m.P;
    cap.set(this.cap0);
    cost.fill(0);
    for (let e = 0; e < this.middle.length; e++) {
      const me = this.middle[e];
      if (w[e] <= EPS) cap[me] = 0;
      cost[me] = -w[e];
      cost[me + 1] = w[e];
    }
    // Initial potentials: shortest distances in the acyclic graph before any flow.
    pot.fill(0);
    let minX = 0;
    for (let e = 0; e < this.middle.length; e++) {
      const me = this.middle[e];
      if (cap[me] > 0 && cost[me] < pot[to[me]]) pot[to[me]] = cost[me];
    }
    for (let p = 0; p < P; p++) minX = Math.min(minX, pot[p]);
    pot[sink] = minX;
    const admissible = (e: number, u: number) => cap[e] > 0 && Math.abs(cost[e] + pot[u] - pot[to[e]]) <= EPS;

    for (;;) {
      this.dijkstra(Infinity);
      if (dist[sink] === Infinity) break;
      const dt = dist[sink];
      for (let v = 0; v < N; v++) pot[v] += Math.min(dist[v], dt);
      if (pot[sink] - pot[src] >= -EPS) break;

      // Blocking flows on the admissible subgraph until none is left.
      for (;;) {
        level.fill(-1);
        level[src] = 0;
        let qh = 0;
        let qt = 0;
        queue[qt++] = src;
        while (qh < qt) {
          const u = queue[qh++];
          for (let e = head[u]; e !== -1; e = nxt[e]) {
            const v = to[e];
            if (level[v] < 0 && admissible(e, u)) {
              level[v] = level[u] + 1;
              queue[qt++] = v;
            }
          }
        }
        if (level[sink] < 0) break;
        for (let v = 0; v < N; v++) iter[v] = head[v];
        let depth = 0;
        let u = src;
        for (;;) {
          if (u === sink) {
            let f = Infinity;
            for (let i = 0; i < depth; i++) f = Math.min(f, cap[pathEdge[i]]);
            for (let i = 0; i < depth; i++) {
              cap[pathEdge[i]] -= f;
              cap[pathEdge[i] ^ 1] += f;
            }
            depth = 0;
            u = src;
            continue;
          }
          let e = iter[u];
          while (e !== -1 && !(level[to[e]] === level[u] + 1 && admissible(e, u))) e = nxt[e];
          iter[u] = e;
          if (e !== -1) {
            pathEdge[depth++] = e;
            u = to[e];
            continue;
          }
          if (u === src) break;
          level[u] = -1;
          depth--;
          u = to[pathEdge[depth] ^ 1];
          iter[u] = nxt[iter[u]];
        }
      }
    }

    // Final potentials for the dual: as if a free return edge sink -> source closed the flow into a
    // circulation, the sink is seeded at minus the current source-sink potential gap.
    this.dijkstra(-(pot[sink] - pot[src]));
    let far = -Infinity;
    for (let v = 0; v < N; v++) if (dist[v] < Infinity) far = Math.max(far, dist[v]);
    for (let v = 0; v < N; v++) pot[v] += dist[v] < Infinity ? dist[v] : far;

    const chosen = new Uint8Array(this.middle.length);
    for (let e = 0; e < this.middle.length; e++) if (w[e] > EPS && cap[this.middle[e]] === 0) chosen[e] = 1;
    return chosen;
  }

  /** Dijkstra on reduced costs from the source (and from the sink at key `sinkKey`, when finite). */
  private dijkstra(sinkKey: number) {
    const { src, sink, head, nxt, to, cap, cost, pot, dist, heapNode, heapKey } = this;
    dist.fill(Infinity);
    dist[src] = 0;
    let hs = 0;
    const push = (v: number, k: number) => {
      let i = hs++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heapKey[parent] <= k) break;
        heapNode[i] = heapNode[parent];
        heapKey[i] = heapKey[parent];
        i = parent;
      }
      heapNode[i] = v;
      heapKey[i] = k;
    };
    push(src, 0);
    if (sinkKey < Infinity) {
      dist[sink] = sinkKey;
      push(sink, sinkKey);
    }
    while (hs > 0) {
      const u = heapNode[0];
      const du = heapKey[0];
      hs--;
      if (hs > 0) {
        const lastN = heapNode[hs];
        const lastK = heapKey[hs];
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= hs) break;
          if (c + 1 < hs && heapKey[c + 1] < heapKey[c]) c++;
          if (heapKey[c] >= lastK) break;
          heapNode[i] = heapNode[c];
          heapKey[i] = heapKey[c];
          i = c;
        }
        heapNode[i] = lastN;
        heapKey[i] = lastK;
      }
      if (du > dist[u]) continue;
      for (let e = head[u]; e !== -1; e = nxt[e]) {
        if (cap[e] <= 0) continue;
        const v = to[e];
        const nd = du + Math.max(0, cost[e] + pot[u] - pot[v]);
        if (nd < dist[v] - EPS) {
          dist[v] = nd;
          push(v, nd);
        }
      }
    }
  }

  /**
   * Value of a feasible solution of the LP dual of the b-matching, built from the last
   * potentials: y_v >= 0 per person, z_e = max(0, w_e - y_buyer - y_exhibitor) per edge,
   * objective sum(b_v y_v) + sum(z_e). Any y >= 0 gives an upper bound (weak duality).
   */
  dualValue(w: Float64Array): number {
    const { m, pot, src, sink } = this;
    let maxW = 0;
    for (let e = 0; e < w.length; e++) maxW = Math.max(maxW, w[e]);
    const y = new Float64Array(m.P);
    for (let p = 0; p < m.P; p++) {
      if (this.bOf[p] <= 0)
        y[p] = maxW; // no capacity: its edges cost nothing at this price
      else if (this.side[p] === 1) y[p] = Math.max(0, pot[p] - pot[src]);
      else y[p] = Math.max(0, pot[sink] - pot[p]);
    }
    let value = 0;
    for (let p = 0; p < m.P; p++) if (this.bOf[p] > 0) value += this.bOf[p] * y[p];
    for (let e = 0; e < this.edges.length; e++) {
      const k = this.edges[e];
      value += Math.max(0, w[e] - y[m.pb[k]] - y[m.px[k]]);
    }
    return value;
  }
}
