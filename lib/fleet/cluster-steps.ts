/**
 * Supercluster's `load()` as steps: the points are encoded a few thousand at a time, then each zoom
 * level is clustered and indexed in steps of its own, so a background build of the fleet map
 * (~300 ms of work at 50,000 routers on one core) can give way to requests between steps (see
 * sliced.ts). The result is the index `load()` builds, bit for bit: cluster-steps.test.ts compares
 * the two on random fleets.
 *
 * It walks supercluster's own internals (`_createTree`, `_cluster`, and the layout of its point
 * array) as version 9.1.0 has them; the version is pinned in package.json. When those internals are
 * not what this expects, it falls back to `load()` in one step. The same internals give each cluster's
 * expansion zoom without a query (`expansionZoomReader`).
 */
import type Supercluster from 'supercluster';
import type { AnyProps, PointFeature } from 'supercluster';
import type { Steps } from './sliced';

/** Supercluster 9.1's per-point slots: x, y, zoom processed, id, parent, count[, property index]. */
const OFFSET_ZOOM = 2;
const OFFSET_ID = 3;
const OFFSET_PARENT = 4;
const OFFSET_NUM = 5;
/** Its fixed-point encoding of [0, 1] mercator coordinates. */
const SCALE = 0x40000000;
const encode = (c: number) => (c - 0.5) * SCALE;
const lngX = (lng: number) => lng / 360 + 0.5;
function latY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return Math.min(1, Math.max(0, y));
}

/** Points encoded between yields: well under a millisecond. */
const POINTS_PER_STEP = 4_096;

interface Tree {
  numItems: number;
}

/** The parts of a Supercluster instance that `load()` fills in. */
interface Internals {
  options: { minZoom: number; maxZoom: number };
  stride: number;
  trees: Tree[];
  numPoints: number;
  props: unknown[];
  coords: Float64Array;
  ids: unknown[] | null;
  _createTree(data: Int32Array, numItems: number): Tree;
  _cluster(data: Int32Array, numItems: number, zoom: number, out: Int32Array): number;
}

function internalsOf(cluster: object): Internals | null {
  const c = cluster as Partial<Internals>;
  const known =
    typeof c._createTree === 'function' &&
    typeof c._cluster === 'function' &&
    Array.isArray(c.trees) &&
    (c.stride === 6 || c.stride === 7) &&
    typeof c.options?.maxZoom === 'number' &&
    typeof c.options?.minZoom === 'number';
  return known ? (c as Internals) : null;
}

/** Loads `points` into `cluster` (a fresh instance) as `load(points)` would, yielding between steps. */
export function* loadClusterSteps<P extends AnyProps, C extends AnyProps>(
  cluster: Supercluster<P, C>,
  points: ReadonlyArray<PointFeature<P>>,
): Steps<void> {
  const sc = internalsOf(cluster);
  if (!sc) {
    cluster.load(points as Array<PointFeature<P>>);
    return;
  }
  const { minZoom, maxZoom } = sc.options;
  const notProcessed = maxZoom + 1;
  const stride = sc.stride;
  const numPoints = points.length;
  sc.numPoints = numPoints;
  const props: unknown[] = new Array(numPoints);
  const coords = new Float64Array(numPoints * 2);
  const data = new Int32Array(numPoints * stride);
  for (let i = 0; i < numPoints; i++) {
    const [lng, lat] = points[i]!.geometry.coordinates as [number, number];
    const px = lngX(lng);
    const py = latY(lat);
    coords[2 * i] = px;
    coords[2 * i + 1] = py;
    const w = i * stride;
    data[w] = encode(px);
    data[w + 1] = encode(py);
    data[w + OFFSET_ZOOM] = notProcessed;
    data[w + OFFSET_ID] = i;
    data[w + OFFSET_PARENT] = -1;
    data[w + OFFSET_NUM] = 1;
    props[i] = points[i]!.properties;
    if ((i + 1) % POINTS_PER_STEP === 0) yield;
  }
  sc.props = props;
  sc.coords = coords;
  sc.ids = null;
  sc.trees[maxZoom + 1] = sc._createTree(data, numPoints);
  yield;
  let prev: Int32Array = data;
  let prevNum = numPoints;
  let recycled: Int32Array | null = null;
  for (let z = maxZoom; z >= minZoom; z--) {
    const out: Int32Array = recycled ?? new Int32Array(prevNum * stride);
    recycled = null;
    const written = sc._cluster(prev, prevNum, z, out);
    yield;
    if (written === prevNum) {
      // Nothing merged at this zoom: the level above serves it (as load() does).
      sc.trees[z] = sc.trees[z + 1]!;
      recycled = out;
    } else {
      sc.trees[z] = sc._createTree(out, written);
      prev = out;
      prevNum = written;
      yield;
    }
  }
}

/**
 * How to read a cluster's expansion zoom (the zoom at which it splits) for many clusters at once.
 * Supercluster 9.1 writes into each cluster id the zoom of the level that holds its children, and a
 * cluster always has at least two children there: that zoom is what `getClusterExpansionZoom`
 * finds by querying the children level by level, which was most of a busy viewport's query (about
 * 1 ms for 500 clusters). Without the internals this expects, that method. The unit test holds the
 * two equal for every cluster of random fleets.
 */
export function expansionZoomReader<P extends AnyProps, C extends AnyProps>(
  cluster: Supercluster<P, C>,
): (clusterId: number) => number {
  const sc = internalsOf(cluster);
  if (!sc || !Number.isInteger(sc.numPoints)) return (id) => cluster.getClusterExpansionZoom(id);
  const numPoints = sc.numPoints;
  return (id) => (id - numPoints) % 32;
}
